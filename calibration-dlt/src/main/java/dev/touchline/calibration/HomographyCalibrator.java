package dev.touchline.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Fits a ground-plane {@link Homography} to landmarks on the grass (z = 0): normalised DLT (Hartley) on all
 * landmarks or, with RANSAC enabled, on the largest consensus set of minimal 4-point fits; then Levenberg–Marquardt
 * refinement of the pixel reprojection error (analytic Jacobian) on the inliers.
 *
 * <p>Guards: at least 4 landmarks and at least {@code landmarksPerParameter × 8}; every landmark at z = 0 (the
 * message names the first raised one); not all on one line; no NaN or duplicates. Immutable and thread-safe.
 */
public final class HomographyCalibrator {
    /** Four points determine a homography. */
    public static final int MINIMUM_LANDMARKS = 4;
    private static final int PARAMETERS = 8;

    private final double landmarksPerParameter;
    private final double ransacThresholdPx;
    private final int ransacIterations;
    private final long seed;
    private final boolean refine;

    private HomographyCalibrator(Builder b) {
        this.landmarksPerParameter = b.landmarksPerParameter;
        this.ransacThresholdPx = b.ransacThresholdPx;
        this.ransacIterations = b.ransacIterations;
        this.seed = b.seed;
        this.refine = b.refine;
    }

