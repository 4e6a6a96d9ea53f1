package dev.touchline.calibration;

import java.util.Arrays;

/**
 * Lens distortion in the image plane: radial k1–k3, decentering p1–p2 and thin prism s1–s4, applied to
 * normalised coordinates {@code x = (u − centreU) / scale}, {@code y = (v − centreV) / scale} of the ideal
 * (pinhole) pixel:
 * <pre>
 *   r² = x² + y²,  R = 1 + k1 r² + k2 r⁴ + k3 r⁶
 *   x' = x R + 2 p1 x y + p2 (r² + 2 x²) + s1 r² + s2 r⁴
 *   y' = y R + p1 (r² + 2 y²) + 2 p2 x y + s3 r² + s4 r⁴
 * </pre>
 * and the distorted pixel is {@code (centreU + scale x', centreV + scale y')}. This is OpenCV's model when the
 * centre is the principal point and the scale the focal length. The centre and scale are fixed when the lens is
 * fitted (so the lens terms do not trade off against the projective part); only the coefficients are estimated.
 *
 * <p>Immutable.
 */
public final class LensModel {
    /** Number of coefficients: k1, k2, k3, p1, p2, s1, s2, s3, s4. */
    public static final int TERMS = 9;

    private static final int MAX_NEWTON_STEPS = 30;

    private final double centreU;
    private final double centreV;
    private final double scale;
    private final double[] coefficients;

    private LensModel(double centreU, double centreV, double scale, double[] coefficients) {
        this.centreU = centreU;
        this.centreV = centreV;
        this.scale = scale;
        this.coefficients = coefficients;
    }

    /**
     * A lens model.
     *
     * @param centreUPx    distortion centre, image column in pixels
     * @param centreVPx    distortion centre, image row in pixels
     * @param scalePx      normalising scale in pixels (the focal length, for OpenCV's meaning of the terms), &gt; 0
     * @param coefficients k1, k2, k3, p1, p2, s1, s2, s3, s4; a shorter array means the rest are zero. Not modified.
     * @return the lens
     */
    public static LensModel of(double centreUPx, double centreVPx, double scalePx, double... coefficients) {
        if (!Double.isFinite(centreUPx) || !Double.isFinite(centreVPx)) {
            throw new IllegalArgumentException("centre must be finite, got (" + centreUPx + ", " + centreVPx + ")");
        }
        if (!(scalePx > 0) || !Double.isFinite(scalePx)) {
            throw new IllegalArgumentException("scalePx must be finite and > 0, got " + scalePx);
        }
        if (coefficients.length > TERMS) {
            throw new IllegalArgumentException("at most " + TERMS + " coefficients, got " + coefficients.length);
        }
        for (int i = 0; i < coefficients.length; i++) {
            if (!Double.isFinite(coefficients[i])) {
                throw new IllegalArgumentException("coefficient " + i + " must be finite, got " + coefficients[i]);
            }
        }
        return new LensModel(centreUPx, centreVPx, scalePx, Arrays.copyOf(coefficients, TERMS));
    }

    /** A lens without distortion (identity), with the given centre and scale. */
    public static LensModel none(double centreUPx, double centreVPx, double scalePx) {
        return of(centreUPx, centreVPx, scalePx);
    }

    /** Distortion centre column, pixels. */
    public double centreU() {
        return centreU;
    }

    /** Distortion centre row, pixels. */
    public double centreV() {
        return centreV;
    }

    /** Normalising scale, pixels. */
    public double scale() {
        return scale;
    }

