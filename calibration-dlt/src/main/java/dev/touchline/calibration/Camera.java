package dev.touchline.calibration;

import java.util.Arrays;
import java.util.Objects;

/**
 * A calibrated camera: a 3 × 4 projection matrix P (pitch metres to ideal pixels) followed by a {@link LensModel}
 * (ideal to observed pixels). Immutable; the projection methods allocate nothing beyond the lens inverse's work.
 */
public final class Camera implements PitchProjection {
    private final CameraModel model;
    private final double[] p;
    private final LensModel lens;

    private Camera(CameraModel model, double[] p, LensModel lens) {
        this.model = model;
        this.p = p;
        this.lens = lens;
    }

    /**
     * A camera.
     *
     * @param model the model it was fitted as
     * @param p     projection matrix, 12 elements row-major, any scale. Not modified (copied).
     * @param lens  the lens
     */
    public static Camera of(CameraModel model, double[] p, LensModel lens) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(lens, "lens");
        if (p.length != 12) {
            throw new IllegalArgumentException("p must have 12 elements, got " + p.length);
        }
        double[] q = p.clone();
        // Normalise the scale and sign so that equal cameras compare equal and points in front have w > 0.
        double sign = Mat3.det(new double[] {q[0], q[1], q[2], q[4], q[5], q[6], q[8], q[9], q[10]}) < 0 ? -1 : 1;
        double n = Math.sqrt(q[8] * q[8] + q[9] * q[9] + q[10] * q[10]);
        if (!(n > 0) || !Double.isFinite(n)) {
            throw new IllegalArgumentException("p's third row must be finite and non-zero, got " + Arrays.toString(p));
        }
        // A matrix that is already normalised (to rounding) is kept as it is, so that rebuilding a camera from its
        // own projectionMatrix() gives the identical camera (snapshots of streaming components rely on this).
        if (sign > 0 && Math.abs(n - 1) <= 1e-14) {
            return new Camera(model, q, lens);
        }
        for (int i = 0; i < 12; i++) {
            q[i] *= sign / n;
        }
        return new Camera(model, q, lens);
    }

    /** The model this camera was fitted as. */
    public CameraModel model() {
        return model;
    }

    /** The projection matrix, row-major, scaled so that the third row's first three elements have unit norm. */
    public double[] projectionMatrix() {
        return p.clone();
    }

    /** The lens. */
    public LensModel lens() {
        return lens;
    }

    /** K, R and the camera centre. */
    public CameraDecomposition decompose() {
        return CameraDecomposition.of(p);
    }

    /**
     * Projects a pitch point to an observed pixel (lens applied).
     *
     * @param out receives (u, v) in pixels; NaN when the point is behind the camera. Modified.
     */
    @Override
    public void project(double xM, double yM, double zM, double[] out) {
        projectIdeal(xM, yM, zM, out);
        if (Double.isNaN(out[0])) {
            return;
        }
        lens.distort(out[0], out[1], out);
    }

    /** Projects a pitch point with the pinhole model only (no lens). out is modified; NaN behind the camera. */
    public void projectIdeal(double xM, double yM, double zM, double[] out) {
        double w = p[8] * xM + p[9] * yM + p[10] * zM + p[11];
        if (!(w > 0)) {
            out[0] = Double.NaN;
            out[1] = Double.NaN;
            return;
        }
        out[0] = (p[0] * xM + p[1] * yM + p[2] * zM + p[3]) / w;
        out[1] = (p[4] * xM + p[5] * yM + p[6] * zM + p[7]) / w;
    }

    /**
     * Intersects the ray through an observed pixel with the horizontal plane {@code z = zM}: the pitch position of
     * a bounding box's bottom-centre, for example. The lens is removed first (iteratively).
     *
     * @param out receives (x, y) in metres; NaN when the ray does not meet the plane in front of the camera
     *            (a pixel above the horizon). Modified.
     */
    @Override
    public void pixelToPlane(double uPx, double vPx, double zM, double[] out) {
        lens.undistort(uPx, vPx, out);
        double u0 = out[0];
        double v0 = out[1];
        double a0 = p[0] - u0 * p[8];
        double a1 = p[1] - u0 * p[9];
        double a3 = p[2] * zM + p[3] - u0 * (p[10] * zM + p[11]);
        double b0 = p[4] - v0 * p[8];
        double b1 = p[5] - v0 * p[9];
        double b3 = p[6] * zM + p[7] - v0 * (p[10] * zM + p[11]);
        double det = a0 * b1 - a1 * b0;
        double x = (-a3 * b1 + a1 * b3) / det;
        double y = (-a0 * b3 + a3 * b0) / det;
        double w = p[8] * x + p[9] * y + p[10] * zM + p[11];
        if (!(w > 0) || !Double.isFinite(x) || !Double.isFinite(y)) {
            out[0] = Double.NaN;
            out[1] = Double.NaN;
            return;
        }
        out[0] = x;
        out[1] = y;
    }

    /**
     * A person's stature from the pixel of the top of the head above the foot point: the foot pixel is put on the
     * plane {@code z = groundZM}, and the height is where the ray through the head pixel passes closest (in the
     * algebraic least-squares sense) to the vertical line through that foot point.
     *
     * @return height above the ground plane, metres; NaN when either pixel does not map to a point in front
     */
    public double stature(double footUPx, double footVPx, double headUPx, double headVPx, double groundZM) {
        double[] foot = new double[2];
        pixelToPlane(footUPx, footVPx, groundZM, foot);
        if (Double.isNaN(foot[0])) {
            return Double.NaN;
        }
        double[] head = new double[2];
        lens.undistort(headUPx, headVPx, head);
        double x = foot[0];
        double y = foot[1];
        // (row_i − u0 row_3) · (x, y, z, 1) = 0 is linear in z; solve the two rows in least squares.
        double a2 = p[2] - head[0] * p[10];
        double ar = p[0] * x + p[1] * y + p[3] - head[0] * (p[8] * x + p[9] * y + p[11]);
        double b2 = p[6] - head[1] * p[10];
        double br = p[4] * x + p[5] * y + p[7] - head[1] * (p[8] * x + p[9] * y + p[11]);
        double z = -(a2 * ar + b2 * br) / (a2 * a2 + b2 * b2);
        return z - groundZM;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Camera other && model == other.model && Arrays.equals(p, other.p)
                && lens.equals(other.lens);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, Arrays.hashCode(p), lens);
    }

    @Override
    public String toString() {
        return "Camera[" + model + ", P=" + Arrays.toString(p) + ", " + lens + "]";
    }
}
