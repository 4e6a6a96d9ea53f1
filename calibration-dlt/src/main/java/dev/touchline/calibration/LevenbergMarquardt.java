package dev.touchline.calibration;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A small Levenberg–Marquardt least-squares solver on preallocated primitive arrays, for the few-parameter fits
 * of this module (DLT-16/-20: 16 or 20 parameters, 2N observations).
 *
 * <p>Each iteration solves the normal equations {@code (JᵀWJ + λ D) δ = JᵀW r} with Marquardt's scaling {@code D}
 * (the running maximum of diag JᵀWJ, as MINPACK keeps its column norms) by Cholesky. λ follows Nielsen's
 * gain-ratio update. Convergence uses commons-math3's default tolerances (1e-10): relative reduction of the cost,
 * relative step length, and the cosine between the residual and the Jacobian's columns.
 *
 * <p>The model forms its own normal equations ({@link NormalEquations}), so a structured model (the DLT's, see
 * {@link DltLensProblem}) never materialises its Jacobian; a plain model with a Jacobian ({@link Model}) is
 * adapted. The normal equations are formed once per accepted point: a rejected step only re-factors the same
 * JᵀWJ with a larger λ. W is the identity for least squares, or a robust loss's iteratively reweighted weights
 * (then the cost is the robust cost, and JᵀWJ the usual Gauss–Newton approximation of its Hessian).
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

    /** A model that returns its cost and accumulates its own normal equations. */
    interface NormalEquations {
        /**
         * The cost at {@code q} (the sum of squared residuals {@code target − predicted(q)}, or a robust
         * function of them) and, when {@code normal} is not null, the normal equations there.
         *
         * @param q        parameters. Not modified.
         * @param target   observed values. Not modified.
         * @param normal   null, or receives the lower triangle (row ≥ column) of JᵀWJ, m × m row-major; the upper
         *                 triangle is left as it was. Modified.
         * @param gradient null (exactly when normal is), or receives JᵀW r, length m. Modified.
         * @return the cost, ≥ 0
         */
        double evaluate(double[] q, double[] target, double @Nullable [] normal, double @Nullable [] gradient);
    }

    /** Relative tolerance of commons-math3's LevenbergMarquardtOptimizer defaults. */
    static final double TOLERANCE = 1e-10;
    /** Gain ratio above which a longer step along δ is tried. */
    private static final double EXTRAPOLATE_ABOVE = 1.2;
    /** Longest extrapolated step, in multiples of δ. */
    private static final double MAX_EXTRAPOLATION = 8;

    private final int parameters;
    private final int observations;
    private final double[] q;
    private final double[] trial;
    private final double[] extended;
    private final double[] normal;
    private final double[] gradient;
    private final double[] factor;
    private final double[] delta;
    private final double[] scaling;
    private @Nullable JacobianAdapter adapter;
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
        extended = new double[parameters];
        normal = new double[parameters * parameters];
        gradient = new double[parameters];
        factor = new double[parameters * parameters];
        delta = new double[parameters];
        scaling = new double[parameters];
    }

    /**
     * Minimises {@code Σ (target − predicted(q))²} from {@code start} for a model with an explicit Jacobian.
     *
     * @see #minimise(NormalEquations, double[], double[], int, double[])
     */
    boolean minimise(Model model, double[] start, double[] target, int maxIterations, double[] result) {
        if (adapter == null) {
            adapter = new JacobianAdapter(parameters, observations);
        }
        adapter.model = model;
        return minimise(adapter, start, target, maxIterations, result);
    }

    /**
     * Minimises the model's cost from {@code start}.
     *
     * @param model         the model
     * @param start         initial parameters. Not modified.
     * @param target        observed values, length {@code observations}. Not modified.
     * @param maxIterations iteration limit (evaluations are limited to 4 × that, as the commons-math3 path did)
     * @param result        receives the parameters at the minimum. Modified.
     * @return true when converged, false when a limit was hit ({@code result} then holds the best point so far)
     */
    boolean minimise(NormalEquations model, double[] start, double[] target, int maxIterations, double[] result) {
        int m = parameters;
        System.arraycopy(start, 0, q, 0, m);
        cost = model.evaluate(q, target, normal, gradient);
        evaluations = 1;
        iterations = 0;
        Arrays.fill(scaling, 0);
        completeNormalEquations();
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
                // A trial costs only its residuals; the normal equations are formed once, at the accepted point,
                // so a rejected step (a larger λ) re-factors the same JᵀWJ without touching the data again.
                double trialCost = model.evaluate(trial, target, null, null);
                evaluations++;
                double actualReduction = cost - trialCost;
                if (actualReduction > 0 && predictedReduction > 0) {
                    double rho = actualReduction / predictedReduction;
                    if (rho > EXTRAPOLATE_ABOVE) {
                        trialCost = extrapolate(model, target, trialCost, maxIterations);
                    }
                    System.arraycopy(trial, 0, q, 0, m);
                    double previous = cost;
                    cost = model.evaluate(q, target, normal, gradient);
                    evaluations++;
                    completeNormalEquations();
                    double t = 2 * rho - 1;
                    lambda *= Math.max(1.0 / 3, 1 - t * t * t);
                    nu = 2;
                    if (previous - cost <= TOLERANCE * previous || smallStep) {
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

    /**
     * The cost fell faster than the quadratic model predicted (ρ &gt; {@link #EXTRAPOLATE_ABOVE}): in the flat
     * valley where DLT-20's lens terms trade off against L1..L11, Gauss–Newton steps fall short by a steady factor
     * (ρ ≈ 1.5 iteration after iteration, linear convergence). The parabola through the cost at 0, its slope there
     * (−2 gᵀδ) and the cost at 1 gives a step length α; the longer step {@code q + α δ} (α ≤ 8) replaces the trial
     * when its cost is lower. Residual-only evaluations; {@code trial} is modified when a longer step wins.
     *
     * @return the cost at {@code trial}
     */
    private double extrapolate(NormalEquations model, double[] target, double trialCost, int maxIterations) {
        int m = parameters;
        double slope = 0;
        for (int i = 0; i < m; i++) {
            slope -= 2 * gradient[i] * delta[i];
        }
        // Concave along δ (ρ ≥ 2): the parabola has no minimum, so the step is doubled while the cost falls.
        double curvature = trialCost - cost - slope;
        boolean concave = !(curvature > 0);
        double alpha = concave ? 2 : Math.min(MAX_EXTRAPOLATION, -slope / (2 * curvature));
        double best = trialCost;
        while (alpha > EXTRAPOLATE_ABOVE && evaluations < 4 * maxIterations) {
            for (int i = 0; i < m; i++) {
                extended[i] = q[i] + alpha * delta[i];
            }
            double extendedCost = model.evaluate(extended, target, null, null);
            evaluations++;
            if (!(extendedCost < best)) {
                break;
            }
            best = extendedCost;
            System.arraycopy(extended, 0, trial, 0, m);
            if (!concave || 2 * alpha > MAX_EXTRAPOLATION) {
                break;
            }
            alpha *= 2;
        }
        return best;
    }

    /** Iterations of the last {@link #minimise} call. */
    int iterations() {
        return iterations;
    }

    /** Model evaluations of the last {@link #minimise} call. */
    int evaluations() {
        return evaluations;
    }

    /** The cost (sum of squared residuals, or the robust cost) at the last {@link #minimise} call's result. */
    double cost() {
        return cost;
    }

    /** Mirrors the lower triangle the model formed and updates the running Marquardt scaling. */
    private void completeNormalEquations() {
        int m = parameters;
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
                int ok = k * m;
                for (int p = 0; p < k; p++) {
                    s -= factor[o + p] * factor[ok + p];
                }
                if (k == i) {
                    if (!(s > 0)) {
                        return false;
                    }
                    factor[o + i] = Math.sqrt(s);
                } else {
                    factor[o + k] = s / factor[ok + k];
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

    /** Normal equations of a model with an explicit Jacobian, row by row over each row's non-zero entries. */
    static final class JacobianAdapter implements NormalEquations {
        private final int parameters;
        private final double[] predicted;
        private final double[][] jacobian;
        private final int[] nonZeroIndex;
        private final double[] nonZeroValue;
        @Nullable Model model;

        JacobianAdapter(int parameters, int observations) {
            this.parameters = parameters;
            predicted = new double[observations];
            jacobian = new double[observations][parameters];
            nonZeroIndex = new int[parameters];
            nonZeroValue = new double[parameters];
        }

        @Override
        public double evaluate(double[] q, double[] target, double @Nullable [] normal,
                double @Nullable [] gradient) {
            Model m = java.util.Objects.requireNonNull(model, "model");
            m.evaluate(q, predicted, jacobian);
            double cost = 0;
            for (int r = 0; r < predicted.length; r++) {
                double res = target[r] - predicted[r];
                cost += res * res;
            }
            if (normal == null || gradient == null) {
                return cost;
            }
            int p = parameters;
            Arrays.fill(normal, 0);
            Arrays.fill(gradient, 0);
            for (int r = 0; r < predicted.length; r++) {
                double[] row = jacobian[r];
                double res = target[r] - predicted[r];
                int count = 0;
                for (int i = 0; i < p; i++) {
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
                    int o = nonZeroIndex[a] * p;
                    for (int b = 0; b <= a; b++) {
                        normal[o + nonZeroIndex[b]] += va * nonZeroValue[b];
                    }
                }
            }
            return cost;
        }
    }
}
