package dev.touchline.sensor.simulation;

import dev.touchline.sensor.TimeMicros;
import java.time.Duration;

/**
 * The simulated GNSS receiver: its position error, speed noise, dropouts and output quantisation. Immutable;
 * {@link #builder()} validates every value.
 *
 * <p>The position error on each horizontal axis is a first-order Gauss–Markov process (standard deviation
 * {@link #offsetSigmaMetres()}, correlation time {@link #correlationTimeMicros()}) plus white noise
 * ({@link #whiteNoiseSigmaMetres()}). The slow part models the metre-level bias of an uncorrected receiver that
 * drifts as satellites move; the white part is the fix-to-fix jitter. Fixes come at 10 Hz on exact multiples of
 * 100 ms; a dropout loses {@link #DROPOUT_FIXES} consecutive fixes.
 */
public final class GnssConfig {
    /** Time between fixes, microseconds (10 Hz). */
    public static final long FIX_INTERVAL_MICROS = 100_000L;
    /** Fixes lost in one dropout (200 ms). */
    public static final int DROPOUT_FIXES = 2;
    /** Latitude/longitude step of a STATSports export, degrees: 1/6,000,000°. */
    public static final double STATSPORTS_RESOLUTION_DEG = 1.0 / 6_000_000.0;

    private static final GnssConfig DEFAULTS = builder().build();

    private final double offsetSigmaMetres;
    private final long correlationTimeMicros;
    private final double whiteNoiseSigmaMetres;
    private final double speedNoiseSigmaMetresPerSecond;
    private final double dropoutsPerHour;
    private final double resolutionDeg;
    private final double speedResolutionMetresPerSecond;

    private GnssConfig(Builder b) {
        this.offsetSigmaMetres = b.offsetSigmaMetres;
        this.correlationTimeMicros = b.correlationTimeMicros;
        this.whiteNoiseSigmaMetres = b.whiteNoiseSigmaMetres;
        this.speedNoiseSigmaMetresPerSecond = b.speedNoiseSigmaMetresPerSecond;
        this.dropoutsPerHour = b.dropoutsPerHour;
        this.resolutionDeg = b.resolutionDeg;
        this.speedResolutionMetresPerSecond = b.speedResolutionMetresPerSecond;
    }

    /**
     * The defaults: offset 1 m per axis with a 120 s correlation time, 4 cm white noise (fix-to-fix step error
     * about 7 cm per axis), speed noise 0.05 m/s, 24 dropouts per hour (one per 2.5 min), positions quantised to
     * 1/6,000,000° and speed to 0.01 m/s.
     */
    public static GnssConfig defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Standard deviation of the slowly varying offset on each horizontal axis, metres. */
    public double offsetSigmaMetres() {
        return offsetSigmaMetres;
    }

    /** Correlation time of the slowly varying offset, microseconds. */
    public long correlationTimeMicros() {
        return correlationTimeMicros;
    }

    /** Standard deviation of the per-fix white position noise on each horizontal axis, metres. */
    public double whiteNoiseSigmaMetres() {
        return whiteNoiseSigmaMetres;
    }

    /** Standard deviation of the (Doppler-derived) speed noise, m/s. */
    public double speedNoiseSigmaMetresPerSecond() {
        return speedNoiseSigmaMetresPerSecond;
    }

    /** Mean number of dropouts per hour of play; 0 for none. */
    public double dropoutsPerHour() {
        return dropoutsPerHour;
    }

    /** Step of the output latitude and longitude, degrees; 0 for no quantisation. */
    public double resolutionDeg() {
        return resolutionDeg;
    }

    /** Step of the output speed, m/s; 0 for no quantisation. */
    public double speedResolutionMetresPerSecond() {
        return speedResolutionMetresPerSecond;
    }

    /**
     * Expected standard deviation of the fix-to-fix step error on one axis, metres: the Gauss–Markov increment
     * over one fix interval combined with the white noise of both fixes (quantisation not included).
     */
    public double expectedStepErrorSigmaMetres() {
        double phi = Math.exp(-(double) FIX_INTERVAL_MICROS / correlationTimeMicros);
        double gm = offsetSigmaMetres * offsetSigmaMetres * (1 - phi * phi);
        return Math.sqrt(gm + 2 * whiteNoiseSigmaMetres * whiteNoiseSigmaMetres);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GnssConfig c
                && Double.compare(offsetSigmaMetres, c.offsetSigmaMetres) == 0
                && correlationTimeMicros == c.correlationTimeMicros
                && Double.compare(whiteNoiseSigmaMetres, c.whiteNoiseSigmaMetres) == 0
                && Double.compare(speedNoiseSigmaMetresPerSecond, c.speedNoiseSigmaMetresPerSecond) == 0
                && Double.compare(dropoutsPerHour, c.dropoutsPerHour) == 0
                && Double.compare(resolutionDeg, c.resolutionDeg) == 0
                && Double.compare(speedResolutionMetresPerSecond, c.speedResolutionMetresPerSecond) == 0;
    }

