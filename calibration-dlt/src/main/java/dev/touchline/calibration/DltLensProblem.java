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
final class DltLensProblem {
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
}
