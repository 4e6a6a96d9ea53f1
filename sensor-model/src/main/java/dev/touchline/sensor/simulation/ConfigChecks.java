package dev.touchline.sensor.simulation;

/** Argument checks shared by the simulator's configuration builders. */
final class ConfigChecks {
    private ConfigChecks() {
    }

    /**
     * Returns {@code value} when it lies in {@code [min, max]} (NaN never does).
     *
     * @throws IllegalArgumentException naming the parameter, the allowed range and the value
     */
    static double inRange(String name, double value, double min, double max) {
        return inRange(name, value, min, max, "");
    }

    /** As {@link #inRange(String, double, double, double)}, with the unit named in the message. */
    static double inRange(String name, double value, double min, double max, String unit) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "]"
                    + (unit.isEmpty() ? "" : " " + unit) + ", was " + value);
        }
        return value;
    }
}
