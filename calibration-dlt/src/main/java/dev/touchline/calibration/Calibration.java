package dev.touchline.calibration;

import java.util.List;
import java.util.Objects;

/**
 * The result of fitting a camera to landmarks.
 *
 * @param camera        the fitted camera
 * @param landmarkCount landmarks used in the fit (the inliers, when RANSAC set some aside)
 * @param fitRmsPx      root mean square of the used landmarks' reprojection distances (Euclidean, per landmark),
 *                      pixels; a fit residual, which says nothing about overfitting (see {@link HeldOutError})
 * @param rejectedIds   ids of the landmarks RANSAC set aside as outliers, in input order; empty without RANSAC
 */
public record Calibration(Camera camera, int landmarkCount, double fitRmsPx, List<String> rejectedIds) {
    /** Checks the camera is present; copies the ids. */
    public Calibration {
        Objects.requireNonNull(camera, "camera");
        rejectedIds = List.copyOf(rejectedIds);
    }

    /** A fit that used every landmark. */
    public Calibration(Camera camera, int landmarkCount, double fitRmsPx) {
        this(camera, landmarkCount, fitRmsPx, List.of());
    }
}
