package dev.touchline.calibration;

/**
 * The projective part of a camera split as {@code P = K R [I | −C]} by RQ decomposition.
 *
 * @param k        intrinsics, 3 × 3 row-major, upper triangular, positive diagonal, {@code K[2][2] = 1}:
 *                 {@code [fx, skew, cx; 0, fy, cy; 0, 0, 1]}, pixels
 * @param rotation world-to-camera rotation, 3 × 3 row-major, determinant +1
 * @param centreM  camera centre in pitch coordinates, metres
 */
public record CameraDecomposition(double[] k, double[] rotation, double[] centreM) {
    /** Copies the arrays; they must have 9, 9 and 3 elements. */
    public CameraDecomposition {
        if (k.length != 9 || rotation.length != 9 || centreM.length != 3) {
            throw new IllegalArgumentException("k and rotation need 9 elements, centreM 3; got " + k.length + ", "
                    + rotation.length + ", " + centreM.length);
        }
        k = k.clone();
        rotation = rotation.clone();
        centreM = centreM.clone();
    }

    /** Returns a copy. */
    @Override
    public double[] k() {
        return k.clone();
    }

    /** Returns a copy. */
    @Override
    public double[] rotation() {
        return rotation.clone();
    }

    /** Returns a copy. */
    @Override
    public double[] centreM() {
        return centreM.clone();
    }

    /** Horizontal focal length, pixels. */
    public double fx() {
        return k[0];
    }

    /** Vertical focal length, pixels. */
    public double fy() {
        return k[4];
    }

    /** Skew term K[0][1], pixels. */
    public double skew() {
        return k[1];
    }

    /** Principal point column, pixels. */
    public double cx() {
        return k[2];
    }

    /** Principal point row, pixels. */
    public double cy() {
        return k[5];
    }

    /**
     * RQ decomposition of a 3 × 4 projection matrix (row-major, 12 elements, any scale and sign).
     *
     * @throws IllegalArgumentException when the left 3 × 3 block is singular
     */
    public static CameraDecomposition of(double[] p) {
        double[] m = {p[0], p[1], p[2], p[4], p[5], p[6], p[8], p[9], p[10]};
        double det = Mat3.det(m);
        if (det == 0 || !Double.isFinite(det)) {
            throw new IllegalArgumentException("the left 3x3 block of P is singular (det " + det + ")");
        }
        double sign = det > 0 ? 1 : -1; // P and −P are the same camera; pick det(M) > 0 so that det(R) = +1
        for (int i = 0; i < 9; i++) {
            m[i] *= sign;
        }
        // Gram-Schmidt from the bottom row up gives M = K R with K upper triangular and positive diagonal.
        double[] r3 = {m[6], m[7], m[8]};
        double k33 = norm(r3);
        scale(r3, 1 / k33);
        double[] r2 = {m[3], m[4], m[5]};
        double k23 = dot(r2, r3);
        axpy(-k23, r3, r2);
        double k22 = norm(r2);
        scale(r2, 1 / k22);
        double[] r1 = {m[0], m[1], m[2]};
        double k13 = dot(r1, r3);
        double k12 = dot(r1, r2);
        axpy(-k13, r3, r1);
        axpy(-k12, r2, r1);
        double k11 = norm(r1);
        scale(r1, 1 / k11);
        double[] kk = {k11 / k33, k12 / k33, k13 / k33, 0, k22 / k33, k23 / k33, 0, 0, 1};
        double[] rot = {r1[0], r1[1], r1[2], r2[0], r2[1], r2[2], r3[0], r3[1], r3[2]};
        double[] inv = Mat3.inverse(m);
        double[] p4 = {sign * p[3], sign * p[7], sign * p[11]};
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            c[i] = -(inv[3 * i] * p4[0] + inv[3 * i + 1] * p4[1] + inv[3 * i + 2] * p4[2]);
        }
        return new CameraDecomposition(kk, rot, c);
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void scale(double[] a, double s) {
        a[0] *= s;
        a[1] *= s;
        a[2] *= s;
    }

    private static void axpy(double s, double[] x, double[] y) {
        y[0] += s * x[0];
        y[1] += s * x[1];
        y[2] += s * x[2];
    }
}
