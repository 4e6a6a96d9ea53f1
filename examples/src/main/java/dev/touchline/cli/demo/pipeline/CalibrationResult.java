package dev.touchline.cli.demo.pipeline;

/**
 * What the calibration stage measured.
 *
 * @param model the camera model the automatic calibration chose
 * @param landmarks landmarks used
 * @param fitRmsPx reprojection RMS of the fit, px
 * @param heldOutMedianMetres median held-out ground error (each landmark predicted by a fit without it), m
 * @param heldOutMaxMetres largest held-out ground error, m
 * @param checkGridMedianMetres median ground error over a 5 m grid of the whole pitch through the fitted camera
 *                              against the true camera, m (NaN for real sessions)
 * @param checkGridMaxMetres largest such error, m
 * @param detectionsProjected detections taken through pixels and back to the pitch
 * @param detectionsOutOfFrame detections outside the picture (dropped)
 * @param projectionRmsMetres RMS distance between a detection and its pixel round trip, m (pixel noise and
 *                            calibration error together)
 */
public record CalibrationResult(String model, int landmarks, double fitRmsPx, double heldOutMedianMetres,
                                double heldOutMaxMetres, double checkGridMedianMetres, double checkGridMaxMetres,
                                long detectionsProjected, long detectionsOutOfFrame, double projectionRmsMetres) {
}
