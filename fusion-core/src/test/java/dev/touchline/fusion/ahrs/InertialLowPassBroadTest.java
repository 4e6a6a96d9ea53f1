package dev.touchline.fusion.ahrs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.testdata.RealData;
import java.io.IOException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quasi-inertial low-pass filter (built for sustained running, see the session pipeline test) on BROAD trials
 * 02 and 24, 6-D inclination on the movement samples as in {@link BroadRealDataTest}. Deterministic.
 */
@Tag("realdata")
class InertialLowPassBroadTest {
    @ParameterizedTest
    @ValueSource(strings = {"02_undisturbed_slow_rotation_B.csv.gz", "24_disturbed_tapping_A.csv.gz"})
    void inclinationErrorOnMovementSamples(String file) throws IOException {
        BroadTrial trial = BroadTrial.read(RealData.require("fusion/broad/" + file));
        OrientationFilter f = InertialLowPassFilter.builder().build(); // defaults: 2 s low-pass, 1 s correction
        OrientationErrors six = OrientationErrors.of(trial, OrientationErrors.run(trial, f, false));
        System.out.printf("BROAD %s inertial low-pass 6-D inclination %.3f deg (%d samples)%n", file.substring(0, 2),
                six.inclinationRmseDeg(), six.samples());
        // measured 0.44 deg (02) and 0.60 deg (24); time constants 0.5 s / 0.25 s give 0.52 / 0.89 deg
        assertTrue(six.samples() > 30_000, "too few samples used: " + six.samples());
        assertTrue(six.inclinationRmseDeg() <= 1.0, "6-D inclination RMSE " + six.inclinationRmseDeg() + " deg on "
                + file);
    }

    /**
     * The same with {@link InertialLowPassFilter#updatePair}: one update per pair of samples (the accelerometer at
     * the second), so the accelerometer path runs at half the rate; the first sample of each pair is scored with
     * {@link InertialLowPassFilter#pairMidpoint}. (Holding the previous output there instead, a one-sample lag,
     * gives 0.561 and 0.892 deg.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"02_undisturbed_slow_rotation_B.csv.gz", "24_disturbed_tapping_A.csv.gz"})
    void pairedUpdatesKeepTheInclination(String file) throws IOException {
        BroadTrial trial = BroadTrial.read(RealData.require("fusion/broad/" + file));
        InertialLowPassFilter f = InertialLowPassFilter.builder().build();
        double[][] out = new double[trial.n][4];
        f.initialise(trial.acc[0][0], trial.acc[0][1], trial.acc[0][2]);
        f.quaternion(out[0], 0);
        int i = 1;
        for (; i + 1 < trial.n; i += 2) {
            double[] g1 = trial.gyr[i];
            double[] g2 = trial.gyr[i + 1];
            double[] a = trial.acc[i + 1];
            f.updatePair(g1[0], g1[1], g1[2], trial.t[i] - trial.t[i - 1], g2[0], g2[1], g2[2],
                    trial.t[i + 1] - trial.t[i], a[0], a[1], a[2]);
            f.quaternion(out[i + 1], 0);
            f.pairMidpoint(out[i]);
        }
        for (; i < trial.n; i++) {
            double[] g = trial.gyr[i];
            double[] a = trial.acc[i];
            f.update(g[0], g[1], g[2], a[0], a[1], a[2], trial.t[i] - trial.t[i - 1]);
            f.quaternion(out[i], 0);
        }
        OrientationErrors six = OrientationErrors.of(trial, out);
        System.out.printf("BROAD %s inertial low-pass, paired updates, 6-D inclination %.3f deg (%d samples)%n",
                file.substring(0, 2), six.inclinationRmseDeg(), six.samples());
        // measured: see the limit; single-sample updates give 0.440 deg (02) and 0.595 deg (24)
        double single = file.startsWith("02") ? 0.440 : 0.595;
        assertTrue(six.samples() > 30_000, "too few samples used: " + six.samples());
        assertTrue(six.inclinationRmseDeg() <= single + 0.05, "paired 6-D inclination RMSE "
                + six.inclinationRmseDeg() + " deg on " + file + ", single-sample " + single);
    }
}
