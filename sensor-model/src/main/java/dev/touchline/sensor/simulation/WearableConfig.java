package dev.touchline.sensor.simulation;

/** Placeholder; filled in by its own change. */
public final class WearableConfig {
    private static final WearableConfig DEFAULTS = new WearableConfig();

    private WearableConfig() {
    }

    /** The defaults. */
    public static WearableConfig defaults() {
        return DEFAULTS;
    }
}
