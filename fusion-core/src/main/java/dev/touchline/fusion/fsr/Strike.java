package dev.touchline.fusion.fsr;

/** Which region of the insole carries the first load of a contact. */
public enum Strike {
    /** Heel first (rearfoot strike). */
    REARFOOT,
    /** Midfoot first, or the whole foot at once. */
    MIDFOOT,
    /** Ball of the foot first. */
    FOREFOOT
}
