package dev.touchline.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.filter.DefaultMeasurementModel;
import org.apache.commons.math3.filter.DefaultProcessModel;
import org.apache.commons.math3.filter.KalmanFilter;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class PlayerKalmanFilterTest {

    /**
     * The straightforward reference: full 7 × 7 matrices in commons-math3. Its KalmanFilter caches the transition
     * and measurement matrices, so each step builds a new filter from the previous state and covariance.
     */
    static final class Reference {
        double[] x;
        double[][] p;
        final double q;
        final double qh;

        Reference(PlayerKalmanFilter f) {
            this.x = new double[7];
            f.state(x);
            double[] flat = new double[49];
            f.covariance(flat);
            p = new double[7][7];
            for (int i = 0; i < 7; i++) {
                System.arraycopy(flat, 7 * i, p[i], 0, 7);
            }
            q = f.config().accelerationNoise() * f.config().accelerationNoise() / 0.04;
            qh = f.config().statureNoise() * f.config().statureNoise();
        }

        void step(double dt, double tau, boolean measured, double zx, double zy, double rx, double ry, double h,
                  double rh) {
            double f01 = dt;
            double f02 = 0.5 * dt * dt;
            double f12 = dt;
            double f22 = 1;
            if (Double.isFinite(tau)) {
                f22 = Math.exp(-dt / tau);
                f12 = tau * (1 - f22);
                f02 = tau * (dt - f12);
            }
            double[][] a = new double[7][7];
            double[][] qm = new double[7][7];
            double[][] qb = {
                    {Math.pow(dt, 5) / 20, Math.pow(dt, 4) / 8, Math.pow(dt, 3) / 6},
                    {Math.pow(dt, 4) / 8, Math.pow(dt, 3) / 3, dt * dt / 2},
                    {Math.pow(dt, 3) / 6, dt * dt / 2, dt}};
            double[][] fb = {{1, f01, f02}, {0, 1, f12}, {0, 0, f22}};
            for (int axis = 0; axis < 2; axis++) {
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        a[axis + 2 * i][axis + 2 * j] = fb[i][j];
                        qm[axis + 2 * i][axis + 2 * j] = q * qb[i][j];
                    }
                }
            }
            a[6][6] = 1;
            qm[6][6] = qh * dt;
            boolean withHeight = measured && !Double.isNaN(h);
            int m = withHeight ? 3 : 2;
            double[][] hm = new double[m][7];
            hm[0][0] = 1;
            hm[1][1] = 1;
            double[][] rm = new double[m][m];
            rm[0][0] = rx;
            rm[1][1] = ry;
            if (withHeight) {
                hm[2][6] = 1;
                rm[2][2] = rh;
            }
            DefaultProcessModel process = new DefaultProcessModel(new Array2DRowRealMatrix(a), null,
                    new Array2DRowRealMatrix(qm), new ArrayRealVector(x), new Array2DRowRealMatrix(p));
            KalmanFilter kf = new KalmanFilter(process, new DefaultMeasurementModel(new Array2DRowRealMatrix(hm),
                    new Array2DRowRealMatrix(rm)));
            kf.predict();
            if (measured) {
                kf.correct(withHeight ? new double[] {zx, zy, h} : new double[] {zx, zy});
            }
            x = kf.getStateEstimation();
            p = kf.getErrorCovariance();
        }
    }

    /** Agreement with the commons-math3 reference over random sequences; each try draws from its own seed. */
    @Property(tries = 60, seed = "20261124")
    void agreesWithCommonsMathReference(@ForAll long seed, @ForAll @IntRange(min = 1, max = 200) int steps) {
        Random rnd = new Random(seed);
        PlayerKalmanFilter f = new PlayerKalmanFilter(FilterConfig.builder()
                .accelerationNoise(0.1 + 3 * rnd.nextDouble()).build());
        f.initialise(rnd.nextDouble() * 100 - 50, rnd.nextDouble() * 60 - 30, 0.01 + rnd.nextDouble() * 0.1,
                0.01 + rnd.nextDouble() * 0.1, rnd.nextBoolean() ? Double.NaN : 1.6 + 0.4 * rnd.nextDouble(),
                0.001);
        Reference ref = new Reference(f);
        double tx = f.x();
        double ty = f.y();
        double[] s = new double[7];
        double[] p = new double[49];
        for (int k = 0; k < steps; k++) {
            double dt = rnd.nextInt(10) == 0 ? 0.2 * rnd.nextDouble() : 0.04;
            double tau = rnd.nextInt(5) == 0 ? 0.2 + rnd.nextDouble() : Double.POSITIVE_INFINITY;
            tx += rnd.nextGaussian() * 0.3;
            ty += rnd.nextGaussian() * 0.3;
            boolean measured = rnd.nextInt(8) != 0;
            double rx = 0.005 + 0.1 * rnd.nextDouble();
            double ry = 0.005 + 0.1 * rnd.nextDouble();
            double h = rnd.nextBoolean() ? Double.NaN : 1.75 + 0.03 * rnd.nextGaussian();
            double rh = 0.0009 + 0.001 * rnd.nextDouble();
            if (Double.isFinite(tau)) {
                f.predictDecaying(dt, tau);
            } else {
                f.predict(dt);
            }
            if (measured) {
                f.update(tx, ty, rx, ry, h, rh);
            }
            ref.step(dt, tau, measured, tx, ty, rx, ry, h, rh);
            f.state(s);
            f.covariance(p);
            for (int i = 0; i < 7; i++) {
                assertEquals(ref.x[i], s[i], 1e-9 * Math.max(1, Math.abs(ref.x[i])), "state " + i + " step " + k);
                for (int j = 0; j < 7; j++) {
                    assertEquals(ref.p[i][j], p[7 * i + j], 1e-9 * Math.max(1, Math.abs(ref.p[i][j])),
                            "P(" + i + "," + j + ") step " + k);
                }
            }
        }
    }

    /** After many random steps P is exactly symmetric and has a Cholesky factor. */
    @Property(tries = 40, seed = "7")
    void covarianceStaysSymmetricPositiveDefinite(@ForAll long seed) {
        Random rnd = new Random(seed);
        PlayerKalmanFilter f = new PlayerKalmanFilter(FilterConfig.defaults());
        f.initialise(0, 0, 0.02, 0.02, Double.NaN, 0.001);
        double[] p = new double[49];
        for (int k = 0; k < 3000; k++) {
            double dt = rnd.nextInt(20) == 0 ? 2 * rnd.nextDouble() : 0.04;
            if (rnd.nextInt(10) == 0) {
                f.predictDecaying(dt, 0.5);
            } else {
                f.predict(dt);
            }
            if (rnd.nextInt(6) != 0) {
                // very precise and very poor measurements both stress the update
                double r = Math.pow(10, -6 + 7 * rnd.nextDouble());
                f.update(rnd.nextGaussian() * 30, rnd.nextGaussian() * 20, r, r * (0.5 + rnd.nextDouble()),
                        rnd.nextBoolean() ? 1.8 + 0.05 * rnd.nextGaussian() : Double.NaN, 1e-4);
            }
        }
        f.covariance(p);
        double[][] m = new double[7][7];
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                assertEquals(p[7 * i + j], p[7 * j + i], 0.0, "symmetry");
                m[i][j] = p[7 * i + j];
            }
        }
        RealMatrix pm = new Array2DRowRealMatrix(m);
        // throws NonPositiveDefiniteMatrixException when P is not positive definite
        new CholeskyDecomposition(pm, 0, 1e-300);
        for (int i = 0; i < 7; i++) {
            assertTrue(m[i][i] > 0, "diagonal " + i);
        }
    }

    @Test
    void copyFromMakesAnIndependentExactCopy() {
        // seed 43
        Random rnd = new Random(43);
        PlayerKalmanFilter f = new PlayerKalmanFilter(FilterConfig.defaults());
        f.initialise(1, 2, 0.0225, 0.0225, 1.75, 0.0009);
        for (int k = 0; k < 50; k++) {
            f.predict(0.04);
            f.update(1 + 0.1 * k + 0.15 * rnd.nextGaussian(), 2 + 0.15 * rnd.nextGaussian(), 0.0225, 0.0225,
                    1.75 + 0.03 * rnd.nextGaussian(), 0.0009);
        }
        PlayerKalmanFilter copy = new PlayerKalmanFilter(FilterConfig.defaults());
        copy.copyFrom(f);
        double[] a = new double[PlayerKalmanFilter.STATES * PlayerKalmanFilter.STATES];
        double[] b = new double[a.length];
        f.covariance(a);
        copy.covariance(b);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 0.0, "covariance " + i);
        }
        assertEquals(f.x(), copy.x(), 0.0);
        assertEquals(f.vx(), copy.vx(), 0.0);
        assertEquals(f.stature(), copy.stature(), 0.0);
        // predicting the copy leaves the original alone
        double x = f.x();
        copy.predictDecaying(1.0, 0.5);
        assertEquals(x, f.x(), 0.0);
        assertTrue(copy.varianceX() > f.varianceX(), "the copy's uncertainty grew");
    }

    @Test
    void statureConvergesToTheMeasuredMean() {
        Random rnd = new Random(42);
        PlayerKalmanFilter f = new PlayerKalmanFilter(FilterConfig.defaults());
        f.initialise(0, 0, 0.0225, 0.0225, Double.NaN, 0.0009);
        assertEquals(1.80, f.stature(), 1e-12);
        for (int k = 0; k < 500; k++) {
            f.predict(0.04);
            double h = rnd.nextInt(5) == 0 ? Double.NaN : 1.72 + 0.03 * rnd.nextGaussian();
            f.update(0.15 * rnd.nextGaussian(), 0.15 * rnd.nextGaussian(), 0.0225, 0.0225, h, 0.0009);
        }
        assertEquals(1.72, f.stature(), 0.01);
        assertTrue(Math.sqrt(f.statureVariance()) < 0.01, "stature sigma " + Math.sqrt(f.statureVariance()));
    }

    @Test
    void tracksAConstantAcceleration() {
        PlayerKalmanFilter f = new PlayerKalmanFilter(FilterConfig.defaults());
        f.initialise(0, 0, 1e-4, 1e-4, Double.NaN, 0);
        for (int k = 1; k <= 250; k++) {
            double t = 0.04 * k;
            f.predict(0.04);
            f.update(0.5 * 0.8 * t * t, -1.5 * t, 1e-4, 1e-4, Double.NaN, 0);
        }
        assertEquals(0.8, f.ax(), 0.02);
        assertEquals(8.0, f.vx(), 0.02);
        assertEquals(-1.5, f.vy(), 0.02);
        assertEquals(0.0, f.ay(), 0.02);
    }

    @Test
    void snapshotRestoresExactly() {
        PlayerKalmanFilter a = new PlayerKalmanFilter(FilterConfig.defaults());
        a.initialise(3, 4, 0.02, 0.03, 1.9, 0.001);
        a.predict(0.04);
        a.update(3.1, 4.05, 0.02, 0.02, Double.NaN, 0);
        FilterSnapshot snap = a.snapshot();
        PlayerKalmanFilter b = new PlayerKalmanFilter(FilterConfig.defaults());
        b.restore(snap);
        assertEquals(snap, b.snapshot());
        a.predict(0.5);
        b.predict(0.5);
        assertEquals(a.snapshot(), b.snapshot());
    }

    @Test
    void restoreRejectsCoupledAxes() {
        double[] p = new double[49];
        for (int i = 0; i < 7; i++) {
            p[8 * i] = 1;
        }
        p[1] = 0.5;
        p[7] = 0.5;
        FilterSnapshot coupled = new FilterSnapshot(new double[7], p);
        PlayerKalmanFilter f = new PlayerKalmanFilter(FilterConfig.defaults());
        assertThrows(IllegalArgumentException.class, () -> f.restore(coupled));
    }

    @Test
    void rejectsBadArguments() {
        PlayerKalmanFilter f = new PlayerKalmanFilter(FilterConfig.defaults());
        assertThrows(IllegalArgumentException.class, () -> f.predict(-0.01));
        assertThrows(IllegalArgumentException.class, () -> f.update(Double.NaN, 0, 1, 1, Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> f.update(0, 0, 0, 1, Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> f.predictDecaying(0.04, 0));
    }
}
