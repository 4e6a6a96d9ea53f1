package dev.touchline.sensor.simulation;

/** Placeholder; filled in by its own change. */
public final class DetectionConfig {
    private static final DetectionConfig DEFAULTS = new DetectionConfig();

    private DetectionConfig() {
    }

    /** The defaults. */
    public static DetectionConfig defaults() {
        return DEFAULTS;
    }
}
