package dev.touchline.fusion.fsr;

import dev.touchline.sensor.simulation.FootContact;
import dev.touchline.sensor.simulation.FsrSamples;
import dev.touchline.sensor.simulation.MatchSimulation;
import dev.touchline.sensor.simulation.MatchSimulator;
import dev.touchline.sensor.simulation.Signal;
import dev.touchline.sensor.simulation.SimulationChunk;
import dev.touchline.sensor.simulation.SimulationConfig;
import dev.touchline.sensor.simulation.WearableChunk;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** The first wearable player's insole samples over the first seconds of a simulated match, with the truth. */
final class SimulatedInsoles {
    final List<FsrSamples> blocks = new ArrayList<>();
    final List<FootContact> truth = new ArrayList<>();

    static SimulatedInsoles simulate(long seed, double seconds) {
        SimulationConfig config = SimulationConfig.builder().seed(seed).wearablePlayers(1)
                .signals(EnumSet.of(Signal.FSR)).build();
        SimulatedInsoles s = new SimulatedInsoles();
        long end = config.kickoffMicros() + Math.round(seconds * 1e6);
        try (MatchSimulation run = MatchSimulator.of(config).start()) {
            while (run.hasNext()) {
                SimulationChunk c = run.next();
                if (c.startMicros() >= end) {
                    break;
                }
                WearableChunk w = c.wearables().get(0);
                s.blocks.add(w.fsr());
                s.truth.addAll(w.contacts());
            }
        }
        return s;
    }

    int samples() {
        return blocks.stream().mapToInt(FsrSamples::length).sum();
    }
}
