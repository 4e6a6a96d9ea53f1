package dev.touchline.fusion.gait;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.testdata.RealData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Foot contacts from a running shank accelerometer (Bach et al. data, trial 7, 142.9 Hz, ±8 g, no gyro; the tibia
 * axis is sensor x) against force-plate onsets (vertical GRF crossing 50 N). Each force onset is matched to the
 * nearest detected strike within 150 ms. Deterministic.
 *
 * <p>Measured: with the default 75 g/s floor 48 strikes for 35 onsets (swing jerk passes); 150 g/s: 35 strikes,
 * bias +20 ms, SD 39 ms; 300 g/s: 34 of 35 matched, none extra, bias +35 ms, SD 8 ms (the impact transient the gate
 * times comes about 30 ms after the 50 N onset); 600 g/s loses strikes. The floor that separates impacts from
 * motion depends on the data: the simulator's motion is gentler than this real running shank.
 */
@Tag("realdata")
class BachRealDataTest {
    static final double[] JERKS = {75, 150, 300, 600};

    private record Score(int onsets, int strikes, int matched, double bias, double sd) {
    }

    @Test
    void shankStrikesAgainstForceOnsets() throws Exception {
        Score chosen = null;
        Path csv = RealData.require("fusion/derived/bach_trial07_running_shank_acc_grf.csv");
        List<String> lines = Files.readAllLines(csv);
        int n = lines.size() - 1;
        long[] t = new long[n];
        float[][] a = new float[3][n];
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            String[] p = lines.get(i + 1).split(",");
            t[i] = Math.round(Double.parseDouble(p[0]) * 1e6);
            for (int k = 0; k < 3; k++) {
                a[k][i] = (float) (Double.parseDouble(p[1 + k]) * 9.80665);
            }
            f[i] = -Double.parseDouble(p[4]);
        }
        List<Long> onsets = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            if (f[i] > 50 && f[i - 1] <= 50) {
                onsets.add(t[i]);
            }
        }
        double fs = 1e6 * (n - 1) / (t[n - 1] - t[0]);
        long[] gyroT = {t[0], t[n - 1]};
        float[] yaw = {0, 0};
        for (double jerk : JERKS) {
            boolean[] accepted = new boolean[n];
            ImpactGate gate = ImpactGate.builder().sampleRateHz(fs).lowPassHz(0.4 * fs).minimumJerkGPerSecond(jerk)
                    .build();
            gate.apply(t, a[0], a[1], a[2], n, gyroT, yaw, 2, accepted);
            long[] strikes = new long[1000];
            int s = new StrikeDetector(0.4).detect(t, accepted, n, strikes);
            double sum = 0;
            double sumSq = 0;
            int matched = 0;
            for (long o : onsets) {
                long best = Long.MAX_VALUE;
                for (int k = 0; k < s; k++) {
                    if (Math.abs(strikes[k] - o) < Math.abs(best)) {
                        best = strikes[k] - o;
                    }
                }
                if (Math.abs(best) <= 150_000) {
                    double e = best / 1000.0;
                    sum += e;
                    sumSq += e * e;
                    matched++;
                }
            }
            double mean = sum / matched;
            double sd = Math.sqrt(sumSq / matched - mean * mean);
            System.out.printf("Bach trial 7, min jerk %.0f g/s: %d force onsets, %d shank strikes, %d matched; bias"
                    + " %.1f ms, SD %.1f ms%n", jerk, onsets.size(), s, matched, mean, sd);
            if (jerk == 300) {
                chosen = new Score(onsets.size(), s, matched, mean, sd);
            }
        }
        assertTrue(chosen != null && chosen.onsets() > 20);
        assertTrue(chosen.matched() >= 0.9 * chosen.onsets(), chosen.toString());
        assertTrue(chosen.strikes() <= 1.1 * chosen.onsets(), chosen.toString());
        assertTrue(Math.abs(chosen.bias()) <= 50 && chosen.sd() <= 15, chosen.toString());
    }
}
