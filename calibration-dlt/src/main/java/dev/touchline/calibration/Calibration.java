package dev.touchline.calibration;

import java.util.Objects;

/**
 * The result of fitting a camera to landmarks.
 *
 * @param camera        the fitted camera
 * @param landmarkCount landmarks used
 * @param fitRmsPx      root mean square of the landmarks' reprojection distances (Euclidean, per landmark), pixels;
 *                      a fit residual, which says nothing about overfitting (see {@link HeldOutError})
 */
public record Calibration(Camera camera, int landmarkCount, double fitRmsPx) {
    /** Checks the camera is present. */
    public Calibration {
        Objects.requireNonNull(camera, "camera");
    }
}
