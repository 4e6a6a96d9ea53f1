package dev.touchline.sensor.simulation;

/** Which part of the foot touches the ground first. */
public enum StrikePattern {
    /** Heel first. */
    REARFOOT,
    /** Whole foot at once. */
    MIDFOOT,
    /** Ball of the foot first. */
    FOREFOOT
}
