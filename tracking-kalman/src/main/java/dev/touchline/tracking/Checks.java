package dev.touchline.tracking;

/** Argument checks with messages naming the parameter, the value and the allowed range. */
final class Checks {
    private Checks() {
    }

    /** {@code value} in {@code (low, high]}. */
    static double inRangeOpenLow(String name, double value, double low, double high) {
        if (!(value > low && value <= high)) {
            throw new IllegalArgumentException(name + " must be in (" + low + ", " + high + "], was " + value);
        }
        return value;
    }

    /** {@code value} in {@code [low, high]}. */
    static double inRange(String name, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new IllegalArgumentException(name + " must be in [" + low + ", " + high + "], was " + value);
        }
        return value;
    }

    /** {@code value} in {@code [low, high]}. */
    static int inRange(String name, int value, int low, int high) {
        if (value < low || value > high) {
            throw new IllegalArgumentException(name + " must be in [" + low + ", " + high + "], was " + value);
        }
        return value;
    }
}