    /** Defaults: 2 landmarks per parameter, RANSAC at 3 px with up to 500 iterations (seed 0), LM refinement. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this calibrator's settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.landmarksPerParameter = landmarksPerParameter;
        b.ransacThresholdPx = ransacThresholdPx;
        b.ransacIterations = ransacIterations;
        b.seed = seed;
        b.refine = refine;
        return b;
    }

    /**
     * Fits the homography.
     *
     * @throws CalibrationException for raised, NaN, duplicate, collinear or too few landmarks
     */
    public HomographyCalibration calibrate(List<Landmark> landmarks) throws CalibrationException {
        Objects.requireNonNull(landmarks, "landmarks");
        LandmarkChecks.checkFiniteAndDistinct(landmarks);
        for (Landmark l : landmarks) {
            if (l.zM() != 0) {
                throw new CalibrationException("landmark '" + l.id() + "' has Z_m=" + l.zM()
                        + ": a homography maps the ground plane only; leave raised landmarks out or fit a 3-D DLT");
            }
        }
        int n = landmarks.size();
        int needed = Math.max(MINIMUM_LANDMARKS, (int) Math.ceil(landmarksPerParameter * PARAMETERS));
        if (n < needed) {
            throw new CalibrationException(String.format(Locale.ROOT,
                    "%d landmarks are too few for a homography (8 parameters): it needs at least %d (%s landmarks "
                            + "per parameter, never fewer than 4)", n, needed, landmarksPerParameter));
        }
        double[] sv = LandmarkChecks.centredSingularValues(landmarks);
        if (!(sv[1] >= 1e-3 * sv[0])) {
            throw new CalibrationException("the " + n + " landmarks lie on one line: a homography is undetermined");
        }
        double[] x = new double[n];
        double[] y = new double[n];
        double[] u = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            Landmark l = landmarks.get(i);
            x[i] = l.xM();
            y[i] = l.yM();
            u[i] = l.uPx();
            v[i] = l.vPx();
        }
        boolean[] inlier = new boolean[n];
        java.util.Arrays.fill(inlier, true);
        if (ransacThresholdPx > 0 && n > MINIMUM_LANDMARKS) {
            inlier = ransac(x, y, u, v);
            // A 4-point fit extrapolates its noise, so its consensus set misses good landmarks far from the
            // sample: re-fit on the consensus and re-classify until the set is stable.
            for (int round = 0; round < 10; round++) {
                int[] current = indices(inlier);
                if (current.length < MINIMUM_LANDMARKS) {
                    break;
                }
                boolean[] next = classify(linear(x, y, u, v, current), x, y, u, v);
                if (java.util.Arrays.equals(next, inlier) || indices(next).length < MINIMUM_LANDMARKS) {
                    break;
                }
                inlier = next;
            }
        }
        int[] idx = indices(inlier);
        if (idx.length < MINIMUM_LANDMARKS) {
            throw new CalibrationException("RANSAC found only " + idx.length + " consistent landmarks");
        }
        double[] h = linear(x, y, u, v, idx);
        if (refine && idx.length > MINIMUM_LANDMARKS) {
            h = refine(h, x, y, u, v, idx);
        }
        double mx = 0;
        double my = 0;
        for (int i : idx) {
            mx += x[i];
            my += y[i];
        }
        Homography homography = Homography.of(h, mx / idx.length, my / idx.length);
        double sum = 0;
        double[] out = new double[2];
        for (int i : idx) {
            homography.project(x[i], y[i], 0, out);
            sum += (out[0] - u[i]) * (out[0] - u[i]) + (out[1] - v[i]) * (out[1] - v[i]);
        }
        List<String> outliers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!inlier[i]) {
                outliers.add(landmarks.get(i).id());
            }
        }
        return new HomographyCalibration(homography, n, Math.sqrt(sum / idx.length), outliers);
    }

    /** Normalised linear homography through the landmarks listed in idx; 9 elements, row-major. */
    static double[] linear(double[] x, double[] y, double[] u, double[] v, int[] idx) throws CalibrationException {
        double[] tw = similarity(x, y, idx);
        double[] tp = similarity(u, v, idx);
        int n = idx.length;
        // AᵀA of the 2N × 9 system without forming A; its smallest eigenvector is A's smallest right singular
        // vector (see DltCalibrator.linearDlt).
        double[] ata = new double[81];
        double[] row = new double[9];
        for (int k = 0; k < n; k++) {
            int i = idx[k];
            double xn = (x[i] - tw[0]) * tw[2];
            double yn = (y[i] - tw[1]) * tw[2];
            double un = (u[i] - tp[0]) * tp[2];
            double vn = (v[i] - tp[1]) * tp[2];
            row[0] = xn;
            row[1] = yn;
            row[2] = 1;
            row[3] = 0;
            row[4] = 0;
            row[5] = 0;
            row[6] = -un * xn;
            row[7] = -un * yn;
            row[8] = -un;
            DltCalibrator.addOuterProduct(ata, row);
            row[0] = 0;
            row[1] = 0;
            row[2] = 0;
            row[3] = xn;
            row[4] = yn;
            row[5] = 1;
            row[6] = -vn * xn;
            row[7] = -vn * yn;
            row[8] = -vn;
            DltCalibrator.addOuterProduct(ata, row);
        }
        double[] hn = DltCalibrator.smallestEigenvector(ata, 9);
        // H = Tp⁻¹ Hn Tw
        double s = tw[2];
        double[] hw = new double[9];
        for (int r = 0; r < 3; r++) {
            hw[3 * r] = hn[3 * r] * s;
            hw[3 * r + 1] = hn[3 * r + 1] * s;
            hw[3 * r + 2] = hn[3 * r + 2] - s * (hn[3 * r] * tw[0] + hn[3 * r + 1] * tw[1]);
        }
        double[] h = new double[9];
        for (int c = 0; c < 3; c++) {
            h[c] = hw[c] / tp[2] + tp[0] * hw[6 + c];
            h[3 + c] = hw[3 + c] / tp[2] + tp[1] * hw[6 + c];
            h[6 + c] = hw[6 + c];
        }
        return h;
    }

    /** Centroid (x, y) and the scale that makes the mean distance √2. */
    private static double[] similarity(double[] a, double[] b, int[] idx) {
        double ma = 0;
        double mb = 0;
        for (int i : idx) {
            ma += a[i];
            mb += b[i];
        }
        ma /= idx.length;
        mb /= idx.length;
        double dist = 0;
        for (int i : idx) {
            dist += Math.hypot(a[i] - ma, b[i] - mb);
        }
        return new double[] {ma, mb, dist > 0 ? Math.sqrt(2) * idx.length / dist : 1};
    }

    private boolean[] ransac(double[] x, double[] y, double[] u, double[] v) {
        int n = x.length;
        Random random = new Random(seed);
        boolean[] best = new boolean[n];
        int bestCount = -1;
        double bestSse = Double.POSITIVE_INFINITY;
        int[] sample = new int[MINIMUM_LANDMARKS];
        boolean[] current = new boolean[n];
        double threshold2 = ransacThresholdPx * ransacThresholdPx;
        int limit = ransacIterations;
        for (int it = 0; it < limit; it++) {
            for (int k = 0; k < MINIMUM_LANDMARKS; k++) {
                int c;
                boolean repeat;
                do {
                    c = random.nextInt(n);
                    repeat = false;
                    for (int j = 0; j < k; j++) {
                        repeat |= sample[j] == c;
                    }
                } while (repeat);
                sample[k] = c;
            }
            double[] h;
            try {
                h = linear(x, y, u, v, sample);
            } catch (CalibrationException e) {
                continue; // a degenerate sample (three points on a line) says nothing; draw another
            }
            int count = 0;
            double sse = 0;
            for (int i = 0; i < n; i++) {
                double w = h[6] * x[i] + h[7] * y[i] + h[8];
                double du = (h[0] * x[i] + h[1] * y[i] + h[2]) / w - u[i];
                double dv = (h[3] * x[i] + h[4] * y[i] + h[5]) / w - v[i];
                double e2 = du * du + dv * dv;
                current[i] = e2 < threshold2;
                if (current[i]) {
                    count++;
                    sse += e2;
                }
            }
            if (count > bestCount || (count == bestCount && sse < bestSse)) {
                bestCount = count;
                bestSse = sse;
                System.arraycopy(current, 0, best, 0, n);
                double w4 = Math.pow((double) count / n, MINIMUM_LANDMARKS);
                if (w4 >= 1) {
                    break;
                }
                int needed = (int) Math.ceil(Math.log(1e-3) / Math.log(1 - w4));
                limit = Math.min(ransacIterations, Math.max(it + 1, needed));
            }
        }
        if (bestCount < MINIMUM_LANDMARKS) {
            java.util.Arrays.fill(best, true);
        }
        return best;
    }

    private boolean[] classify(double[] h, double[] x, double[] y, double[] u, double[] v) {
        boolean[] mask = new boolean[x.length];
        double threshold2 = ransacThresholdPx * ransacThresholdPx;
        for (int i = 0; i < x.length; i++) {
            double w = h[6] * x[i] + h[7] * y[i] + h[8];
            double du = (h[0] * x[i] + h[1] * y[i] + h[2]) / w - u[i];
            double dv = (h[3] * x[i] + h[4] * y[i] + h[5]) / w - v[i];
            mask[i] = du * du + dv * dv < threshold2;
        }
        return mask;
    }

    private static int[] indices(boolean[] mask) {
        int count = 0;
        for (boolean b : mask) {
            count += b ? 1 : 0;
        }
        int[] idx = new int[count];
        for (int i = 0, k = 0; i < mask.length; i++) {
            if (mask[i]) {
                idx[k++] = i;
            }
        }
        return idx;
    }

    /**
     * Minimises pixel reprojection error. Parameters are H on world coordinates centred at the inliers' centroid,
     * with the last element fixed at 1 (the centroid is in front of the camera, so that element cannot vanish).
     */
    private static double[] refine(double[] h, double[] x, double[] y, double[] u, double[] v, int[] idx)
            throws CalibrationException {
        int n = idx.length;
        double mx = 0;
        double my = 0;
        for (int i : idx) {
            mx += x[i];
            my += y[i];
        }
        double cx = mx / n;
        double cy = my / n;
        // H' = H T⁻¹ with T the translation by −centroid.
        double[] hc = new double[9];
        for (int r = 0; r < 3; r++) {
            hc[3 * r] = h[3 * r];
            hc[3 * r + 1] = h[3 * r + 1];
            hc[3 * r + 2] = h[3 * r] * cx + h[3 * r + 1] * cy + h[3 * r + 2];
        }
        double[] q0 = new double[8];
        for (int i = 0; i < 8; i++) {
            q0[i] = hc[i] / hc[8];
        }
        double[] target = new double[2 * n];
        double[] px = new double[n];
        double[] py = new double[n];
        for (int k = 0; k < n; k++) {
            target[2 * k] = u[idx[k]];
            target[2 * k + 1] = v[idx[k]];
            px[k] = x[idx[k]] - cx;
            py[k] = y[idx[k]] - cy;
        }
        MultivariateJacobianFunction f = point -> {
            double[] q = point.toArray();
            double[] pred = new double[2 * n];
            double[][] jac = new double[2 * n][8];
            evaluate(q, px, py, pred, jac);
            return new Pair<RealVector, RealMatrix>(new ArrayRealVector(pred, false),
                    new Array2DRowRealMatrix(jac, false));
        };
        LeastSquaresProblem problem = new LeastSquaresBuilder().start(q0).target(target).model(f)
                .maxIterations(100).maxEvaluations(400).build();
        double[] q;
        try {
            q = new LevenbergMarquardtOptimizer().optimize(problem).getPoint().toArray();
        } catch (TooManyEvaluationsException | TooManyIterationsException | ConvergenceException e) {
            throw new CalibrationException("homography refinement did not converge: " + e.getMessage(), e);
        }
        double[] out = new double[9];
        for (int r = 0; r < 3; r++) {
            double a = q[3 * r];
            double b = q[3 * r + 1];
            double c = r == 2 ? 1 : q[3 * r + 2];
            out[3 * r] = a;
            out[3 * r + 1] = b;
            out[3 * r + 2] = c - a * cx - b * cy;
        }
        return out;
    }

    /** Predicted pixels and their Jacobian for the 8 homography parameters (last element 1). Outputs modified. */
    static void evaluate(double[] q, double[] x, double[] y, double[] pred, double[][] jac) {
        for (int i = 0; i < x.length; i++) {
            double w = q[6] * x[i] + q[7] * y[i] + 1;
            double uu = (q[0] * x[i] + q[1] * y[i] + q[2]) / w;
            double vv = (q[3] * x[i] + q[4] * y[i] + q[5]) / w;
            pred[2 * i] = uu;
            pred[2 * i + 1] = vv;
            double[] ju = jac[2 * i];
            double[] jv = jac[2 * i + 1];
            ju[0] = x[i] / w;
            ju[1] = y[i] / w;
            ju[2] = 1 / w;
            ju[6] = -uu * x[i] / w;
            ju[7] = -uu * y[i] / w;
            jv[3] = x[i] / w;
            jv[4] = y[i] / w;
            jv[5] = 1 / w;
            jv[6] = -vv * x[i] / w;
            jv[7] = -vv * y[i] / w;
        }
    }

    /** Settings of a {@link HomographyCalibrator}. */
    public static final class Builder {
        private double landmarksPerParameter = 2.0;
        private double ransacThresholdPx = 3.0;
        private int ransacIterations = 500;
        private long seed;
        private boolean refine = true;

        private Builder() {
        }

        /** Minimum landmarks per parameter (8 parameters), default 2; 0 keeps only the minimum of 4. [0, 10]. */
        public Builder landmarksPerParameter(double value) {
            if (!(value >= 0 && value <= 10)) {
                throw new IllegalArgumentException("landmarksPerParameter must be in [0, 10], got " + value);
            }
            this.landmarksPerParameter = value;
            return this;
        }

        /** RANSAC inlier distance in pixels, default 3; 0 turns RANSAC off. Range [0, 1000]. */
        public Builder ransacThresholdPx(double value) {
            if (!(value >= 0 && value <= 1000)) {
                throw new IllegalArgumentException("ransacThresholdPx must be in [0, 1000], got " + value);
            }
            this.ransacThresholdPx = value;
            return this;
        }

        /** Upper bound of RANSAC iterations, default 500, range [1, 1000000]. */
        public Builder ransacIterations(int value) {
            if (value < 1 || value > 1_000_000) {
                throw new IllegalArgumentException("ransacIterations must be in [1, 1000000], got " + value);
            }
            this.ransacIterations = value;
            return this;
        }

        /** RANSAC sampling seed, default 0. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Whether to refine by Levenberg–Marquardt, default true. */
        public Builder refine(boolean value) {
            this.refine = value;
            return this;
        }

        /** The calibrator. */
        public HomographyCalibrator build() {
            return new HomographyCalibrator(this);
        }
    }
}
