package dev.touchline.fusion.ppg;

/** Where on the PPG upstroke the pulse arrival is timed. */
public enum Fiducial {
    /** The foot as the intersection of the tangent at the steepest upslope with the preceding minimum's level. */
    INTERSECTING_TANGENTS,
    /** The foot as the maximum of the second derivative between the preceding minimum and the steepest upslope. */
    SECOND_DERIVATIVE_MAXIMUM,
    /** The steepest point of the upstroke (later than the foot by design). */
    MAXIMUM_UPSLOPE
}
