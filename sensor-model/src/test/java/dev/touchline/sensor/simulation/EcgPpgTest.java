package dev.touchline.sensor.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Heart rate, R peaks, pulse arrival and PPG duty cycling. */
class EcgPpgTest {
    @Test
    void heartRateRisesWithIntensity() {
        // seed 41: three minutes at each speed; mean of the last 30 s of beats
        double[] speeds = {0, 1.5, 4, 7};
        double last = 0;
        for (double v : speeds) {
            List<Beat> beats = new WearableTestRuns.Joined(WearableTestRuns.run(
                    WearableTestRuns.config(41, EnumSet.of(Signal.ECG), WearableConfig.defaults()), 180,
                    5_000_000L, s -> v)).beats;
            double hr = meanRate(beats, WearableTestRuns.START + 150_000_000L);
            assertTrue(hr > last + 5, "HR " + hr + " at " + v + " m/s");
            last = hr;
            if (v == 0) {
                assertTrue(hr > 55 && hr < 85, "resting HR " + hr);
            }
            if (v == 7) {
                assertTrue(hr > 180 && hr < 210, "sprinting HR " + hr);
            }
        }
    }

    private static double meanRate(List<Beat> beats, long from) {
        long first = -1;
        long lastR = -1;
        int n = 0;
        for (Beat b : beats) {
            if (b.rPeakMicros() >= from) {
                if (first < 0) {
                    first = b.rPeakMicros();
                }
                lastR = b.rPeakMicros();
                n++;
            }
        }
        return 60e6 * (n - 1) / (lastR - first);
    }

    @Test
    void ecgMaximaSitOnTheTrueRPeaks() {
        // seed 43: at rest and running
        for (double v : new double[] {0, 4}) {
            WearableTestRuns.Joined j = new WearableTestRuns.Joined(WearableTestRuns.runConstant(43, 30, v));
            long t0 = j.ecgT[0];
            int checked = 0;
            for (Beat b : j.beats) {
                int c = (int) Math.round((b.rPeakMicros() - t0) / 4000.0);
                if (c < 10 || c + 10 >= j.ecgT.length) {
                    continue;
                }
                int best = c - 10;
                for (int i = c - 10; i <= c + 10; i++) {
                    if (j.ecg[i] > j.ecg[best]) {
                        best = i;
                    }
                }
                assertTrue(Math.abs(j.ecgT[best] - b.rPeakMicros()) <= 4000, "R peak off by "
                        + (j.ecgT[best] - b.rPeakMicros()) + " µs at " + v);
                assertTrue(j.ecg[best] > 0.8 && j.ecg[best] < 2.0, "R amplitude " + j.ecg[best]);
                checked++;
            }
            assertTrue(checked > 25);
        }
    }

    @Test
    void pulseArrivalTimeMatchesThePpgFoot() {
        // seed 51: the pulse foot (the PPG minimum at rest; the sharpest upward bend while walking, where motion
        // drift tilts the diastole) lies within one 2 ms sample of R + PAT
        for (double v : new double[] {0, 1.5}) {
            WearableTestRuns.Joined j = new WearableTestRuns.Joined(WearableTestRuns.runConstant(51, 60, v));
            long t0 = j.ppgT[0];
            int checked = 0;
            int within = 0;
            for (Beat b : j.beats) {
                assertEquals(b.pulseArrivalMicros() - b.rPeakMicros(), b.patMillis() * 1000, 1e-6);
                assertTrue(b.patMillis() > 150 && b.patMillis() < 240, "PAT " + b.patMillis());
                int c = (int) Math.round((b.pulseArrivalMicros() - t0) / 2000.0);
                if (c < 20 || c + 20 >= j.ppgT.length) {
                    continue;
                }
                int best = v == 0 ? minimum(j.ppg, c - 20, c + 20) : sharpestBend(j.ppg, c - 20, c + 20);
                checked++;
                if (Math.abs(j.ppgT[best] - b.pulseArrivalMicros()) <= 2000) {
                    within++;
                }
            }
            assertTrue(checked > 50);
            assertTrue(within >= 0.95 * checked, within + " of " + checked + " at " + v);
        }
    }

    private static int minimum(float[] y, int from, int to) {
        int best = from;
        for (int i = from; i <= to; i++) {
            if (y[i] < y[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Sample after which the slope rises most: the foot of the upstroke. */
    private static int sharpestBend(float[] y, int from, int to) {
        int best = from;
        double most = Double.NEGATIVE_INFINITY;
        for (int i = from; i <= to; i++) {
            double bend = (y[i + 2] - y[i]) - (y[i] - y[i - 2]);
            if (bend > most) {
                most = bend;
                best = i;
            }
        }
        return best;
    }

    @Test
    void patShiftEpisodesAreLabelledAndShiftThePat() {
        // seed 53: frequent episodes at constant effort
        WearableConfig wc = WearableConfig.builder().patShiftEpisodesPerMinute(6).build();
        List<Beat> beats = new WearableTestRuns.Joined(WearableTestRuns.run(
                WearableTestRuns.config(53, EnumSet.of(Signal.PPG), wc), 240, 5_000_000L, s -> 0)).beats;
        double shifted = beats.stream().filter(Beat::patShift).mapToDouble(Beat::patMillis).average().orElseThrow();
        double plain = beats.stream().skip(beats.size() / 2).filter(b -> !b.patShift())
                .mapToDouble(Beat::patMillis).average().orElseThrow();
        assertTrue(shifted - plain > 4 && shifted - plain < 8, "shift " + (shifted - plain));
        int run = 0;
        for (Beat b : beats) {
            if (b.patShift()) {
                run++;
            } else {
                assertTrue(run == 0 || run >= 10 && run <= 60, "episode of " + run + " beats");
                run = 0;
            }
        }
    }

    @Test
    void dutyCycleKeepsOnePeriodInFour() {
        // seed 55: 1:4 duty, 2 s on / 6 s off
        WearableConfig wc = WearableConfig.builder().ppgDutyCycle(4).ppgOnDuration(Duration.ofSeconds(2)).build();
        WearableTestRuns.Joined duty = new WearableTestRuns.Joined(WearableTestRuns.run(
                WearableTestRuns.config(55, EnumSet.of(Signal.PPG), wc), 32, 1_000_000L, s -> 2));
        assertEquals(32 * 500 / 4, duty.ppgT.length);
        for (long t : duty.ppgT) {
            assertTrue(Math.floorMod(t, 8_000_000L) < 2_000_000L);
        }
    }
}
