package dev.touchline.sensor.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The simulator's timeline, roster and interpolation: the parts every generator relies on. */
class SimulationContractTest {

    @Test
    void configRejectsOutOfRangeValuesNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulationConfig.builder().players(23));
        assertTrue(e.getMessage().contains("players"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SimulationConfig.builder().players(3));
        assertThrows(IllegalArgumentException.class, () -> SimulationConfig.builder().officials(4));
        assertThrows(IllegalArgumentException.class,
                () -> SimulationConfig.builder().matchDuration(Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> SimulationConfig.builder().chunkDuration(Duration.ofMillis(50)));
        assertThrows(IllegalArgumentException.class, () -> SimulationConfig.builder().wearablePlayers(-1));
    }

    @Test
    void matchDurationRoundsToAnEvenNumberOfFramesWhateverTheChunkLength() {
        SimulationConfig c = SimulationConfig.builder().matchDuration(Duration.ofMillis(10_700)).build();
        assertEquals(10_640_000, c.matchDurationMicros());
        assertEquals(5_320_000, c.halfDurationMicros());
        SimulationConfig c2 = SimulationConfig.builder().matchDuration(Duration.ofMillis(10_700))
                .chunkDuration(Duration.ofSeconds(2)).build();
        assertEquals(c.matchDurationMicros(), c2.matchDurationMicros());
        // 5.32 s per half in 2 s chunks: 2, 2 and 1.32 s
        MatchSimulator sim = MatchSimulator.of(SimulationConfig.builder().matchDuration(Duration.ofMillis(10_700))
                .chunkDuration(Duration.ofSeconds(2)).signals(EnumSet.of(Signal.POSITIONS)).build());
        assertEquals(6, sim.chunkCount());
        try (MatchSimulation run = sim.start()) {
            int[] frames = new int[6];
            for (int i = 0; i < 6; i++) {
                frames[i] = run.next().motion().chunkFrames();
            }
            assertArrayEquals(new int[] {50, 50, 33, 50, 50, 33}, frames);
        }
    }

    @Test
    void resumingFromASnapshotContinuesTheSameRun() {
        // seed 4, 6 s, every signal: chunk 4 of a resumed run equals chunk 4 of a straight run
        SimulationConfig c = SimulationConfig.builder().seed(4).matchDuration(Duration.ofSeconds(6)).build();
        MatchSimulator sim = MatchSimulator.of(c);
        SimulationSnapshot snapshot;
        SimulationChunk expected;
        try (MatchSimulation run = sim.start()) {
            for (int i = 0; i < 3; i++) {
                run.next();
            }
            snapshot = run.snapshot();
            expected = run.next();
        }
        try (MatchSimulation resumed = sim.resume(snapshot)) {
            SimulationChunk actual = resumed.next();
            assertEquals(expected.startMicros(), actual.startMicros());
            assertEquals(expected.gnss(), actual.gnss());
            for (int f = 0; f < expected.motion().frameCount(); f++) {
                for (int o = 0; o < expected.motion().objectCount(); o++) {
                    assertEquals(expected.motion().x(o, f), actual.motion().x(o, f));
                }
            }
            assertEquals(expected.wearables().get(0).accelerometer(), actual.wearables().get(0).accelerometer());
        }
        assertThrows(IllegalArgumentException.class, () -> sim.resume(new SimulationSnapshot(5, 1)));
        assertThrows(IllegalArgumentException.class, () -> sim.resume(new SimulationSnapshot(4, 7)));
    }

    @Test
    void chunksCoverBothHalvesWithTheBreakBetween() {
        // seed 1, 20 s match, 30 s break, positions only
        SimulationConfig c = SimulationConfig.builder().matchDuration(Duration.ofSeconds(20))
                .halfTimeBreak(Duration.ofSeconds(30)).signals(EnumSet.of(Signal.POSITIONS)).build();
        MatchSimulator sim = MatchSimulator.of(c);
        assertEquals(20, sim.chunkCount());
        long expectedStart = c.kickoffMicros();
        int chunks = 0;
        int lastFrame = -1;
        try (MatchSimulation run = sim.start()) {
            while (run.hasNext()) {
                SimulationChunk chunk = run.next();
                if (chunks == 10) {
                    expectedStart += 30_000_000;
                }
                assertEquals(expectedStart, chunk.startMicros());
                assertEquals(chunks < 10 ? 1 : 2, chunk.period());
                MotionBlock m = chunk.motion();
                assertEquals(25, m.chunkFrames());
                assertEquals(chunks == 9 || chunks == 19 ? 25 : 26, m.frameCount(), "look-ahead frame");
                for (int f = 0; f < m.chunkFrames(); f++) {
                    assertEquals(chunk.startMicros() + f * MotionBlock.FRAME_MICROS, m.timeMicros(f));
                    assertTrue(m.frameNumber(f) > lastFrame);
                    lastFrame = m.frameNumber(f);
                }
                expectedStart += 1_000_000;
                chunks++;
            }
            assertThrows(NoSuchElementException.class, run::next);
        }
        assertEquals(20, chunks);
        // the break skips 30 s = 750 frame numbers
        assertEquals(20 * 25 + 750 - 1, lastFrame);
    }

    @Test
    void rosterHasOneKeeperPerTeamPlausibleStaturesAndDenseIndices() {
        Roster r = Roster.generate(1, 22, 3);
        assertEquals(25, r.size());
        assertEquals(22, r.playerCount());
        Set<Integer> numbers = new HashSet<>();
        int keepers = 0;
        for (int i = 0; i < r.size(); i++) {
            RosterEntry e = r.get(i);
            assertEquals(i, e.objectIndex());
            assertTrue(numbers.add(e.playerNumber()));
            if (e.role().isPlayer()) {
                assertTrue(e.statureMetres() >= 1.65 && e.statureMetres() <= 1.95, e.toString());
            }
            if (e.role().isOutfield()) {
                assertTrue(e.maxSpeedMetresPerSecond() >= 7.5 && e.maxSpeedMetresPerSecond() <= 9.5);
            }
            keepers += e.role() == Role.GOALKEEPER ? 1 : 0;
        }
        assertEquals(2, keepers);
        assertEquals(TeamSide.OFFICIAL, r.get(22).side());
        assertEquals(Role.REFEREE, r.get(22).role());
        assertEquals(r, Roster.generate(1, 22, 3));
        assertNotEquals(r, Roster.generate(2, 22, 3));
    }

    @Property(tries = 50)
    void smallRostersStayValid(@ForAll @IntRange(min = 1, max = 11) int perTeam,
                               @ForAll @IntRange(min = 0, max = 3) int officials) {
        Roster r = Roster.generate(perTeam * 31L, perTeam * 2, officials);
        assertEquals(perTeam * 2 + officials, r.size());
    }

    @Test
    void wearablePlayersAreOutfieldAndAlternateTeams() {
        MatchSimulator sim = MatchSimulator.of(SimulationConfig.builder().wearablePlayers(4).build());
        int[] w = sim.wearableObjects();
        assertEquals(4, w.length);
        for (int k = 0; k < w.length; k++) {
            RosterEntry e = sim.roster().get(w[k]);
            assertTrue(e.role().isOutfield());
            assertEquals(k % 2 == 0 ? TeamSide.HOME : TeamSide.AWAY, e.side());
        }
        assertEquals(0, MatchSimulator.of(SimulationConfig.builder().wearablePlayers(0).build())
                .wearableObjects().length);
    }

    @Property(tries = 300)
    void hermiteInterpolationIsExactForConstantAcceleration(
            @ForAll @DoubleRange(min = -5, max = 5) double ax, @ForAll @DoubleRange(min = -5, max = 5) double ay,
            @ForAll @DoubleRange(min = -9, max = 9) double vx0, @ForAll @DoubleRange(min = 0, max = 1) double at) {
        MotionBlock b = new MotionBlock(1, 1, 25, true);
        for (int f = 0; f < b.frameCount(); f++) {
            double t = f * 0.04;
            b.timeMicros[f] = 1_000_000_000L + f * MotionBlock.FRAME_MICROS;
            b.x[f] = vx0 * t + 0.5 * ax * t * t;
            b.y[f] = 0.5 * ay * t * t;
            b.vx[f] = vx0 + ax * t;
            b.vy[f] = ay * t;
            b.ax[f] = ax;
            b.ay[f] = ay;
        }
        double[] out = new double[6];
        long when = 1_000_000_000L + Math.round(at * 1e6);
        b.interpolate(0, when, out);
        double t = (when - 1_000_000_000L) / 1e6;
        assertEquals(vx0 * t + 0.5 * ax * t * t, out[0], 1e-9);
        assertEquals(0.5 * ay * t * t, out[1], 1e-9);
        assertEquals(vx0 + ax * t, out[2], 1e-9);
        assertEquals(ay * t, out[3], 1e-9);
        assertEquals(ax, out[4], 1e-12);
    }

    @Test
    void seedsGiveIndependentStreams() {
        long a = Seeds.derive(1, "gnss", 0);
        assertNotEquals(a, Seeds.derive(1, "gnss", 1));
        assertNotEquals(a, Seeds.derive(1, "imu", 0));
        assertNotEquals(a, Seeds.derive(2, "gnss", 0));
        assertEquals(a, Seeds.derive(1, "gnss", 0));
    }

    @Test
    void closedRunProducesNothingMore() {
        MatchSimulation run = MatchSimulator.of(SimulationConfig.builder().matchDuration(Duration.ofSeconds(4))
                .signals(EnumSet.of(Signal.POSITIONS)).build()).start();
        assertTrue(run.hasNext());
        run.next();
        run.close();
        assertFalse(run.hasNext());
        assertArrayEquals(new int[0], MatchSimulator.of(SimulationConfig.builder().wearablePlayers(0).build())
                .wearableObjects());
    }
}
