package dev.touchline.fusion.ppg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.testdata.RealData;
import dev.touchline.fusion.ecg.QrsDetector;
import dev.touchline.formats.wfdb.WfdbReader;
import dev.touchline.formats.wfdb.WfdbRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Heart-rate agreement between ECG and PPG on PhysioNet/CinC 2015 record v102s (250 Hz, lead II and PLETH, 5 min):
 * R peaks from the QRS detector, PPG pulses from {@link PulseDetector} independently of the ECG; heart rates per
 * 10 s window are compared. Deterministic.
 */
@Tag("realdata")
class EcgPpgAgreementTest {
    @Test
    void heartRatesAgreeOnV102s() throws Exception {
        Path record = RealData.require("fusion/wfdb_sample/v102s.hea").resolveSibling("v102s");
        WfdbRecord r = WfdbReader.read(record);
        double fs = r.samplingFrequencyHz();
        int ecg = r.signalIndex("V"); // lead II: see the note below
        int pleth = r.signalIndex("PLETH");
        List<Long> peaks = new ArrayList<>();
        QrsDetector d = new QrsDetector(fs, (s, back) -> peaks.add(s));
        for (int i = 0; i < r.length(); i++) {
            d.accept(r.physical(ecg, i));
        }
        d.flush();
        long[] rMicros = peaks.stream().mapToLong(s -> Math.round(s * 1e6 / fs)).toArray();
        long[] t = new long[r.length()];
        float[] ppg = new float[r.length()];
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.round(i * 1e6 / fs);
            ppg[i] = (float) r.physical(pleth, i);
        }
        long[] pulses = new long[2000];
        int np = new PulseDetector(0.25).detect(t, ppg, t.length, fs, pulses);
        // heart rate per 10 s window from each signal: beats counted by their intervals inside the window
        int windows = (int) (t[t.length - 1] / 10_000_000L);
        double sumAbs = 0;
        double worst = 0;
        int used = 0;
        double[] diffs = new double[windows];
        for (int w = 0; w < windows; w++) {
            double hrE = rate(rMicros, rMicros.length, w);
            double hrP = rate(pulses, np, w);
            if (Double.isNaN(hrE) || Double.isNaN(hrP)) {
                continue;
            }
            diffs[used] = Math.abs(hrE - hrP);
            sumAbs += Math.abs(hrE - hrP);
            worst = Math.max(worst, Math.abs(hrE - hrP));
            used++;
        }
        double meanE = 60.0 * (rMicros.length - 1) / ((rMicros[rMicros.length - 1] - rMicros[0]) / 1e6);
        double meanP = 60.0 * (np - 1) / ((pulses[np - 1] - pulses[0]) / 1e6);
        System.out.printf("v102s: %d R peaks (%.1f bpm), %d PPG pulses (%.1f bpm); 10 s windows: mean |dHR| %.2f"
                + " bpm, worst %.2f bpm over %d windows%n", rMicros.length, meanE, np, meanP, sumAbs / used, worst,
                used);
        double[] sorted = java.util.Arrays.copyOf(diffs, used);
        java.util.Arrays.sort(sorted);
        System.out.printf("v102s lead V: median window |dHR| %.2f bpm%n", sorted[used / 2]);
        // measured: lead V 518 beats (103.9 bpm) vs 519 pulses (103.7 bpm), median window |dHR| under 1 bpm; a few
        // windows differ by 5-48 bpm where the pulse detector misses or doubles pulses. Lead II of this record
        // carries the noise burst behind its false VT alarm: the QRS detector counts 619 beats there (124 bpm)
        assertTrue(used >= 25, "windows " + used);
        assertTrue(Math.abs(meanE - meanP) <= 1, "mean HR " + meanE + " vs " + meanP);
        assertTrue(sorted[used / 2] <= 1, "median |dHR| " + sorted[used / 2]);
    }

    /** Mean rate in bpm from the intervals whose both beats fall in window w (10 s), NaN with fewer than 3 beats. */
    private static double rate(long[] beats, int n, int w) {
        long from = w * 10_000_000L;
        long to = from + 10_000_000L;
        long first = -1;
        long last = -1;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (beats[i] >= from && beats[i] < to) {
                if (first < 0) {
                    first = beats[i];
                }
                last = beats[i];
                count++;
            }
        }
        return count < 3 ? Double.NaN : 60.0 * (count - 1) / ((last - first) / 1e6);
    }
}
