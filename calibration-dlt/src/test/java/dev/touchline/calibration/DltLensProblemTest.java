package dev.touchline.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DltLensProblemTest {
    /** The analytic Jacobian of DLT-20 matches central differences at a random point (seed 7). */
    @Test
    void analyticJacobianMatchesFiniteDifferences() {
        Random random = new Random(7);
        int n = 15;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
            y[i] = random.nextGaussian();
            z[i] = 0.3 * random.nextGaussian();
        }
        DltLensProblem problem = new DltLensProblem(x, y, z, 960, 540, 1500, 9);
        double[] q = {900, 40, -30, 960, 20, -300, 800, 540, 0.02, -0.05, 0.1,
            -0.08, 0.01, 0.003, 0.0005, -0.0003, 0.001, -0.0004, 0.0007, 0.0002};
        double[] f = new double[2 * n];
        double[][] jac = new double[2 * n][20];
        problem.evaluate(q, f, jac);
        double[] plus = new double[2 * n];
        double[] minus = new double[2 * n];
        for (int k = 0; k < 20; k++) {
            double h = 1e-6 * Math.max(1, Math.abs(q[k]));
            double[] qp = q.clone();
            double[] qm = q.clone();
            qp[k] += h;
            qm[k] -= h;
            problem.evaluate(qp, plus, null);
            problem.evaluate(qm, minus, null);
            for (int r = 0; r < 2 * n; r++) {
                double fd = (plus[r] - minus[r]) / (2 * h);
                assertEquals(fd, jac[r][k], 1e-5 * Math.max(1, Math.abs(fd)), "row " + r + " parameter " + k);
            }
        }
    }
}
