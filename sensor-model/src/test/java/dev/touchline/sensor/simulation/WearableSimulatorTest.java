package dev.touchline.sensor.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.sensor.Units;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** Grids, ranges, determinism, stream independence and chunking of the wearable simulator. */
class WearableSimulatorTest {
    /** A varied speed profile: standing, walking, jogging, a sprint. */
    private static final DoubleUnaryOperator PROFILE = s -> {
        double p = s % 20;
        return p < 3 ? 0.1 : p < 8 ? 1.4 : p < 14 ? 3.8 + 0.3 * Math.sin(s) : p < 17 ? 7.2 : 2.0;
    };

    @Test
    void samplesLieOnExactNominalGrids() {
        // seed 3
        WearableTestRuns.Joined j = new WearableTestRuns.Joined(WearableTestRuns.runConstant(3, 5, 4.0));
        checkGrid(j.accT, 1000, 5000);
        checkGrid(j.gyroT, 5000, 1000);
        checkGrid(j.ecgT, 4000, 1250);
        checkGrid(j.ppgT, 2000, 2500);
        checkGrid(j.fsrT, 4000, 1250);
        checkGrid(j.tempT, 1_000_000, 5);
    }

    private static void checkGrid(long[] t, long period, int expected) {
        assertEquals(expected, t.length);
        assertEquals(WearableTestRuns.START, t[0]);
        for (int i = 0; i < t.length; i++) {
            assertEquals(0, t[i] % period);
            if (i > 0) {
                assertEquals(period, t[i] - t[i - 1]);
            }
        }
    }

    @Test
    void valuesStayInRange() {
        // seed 5: sprinting with many artefacts, the hardest case for the ranges
        WearableConfig wc = WearableConfig.builder().cableWhipsPerMinute(20).knocksPerMinute(20).build();
        SimulationConfig config = WearableTestRuns.config(5, EnumSet.allOf(Signal.class), wc);
        WearableTestRuns.Joined j = new WearableTestRuns.Joined(WearableTestRuns.run(config, 30, 1_000_000L,
                s -> 8.5));
        double accRange = Units.gToMetresPerSecondSquared(16) * (1 + 1e-6);
        double gyroRange = Math.toRadians(2000) * (1 + 1e-6);
        for (int a = 0; a < 3; a++) {
            for (float v : j.acc[a]) {
                assertTrue(Math.abs(v) <= accRange, "acc " + v);
            }
            for (float v : j.gyro[a]) {
                assertTrue(Math.abs(v) <= gyroRange, "gyro " + v);
            }
        }
        for (float[] ch : j.fsr) {
            for (float v : ch) {
                assertTrue(v >= 0);
            }
        }
        for (float v : j.ppg) {
            assertTrue(v > 0);
        }
        for (float v : j.temp) {
            assertTrue(v > 20 && v < 35);
        }
    }

    @Test
    void sameSeedSameOutputDifferentSeedDifferentOutput() {
        // seeds 7 and 8
        SimulationConfig a = WearableTestRuns.config(7);
        WearableTestRuns.Joined x = join(a, 6, 1_000_000L);
        WearableTestRuns.Joined y = join(a, 6, 1_000_000L);
        assertSame(x, y);
        WearableTestRuns.Joined z = join(WearableTestRuns.config(8), 6, 1_000_000L);
        assertFalse(Arrays.equals(x.acc[0], z.acc[0]));
        assertFalse(Arrays.equals(x.ecg, z.ecg));
        assertFalse(Arrays.equals(x.ppg, z.ppg));
        assertFalse(Arrays.equals(x.fsr[0], z.fsr[0]));
    }

    @Test
    void chunkSizeDoesNotChangeOutput() {
        // seed 13: 1 s, 5 s and 200 ms chunks over a varied profile
        SimulationConfig config = WearableTestRuns.config(13, EnumSet.allOf(Signal.class),
                WearableConfig.builder().cableWhipsPerMinute(10).knocksPerMinute(10).build());
        WearableTestRuns.Joined one = join(config, 20, 1_000_000L);
        WearableTestRuns.Joined five = join(config, 20, 5_000_000L);
        WearableTestRuns.Joined fifth = join(config, 20, 200_000L);
        assertSame(one, five);
        assertSame(one, fifth);
        assertFalse(one.strikes.isEmpty());
        assertFalse(one.artefacts.isEmpty());
    }

