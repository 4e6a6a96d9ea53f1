package dev.touchline.sensor.simulation;

/** Placeholder; filled in by its own change. */
public final class GnssConfig {
    private static final GnssConfig DEFAULTS = new GnssConfig();

    private GnssConfig() {
    }

    /** The defaults. */
    public static GnssConfig defaults() {
        return DEFAULTS;
    }
}
