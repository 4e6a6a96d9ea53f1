package dev.touchline.calibration;

import org.jspecify.annotations.Nullable;

/**
 * The reprojection residuals of DLT-16/-20 and their analytic Jacobian.
 *
 * <p>Parameters {@code q[0..10]} are L1..L11 of the DLT in the form
 * {@code u0 = (L1 X + L2 Y + L3 Z + L4) / (L9 X + L10 Y + L11 Z + 1)}, {@code v0 = (L5 X + … + L8) / (…)}, on
 * world coordinates normalised to the landmarks' centroid (so the denominator, the centroid's depth, cannot
 * vanish); {@code q[11..]} are the first {@code lensTerms} lens coefficients, the others held at zero.
 */
final class DltLensProblem implements LevenbergMarquardt.NormalEquations {
    /** Index of x̃_k x̃_l (k, l in 0..3) in a packed symmetric 4 × 4. */
    private static final int[] PACKED = {0, 1, 2, 3, 1, 4, 5, 6, 2, 5, 7, 8, 3, 6, 8, 9};

    private final double[] wx;
    private final double[] wy;
    private final double[] wz;
    private final double centreU;
    private final double centreV;
    private final double scale;
    private final int lensTerms;
    private final double[] coefficients = new double[LensModel.TERMS];
    private final double[] d = new double[2];
    private final double[] j = new double[4];
    private final double[] dcx = new double[LensModel.TERMS];
    private final double[] dcy = new double[LensModel.TERMS];
    // Workspace of normalEquations: six weighted sums of x̃ x̃ᵀ (10 packed entries each), the lens rows' cross
    // terms with L1..L11 (lensTerms × 11) and with each other (lensTerms × lensTerms, lower triangle).
    private final double[] moments = new double[60];
    private final double[] products = new double[10];
    private final double[] lensCross;
    private final double[] lensLens;
    private final double[] eu = new double[LensModel.TERMS];
    private final double[] ev = new double[LensModel.TERMS];
    private double huberPx = Double.POSITIVE_INFINITY;

    /** Normalised world coordinates (not copied, not modified), the fixed lens centre and scale, the term count. */
    DltLensProblem(double[] wx, double[] wy, double[] wz, double centreU, double centreV, double scale,
            int lensTerms) {
        this.wx = wx;
        this.wy = wy;
        this.wz = wz;
        this.centreU = centreU;
        this.centreV = centreV;
        this.scale = scale;
        this.lensTerms = lensTerms;
        lensCross = new double[lensTerms * 11];
        lensLens = new double[lensTerms * lensTerms];
    }

    /**
     * Switches {@link #evaluate(double[], double[], double[], double[])} to Huber's loss on each landmark's
     * reprojection distance s: s² up to {@code thresholdPx}, 2 δ s − δ² beyond (linear, so a mis-clicked landmark
     * pulls with a bounded force). Infinity means least squares (the default).
     */
    void huberThresholdPx(double thresholdPx) {
        if (!(thresholdPx > 0)) {
            throw new IllegalArgumentException("Huber threshold must be > 0 px, got " + thresholdPx);
        }
        this.huberPx = thresholdPx;
    }

    int parameterCount() {
        return 11 + lensTerms;
    }

    /**
     * Predicted pixels and, when {@code jacobian} is not null, their derivatives.
     *
     * @param q         parameters. Not modified.
     * @param predicted receives u0, v0, u1, v1, … Modified.
     * @param jacobian  receives d predicted / d q, one row per observation. Modified.
     */
    void evaluate(double[] q, double[] predicted, double @Nullable [][] jacobian) {
        for (int k = 0; k < LensModel.TERMS; k++) {
            coefficients[k] = k < lensTerms ? q[11 + k] : 0;
        }
        for (int i = 0; i < wx.length; i++) {
            double x = wx[i];
            double y = wy[i];
            double z = wz[i];
            double a = q[0] * x + q[1] * y + q[2] * z + q[3];
            double b = q[4] * x + q[5] * y + q[6] * z + q[7];
            double w = q[8] * x + q[9] * y + q[10] * z + 1;
            double u0 = a / w;
            double v0 = b / w;
            double nx = (u0 - centreU) / scale;
            double ny = (v0 - centreV) / scale;
            LensModel.distortNormalised(coefficients, nx, ny, d);
            predicted[2 * i] = centreU + scale * d[0];
            predicted[2 * i + 1] = centreV + scale * d[1];
            if (jacobian == null) {
                continue;
            }
            LensModel.jacobian(coefficients, nx, ny, j);
            double[] ru = jacobian[2 * i];
            double[] rv = jacobian[2 * i + 1];
            double inv = 1 / w;
            double[] xs = {x * inv, y * inv, z * inv, inv};
            for (int c = 0; c < 4; c++) {
                ru[c] = j[0] * xs[c];
                ru[4 + c] = j[1] * xs[c];
                rv[c] = j[2] * xs[c];
                rv[4 + c] = j[3] * xs[c];
            }
            double gu = j[0] * u0 + j[1] * v0;
            double gv = j[2] * u0 + j[3] * v0;
            for (int c = 0; c < 3; c++) {
                ru[8 + c] = -gu * xs[c];
                rv[8 + c] = -gv * xs[c];
            }
            LensModel.coefficientDerivatives(nx, ny, dcx, dcy);
            for (int k = 0; k < lensTerms; k++) {
                ru[11 + k] = scale * dcx[k];
                rv[11 + k] = scale * dcy[k];
            }
        }
    }

