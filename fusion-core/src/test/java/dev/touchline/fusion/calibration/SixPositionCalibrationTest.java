package dev.touchline.fusion.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.fusion.BadSensorDataException;
import dev.touchline.sensor.bias.BiasModel;
import dev.touchline.sensor.simulation.WearableConfig;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Six-position calibration on simulated readings: a known scale/misalignment matrix, the simulator's default
 * accelerometer bias model (offsets and temperature coefficients), 150 µg/√Hz noise at 1 kHz averaged over 2 s per
 * pose, seed 11.
 */
class SixPositionCalibrationTest {
    private static final double G = SixPositionCalibration.STANDARD_GRAVITY;
    private static final double[] M = {1.02, 0.004, -0.003, 0.006, 0.985, 0.002, -0.005, 0.003, 1.012};
    private static final BiasModel BIAS = WearableConfig.defaults().accelerometerBias();

    /** Mean reading over 2000 noisy samples for a true specific force a at a temperature. */
    private static double[] read(double ax, double ay, double az, double celsius, SplittableRandom random) {
        double sd = 150e-6 * G * Math.sqrt(500);
        double[] mean = new double[3];
        double[] b = new double[3];
        BIAS.biasInto(celsius, b);
        for (int i = 0; i < 2000; i++) {
            for (int r = 0; r < 3; r++) {
                double v = M[3 * r] * ax + M[3 * r + 1] * ay + M[3 * r + 2] * az + b[r] + sd * gauss(random);
                mean[r] += v / 2000;
            }
        }
        return mean;
    }

    private static double gauss(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    @Test
    void recoversScaleMisalignmentOffsetAndTemperatureDrift() throws BadSensorDataException {
        SplittableRandom random = new SplittableRandom(11);
        double t0 = BIAS.referenceTemperatureCelsius();
        double[][] poses = {read(G, 0, 0, t0, random), read(-G, 0, 0, t0, random), read(0, G, 0, t0, random),
            read(0, -G, 0, t0, random), read(0, 0, G, t0, random), read(0, 0, -G, t0, random)};
        AccelerometerCalibration c = SixPositionCalibration.fit(poses, G, 0.05);
        double[] m = c.matrix();
        double[] b = c.offset();
        for (int k = 0; k < 9; k++) {
            assertEquals(M[k], m[k], 2e-4, "M[" + k + "]");
        }
        for (int r = 0; r < 3; r++) {
            assertEquals(BIAS.offset(r), b[r], 0.002, "offset " + r);
        }
        // a reading at an arbitrary attitude, 20 °C warmer than the calibration
        double ax = 3.1;
        double ay = -5.2;
        double az = Math.sqrt(G * G - ax * ax - ay * ay);
        double hot = t0 + 20;
        double[] raw = read(ax, ay, az, hot, random);
        double[] out = new double[3];
        AccelerometerCalibration withDrift = c.withDrift(BIAS);
        withDrift.correct(raw[0], raw[1], raw[2], hot, out);
        double errDrift = Math.sqrt(Math.pow(out[0] - ax, 2) + Math.pow(out[1] - ay, 2) + Math.pow(out[2] - az, 2));
        c.correct(raw[0], raw[1], raw[2], hot, out);
        double errNoDrift = Math.sqrt(Math.pow(out[0] - ax, 2) + Math.pow(out[1] - ay, 2) + Math.pow(out[2] - az, 2));
        AccelerometerCalibration.identity().correct(raw[0], raw[1], raw[2], hot, out);
        double errRaw = Math.sqrt(Math.pow(out[0] - ax, 2) + Math.pow(out[1] - ay, 2) + Math.pow(out[2] - az, 2));
        System.out.printf("six-position calibration: error %.4f m/s^2 raw, %.4f calibrated, %.4f calibrated with "
                + "the temperature hook (+20 C)%n", errRaw, errNoDrift, errDrift);
        assertTrue(errRaw > 0.1, "raw error " + errRaw);
        assertTrue(errDrift < 0.003, "calibrated error with drift " + errDrift);
        assertTrue(errDrift < errNoDrift, errDrift + " vs " + errNoDrift);
    }

    @Test
    void refusesPosesThatAreNotOpposite() {
        double[][] poses = {{G, 0, 0}, {-G, 0, 0}, {0, G, 0}, {0, -G, 0}, {0, 0, G}, {0, 0, G}}; // z never down
        assertThrows(BadSensorDataException.class, () -> SixPositionCalibration.fit(poses, G, 0.05));
        double[][] nan = {{G, 0, 0}, {-G, 0, 0}, {0, G, 0}, {0, -G, 0}, {0, 0, G}, {0, 0, Double.NaN}};
        assertThrows(BadSensorDataException.class, () -> SixPositionCalibration.fit(nan, G, 0.05));
        assertThrows(IllegalArgumentException.class, () -> SixPositionCalibration.fit(new double[5][3], G, 0.05));
    }
}