    @Test
    void selectingFewerSignalsNeverChangesTheOthers() {
        // seed 9
        WearableTestRuns.Joined all = join(WearableTestRuns.config(9), 8, 1_000_000L);
        WearableTestRuns.Joined ecgOnly = join(WearableTestRuns.config(9, EnumSet.of(Signal.ECG),
                WearableConfig.defaults()), 8, 1_000_000L);
        assertArrayEquals(all.ecg, ecgOnly.ecg);
        assertEquals(all.beats, ecgOnly.beats);
        assertEquals(0, ecgOnly.accT.length);
        assertEquals(0, ecgOnly.ppgT.length);
        assertEquals(0, ecgOnly.fsrT.length);
        assertTrue(ecgOnly.strikes.isEmpty() && ecgOnly.contacts.isEmpty() && ecgOnly.artefacts.isEmpty());

        WearableTestRuns.Joined imuPpg = join(WearableTestRuns.config(9, EnumSet.of(Signal.IMU, Signal.PPG),
                WearableConfig.defaults()), 8, 1_000_000L);
        for (int a = 0; a < 3; a++) {
            assertArrayEquals(all.acc[a], imuPpg.acc[a]);
            assertArrayEquals(all.gyro[a], imuPpg.gyro[a]);
        }
        assertArrayEquals(all.ppg, imuPpg.ppg);
        assertEquals(all.strikes, imuPpg.strikes);
        assertEquals(0, imuPpg.ecgT.length);

        WearableTestRuns.Joined fsrOnly = join(WearableTestRuns.config(9, EnumSet.of(Signal.FSR),
                WearableConfig.defaults()), 8, 1_000_000L);
        for (int c = 0; c < FsrSamples.CHANNELS; c++) {
            assertArrayEquals(all.fsr[c], fsrOnly.fsr[c]);
        }
        assertEquals(all.contacts, fsrOnly.contacts);
    }

    @Test
    void halfTimeGapProducesNothingAndPeriodTwoStartsCleanly() {
        // seed 17: 4 s, a 60 s break, 4 s more with a fresh block sequence
        WearableSimulator sim = new WearableSimulator(WearableTestRuns.config(17), WearableTestRuns.player());
        List<WearableChunk> chunks = new ArrayList<>();
        long t = WearableTestRuns.START;
        for (int k = 0; k < 4; k++, t += 1_000_000L) {
            chunks.add(sim.next(WearableTestRuns.block(t, 25, k < 3, s -> 4.0), t, t + 1_000_000L));
        }
        long gapEnd = t + 60_000_000L;
        t = gapEnd;
        for (int k = 0; k < 4; k++, t += 1_000_000L) {
            chunks.add(sim.next(WearableTestRuns.block(t, 25, k < 3, s -> 4.0), t, t + 1_000_000L));
        }
        WearableTestRuns.Joined j = new WearableTestRuns.Joined(chunks);
        long gapStart = WearableTestRuns.START + 4_000_000L;
        for (long time : j.accT) {
            assertFalse(time >= gapStart && time < gapEnd);
        }
        assertEquals(8000, j.accT.length);
        for (FootStrike s : j.strikes) {
            assertFalse(s.timeMicros() >= gapStart && s.timeMicros() < gapEnd);
        }
        for (Beat b : j.beats) {
            assertFalse(b.rPeakMicros() >= gapStart && b.rPeakMicros() < gapEnd);
        }
        assertTrue(j.strikes.stream().anyMatch(s -> s.timeMicros() >= gapEnd));
        long behind = gapEnd - 1_000_000L;
        assertThrows(IllegalArgumentException.class,
                () -> sim.next(WearableTestRuns.block(behind, 25, true, s -> 4.0), behind, behind + 1_000_000L));
    }

    private static WearableTestRuns.Joined join(SimulationConfig config, double seconds, long chunk) {
        return new WearableTestRuns.Joined(WearableTestRuns.run(config, seconds, chunk, PROFILE));
    }

    private static void assertSame(WearableTestRuns.Joined a, WearableTestRuns.Joined b) {
        assertArrayEquals(a.accT, b.accT);
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(a.acc[k], b.acc[k]);
            assertArrayEquals(a.gyro[k], b.gyro[k]);
        }
        assertArrayEquals(a.temp, b.temp);
        assertArrayEquals(a.ecgT, b.ecgT);
        assertArrayEquals(a.ecg, b.ecg);
        assertArrayEquals(a.ppgT, b.ppgT);
        assertArrayEquals(a.ppg, b.ppg);
        assertArrayEquals(a.fsrT, b.fsrT);
        for (int c = 0; c < FsrSamples.CHANNELS; c++) {
            assertArrayEquals(a.fsr[c], b.fsr[c]);
        }
        assertEquals(a.strikes, b.strikes);
        assertEquals(a.contacts, b.contacts);
        assertEquals(a.beats, b.beats);
        assertEquals(a.artefacts, b.artefacts);
    }
}