    /**
     * The cost and the normal equations in one pass, without forming the Jacobian.
     *
     * <p>A landmark's u- and v-rows of the Jacobian share their structure: over L1..L4, L5..L8 and L9..L11 both are
     * multiples of x̃ = (x, y, z, 1) / w (the u-row {@code (j0 x̃, j1 x̃, −gu x̃₃)}, the v-row
     * {@code (j2 x̃, j3 x̃, −gv x̃₃)}, with j the lens's 2 × 2 Jacobian). So the 11 × 11 DLT block of JᵀWJ is six
     * weighted sums of x̃ x̃ᵀ (10 distinct products each), accumulated per landmark with one weight per block; only
     * the lens rows are accumulated entry by entry. Symmetric blocks are accumulated once (lower triangle).
     *
     * @param target u0, v0, u1, v1, … Not modified.
     */
    @Override
    public double evaluate(double[] q, double[] target, double @Nullable [] normal, double @Nullable [] gradient) {
        double[] c = coefficients;
        for (int k = 0; k < LensModel.TERMS; k++) {
            c[k] = k < lensTerms ? q[11 + k] : 0;
        }
        boolean full = normal != null && gradient != null;
        if (full) {
            java.util.Arrays.fill(moments, 0);
            java.util.Arrays.fill(lensCross, 0);
            java.util.Arrays.fill(lensLens, 0);
            java.util.Arrays.fill(gradient, 0);
        }
        double[] m = moments;
        double[] p = products;
        int lt = lensTerms;
        double s = scale;
        double cost = 0;
        for (int i = 0; i < wx.length; i++) {
            double x = wx[i];
            double y = wy[i];
            double z = wz[i];
            double inv = 1 / (q[8] * x + q[9] * y + q[10] * z + 1);
            double u0 = (q[0] * x + q[1] * y + q[2] * z + q[3]) * inv;
            double v0 = (q[4] * x + q[5] * y + q[6] * z + q[7]) * inv;
            double nx = (u0 - centreU) / s;
            double ny = (v0 - centreV) / s;
            double r2 = nx * nx + ny * ny;
            double r4 = r2 * r2;
            double radial = 1 + c[0] * r2 + c[1] * r4 + c[2] * r4 * r2;
            double dxn = nx * radial + 2 * c[3] * nx * ny + c[4] * (r2 + 2 * nx * nx) + c[5] * r2 + c[6] * r4;
            double dyn = ny * radial + c[3] * (r2 + 2 * ny * ny) + 2 * c[4] * nx * ny + c[7] * r2 + c[8] * r4;
            double ru = target[2 * i] - (centreU + s * dxn);
            double rv = target[2 * i + 1] - (centreV + s * dyn);
            double d2 = ru * ru + rv * rv;
            double w = 1;
            if (d2 > huberPx * huberPx) {
                double dist = Math.sqrt(d2);
                cost += 2 * huberPx * dist - huberPx * huberPx;
                w = huberPx / dist;
            } else {
                cost += d2;
            }
            if (!full) {
                continue;
            }
            double dRadial = c[0] + 2 * c[1] * r2 + 3 * c[2] * r4;
            double prismX = c[5] + 2 * c[6] * r2;
            double prismY = c[7] + 2 * c[8] * r2;
            double j0 = radial + 2 * nx * nx * dRadial + 2 * c[3] * ny + 6 * c[4] * nx + 2 * nx * prismX;
            double j1 = 2 * nx * ny * dRadial + 2 * c[3] * nx + 2 * c[4] * ny + 2 * ny * prismX;
            double j2 = 2 * nx * ny * dRadial + 2 * c[3] * nx + 2 * c[4] * ny + 2 * nx * prismY;
            double j3 = radial + 2 * ny * ny * dRadial + 6 * c[3] * ny + 2 * c[4] * nx + 2 * ny * prismY;
            double gu = j0 * u0 + j1 * v0;
            double gv = j2 * u0 + j3 * v0;
            double t0 = x * inv;
            double t1 = y * inv;
            double t2 = z * inv;
            double t3 = inv;
            p[0] = t0 * t0;
            p[1] = t0 * t1;
            p[2] = t0 * t2;
            p[3] = t0 * t3;
            p[4] = t1 * t1;
            p[5] = t1 * t2;
            p[6] = t1 * t3;
            p[7] = t2 * t2;
            p[8] = t2 * t3;
            p[9] = t3 * t3;
            double waa = w * (j0 * j0 + j2 * j2);
            double wab = w * (j0 * j1 + j2 * j3);
            double wbb = w * (j1 * j1 + j3 * j3);
            double wac = -w * (j0 * gu + j2 * gv);
            double wbc = -w * (j1 * gu + j3 * gv);
            double wcc = w * (gu * gu + gv * gv);
            for (int k = 0; k < 10; k++) {
                double pk = p[k];
                m[k] += waa * pk;
                m[10 + k] += wab * pk;
                m[20 + k] += wbb * pk;
                m[30 + k] += wac * pk;
                m[40 + k] += wbc * pk;
                m[50 + k] += wcc * pk;
            }
            double ga = w * (j0 * ru + j2 * rv);
            double gb = w * (j1 * ru + j3 * rv);
            double gc = -w * (gu * ru + gv * rv);
            gradient[0] += ga * t0;
            gradient[1] += ga * t1;
            gradient[2] += ga * t2;
            gradient[3] += ga * t3;
            gradient[4] += gb * t0;
            gradient[5] += gb * t1;
            gradient[6] += gb * t2;
            gradient[7] += gb * t3;
            gradient[8] += gc * t0;
            gradient[9] += gc * t1;
            gradient[10] += gc * t2;
            if (lt == 0) {
                continue;
            }
            LensModel.coefficientDerivatives(nx, ny, dcx, dcy);
            for (int k = 0; k < lt; k++) {
                double a = s * dcx[k];
                double b = s * dcy[k];
                eu[k] = a;
                ev[k] = b;
                gradient[11 + k] += w * (a * ru + b * rv);
                double ta = w * (j0 * a + j2 * b);
                double tb = w * (j1 * a + j3 * b);
                double tc = -w * (gu * a + gv * b);
                int o = 11 * k;
                lensCross[o] += ta * t0;
                lensCross[o + 1] += ta * t1;
                lensCross[o + 2] += ta * t2;
                lensCross[o + 3] += ta * t3;
                lensCross[o + 4] += tb * t0;
                lensCross[o + 5] += tb * t1;
                lensCross[o + 6] += tb * t2;
                lensCross[o + 7] += tb * t3;
                lensCross[o + 8] += tc * t0;
                lensCross[o + 9] += tc * t1;
                lensCross[o + 10] += tc * t2;
                double wa = w * a;
                double wb = w * b;
                int ol = lt * k;
                for (int l = 0; l <= k; l++) {
                    lensLens[ol + l] += wa * eu[l] + wb * ev[l];
                }
            }
        }
        if (full) {
            unpack(normal);
        }
        return cost;
    }

