package dev.touchline.calibration;

/**
 * A fitted mapping between pitch coordinates (metres) and observed pixels: a full {@link Camera} or a ground-plane
 * {@link Homography}. Implementations are immutable.
 */
public interface PitchProjection {
    /**
     * Projects a pitch point to an observed pixel.
     *
     * @param out receives (u, v) in pixels; NaN when the point is behind the camera. Modified.
     * @throws IllegalArgumentException when the mapping cannot represent the height (a homography and z ≠ 0)
     */
    void project(double xM, double yM, double zM, double[] out);

    /**
     * The point of the plane {@code z = zM} seen at an observed pixel.
     *
     * @param out receives (x, y) in metres; NaN when the ray misses the plane in front of the camera. Modified.
     * @throws IllegalArgumentException when the mapping cannot represent the height (a homography and z ≠ 0)
     */
    void pixelToPlane(double uPx, double vPx, double zM, double[] out);
}
