package dev.touchline.calibration;

import java.util.Arrays;

/**
 * A planar homography from the pitch's ground plane (z = 0, metres) to pixels: {@code (u, v, 1) ∝ H (x, y, 1)}.
 * It models no lens distortion and no height; it is exact for an ideal pinhole camera looking at the ground.
 * Immutable.
 */
public final class Homography implements PitchProjection {
    private final double[] h;
    private final double[] inverse;

    private Homography(double[] h) {
        this.h = h;
        this.inverse = Mat3.inverse(h);
    }

    /**
     * A homography.
     *
     * @param h 9 elements, row-major, any scale; the sign is chosen so that pitch points in front of the camera
     *          have a positive third coordinate when {@code frontX, frontY} is one of them. Not modified.
     */
    public static Homography of(double[] h, double frontXM, double frontYM) {
        if (h.length != 9) {
            throw new IllegalArgumentException("h must have 9 elements, got " + h.length);
        }
        double det = Mat3.det(h);
        if (det == 0 || !Double.isFinite(det)) {
            throw new IllegalArgumentException("h must be finite and non-singular, got " + Arrays.toString(h));
        }
        double w = h[6] * frontXM + h[7] * frontYM + h[8];
        double scale = Math.cbrt(Math.abs(det));
        double sign = w < 0 ? -1 : 1;
        double[] q = new double[9];
        for (int i = 0; i < 9; i++) {
            q[i] = h[i] * sign / scale;
        }
        return new Homography(q);
    }

    /** The matrix, row-major, scaled to |det| = 1. */
    public double[] matrix() {
        return h.clone();
    }

    /** Ground point to pixel. z must be 0. out is modified; NaN behind the camera. */
    @Override
    public void project(double xM, double yM, double zM, double[] out) {
        requireGround(zM);
        double w = h[6] * xM + h[7] * yM + h[8];
        if (!(w > 0)) {
            out[0] = Double.NaN;
            out[1] = Double.NaN;
            return;
        }
        out[0] = (h[0] * xM + h[1] * yM + h[2]) / w;
        out[1] = (h[3] * xM + h[4] * yM + h[5]) / w;
    }

    /** Pixel to ground point. z must be 0. out is modified; NaN above the horizon. */
    @Override
    public void pixelToPlane(double uPx, double vPx, double zM, double[] out) {
        requireGround(zM);
        double w = inverse[6] * uPx + inverse[7] * vPx + inverse[8];
        double x = (inverse[0] * uPx + inverse[1] * vPx + inverse[2]) / w;
        double y = (inverse[3] * uPx + inverse[4] * vPx + inverse[5]) / w;
        double front = h[6] * x + h[7] * y + h[8];
        if (!(front > 0) || !Double.isFinite(x) || !Double.isFinite(y)) {
            out[0] = Double.NaN;
            out[1] = Double.NaN;
            return;
        }
        out[0] = x;
        out[1] = y;
    }

    private static void requireGround(double zM) {
        if (zM != 0) {
            throw new IllegalArgumentException("a homography maps the ground plane only: zM must be 0, got " + zM);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Homography other && Arrays.equals(h, other.h);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(h);
    }

    @Override
    public String toString() {
        return "Homography" + Arrays.toString(h);
    }
}
