package dev.touchline.sensor.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.sensor.Units;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gait, tibia impacts, FSR agreement and artefact labels. */
class GaitImuTest {
    private static final double G = Units.STANDARD_GRAVITY;

    @Test
    void cadenceAndContactTimeFollowSpeed() {
        // seed 21
        double[] speeds = {0, 1.5, 4, 7};
        double[][] cadence = {{0, 0}, {1.7, 2.0}, {2.5, 2.9}, {2.95, 3.35}};
        double lastContact = Double.MAX_VALUE;
        for (int k = 0; k < speeds.length; k++) {
            WearableTestRuns.Joined j = new WearableTestRuns.Joined(WearableTestRuns.runConstant(21, 30, speeds[k]));
            double stepsPerSecond = j.contacts.size() / 30.0;
            assertTrue(stepsPerSecond >= cadence[k][0] && stepsPerSecond <= cadence[k][1],
                    "cadence " + stepsPerSecond + " at " + speeds[k]);
            for (int i = 1; i < j.contacts.size(); i++) {
                assertTrue(j.contacts.get(i).foot() != j.contacts.get(i - 1).foot(), "feet alternate");
            }
            if (speeds[k] > 0) {
                double tc = j.contacts.stream().mapToDouble(c -> (c.offMicros() - c.onMicros()) / 1e6).average()
                        .orElseThrow();
                assertTrue(tc < lastContact, "contact time falls with speed");
                lastContact = tc;
            }
        }
        assertTrue(lastContact > 0.12 && lastContact < 0.18, "sprint contact " + lastContact);
    }

    @Test
    void impactPeaksGrowWithSpeedAndMatchTheTransients() {
        // seed 23: no artefacts, so every peak is a strike's
        WearableConfig quiet = WearableConfig.builder().cableWhipsPerMinute(0).knocksPerMinute(0).build();
        double[] speeds = {1.5, 4, 7};
        double[][] bounds = {{2, 3.8}, {5, 9}, {8, 14}};
        double last = 0;
        for (int k = 0; k < speeds.length; k++) {
            double v = speeds[k];
            WearableTestRuns.Joined j = new WearableTestRuns.Joined(WearableTestRuns.run(
                    WearableTestRuns.config(23, EnumSet.allOf(Signal.class), quiet), 20, 1_000_000L, s -> v));
            double mean = j.strikes.stream().mapToDouble(FootStrike::peakAccelerationMetresPerSecondSquared)
                    .average().orElseThrow() / G;
            assertTrue(mean > bounds[k][0] && mean < bounds[k][1], "impact " + mean + " g at " + v);
            assertTrue(mean > last);
            last = mean;
            long t0 = j.accT[0];
            for (FootStrike s : j.strikes) {
                int i0 = (int) ((s.timeMicros() - t0) / 1000);
                if (i0 < 30 || i0 + 30 >= j.accT.length) {
                    continue;
                }
                int best = i0 - 30;
                for (int i = i0 - 30; i <= i0 + 30; i++) {
                    if (j.acc[0][i] > j.acc[0][best]) {
                        best = i;
                    }
                }
                long lag = j.accT[best] - s.timeMicros();
                assertTrue(lag >= 0 && lag <= 10_000, "tibial peak " + lag + " µs after the strike at " + v);
            }
        }
    }

    @Test
    void strikesCoincideWithLeftFsrContacts() {
        // seed 25: running at 4 m/s
        WearableTestRuns.Joined j = new WearableTestRuns.Joined(WearableTestRuns.runConstant(25, 20, 4));
        List<FootContact> lefts = j.contacts.stream().filter(c -> c.foot() == Foot.LEFT).toList();
        assertEquals(lefts.size(), j.strikes.size());
        double weight = 23 * 1.8 * 1.8 * G;
        long t0 = j.fsrT[0];
        for (int k = 0; k < lefts.size(); k++) {
            FootContact c = lefts.get(k);
            assertEquals(c.onMicros(), j.strikes.get(k).timeMicros());
            int before = (int) ((c.onMicros() - t0) / 4000) - 1;
            int during = (int) ((c.onMicros() + (c.offMicros() - c.onMicros()) / 2 - t0) / 4000);
            if (before < 0 || during >= j.fsrT.length) {
                continue;
            }
            assertTrue(leftLoad(j, before) < 0.05 * weight, "left foot unloaded before its strike");
            assertTrue(leftLoad(j, during) > 1.5 * weight, "left foot loaded mid-contact");
        }
    }

