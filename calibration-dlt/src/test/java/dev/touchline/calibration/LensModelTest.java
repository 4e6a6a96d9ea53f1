package dev.touchline.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class LensModelTest {
    private static final double[] C = {-0.08, 0.01, 0.002, 0.0005, -0.0003, 0.001, -0.0004, 0.0007, 0.0002};

    /** The analytic 2 × 2 Jacobian matches central differences (jqwik default seed handling; any seed must pass). */
    @Property(tries = 200, seed = "61")
    void jacobianMatchesFiniteDifferences(@ForAll @DoubleRange(min = -0.8, max = 0.8) double x,
            @ForAll @DoubleRange(min = -0.6, max = 0.6) double y) {
        double[] j = new double[4];
        LensModel.jacobian(C, x, y, j);
        double h = 1e-6;
        double[] a = new double[2];
        double[] b = new double[2];
        LensModel.distortNormalised(C, x + h, y, a);
        LensModel.distortNormalised(C, x - h, y, b);
        assertEquals((a[0] - b[0]) / (2 * h), j[0], 1e-8);
        assertEquals((a[1] - b[1]) / (2 * h), j[2], 1e-8);
        LensModel.distortNormalised(C, x, y + h, a);
        LensModel.distortNormalised(C, x, y - h, b);
        assertEquals((a[0] - b[0]) / (2 * h), j[1], 1e-8);
        assertEquals((a[1] - b[1]) / (2 * h), j[3], 1e-8);
    }

    @Property(tries = 100, seed = "62")
    void coefficientDerivativesMatchFiniteDifferences(@ForAll @DoubleRange(min = -0.8, max = 0.8) double x,
            @ForAll @DoubleRange(min = -0.6, max = 0.6) double y) {
        double[] dx = new double[9];
        double[] dy = new double[9];
        LensModel.coefficientDerivatives(x, y, dx, dy);
        double h = 1e-6;
        for (int k = 0; k < 9; k++) {
            double[] plus = C.clone();
            double[] minus = C.clone();
            plus[k] += h;
            minus[k] -= h;
            double[] a = new double[2];
            double[] b = new double[2];
            LensModel.distortNormalised(plus, x, y, a);
            LensModel.distortNormalised(minus, x, y, b);
            assertEquals((a[0] - b[0]) / (2 * h), dx[k], 1e-8, "dx/dc" + k);
            assertEquals((a[1] - b[1]) / (2 * h), dy[k], 1e-8, "dy/dc" + k);
        }
    }

    /** undistort inverts distort across a full-HD frame. */
    @Property(tries = 300, seed = "63")
    void undistortInvertsDistort(@ForAll @DoubleRange(min = 0, max = 1920) double u,
            @ForAll @DoubleRange(min = 0, max = 1080) double v) {
        LensModel lens = LensModel.of(960, 540, 1500, C);
        double[] d = new double[2];
        lens.distort(u, v, d);
        double[] back = new double[2];
        lens.undistort(d[0], d[1], back);
        assertArrayEquals(new double[] {u, v}, back, 1e-7);
    }

    @Test
    void identityLensChangesNothingAndOnlyNineTermsAreAccepted() {
        LensModel lens = LensModel.none(100, 50, 800);
        double[] out = new double[2];
        lens.distort(123.5, 77.25, out);
        assertArrayEquals(new double[] {123.5, 77.25}, out, 0);
        lens.undistort(123.5, 77.25, out);
        assertArrayEquals(new double[] {123.5, 77.25}, out, 0);
        assertThrows(IllegalArgumentException.class, () -> LensModel.of(0, 0, 1, new double[10]));
        assertThrows(IllegalArgumentException.class, () -> LensModel.of(0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> LensModel.of(0, 0, 1, Double.NaN));
    }
}
