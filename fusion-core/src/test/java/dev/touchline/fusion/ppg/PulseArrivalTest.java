package dev.touchline.fusion.ppg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.fusion.SimulatedSession;
import dev.touchline.sensor.simulation.Beat;
import dev.touchline.sensor.simulation.Signal;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PAT per beat on simulated PPG against the simulator's truth (seed 31), continuous and duty-cycled 1:4. */
class PulseArrivalTest {
    private record Errors(double mean, double sd, int measured, int beats, double medianAbs, double within5) {
    }

    private static Errors errors(SimulatedSession s, Fiducial fiducial) throws Exception {
        List<Beat> truth = s.beats.stream().filter(b -> b.rPeakMicros() > s.ppgT[0] + 500_000
                && b.pulseArrivalMicros() < s.ppgT[s.ppgT.length - 1] - 500_000).toList();
        long[] r = truth.stream().mapToLong(Beat::rPeakMicros).toArray();
        double[] pat = new double[r.length];
        new PulseArrival(100, 350, 15).estimate(s.ppgT, s.ppg, s.ppgT.length, 500, r, r.length, fiducial, pat);
        double sum = 0;
        double sumSq = 0;
        int k = 0;
        double[] abs = new double[r.length];
        for (int b = 0; b < r.length; b++) {
            if (Double.isNaN(pat[b])) {
                continue;
            }
            double e = pat[b] - truth.get(b).patMillis();
            sum += e;
            sumSq += e * e;
            abs[k] = Math.abs(e);
            k++;
        }
        double mean = sum / k;
        double[] sorted = java.util.Arrays.copyOf(abs, k);
        java.util.Arrays.sort(sorted);
        int in5 = 0;
        for (double a : sorted) {
            in5 += a <= 5 ? 1 : 0;
        }
        return new Errors(mean, Math.sqrt(sumSq / k - mean * mean), k, r.length, sorted[k / 2], in5 / (double) k);
    }

    @ParameterizedTest
    @ValueSource(strings = {"INTERSECTING_TANGENTS", "SECOND_DERIVATIVE_MAXIMUM", "MAXIMUM_UPSLOPE"})
    void patErrorAgainstTruth(String name) throws Exception {
        SimulatedSession s = SimulatedSession.simulate(31, 180, 1000, EnumSet.of(Signal.POSITIONS, Signal.ECG,
                Signal.PPG));
        Fiducial f = Fiducial.valueOf(name);
        Errors e = errors(s, f);
        System.out.println("PAT " + name + ": " + e);
        assertTrue(e.measured() >= 0.95 * e.beats(), e.toString());
        assertTrue(Math.abs(e.mean()) <= (f == Fiducial.MAXIMUM_UPSLOPE ? 60 : 5), e.toString());
        // measured (seed 31, 180 s): second-derivative maximum median |error| 0.8 ms, 95 % within 5 ms; tangents
        // 2.8 ms, 70 %; a few percent of beats (fast running: motion swing on the upstroke) are tens of ms off,
        // which is why the SD is about 20 ms
        switch (f) {
            case SECOND_DERIVATIVE_MAXIMUM -> assertTrue(e.medianAbs() <= 2 && e.within5() >= 0.9, e.toString());
            case INTERSECTING_TANGENTS -> assertTrue(e.medianAbs() <= 5 && e.within5() >= 0.6, e.toString());
            default -> assertTrue(e.medianAbs() >= 15, "the upslope point lies after the foot: " + e);
        }
    }

    @Test
    void pulseDetectorCountsTheSimulatedBeats() throws Exception {
        SimulatedSession s = SimulatedSession.simulate(31, 180, 1000, EnumSet.of(Signal.POSITIONS, Signal.ECG,
                Signal.PPG));
        long[] pulses = new long[2000];
        int n = new PulseDetector(0.25).detect(s.ppgT, s.ppg, s.ppgT.length, 500, pulses);
        long feet = s.beats.stream().filter(b -> b.pulseArrivalMicros() >= s.ppgT[0]
                && b.pulseArrivalMicros() <= s.ppgT[s.ppgT.length - 1]).count();
        int matched = 0;
        int j = 0;
        for (Beat b : s.beats) { // the maximum upslope follows the foot by 0-80 ms
            while (j < n && pulses[j] < b.pulseArrivalMicros() - 20_000) {
                j++;
            }
            if (j < n && pulses[j] <= b.pulseArrivalMicros() + 100_000) {
                matched++;
                j++;
            }
        }
        System.out.printf("PPG pulses (seed 31, 180 s): %d detected, %d true, %d matched%n", n, feet, matched);
        // measured: 427 detected, 439 true, 420 matched (95.7 %); the misses fall in fast running (motion swing)
        assertTrue(matched >= 0.93 * feet && n <= 1.03 * feet, n + " pulses, " + matched + " of " + feet);
    }

    @Test
    void dutyCycledCaptureFlagsUncoveredBeats() throws Exception {
        SimulatedSession s = SimulatedSession.simulate(31, 120, 1000, EnumSet.of(Signal.POSITIONS, Signal.ECG,
                Signal.PPG), b -> b.ppgDutyCycle(4));
        Errors e = errors(s, Fiducial.SECOND_DERIVATIVE_MAXIMUM);
        System.out.println("PAT duty-cycled 1:4: " + e);
        assertTrue(e.measured() < 0.4 * e.beats() && e.measured() > 0.1 * e.beats(), e.toString());
        assertTrue(e.medianAbs() <= 3, e.toString());
    }
}
