package dev.touchline.fusion.internal;

/** Argument checks shared by the module's configuration builders. */
public final class Checks {
    private Checks() {
    }

    /**
     * Returns {@code v} when it lies in [min, max]; NaN never does.
     *
     * @throws IllegalArgumentException naming the setting, the allowed range and the value otherwise
     */
    public static double check(String name, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", got " + v);
        }
        return v;
    }
}