    /** A copy of the nine coefficients k1, k2, k3, p1, p2, s1, s2, s3, s4. */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** True when every coefficient is zero. */
    public boolean isIdentity() {
        for (double c : coefficients) {
            if (c != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Distorts an ideal pixel.
     *
     * @param u   ideal column, pixels
     * @param v   ideal row, pixels
     * @param out receives the distorted (u, v) in elements 0 and 1. Modified.
     */
    public void distort(double u, double v, double[] out) {
        double x = (u - centreU) / scale;
        double y = (v - centreV) / scale;
        distortNormalised(coefficients, x, y, out);
        out[0] = centreU + scale * out[0];
        out[1] = centreV + scale * out[1];
    }

    /**
     * Removes the distortion from an observed pixel by Newton iteration on the forward model (the model has no
     * closed-form inverse). Writes NaN when the iteration does not converge, which happens only far outside the
     * region where the lens was fitted.
     *
     * @param u   observed column, pixels
     * @param v   observed row, pixels
     * @param out receives the ideal (u, v) in elements 0 and 1. Modified.
     */
    public void undistort(double u, double v, double[] out) {
        double xd = (u - centreU) / scale;
        double yd = (v - centreV) / scale;
        double x = xd;
        double y = yd;
        double[] f = new double[2];
        double[] j = new double[4];
        boolean converged = isIdentity();
        for (int step = 0; step < MAX_NEWTON_STEPS && !converged; step++) {
            distortNormalised(coefficients, x, y, f);
            jacobian(coefficients, x, y, j);
            double ex = f[0] - xd;
            double ey = f[1] - yd;
            double det = j[0] * j[3] - j[1] * j[2];
            if (det == 0 || !Double.isFinite(det)) {
                break;
            }
            double dx = (j[3] * ex - j[1] * ey) / det;
            double dy = (-j[2] * ex + j[0] * ey) / det;
            x -= dx;
            y -= dy;
            converged = Math.abs(dx) + Math.abs(dy) <= 1e-15 * (1 + Math.abs(x) + Math.abs(y));
        }
        if (!converged) {
            distortNormalised(coefficients, x, y, f);
            converged = Math.abs(f[0] - xd) + Math.abs(f[1] - yd) <= 1e-12 * (1 + Math.abs(xd) + Math.abs(yd));
        }
        if (!converged) {
            out[0] = Double.NaN;
            out[1] = Double.NaN;
            return;
        }
        out[0] = centreU + scale * x;
        out[1] = centreV + scale * y;
    }

    /** The forward model on normalised coordinates; c holds nine coefficients. out is modified. */
    static void distortNormalised(double[] c, double x, double y, double[] out) {
        double r2 = x * x + y * y;
        double r4 = r2 * r2;
        double radial = 1 + c[0] * r2 + c[1] * r4 + c[2] * r4 * r2;
        out[0] = x * radial + 2 * c[3] * x * y + c[4] * (r2 + 2 * x * x) + c[5] * r2 + c[6] * r4;
        out[1] = y * radial + c[3] * (r2 + 2 * y * y) + 2 * c[4] * x * y + c[7] * r2 + c[8] * r4;
    }

    /**
     * The 2 × 2 Jacobian of the forward model on normalised coordinates, row-major:
     * {@code j = [dx'/dx, dx'/dy, dy'/dx, dy'/dy]}. j is modified.
     */
    static void jacobian(double[] c, double x, double y, double[] j) {
        double r2 = x * x + y * y;
        double r4 = r2 * r2;
        double radial = 1 + c[0] * r2 + c[1] * r4 + c[2] * r4 * r2;
        double dRadial = c[0] + 2 * c[1] * r2 + 3 * c[2] * r4; // d radial / d r²
        double prismX = c[5] + 2 * c[6] * r2; // d(s1 r² + s2 r⁴) / d r²
        double prismY = c[7] + 2 * c[8] * r2;
        j[0] = radial + 2 * x * x * dRadial + 2 * c[3] * y + 6 * c[4] * x + 2 * x * prismX;
        j[1] = 2 * x * y * dRadial + 2 * c[3] * x + 2 * c[4] * y + 2 * y * prismX;
        j[2] = 2 * x * y * dRadial + 2 * c[3] * x + 2 * c[4] * y + 2 * x * prismY;
        j[3] = radial + 2 * y * y * dRadial + 6 * c[3] * y + 2 * c[4] * x + 2 * y * prismY;
    }

    /**
     * Derivatives of the normalised distorted point with respect to the nine coefficients.
     *
     * @param dx receives dx'/dc for the nine coefficients. Modified.
     * @param dy receives dy'/dc for the nine coefficients. Modified.
     */
    static void coefficientDerivatives(double x, double y, double[] dx, double[] dy) {
        double r2 = x * x + y * y;
        double r4 = r2 * r2;
        dx[0] = x * r2;
        dy[0] = y * r2;
        dx[1] = x * r4;
        dy[1] = y * r4;
        dx[2] = x * r4 * r2;
        dy[2] = y * r4 * r2;
        dx[3] = 2 * x * y;
        dy[3] = r2 + 2 * y * y;
        dx[4] = r2 + 2 * x * x;
        dy[4] = 2 * x * y;
        dx[5] = r2;
        dy[5] = 0;
        dx[6] = r4;
        dy[6] = 0;
        dx[7] = 0;
        dy[7] = r2;
        dx[8] = 0;
        dy[8] = r4;
    }

    /** Raw coefficient array for package use. Not a copy: callers must not modify it. */
    double[] coefficientsView() {
        return coefficients;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LensModel other && centreU == other.centreU && centreV == other.centreV
                && scale == other.scale && Arrays.equals(coefficients, other.coefficients);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(coefficients) + Double.hashCode(centreU + 3 * centreV + 7 * scale);
    }

    @Override
    public String toString() {
        return "LensModel[centre=(" + centreU + ", " + centreV + "), scale=" + scale + ", k1..s4="
                + Arrays.toString(coefficients) + "]";
    }
}
