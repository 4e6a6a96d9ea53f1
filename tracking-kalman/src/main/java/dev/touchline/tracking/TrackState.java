package dev.touchline.tracking;

/** Where a track is in its life. */
public enum TrackState {
    /** Born from an unmatched detection and not yet seen often enough to be trusted. */
    TENTATIVE,
    /** Seen in enough consecutive frames; matched in the current frame. */
    CONFIRMED,
    /** Confirmed earlier but not matched in the current frame; its position is the filter's prediction. */
    COASTING;

    /** The lower-case name used in CSV files. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
