package dev.touchline.calibration;

/**
 * Intrinsics from several views of a planar board (Zhang's method), OpenCV's camera model: focal lengths fx, fy,
 * principal point (cx, cy), zero skew, distortion k1, k2, p1, p2, k3 on coordinates normalised by the focal
 * lengths.
 *
 * @param fxPx       horizontal focal length, pixels
 * @param fyPx       vertical focal length, pixels
 * @param cxPx       principal point column, pixels
 * @param cyPx       principal point row, pixels
 * @param distortion k1, k2, p1, p2, k3 (OpenCV's order)
 * @param rmsPx      RMS reprojection distance over all corners of all views, pixels (OpenCV's "RMS")
 * @param viewRmsPx  the same per view, in input order
 */
public record IntrinsicCalibration(double fxPx, double fyPx, double cxPx, double cyPx, double[] distortion,
        double rmsPx, double[] viewRmsPx) {
    /** Copies the arrays. */
    public IntrinsicCalibration {
        distortion = distortion.clone();
        viewRmsPx = viewRmsPx.clone();
    }

    /** Returns a copy. */
    @Override
    public double[] distortion() {
        return distortion.clone();
    }

    /** Returns a copy. */
    @Override
    public double[] viewRmsPx() {
        return viewRmsPx.clone();
    }
}
