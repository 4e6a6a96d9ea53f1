package dev.touchline.sensor.power;

/** Argument checks whose messages name the parameter, the value and the allowed range. */
final class Checks {
    private Checks() {
    }

    /** {@code value} if it lies in [min, max]; otherwise an IllegalArgumentException (NaN never passes). */
    static double inRange(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], was " + value);
        }
        return value;
    }

    /** A non-blank name. */
    static String name(String name) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank, was \"" + name + "\"");
        }
        return name;
    }
}