    /** Writes the accumulated blocks into the lower triangle of the (11 + lensTerms)² normal matrix. */
    private void unpack(double[] normal) {
        int n = 11 + lensTerms;
        double[] m = moments;
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k <= i; k++) {
                normal[i * n + k] = m[PACKED[4 * i + k]];
            }
        }
        for (int i = 0; i < 4; i++) {
            int row = (4 + i) * n;
            for (int k = 0; k < 4; k++) {
                normal[row + k] = m[10 + PACKED[4 * i + k]];
            }
            for (int k = 0; k <= i; k++) {
                normal[row + 4 + k] = m[20 + PACKED[4 * i + k]];
            }
        }
        for (int i = 0; i < 3; i++) {
            int row = (8 + i) * n;
            for (int k = 0; k < 4; k++) {
                normal[row + k] = m[30 + PACKED[4 * i + k]];
                normal[row + 4 + k] = m[40 + PACKED[4 * i + k]];
            }
            for (int k = 0; k <= i; k++) {
                normal[row + 8 + k] = m[50 + PACKED[4 * i + k]];
            }
        }
        for (int k = 0; k < lensTerms; k++) {
            int row = (11 + k) * n;
            System.arraycopy(lensCross, 11 * k, normal, row, 11);
            System.arraycopy(lensLens, lensTerms * k, normal, row + 11, k + 1);
        }
    }
}
