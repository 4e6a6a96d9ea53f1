package dev.touchline.codec.gps;

import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.simulation.MatchSimulation;
import dev.touchline.sensor.simulation.MatchSimulator;
import dev.touchline.sensor.simulation.Signal;
import dev.touchline.sensor.simulation.SimulationChunk;
import dev.touchline.sensor.simulation.SimulationConfig;
import java.time.Duration;
import java.util.EnumSet;

/** One player's simulated 10 Hz GNSS track. */
final class Simulated {
    private Simulated() {
    }

    static GpsTrack track(long seed, Duration matchDuration, int player) {
        SimulationConfig config = SimulationConfig.builder().seed(seed).matchDuration(matchDuration)
                .signals(EnumSet.of(Signal.POSITIONS, Signal.GNSS)).build();
        GpsTrack track = GpsTrack.empty();
        try (MatchSimulation sim = MatchSimulator.of(config).start()) {
            while (sim.hasNext()) {
                SimulationChunk chunk = sim.next();
                track = track.concat(chunk.gnss().get(player));
            }
        }
        return track;
    }
}
