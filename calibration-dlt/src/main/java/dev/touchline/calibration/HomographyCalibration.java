package dev.touchline.calibration;

import java.util.List;
import java.util.Objects;

/**
 * The result of fitting a ground-plane homography.
 *
 * @param homography    the fitted homography
 * @param landmarkCount landmarks given
 * @param fitRmsPx      RMS reprojection distance of the inliers, pixels
 * @param outlierIds    landmarks that RANSAC rejected (mis-clicks), in input order
 */
public record HomographyCalibration(Homography homography, int landmarkCount, double fitRmsPx,
        List<String> outlierIds) {
    /** Copies the list. */
    public HomographyCalibration {
        Objects.requireNonNull(homography, "homography");
        outlierIds = List.copyOf(outlierIds);
    }
}
