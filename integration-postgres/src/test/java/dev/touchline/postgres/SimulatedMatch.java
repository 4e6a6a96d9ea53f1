package dev.touchline.postgres;

import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.MatchId;
import dev.touchline.sensor.PositionFrames;
import dev.touchline.sensor.simulation.MatchSimulation;
import dev.touchline.sensor.simulation.MatchSimulator;
import dev.touchline.sensor.simulation.MotionBlock;
import dev.touchline.sensor.simulation.RosterEntry;
import dev.touchline.sensor.simulation.Signal;
import dev.touchline.sensor.simulation.SimulationChunk;
import dev.touchline.sensor.simulation.SimulationConfig;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import javax.sql.DataSource;

/** Registers and loads a short simulated match (GNSS + optical positions), chunk by chunk. */
final class SimulatedMatch {
    final SimulationConfig config;
    final MatchSimulator simulator;
    long gnssRows;
    long positionRows;
    final List<LoadResult> results = new ArrayList<>();
    /** Every fix of the first object that carries GNSS, as loaded. */
    GpsTrack firstTrack = GpsTrack.empty();
    int firstTrackObject = -1;

    SimulatedMatch(long seed, Duration matchDuration) {
        this.config = SimulationConfig.builder().seed(seed).matchDuration(matchDuration)
                .halfTimeBreak(Duration.ofMinutes(1)).signals(EnumSet.of(Signal.POSITIONS, Signal.GNSS)).build();
        this.simulator = MatchSimulator.of(config);
    }

    MatchRecord register(DataSource db, String matchId) throws SQLException {
        Catalog catalog = Catalog.of(db);
        long home = catalog.team("Home FC");
        long away = catalog.team("Away United");
        long officials = catalog.team("Match officials");
        for (RosterEntry e : simulator.roster().entries()) {
            long team = switch (e.side()) {
                case HOME -> home;
                case AWAY -> away;
                case OFFICIAL -> officials;
            };
            catalog.player(e.id(), e.side().code() + " #" + e.jerseyNumber(), team, "first_team");
        }
        return catalog.match(MatchId.of(matchId), "Simulated match " + config.seed(),
                new long[] {config.periodStartMicros(1), config.periodStartMicros(2)},
                new long[] {config.periodEndMicros(1), config.periodEndMicros(2)});
    }

    /** Loads every chunk; counts the rows offered to the sink. */
    void load(PostgresSink sink, MatchRecord match) throws SQLException {
        gnssRows = 0;
        firstTrack = GpsTrack.empty();
        firstTrackObject = -1;
        positionRows = 0;
        results.clear();
        try (MatchSimulation sim = simulator.start()) {
            while (sim.hasNext()) {
                SimulationChunk chunk = sim.next();
                for (int o = 0; o < chunk.gnss().size(); o++) {
                    GpsTrack track = chunk.gnss().get(o);
                    if (track.isEmpty()) {
                        continue;
                    }
                    RosterEntry who = simulator.roster().get(o);
                    if (firstTrackObject < 0) {
                        firstTrackObject = o;
                    }
                    if (o == firstTrackObject) {
                        firstTrack = firstTrack.concat(track);
                    }
                    gnssRows += track.length();
                    results.add(sink.writeGnss(PostgresSink.batchId("gnss_fix", match, who.id().toString(),
                            track.timeMicros(0), track.length()), match, who.id(), track));
                }
                PositionFrames frames = positions(chunk.motion());
                positionRows += frames.length();
                results.add(sink.writePositions(PostgresSink.batchId("optical_position", match, "all",
                        chunk.startMicros(), frames.length()), match, frames));
            }
        }
    }

    static PositionFrames positions(MotionBlock motion) {
        int objects = motion.objectCount();
        int frames = motion.chunkFrames();
        int n = objects * frames;
        int[] frame = new int[n];
        long[] time = new long[n];
        int[] object = new int[n];
        float[] x = new float[n];
        float[] y = new float[n];
        int k = 0;
        for (int f = 0; f < frames; f++) {
            for (int o = 0; o < objects; o++) {
                frame[k] = motion.frameNumber(f);
                time[k] = motion.timeMicros(f);
                object[k] = o;
                x[k] = (float) motion.x(o, f);
                y[k] = (float) motion.y(o, f);
                k++;
            }
        }
        return PositionFrames.of(frame, time, object, x, y, n);
    }
}
