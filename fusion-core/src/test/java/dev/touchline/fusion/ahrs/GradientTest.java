package dev.touchline.fusion.ahrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** The Madgwick objective's gradient against finite differences; jqwik default seed. */
class GradientTest {
    private static double objective(double[] q, double[] d, double[] s) {
        double[] v = new double[3];
        Quaternions.earthToSensor(q[0], q[1], q[2], q[3], d[0], d[1], d[2], v);
        double fx = v[0] - s[0];
        double fy = v[1] - s[1];
        double fz = v[2] - s[2];
        return 0.5 * (fx * fx + fy * fy + fz * fz);
    }

    @Property(tries = 200)
    void gradientMatchesFiniteDifferences(@ForAll @DoubleRange(min = -1, max = 1) double w,
            @ForAll @DoubleRange(min = -1, max = 1) double x, @ForAll @DoubleRange(min = -1, max = 1) double y,
            @ForAll @DoubleRange(min = -1, max = 1) double z, @ForAll @DoubleRange(min = -1, max = 1) double dy,
            @ForAll @DoubleRange(min = -1, max = 1) double dz, @ForAll @DoubleRange(min = -1, max = 1) double sx) {
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        if (n < 0.1) {
            return;
        }
        double[] q = {w / n, x / n, y / n, z / n};
        double[] d = {0.2, dy, dz};
        double[] s = {sx, 0.3, -0.4};
        double[] g = new double[4];
        Gradient.add(q[0], q[1], q[2], q[3], d[0], d[1], d[2], s[0], s[1], s[2], g);
        double h = 1e-6;
        for (int k = 0; k < 4; k++) {
            double[] plus = q.clone();
            double[] minus = q.clone();
            plus[k] += h;
            minus[k] -= h;
            // earthToSensor is the unit-quaternion formula; differentiate that same polynomial
            double numeric = (objective(plus, d, s) - objective(minus, d, s)) / (2 * h);
            assertEquals(numeric, g[k], 1e-6, "component " + k);
        }
    }

    @Test
    void magnetometerGradientVanishesAtTheTrueOrientationOnlyWithTheFullReference() {
        double[] q = new double[4];
        Quaternions.multiply(Math.cos(0.3), Math.sin(0.3), 0, 0, Math.cos(0.5), 0, 0, Math.sin(0.5), q);
        double bh = Math.cos(Math.toRadians(60));
        double bz = -Math.sin(Math.toRadians(60)); // field dips down, northern hemisphere
        double[] m = new double[3];
        Quaternions.earthToSensor(q[0], q[1], q[2], q[3], 0, bh, bz, m);
        double[] full = new double[4];
        Gradient.add(q[0], q[1], q[2], q[3], 0, bh, bz, m[0], m[1], m[2], full);
        double[] halved = new double[4]; // the copied C code's reference: "_2bx" = bx, i.e. half of 2·bx
        Gradient.add(q[0], q[1], q[2], q[3], 0, bh / 2, bz / 2, m[0], m[1], m[2], halved);
        double fullNorm = Math.sqrt(full[0] * full[0] + full[1] * full[1] + full[2] * full[2] + full[3] * full[3]);
        double halfNorm = Math.sqrt(halved[0] * halved[0] + halved[1] * halved[1] + halved[2] * halved[2]
                + halved[3] * halved[3]);
        assertEquals(0, fullNorm, 1e-12);
        assertTrue(halfNorm > 0.05, "the halved reference leaves a residual gradient " + halfNorm);
    }
}
