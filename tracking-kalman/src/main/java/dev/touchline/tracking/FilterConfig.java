package dev.touchline.tracking;

/**
 * Noise and prior settings of {@link PlayerKalmanFilter}. Immutable; build with {@link #builder()}.
 */
public final class FilterConfig {
    /** The step over which {@link #accelerationNoise()} is stated, s (one 25 Hz frame). */
    public static final double REFERENCE_STEP_SECONDS = 0.04;

    private static final FilterConfig DEFAULTS = builder().build();

    private final double accelerationNoise;
    private final double statureNoise;
    private final double initialSpeedStd;
    private final double initialAccelerationStd;
    private final double priorStature;
    private final double priorStatureStd;

    private FilterConfig(Builder b) {
        this.accelerationNoise = b.accelerationNoise;
        this.statureNoise = b.statureNoise;
        this.initialSpeedStd = b.initialSpeedStd;
        this.initialAccelerationStd = b.initialAccelerationStd;
        this.priorStature = b.priorStature;
        this.priorStatureStd = b.priorStatureStd;
    }

    /**
     * The defaults: 0.35 m/s² acceleration noise per 40 ms frame, 1 mm/√s stature drift, stature prior
     * 1.80 ± 0.10 m.
     */
    public static FilterConfig defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * σ of the white-noise jerk, expressed as the standard deviation, m/s², that the acceleration of each axis
     * gains by random walk over one 25 Hz frame ({@link #REFERENCE_STEP_SECONDS}): the continuous spectral density
     * is {@code q = σ² / 0.04 s} (m²/s⁵), so any other step {@code dt} gets the exact {@code Q(dt)} of that density
     * (see {@link PlayerKalmanFilter}). The default 0.35 m/s² per frame is {@code q ≈ 3.06 m²/s⁵}, i.e. 1.75 m/s²
     * of acceleration random walk over one second.
     */
    public double accelerationNoise() {
        return accelerationNoise;
    }

    /** σ of the stature random walk, m per √s (spectral density {@code σ²}, m²/s). */
    public double statureNoise() {
        return statureNoise;
    }

    /** Standard deviation of each velocity component of a new track, m/s (the mean is 0). */
    public double initialSpeedStd() {
        return initialSpeedStd;
    }

    /** Standard deviation of each acceleration component of a new track, m/s² (the mean is 0). */
    public double initialAccelerationStd() {
        return initialAccelerationStd;
    }

    /** Stature assumed for a new track whose head was not seen, m. */
    public double priorStature() {
        return priorStature;
    }

    /** Standard deviation of {@link #priorStature()}, m. */
    public double priorStatureStd() {
        return priorStatureStd;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FilterConfig c
                && Double.compare(accelerationNoise, c.accelerationNoise) == 0
                && Double.compare(statureNoise, c.statureNoise) == 0
                && Double.compare(initialSpeedStd, c.initialSpeedStd) == 0
                && Double.compare(initialAccelerationStd, c.initialAccelerationStd) == 0
                && Double.compare(priorStature, c.priorStature) == 0
                && Double.compare(priorStatureStd, c.priorStatureStd) == 0;
    }

    @Override
    public int hashCode() {
        int h = Double.hashCode(accelerationNoise);
        h = 31 * h + Double.hashCode(statureNoise);
        h = 31 * h + Double.hashCode(initialSpeedStd);
        h = 31 * h + Double.hashCode(initialAccelerationStd);
        h = 31 * h + Double.hashCode(priorStature);
        return 31 * h + Double.hashCode(priorStatureStd);
    }

    @Override
    public String toString() {
        return "FilterConfig[accelerationNoise=" + accelerationNoise + ", statureNoise=" + statureNoise
                + ", initialSpeedStd=" + initialSpeedStd + ", initialAccelerationStd=" + initialAccelerationStd
                + ", priorStature=" + priorStature + ", priorStatureStd=" + priorStatureStd + "]";
    }

    /** Builds {@link FilterConfig}; every setter validates its argument. */
    public static final class Builder {
        private double accelerationNoise = 0.35;
        private double statureNoise = 0.001;
        private double initialSpeedStd = 4.0;
        private double initialAccelerationStd = 3.0;
        private double priorStature = 1.80;
        private double priorStatureStd = 0.10;

        private Builder() {
        }

        /** Acceleration noise σ, m/s² per 40 ms frame, in (0, 100]. */
        public Builder accelerationNoise(double sigma) {
            this.accelerationNoise = Checks.inRangeOpenLow("accelerationNoise", sigma, 0, 100);
            return this;
        }

        /** Stature noise σ, m per √s, in (0, 1]. */
        public Builder statureNoise(double sigma) {
            this.statureNoise = Checks.inRangeOpenLow("statureNoise", sigma, 0, 1);
            return this;
        }

        /** Initial velocity σ, m/s, in (0, 50]. */
        public Builder initialSpeedStd(double sigma) {
            this.initialSpeedStd = Checks.inRangeOpenLow("initialSpeedStd", sigma, 0, 50);
            return this;
        }

        /** Initial acceleration σ, m/s², in (0, 50]. */
        public Builder initialAccelerationStd(double sigma) {
            this.initialAccelerationStd = Checks.inRangeOpenLow("initialAccelerationStd", sigma, 0, 50);
            return this;
        }

        /** Prior stature, m, in (0, 3]. */
        public Builder priorStature(double metres) {
            this.priorStature = Checks.inRangeOpenLow("priorStature", metres, 0, 3);
            return this;
        }

        /** Prior stature σ, m, in (0, 1]. */
        public Builder priorStatureStd(double metres) {
            this.priorStatureStd = Checks.inRangeOpenLow("priorStatureStd", metres, 0, 1);
            return this;
        }

        /** The config. */
        public FilterConfig build() {
            return new FilterConfig(this);
        }
    }
}
