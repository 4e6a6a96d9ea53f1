package dev.touchline.sensor;

/**
 * Datasheet description of one sensor channel group. Nominal values are metadata: the per-sample time stamps
 * are the truth, and a recording may run faster or slower than {@link #nominalRateHz()}.
 *
 * @param kind what is measured; the unit of the other fields is {@link SensorKind#unit()}
 * @param nominalRateHz nominal sample rate in Hz, &gt; 0
 * @param rangeMax full-scale range: samples lie in [−rangeMax, +rangeMax] in the kind's unit, &gt; 0
 *                 ({@code Double.POSITIVE_INFINITY} when unbounded)
 * @param resolution smallest step of the output in the kind's unit, ≥ 0 (0 when not quantised)
 * @param noiseDensity white-noise density in unit/√Hz, ≥ 0
 */
public record SensorSpec(SensorKind kind, double nominalRateHz, double rangeMax, double resolution,
                         double noiseDensity) {
    /** Validates every field. */
    public SensorSpec {
        if (kind == null) {
            throw new NullPointerException("kind");
        }
        if (!(nominalRateHz > 0) || Double.isInfinite(nominalRateHz)) {
            throw new IllegalArgumentException("nominalRateHz must be finite and > 0, was " + nominalRateHz);
        }
        if (!(rangeMax > 0)) {
            throw new IllegalArgumentException("rangeMax must be > 0, was " + rangeMax);
        }
        if (!(resolution >= 0) || Double.isInfinite(resolution)) {
            throw new IllegalArgumentException("resolution must be finite and >= 0, was " + resolution);
        }
        if (!(noiseDensity >= 0) || Double.isInfinite(noiseDensity)) {
            throw new IllegalArgumentException("noiseDensity must be finite and >= 0, was " + noiseDensity);
        }
    }

    /** A builder, starting from an unbounded, unquantised, noiseless sensor at 1 Hz. */
    public static Builder builder(SensorKind kind) {
        return new Builder(kind);
    }

    /**
     * Standard deviation of the white noise in one sample, in the kind's unit, assuming the bandwidth is half
     * the nominal rate: {@code noiseDensity × √(rate / 2)}.
     */
    public double noiseStdDev() {
        return noiseDensity * Math.sqrt(nominalRateHz / 2.0);
    }

    /** Whether a value lies inside the full-scale range. */
    public boolean inRange(double value) {
        return Math.abs(value) <= rangeMax;
    }

    /** Builds {@link SensorSpec} values. */
    public static final class Builder {
        private final SensorKind kind;
        private double nominalRateHz = 1.0;
        private double rangeMax = Double.POSITIVE_INFINITY;
        private double resolution;
        private double noiseDensity;

        private Builder(SensorKind kind) {
            this.kind = kind;
        }

        /** Nominal sample rate in Hz. */
        public Builder nominalRateHz(double hz) {
            this.nominalRateHz = hz;
            return this;
        }

        /** Full-scale range in the kind's unit. */
        public Builder rangeMax(double max) {
            this.rangeMax = max;
            return this;
        }

        /** Accelerometer full-scale range given in g. */
        public Builder rangeG(double g) {
            this.rangeMax = Units.gToMetresPerSecondSquared(g);
            return this;
        }

        /** Gyroscope full-scale range given in °/s. */
        public Builder rangeDegreesPerSecond(double degreesPerSecond) {
            this.rangeMax = Units.degreesPerSecondToRadiansPerSecond(degreesPerSecond);
            return this;
        }

        /** Output resolution in the kind's unit. */
        public Builder resolution(double resolution) {
            this.resolution = resolution;
            return this;
        }

        /** Noise density in unit/√Hz. */
        public Builder noiseDensity(double density) {
            this.noiseDensity = density;
            return this;
        }

        /** Accelerometer noise density given in µg/√Hz. */
        public Builder noiseDensityMicroG(double microGPerRootHz) {
            this.noiseDensity = microGPerRootHz * 1e-6 * Units.STANDARD_GRAVITY;
            return this;
        }

        /** Gyroscope noise density given in (°/s)/√Hz. */
        public Builder noiseDensityDegreesPerSecond(double degreesPerSecondPerRootHz) {
            this.noiseDensity = Math.toRadians(degreesPerSecondPerRootHz);
            return this;
        }

        /** The validated spec. */
        public SensorSpec build() {
            return new SensorSpec(kind, nominalRateHz, rangeMax, resolution, noiseDensity);
        }
    }
}
