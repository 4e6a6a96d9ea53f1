package dev.touchline.postgres;

import java.util.Arrays;

/**
 * Speed zones as increasing thresholds in m/s: zone 0 is below the first threshold, zone {@code k} from threshold
 * {@code k - 1} (inclusive) to threshold {@code k}, the last zone from the last threshold up. Immutable.
 */
public final class SpeedZones {
    /**
     * The defaults, also used by the {@code bi_player_minute_movement} view: 2.0, 4.0, 5.5 and 7.0 m/s (7.2, 14.4,
     * 19.8 and 25.2 km/h), giving walking, jogging, running, high-speed running and sprinting.
     */
    public static final SpeedZones DEFAULT = ofMetresPerSecond(2.0, 4.0, 5.5, 7.0);

    private final double[] thresholds;

    private SpeedZones(double[] thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * Zones from thresholds in m/s.
     *
     * @param thresholds 1 to 16 finite thresholds, strictly increasing, each > 0 m/s; not modified
     */
    public static SpeedZones ofMetresPerSecond(double... thresholds) {
        if (thresholds.length < 1 || thresholds.length > 16) {
            throw new IllegalArgumentException("thresholds must hold 1 to 16 values, held " + thresholds.length);
        }
        for (int i = 0; i < thresholds.length; i++) {
            double t = thresholds[i];
            if (!(t > 0) || !Double.isFinite(t) || (i > 0 && !(t > thresholds[i - 1]))) {
                throw new IllegalArgumentException("thresholds must be finite, > 0 m/s and strictly increasing; "
                        + "thresholds[" + i + "] was " + t);
            }
        }
        return new SpeedZones(thresholds.clone());
    }

    /** Zones from thresholds in km/h (divided by 3.6). */
    public static SpeedZones ofKilometresPerHour(double... thresholds) {
        double[] mps = new double[thresholds.length];
        for (int i = 0; i < mps.length; i++) {
            mps[i] = thresholds[i] / 3.6;
        }
        return ofMetresPerSecond(mps);
    }

    /** Number of zones, one more than the thresholds. */
    public int zoneCount() {
        return thresholds.length + 1;
    }

    /** Threshold {@code i} in m/s, the lower bound of zone {@code i + 1}. */
    public double thresholdMetresPerSecond(int i) {
        return thresholds[i];
    }

    /** A copy of the thresholds, m/s. */
    public double[] thresholdsMetresPerSecond() {
        return thresholds.clone();
    }

    /** The zone of a speed in m/s, or -1 for NaN. */
    public int zoneOf(double speedMetresPerSecond) {
        if (Double.isNaN(speedMetresPerSecond)) {
            return -1;
        }
        int z = 0;
        while (z < thresholds.length && speedMetresPerSecond >= thresholds[z]) {
            z++;
        }
        return z;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpeedZones other && Arrays.equals(thresholds, other.thresholds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(thresholds);
    }

    @Override
    public String toString() {
        return "SpeedZones" + Arrays.toString(thresholds) + " m/s";
    }
}
