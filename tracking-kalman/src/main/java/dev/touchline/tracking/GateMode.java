package dev.touchline.tracking;

/** How the tracker decides whether a detection may belong to a track. */
public enum GateMode {
    /**
     * On the filter's covariance: the squared Mahalanobis distance of the detection from the predicted position
     * must not exceed {@link TrackerConfig#gateChiSquare()}; the gate grows by itself while a track coasts.
     */
    MAHALANOBIS,
    /**
     * The fixed rule: Euclidean distance at most {@link TrackerConfig#fixedGateMetres()}, widened to
     * {@link TrackerConfig#occlusionGateMetres()} once a track has gone {@link TrackerConfig#occlusionSwitchSeconds()}
     * without a measurement.
     */
    FIXED
}
