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

    /**
     * The structured one-pass normal equations equal JᵀWJ and JᵀW r formed from the explicit Jacobian, for 0, 5
     * and 9 lens terms, least squares and Huber (seed 8); and the cost is the sum of squares or Huber's cost.
     */
    @Test
    void structuredNormalEquationsMatchTheExplicitJacobian() {
        Random random = new Random(8);
        int n = 25;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
            y[i] = random.nextGaussian();
            z[i] = 0.3 * random.nextGaussian();
        }
        double[] full = {900, 40, -30, 960, 20, -300, 800, 540, 0.02, -0.05, 0.1,
            -0.08, 0.01, 0.003, 0.0005, -0.0003, 0.001, -0.0004, 0.0007, 0.0002};
        for (int lens : new int[] {0, 5, 9}) {
            for (double huber : new double[] {Double.POSITIVE_INFINITY, 3.0}) {
                int m = 11 + lens;
                DltLensProblem problem = new DltLensProblem(x, y, z, 960, 540, 1500, lens);
                if (huber < Double.POSITIVE_INFINITY) {
                    problem.huberThresholdPx(huber);
                }
                double[] q = java.util.Arrays.copyOf(full, m);
                double[] predicted = new double[2 * n];
                double[][] jac = new double[2 * n][m];
                problem.evaluate(q, predicted, jac);
                double[] target = new double[2 * n];
                for (int r = 0; r < 2 * n; r++) {
                    // Half the landmarks within the Huber threshold, half well beyond it.
                    target[r] = predicted[r] + (r % 4 < 2 ? 0.8 : 12) * random.nextGaussian();
                }
                double[] expectedNormal = new double[m * m];
                double[] expectedGradient = new double[m];
                double expectedCost = 0;
                for (int i = 0; i < n; i++) {
                    double ru = target[2 * i] - predicted[2 * i];
                    double rv = target[2 * i + 1] - predicted[2 * i + 1];
                    double dist = Math.hypot(ru, rv);
                    double w = dist > huber ? huber / dist : 1;
                    expectedCost += dist > huber ? 2 * huber * dist - huber * huber : dist * dist;
                    for (int r = 2 * i; r < 2 * i + 2; r++) {
                        double res = target[r] - predicted[r];
                        for (int a = 0; a < m; a++) {
                            expectedGradient[a] += w * jac[r][a] * res;
                            for (int b = 0; b < m; b++) {
                                expectedNormal[a * m + b] += w * jac[r][a] * jac[r][b];
                            }
                        }
                    }
                }
                double[] normal = new double[m * m];
                double[] gradient = new double[m];
                double cost = problem.evaluate(q, target, normal, gradient);
                String label = lens + " lens terms, Huber " + huber;
                assertEquals(expectedCost, cost, 1e-12 * expectedCost, label + ": cost");
                assertEquals(cost, problem.evaluate(q, target, null, null), 0, label + ": cost without normals");
                for (int a = 0; a < m; a++) {
                    assertEquals(expectedGradient[a], gradient[a], 1e-9 * (1 + Math.abs(expectedGradient[a])),
                            label + ": gradient " + a);
                    for (int b = 0; b <= a; b++) {
                        double e = expectedNormal[a * m + b];
                        double scale = Math.sqrt(expectedNormal[a * m + a] * expectedNormal[b * m + b]);
                        assertEquals(e, normal[a * m + b], 1e-12 * scale, label + ": JᵀWJ " + a + "," + b);
                    }
                }
            }
        }
    }
}