    @Override
    public int hashCode() {
        int h = Double.hashCode(offsetSigmaMetres);
        h = 31 * h + Long.hashCode(correlationTimeMicros);
        h = 31 * h + Double.hashCode(whiteNoiseSigmaMetres);
        h = 31 * h + Double.hashCode(speedNoiseSigmaMetresPerSecond);
        h = 31 * h + Double.hashCode(dropoutsPerHour);
        h = 31 * h + Double.hashCode(resolutionDeg);
        return 31 * h + Double.hashCode(speedResolutionMetresPerSecond);
    }

    @Override
    public String toString() {
        return "GnssConfig[offsetSigma=" + offsetSigmaMetres + " m, correlationTime=" + correlationTimeMicros
                + " µs, whiteNoiseSigma=" + whiteNoiseSigmaMetres + " m, speedNoiseSigma="
                + speedNoiseSigmaMetresPerSecond + " m/s, dropouts=" + dropoutsPerHour + "/h, resolution="
                + resolutionDeg + "°, speedResolution=" + speedResolutionMetresPerSecond + " m/s]";
    }

    /** Builds {@link GnssConfig}; every setter validates its argument and names it in the exception. */
    public static final class Builder {
        private double offsetSigmaMetres = 1.0;
        private long correlationTimeMicros = 120_000_000L;
        private double whiteNoiseSigmaMetres = 0.04;
        private double speedNoiseSigmaMetresPerSecond = 0.05;
        private double dropoutsPerHour = 24.0;
        private double resolutionDeg = STATSPORTS_RESOLUTION_DEG;
        private double speedResolutionMetresPerSecond = 0.01;

        private Builder() {
        }

        /** Offset standard deviation per axis, metres, in [0, 50]. */
        public Builder offsetSigmaMetres(double metres) {
            this.offsetSigmaMetres = ConfigChecks.inRange("offsetSigmaMetres", metres, 0, 50);
            return this;
        }

        /** Correlation time of the offset, 1 s to 1 h. */
        public Builder correlationTime(Duration duration) {
            long micros = TimeMicros.of(duration);
            if (micros < 1_000_000L || micros > 3_600_000_000L) {
                throw new IllegalArgumentException("correlationTime must be in [1 s, 1 h], was " + duration);
            }
            this.correlationTimeMicros = micros;
            return this;
        }

        /** White position noise per axis and fix, metres, in [0, 5]. */
        public Builder whiteNoiseSigmaMetres(double metres) {
            this.whiteNoiseSigmaMetres = ConfigChecks.inRange("whiteNoiseSigmaMetres", metres, 0, 5);
            return this;
        }

        /** Speed noise, m/s, in [0, 5]. */
        public Builder speedNoiseSigmaMetresPerSecond(double metresPerSecond) {
            this.speedNoiseSigmaMetresPerSecond = ConfigChecks.inRange("speedNoiseSigmaMetresPerSecond", metresPerSecond, 0, 5);
            return this;
        }

        /** Mean dropouts per hour of play, in [0, 3600]; 0 for none. */
        public Builder dropoutsPerHour(double perHour) {
            this.dropoutsPerHour = ConfigChecks.inRange("dropoutsPerHour", perHour, 0, 3600);
            return this;
        }

        /** Latitude/longitude output step, degrees, in [0, 1e−3]; 0 for none. */
        public Builder resolutionDeg(double degrees) {
            this.resolutionDeg = ConfigChecks.inRange("resolutionDeg", degrees, 0, 1e-3);
            return this;
        }

        /** Speed output step, m/s, in [0, 1]; 0 for none. */
        public Builder speedResolutionMetresPerSecond(double metresPerSecond) {
            this.speedResolutionMetresPerSecond = ConfigChecks.inRange("speedResolutionMetresPerSecond", metresPerSecond, 0, 1);
            return this;
        }

        /** The config. */
        public GnssConfig build() {
            return new GnssConfig(this);
        }

    }
}
