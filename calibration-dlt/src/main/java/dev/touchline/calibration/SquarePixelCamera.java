package dev.touchline.calibration;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The camera a broadcast homography implies when pixels are square, skew is zero and the principal point is known
 * (usually the image centre): {@code H ∝ K [r1 r2 t]} with {@code K = [f 0 cx; 0 f cy; 0 0 1]}.
 *
 * <p>The orthogonality and equal-norm constraints on {@code K⁻¹ H}'s first two columns are both linear in
 * {@code 1/f²}; they are solved together in least squares. A homography has 8 degrees of freedom and this camera 7,
 * so the camera reproduces the homography exactly only when the homography really came from such a camera; the
 * residual says how far it is from one.
 */
public final class SquarePixelCamera {
    private SquarePixelCamera() {
    }

    /**
     * Decomposes a ground-plane homography.
     *
     * @param h         the homography (pitch metres or any unit to pixels), its sign set so that visible points
     *                  have a positive third coordinate (as {@link Homography} does)
     * @param cxPx      principal point column, pixels
     * @param cyPx      principal point row, pixels
     * @return the camera (model {@link CameraModel#SQUARE_PIXEL}, no lens)
     * @throws CalibrationException when no positive focal length satisfies the constraints
     */
    public static Camera fromHomography(Homography h, double cxPx, double cyPx) throws CalibrationException {
        double[] m = h.matrix();
        // Shift the principal point to the origin.
        double[] g = new double[9];
        for (int c = 0; c < 3; c++) {
            g[c] = m[c] - cxPx * m[6 + c];
            g[3 + c] = m[3 + c] - cyPx * m[6 + c];
            g[6 + c] = m[6 + c];
        }
        double a1 = g[0] * g[1] + g[3] * g[4];
        double b1 = g[6] * g[7];
        double a2 = g[0] * g[0] + g[3] * g[3] - g[1] * g[1] - g[4] * g[4];
        double b2 = g[6] * g[6] - g[7] * g[7];
        double w = -(a1 * b1 + a2 * b2) / (a1 * a1 + a2 * a2);
        if (!(w > 0) || !Double.isFinite(w)) {
            throw new CalibrationException("the homography implies no real focal length for square pixels and "
                    + "principal point (" + cxPx + ", " + cyPx + "): 1/f^2 = " + w);
        }
        double f = 1 / Math.sqrt(w);
        double[] m1 = {g[0] / f, g[3] / f, g[6]};
        double[] m2 = {g[1] / f, g[4] / f, g[7]};
        double[] m3 = {g[2] / f, g[5] / f, g[8]};
        double n1 = norm(m1);
        double n2 = norm(m2);
        double lambda = 0.5 * (n1 + n2);
        double[] r1 = {m1[0] / n1, m1[1] / n1, m1[2] / n1};
        double[] r2 = {m2[0] / n2, m2[1] / n2, m2[2] / n2};
        double[] r3 = {r1[1] * r2[2] - r1[2] * r2[1], r1[2] * r2[0] - r1[0] * r2[2], r1[0] * r2[1] - r1[1] * r2[0]};
        double[] rot = nearestRotation(new double[] {
            r1[0], r2[0], r3[0], r1[1], r2[1], r3[1], r1[2], r2[2], r3[2]});
        double[] t = {m3[0] / lambda, m3[1] / lambda, m3[2] / lambda};
        double[] centre = new double[3];
        for (int i = 0; i < 3; i++) {
            centre[i] = -(rot[i] * t[0] + rot[3 + i] * t[1] + rot[6 + i] * t[2]);
        }
        return Camera.of(CameraModel.SQUARE_PIXEL, projection(f, cxPx, cyPx, rot, centre),
                LensModel.none(cxPx, cyPx, f));
    }

    /**
     * The square-pixel camera closest to a homography in the image: the closed-form decomposition of
     * {@link #fromHomography}, refined by Levenberg–Marquardt on the pixels that the homography gives to a grid of
     * ground points inside the frame. The closed form treats the two constraints algebraically and can be tens of
     * pixels off where the homography is not exactly a square-pixel camera; this minimises that difference.
     *
     * @param imageWidthPx  frame width, pixels; the grid covers the ground seen inside the frame
     * @param imageHeightPx frame height, pixels
     */
    public static Camera fitToHomography(Homography h, double cxPx, double cyPx, double imageWidthPx,
            double imageHeightPx) throws CalibrationException {
        Camera start = fromHomography(h, cxPx, cyPx);
        java.util.List<Landmark> grid = new java.util.ArrayList<>();
        double[] xy = new double[2];
        for (int i = 0; i <= 10; i++) {
            for (int j = 0; j <= 10; j++) {
                double u = imageWidthPx * i / 10.0;
                double v = imageHeightPx * j / 10.0;
                h.pixelToPlane(u, v, 0, xy);
                if (!Double.isNaN(xy[0])) {
                    grid.add(new Landmark(i + "," + j, xy[0], xy[1], 0, u, v));
                }
            }
        }
        if (grid.size() < 8) {
            throw new CalibrationException("only " + grid.size() + " grid pixels of the frame map to the ground");
        }
        return SquarePixelFitter.fit(CameraModel.SQUARE_PIXEL, SquarePixelFitter.Start.of(start), cxPx, cyPx, grid)
                .getFirst();
    }

    /** P = K R [I | −C] for square pixels; rot is world-to-camera, row-major. */
    static double[] projection(double f, double cx, double cy, double[] rot, double[] centre) {
        double[] k = {f, 0, cx, 0, f, cy, 0, 0, 1};
        double[] km = Mat3.multiply(k, rot);
        double[] p = new double[12];
        for (int i = 0; i < 3; i++) {
            p[4 * i] = km[3 * i];
            p[4 * i + 1] = km[3 * i + 1];
            p[4 * i + 2] = km[3 * i + 2];
            p[4 * i + 3] = -(km[3 * i] * centre[0] + km[3 * i + 1] * centre[1] + km[3 * i + 2] * centre[2]);
        }
        return p;
    }

    /** The rotation closest (Frobenius) to a 3 × 3 matrix: U Vᵀ of its SVD, with the sign fixed to det +1. */
    static double[] nearestRotation(double[] a) {
        DMatrixRMaj m = new DMatrixRMaj(3, 3, true, a);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(3, 3, true, true, false);
        svd.decompose(m);
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj vt = svd.getV(null, true);
        SingularOps_DDRM.descendingOrder(u, false, w, vt, true);
        double[] r = Mat3.multiply(u.data, vt.data);
        if (Mat3.det(r) < 0) {
            for (int i = 0; i < 3; i++) {
                u.data[3 * i + 2] = -u.data[3 * i + 2];
            }
            r = Mat3.multiply(u.data, vt.data);
        }
        return r;
    }

    private static double norm(double[] a) {
        return Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
    }
}
