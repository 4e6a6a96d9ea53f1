package dev.touchline.sensor.power;

/**
 * A battery: nominal capacity and the fraction of it a device can actually use.
 *
 * <p>The usable fraction covers what a datasheet's nominal capacity hides: the cut-off voltage reached before the
 * cell is empty, cold, ageing and the regulator's losses. 1.0 reproduces the naive "capacity ÷ current" figure.
 *
 * @param capacityMilliampHours nominal capacity, mAh, in (0, 100000]
 * @param usableFraction fraction of the nominal capacity the device can draw, in (0, 1]
 */
public record Battery(double capacityMilliampHours, double usableFraction) {
    /** Validates both fields. */
    public Battery {
        if (!(capacityMilliampHours > 0 && capacityMilliampHours <= 100_000)) {
            throw new IllegalArgumentException("capacityMilliampHours must be in (0, 100000], was "
                    + capacityMilliampHours);
        }
        if (!(usableFraction > 0 && usableFraction <= 1)) {
            throw new IllegalArgumentException("usableFraction must be in (0, 1], was " + usableFraction);
        }
    }

    /** A battery of the given nominal capacity in mAh, all of it usable. */
    public static Battery of(double capacityMilliampHours) {
        return new Battery(capacityMilliampHours, 1.0);
    }

    /** A battery of the given nominal capacity in mAh, of which {@code usableFraction} (0, 1] can be used. */
    public static Battery of(double capacityMilliampHours, double usableFraction) {
        return new Battery(capacityMilliampHours, usableFraction);
    }

    /** Charge the device can draw, mAh. */
    public double usableMilliampHours() {
        return capacityMilliampHours * usableFraction;
    }
}
