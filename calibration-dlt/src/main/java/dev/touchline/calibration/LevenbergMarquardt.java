package dev.touchline.calibration;

/**
 * A small Levenberg–Marquardt least-squares solver on preallocated primitive arrays, for the few-parameter fits
 * of this module (DLT-16/-20: 16 or 20 parameters, 2N observations).
 *
 * <p>Each iteration forms the normal equations {@code (JᵀJ + λ D) δ = Jᵀ r} with Marquardt's scaling {@code D}
 * (the running maximum of diag JᵀJ, as MINPACK keeps its column norms) and solves them by Cholesky. λ follows
 * Nielsen's gain-ratio update. Convergence uses commons-math3's default tolerances (1e-10): relative reduction of
 * the sum of squares, relative step length, and the cosine between the residual and the Jacobian's columns.
 *
 * <p>Not thread-safe: one instance per fit; {@link #minimise} allocates nothing.
 */
final class LevenbergMarquardt {
    /** Predicted observations and their Jacobian at a parameter vector. */
    interface Model {
        /**
         * @param q         parameters. Not modified.
         * @param predicted receives the predicted observations. Modified.
         * @param jacobian  receives d predicted / d q, one row per observation. Modified.
         */
        void evaluate(double[] q, double[] predicted, double[][] jacobian);
    }

    /** Relative tolerance of commons-math3's LevenbergMarquardtOptimizer defaults. */
    static final double TOLERANCE = 1e-10;

    private final int parameters;
    private final int observations;
    private final double[] q;
    private final double[] trial;
    private final double[] predicted;
    private final double[] trialPredicted;
    private double[][] jacobian;
    private double[][] trialJacobian;
    private final double[] normal;
    private final int[] nonZeroIndex;
    private final double[] nonZeroValue;
    private final double[] factor;
    private final double[] gradient;
    private final double[] delta;
    private final double[] scaling;
    private int iterations;
    private int evaluations;
    private double cost;

    /** Workspace for {@code parameters} unknowns and {@code observations} residuals. */
    LevenbergMarquardt(int parameters, int observations) {
        if (parameters < 1 || observations < parameters) {
            throw new IllegalArgumentException("need 1 <= parameters <= observations, got parameters "
                    + parameters + " and observations " + observations);
        }
        this.parameters = parameters;
        this.observations = observations;
        q = new double[parameters];
        trial = new double[parameters];
        predicted = new double[observations];
        trialPredicted = new double[observations];
        jacobian = new double[observations][parameters];
        trialJacobian = new double[observations][parameters];
        normal = new double[parameters * parameters];
        nonZeroIndex = new int[parameters];
        nonZeroValue = new double[parameters];
        factor = new double[parameters * parameters];
        gradient = new double[parameters];
        delta = new double[parameters];
        scaling = new double[parameters];
    }

    /**
     * Minimises {@code Σ (target − predicted(q))²} from {@code start}.
     *
     * @param model         the model
     * @param start         initial parameters. Not modified.
     * @param target        observed values, length {@code observations}. Not modified.
     * @param maxIterations iteration limit (evaluations are limited to 4 × that, as the commons-math3 path did)
     * @param result        receives the parameters at the minimum. Modified.
     * @return true when converged, false when a limit was hit ({@code result} then holds the best point so far)
     */
    boolean minimise(Model model, double[] start, double[] target, int maxIterations, double[] result) {
        int m = parameters;
        System.arraycopy(start, 0, q, 0, m);
        model.evaluate(q, predicted, jacobian);
        evaluations = 1;
        iterations = 0;
        cost = sumOfSquares(target, predicted);
        java.util.Arrays.fill(scaling, 0);
        formNormalEquations(target);
        // λ multiplies the scaling D = diag JᵀJ, so it is dimensionless: small means Gauss–Newton. The DLT-11
        // start is close to the minimum, so a start near Gauss–Newton saves iterations (DLT-20 at N = 40: 9
        // instead of 13 from 1e-3); a bad step only raises λ again.
        double lambda = 1e-5;
        double nu = 2;
        boolean converged = false;
        outer:
        while (iterations < maxIterations) {
            iterations++;
            if (cost == 0 || gradientOrthogonal()) {
                converged = true;
                break;
            }
            while (true) {
                if (!solveDamped(lambda)) {
                    lambda = lambda > 0 ? lambda * nu : 1e-12;
                    nu *= 2;
                    if (!Double.isFinite(lambda)) {
                        break outer;
                    }
                    continue;
                }
                double stepNorm = 0;
                double qNorm = 0;
                double predictedReduction = 0;
                for (int i = 0; i < m; i++) {
                    trial[i] = q[i] + delta[i];
                    stepNorm += delta[i] * delta[i] * scaling[i];
                    qNorm += q[i] * q[i] * scaling[i];
                    predictedReduction += delta[i] * (lambda * scaling[i] * delta[i] + gradient[i]);
                }
                boolean smallStep = Math.sqrt(stepNorm) <= TOLERANCE * Math.sqrt(qNorm);
                if (evaluations >= 4 * maxIterations) {
                    break outer;
                }
                model.evaluate(trial, trialPredicted, trialJacobian);
                evaluations++;
                double trialCost = sumOfSquares(target, trialPredicted);
                double actualReduction = cost - trialCost;
                if (actualReduction > 0 && predictedReduction > 0) {
                    double rho = actualReduction / predictedReduction;
                    System.arraycopy(trial, 0, q, 0, m);
                    System.arraycopy(trialPredicted, 0, predicted, 0, observations);
                    double[][] swap = jacobian;
                    jacobian = trialJacobian;
                    trialJacobian = swap;
                    double previous = cost;
                    cost = trialCost;
                    formNormalEquations(target);
                    double t = 2 * rho - 1;
                    lambda *= Math.max(0.1, 1 - t * t * t);
                    nu = 2;
                    if (actualReduction <= TOLERANCE * previous || smallStep) {
                        converged = true;
                        break outer;
                    }
                    break;
                }
                if (smallStep) {
                    // No step the damping allows changes the parameters any more: a minimum to the tolerance.
                    converged = true;
                    break outer;
                }
                lambda *= nu;
                nu *= 2;
            }
        }
        System.arraycopy(q, 0, result, 0, m);
        return converged;
    }

