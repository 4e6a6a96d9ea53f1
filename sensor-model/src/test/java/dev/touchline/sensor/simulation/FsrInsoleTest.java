package dev.touchline.sensor.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.sensor.Units;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Insole forces: peaks per speed, strike patterns, standing load. */
class FsrInsoleTest {
    private static final double WEIGHT = 23 * 1.8 * 1.8 * Units.STANDARD_GRAVITY;

    private static WearableTestRuns.Joined run(long seed, double seconds, double v) {
        return new WearableTestRuns.Joined(WearableTestRuns.run(
                WearableTestRuns.config(seed, EnumSet.of(Signal.FSR), WearableConfig.defaults()), seconds,
                1_000_000L, s -> v));
    }

    @Test
    void peakForcesScaleWithSpeed() {
        // seed 61
        double walk = meanPeak(run(61, 20, 1.5)) / WEIGHT;
        double jog = meanPeak(run(61, 20, 4)) / WEIGHT;
        assertTrue(walk > 1.1 && walk < 1.6, "walking peak " + walk + " BW");
        assertTrue(jog > 2.2 && jog < 3.1, "running peak " + jog + " BW");
    }

    private static double meanPeak(WearableTestRuns.Joined j) {
        return j.contacts.stream().mapToDouble(FootContact::peakForceNewtons).average().orElseThrow();
    }

    @Test
    void measuredPeaksMatchTheTruth() {
        // seed 63: the largest summed sample of each contact is close to its true peak
        WearableTestRuns.Joined j = run(63, 20, 4);
        long t0 = j.fsrT[0];
        for (FootContact c : j.contacts) {
            int base = c.foot() == Foot.LEFT ? 0 : 3;
            int i0 = (int) ((c.onMicros() - t0) / 4000) + 1;
            int i1 = (int) ((c.offMicros() - t0) / 4000);
            if (i1 >= j.fsrT.length) {
                continue;
            }
            double max = 0;
            for (int i = i0; i <= i1; i++) {
                max = Math.max(max, j.fsr[base][i] + j.fsr[base + 1][i] + j.fsr[base + 2][i]);
            }
            assertEquals(c.peakForceNewtons(), max, 0.05 * c.peakForceNewtons());
        }
    }

    @Test
    void strikePatternFollowsSpeedAndSetsTheLoadingOrder() {
        // seed 65: jogging is mostly rearfoot, sprinting mostly forefoot
        WearableTestRuns.Joined jog = run(65, 30, 3);
        WearableTestRuns.Joined sprint = run(65, 30, 8.5);
        double rear = jog.contacts.stream().filter(c -> c.pattern() == StrikePattern.REARFOOT).count()
                / (double) jog.contacts.size();
        double fore = sprint.contacts.stream().filter(c -> c.pattern() == StrikePattern.FOREFOOT).count()
                / (double) sprint.contacts.size();
        assertTrue(rear > 0.6, "rearfoot share jogging " + rear);
        assertTrue(fore > 0.6, "forefoot share sprinting " + fore);
        checkOrder(jog, StrikePattern.REARFOOT, 0, 2);
        checkOrder(sprint, StrikePattern.FOREFOOT, 2, 0);
    }

    /** In the first fifth of each contact of this pattern, region {@code first} carries more than {@code later}. */
    private static void checkOrder(WearableTestRuns.Joined j, StrikePattern pattern, int first, int later) {
        long t0 = j.fsrT[0];
        int checked = 0;
        for (FootContact c : j.contacts) {
            if (c.pattern() != pattern) {
                continue;
            }
            int base = c.foot() == Foot.LEFT ? 0 : 3;
            int i = (int) ((c.onMicros() + (c.offMicros() - c.onMicros()) / 6 - t0) / 4000);
            if (i >= j.fsrT.length) {
                continue;
            }
            assertTrue(j.fsr[base + first][i] > j.fsr[base + later][i], pattern + " loading order");
            checked++;
        }
        assertTrue(checked > 10);
    }

    @Test
    void standingSplitsBodyWeightOverBothFeet() {
        // seed 67
        WearableTestRuns.Joined j = run(67, 5, 0);
        assertTrue(j.contacts.isEmpty());
        double left = 0;
        double right = 0;
        for (int i = 0; i < j.fsrT.length; i++) {
            left += j.fsr[0][i] + j.fsr[1][i] + j.fsr[2][i];
            right += j.fsr[3][i] + j.fsr[4][i] + j.fsr[5][i];
        }
        left /= j.fsrT.length;
        right /= j.fsrT.length;
        assertEquals(WEIGHT, left + right, 0.02 * WEIGHT);
        assertTrue(Math.abs(left - right) / WEIGHT < 0.17, "asymmetry " + (left - right) / WEIGHT);
    }
}
