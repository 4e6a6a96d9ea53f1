package dev.touchline.fusion.filter;

/** The response type of a Butterworth design. */
public enum FilterKind {
    /** Passes frequencies below the cut-off. */
    LOW_PASS,
    /** Passes frequencies above the cut-off. */
    HIGH_PASS,
    /** Passes frequencies between the lower and upper cut-off. */
    BAND_PASS
}