    /** Iterations of the last {@link #minimise} call. */
    int iterations() {
        return iterations;
    }

    /** Model evaluations of the last {@link #minimise} call. */
    int evaluations() {
        return evaluations;
    }

    /** Sum of squared residuals at the last {@link #minimise} call's result. */
    double cost() {
        return cost;
    }

    private static double sumOfSquares(double[] target, double[] values) {
        double s = 0;
        for (int i = 0; i < values.length; i++) {
            double r = target[i] - values[i];
            s += r * r;
        }
        return s;
    }

    /** JᵀJ, Jᵀ r and the running Marquardt scaling at the current point. */
    private void formNormalEquations(double[] target) {
        int m = parameters;
        java.util.Arrays.fill(normal, 0);
        java.util.Arrays.fill(gradient, 0);
        // Row by row over the non-zero entries only (a DLT row has 4 structural zeros), lower triangle.
        for (int r = 0; r < observations; r++) {
            double[] row = jacobian[r];
            double res = target[r] - predicted[r];
            int count = 0;
            for (int i = 0; i < m; i++) {
                double ji = row[i];
                if (ji != 0) {
                    nonZeroIndex[count] = i;
                    nonZeroValue[count] = ji;
                    count++;
                    gradient[i] += ji * res;
                }
            }
            for (int a = 0; a < count; a++) {
                double va = nonZeroValue[a];
                int o = nonZeroIndex[a] * m;
                for (int b = 0; b <= a; b++) {
                    normal[o + nonZeroIndex[b]] += va * nonZeroValue[b];
                }
            }
        }
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < i; k++) {
                normal[k * m + i] = normal[i * m + k];
            }
        }
        for (int i = 0; i < m; i++) {
            scaling[i] = Math.max(scaling[i], normal[i * m + i]);
        }
    }

    /** MINPACK's orthogonality test: max_i |g_i| / (‖J_i‖ ‖r‖) ≤ tolerance. */
    private boolean gradientOrthogonal() {
        int m = parameters;
        double rNorm = Math.sqrt(cost);
        double worst = 0;
        for (int i = 0; i < m; i++) {
            double columnNorm = Math.sqrt(normal[i * m + i]);
            if (columnNorm > 0) {
                worst = Math.max(worst, Math.abs(gradient[i]) / (columnNorm * rNorm));
            }
        }
        return worst <= TOLERANCE;
    }

    /** Solves (JᵀJ + λ D) δ = Jᵀ r by Cholesky into {@code delta}; false when not positive definite. */
    private boolean solveDamped(double lambda) {
        int m = parameters;
        for (int i = 0; i < m; i++) {
            int o = i * m;
            for (int k = 0; k <= i; k++) {
                double s = normal[o + k];
                if (k == i) {
                    s += lambda * scaling[i];
                }
                for (int p = 0; p < k; p++) {
                    s -= factor[o + p] * factor[k * m + p];
                }
                if (k == i) {
                    if (!(s > 0)) {
                        return false;
                    }
                    factor[o + i] = Math.sqrt(s);
                } else {
                    factor[o + k] = s / factor[k * m + k];
                }
            }
        }
        for (int i = 0; i < m; i++) {
            double s = gradient[i];
            int o = i * m;
            for (int p = 0; p < i; p++) {
                s -= factor[o + p] * delta[p];
            }
            delta[i] = s / factor[o + i];
        }
        for (int i = m - 1; i >= 0; i--) {
            double s = delta[i];
            for (int p = i + 1; p < m; p++) {
                s -= factor[p * m + i] * delta[p];
            }
            delta[i] = s / factor[i * m + i];
        }
        return true;
    }
}