    private static double leftLoad(WearableTestRuns.Joined j, int i) {
        return j.fsr[0][i] + j.fsr[1][i] + j.fsr[2][i];
    }

    @Test
    void artefactsCarryTheirYawRatesAndStrikesDoNot() {
        // seed 31: frequent artefacts while running at 5 m/s
        WearableConfig busy = WearableConfig.builder().cableWhipsPerMinute(8).knocksPerMinute(8).build();
        WearableTestRuns.Joined j = new WearableTestRuns.Joined(WearableTestRuns.run(
                WearableTestRuns.config(31, EnumSet.allOf(Signal.class), busy), 60, 1_000_000L, s -> 5));
        assertTrue(j.artefacts.size() >= 6, "artefacts " + j.artefacts.size());
        long t0 = j.gyroT[0];
        for (Artefact a : j.artefacts) {
            double max = maxYaw(j, t0, a.startMicros(), a.endMicros());
            double label = a.peakYawRateRadiansPerSecond();
            assertTrue(Math.abs(max - label) < 0.15 * label + 1.0, a.kind() + " yaw " + max + " vs " + label);
            if (a.kind() == ArtefactKind.CABLE_WHIP) {
                assertTrue(Math.toDegrees(label) >= 200 && Math.toDegrees(label) <= 800);
            }
        }
        int checked = 0;
        for (FootStrike s : j.strikes) {
            boolean clear = j.artefacts.stream().noneMatch(a -> a.endMicros() > s.timeMicros() - 50_000
                    && a.startMicros() < s.timeMicros() + 150_000);
            if (clear) {
                double max = maxYaw(j, t0, s.timeMicros(), s.timeMicros() + 100_000);
                assertTrue(Math.toDegrees(max) < 80, "strike yaw " + Math.toDegrees(max) + " °/s");
                checked++;
            }
        }
        assertTrue(checked > 40, "strikes checked " + checked);
    }

    private static double maxYaw(WearableTestRuns.Joined j, long t0, long from, long to) {
        double max = 0;
        for (int i = (int) Math.max(0, (from - t0) / 5000); i < j.gyroT.length && j.gyroT[i] < to; i++) {
            if (j.gyroT[i] >= from) {
                max = Math.max(max, Math.abs(j.gyro[0][i]));
            }
        }
        return max;
    }

    @Test
    void standingStillReadsGravityPlusBiasAlongTheTibia() {
        // seed 27: no artefacts; x reads +1 g plus the configured offset
        WearableConfig quiet = WearableConfig.builder().cableWhipsPerMinute(0).knocksPerMinute(0).build();
        WearableTestRuns.Joined j = new WearableTestRuns.Joined(WearableTestRuns.run(
                WearableTestRuns.config(27, EnumSet.of(Signal.IMU), quiet), 10, 1_000_000L, s -> 0));
        double[] mean = new double[3];
        for (int a = 0; a < 3; a++) {
            for (float v : j.acc[a]) {
                mean[a] += v;
            }
            mean[a] /= j.accT.length;
        }
        double temp = j.temp[j.temp.length / 2];
        double expectedX = G + quiet.accelerometerBias().bias(0, temp);
        assertEquals(expectedX, mean[0], 2e-3);
        assertEquals(quiet.accelerometerBias().bias(1, temp), mean[1], 2e-3);
        assertEquals(quiet.accelerometerBias().bias(2, temp), mean[2], 2e-3);
    }
}
