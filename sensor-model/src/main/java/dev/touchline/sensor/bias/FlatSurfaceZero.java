package dev.touchline.sensor.bias;

import dev.touchline.sensor.SensorKind;
import dev.touchline.sensor.TriaxialSeries;
import dev.touchline.sensor.Units;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The flat-surface zero procedure: a device lies still on a level surface for a while (15 s by default); the mean
 * accelerometer output minus the gravity vector it should read is its offset, and the mean gyroscope output is the
 * gyroscope's offset.
 *
 * <p>At rest an accelerometer reads +1 g on the axis that points up. The up axis is chosen automatically (the axis
 * with the largest mean magnitude, its sign giving up or down) unless one is given. The procedure cannot tell a
 * tilted surface from an offset: a 1° tilt reads as about 17 mg on a horizontal axis, so the surface must be level.
 *
 * <p>The window's duration is the span of its time stamps plus one nominal sample period; a shorter window than
 * the minimum is refused with an {@link IllegalArgumentException}. A window whose standard deviation on any axis
 * exceeds the threshold is reported as {@link Result#moved() moved}; {@link Result#requireStill()} turns that into
 * an exception.
 *
 * <pre>{@code
 * FlatSurfaceZero zero = FlatSurfaceZero.builder().minimumDuration(Duration.ofSeconds(15)).build();
 * FlatSurfaceZero.Result r = zero.accelerometer(restSamples).requireStill();
 * BiasModel bias = r.toBiasModel(24.0, BiasModel.DEFAULT_ACCELEROMETER_TEMPCO_MILLI_G_PER_CELSIUS);
 * }</pre>
 */
public final class FlatSurfaceZero {
    /** Default shortest window, seconds. */
    public static final double DEFAULT_MINIMUM_SECONDS = 15.0;
    /** Default movement threshold on the accelerometer, m/s² of standard deviation per axis (about 10 mg). */
    public static final double DEFAULT_MAX_ACCELEROMETER_STD_DEV = 0.1;
    /** Default movement threshold on the gyroscope, rad/s of standard deviation per axis (about 1.1 °/s). */
    public static final double DEFAULT_MAX_GYROSCOPE_STD_DEV = 0.02;

    private final long minimumMicros;
    private final double maxAccelerometerStdDev;
    private final double maxGyroscopeStdDev;
    private final @Nullable Orientation up;

    private FlatSurfaceZero(Builder b) {
        this.minimumMicros = b.minimumMicros;
        this.maxAccelerometerStdDev = b.maxAccelerometerStdDev;
        this.maxGyroscopeStdDev = b.maxGyroscopeStdDev;
        this.up = b.up;
    }

    /** The procedure with its defaults: 15 s minimum, 0.1 m/s² and 0.02 rad/s thresholds, automatic up axis. */
    public static FlatSurfaceZero defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Which sensor axis points up during the procedure, and which way. */
    public enum Orientation {
        /** +x up. */
        X_UP(0, 1),
        /** +x down. */
        X_DOWN(0, -1),
        /** +y up. */
        Y_UP(1, 1),
        /** +y down. */
        Y_DOWN(1, -1),
        /** +z up. */
        Z_UP(2, 1),
        /** +z down. */
        Z_DOWN(2, -1);

        private final int axis;
        private final int sign;

        Orientation(int axis, int sign) {
            this.axis = axis;
            this.sign = sign;
        }

        /** The axis, 0 = x, 1 = y, 2 = z. */
        public int axis() {
            return axis;
        }

        /** +1 when the positive axis points up, −1 when it points down. */
        public int sign() {
            return sign;
        }

        static Orientation of(int axis, boolean positiveUp) {
            return values()[2 * axis + (positiveUp ? 0 : 1)];
        }
    }

    /**
     * The accelerometer offset from a rest window.
     *
     * @param samples accelerometer samples in m/s² of a device lying still on a level surface
     * @throws IllegalArgumentException if the samples are not an accelerometer's or the window is shorter than the
     *                                  minimum duration
     */
    public Result accelerometer(TriaxialSeries samples) {
        requireKind(samples, SensorKind.ACCELEROMETER);
        double duration = checkDuration(samples);
        Stats s = Stats.of(samples);
        Orientation o = up;
        if (o == null) {
            int axis = 0;
            for (int a = 1; a < 3; a++) {
                if (Math.abs(s.mean[a]) > Math.abs(s.mean[axis])) {
                    axis = a;
                }
            }
            o = Orientation.of(axis, s.mean[axis] >= 0);
        }
        double[] offset = s.mean.clone();
        offset[o.axis()] -= o.sign() * Units.STANDARD_GRAVITY;
        double largest = Math.max(s.sd[0], Math.max(s.sd[1], s.sd[2]));
        return new Result(offset[0], offset[1], offset[2], o, s.residualRms, largest, duration,
                largest > maxAccelerometerStdDev, maxAccelerometerStdDev);
    }

    /**
     * The gyroscope offset (mean rate) from a rest window.
     *
     * @param samples gyroscope samples in rad/s of a device lying still
     * @throws IllegalArgumentException if the samples are not a gyroscope's or the window is too short
     */
    public GyroResult gyroscope(TriaxialSeries samples) {
        requireKind(samples, SensorKind.GYROSCOPE);
        double duration = checkDuration(samples);
        Stats s = Stats.of(samples);
        double largest = Math.max(s.sd[0], Math.max(s.sd[1], s.sd[2]));
        return new GyroResult(s.mean[0], s.mean[1], s.mean[2], s.residualRms, largest, duration,
                largest > maxGyroscopeStdDev, maxGyroscopeStdDev);
    }

    /** The shortest accepted window, seconds. */
    public double minimumSeconds() {
        return minimumMicros / 1e6;
    }

    private static void requireKind(TriaxialSeries samples, SensorKind kind) {
        if (samples.spec().kind() != kind) {
            throw new IllegalArgumentException("samples must come from a " + kind + ", were " + samples.spec().kind());
        }
    }

    private double checkDuration(TriaxialSeries samples) {
        int n = samples.length();
        long span = n == 0 ? 0 : samples.timeMicros(n - 1) - samples.timeMicros(0)
                + Math.round(1e6 / samples.spec().nominalRateHz());
        if (n < 2 || span < minimumMicros) {
            throw new IllegalArgumentException("rest window must last at least " + minimumMicros / 1e6
                    + " s, was " + span / 1e6 + " s (" + n + " samples)");
        }
        return span / 1e6;
    }

    /** Mean, standard deviation per axis and the RMS distance of samples from the mean, in one pass each. */
    private static final class Stats {
        final double[] mean = new double[3];
        final double[] sd = new double[3];
        double residualRms;

        static Stats of(TriaxialSeries s) {
            Stats st = new Stats();
            int n = s.length();
            double mx = 0;
            double my = 0;
            double mz = 0;
            for (int i = 0; i < n; i++) {
                mx += s.x(i);
                my += s.y(i);
                mz += s.z(i);
            }
            mx /= n;
            my /= n;
            mz /= n;
            // second pass about the mean: exact even when the mean (gravity) dwarfs the noise
            double vx = 0;
            double vy = 0;
            double vz = 0;
            for (int i = 0; i < n; i++) {
                double dx = s.x(i) - mx;
                double dy = s.y(i) - my;
                double dz = s.z(i) - mz;
                vx += dx * dx;
                vy += dy * dy;
                vz += dz * dz;
            }
            st.mean[0] = mx;
            st.mean[1] = my;
            st.mean[2] = mz;
            st.sd[0] = Math.sqrt(vx / (n - 1));
            st.sd[1] = Math.sqrt(vy / (n - 1));
            st.sd[2] = Math.sqrt(vz / (n - 1));
            st.residualRms = Math.sqrt((vx + vy + vz) / n);
            return st;
        }
    }

    /**
     * An accelerometer zero.
     *
     * @param offsetX offset of x, m/s² (mean minus expected gravity)
     * @param offsetY offset of y, m/s²
     * @param offsetZ offset of z, m/s²
     * @param up the axis taken to point up
     * @param residualRms RMS distance of the samples from their mean, m/s² (the noise of the window)
     * @param largestStdDev largest per-axis standard deviation, m/s²
     * @param durationSeconds the window's duration, s
     * @param moved whether {@code largestStdDev} exceeded the threshold: the offset is then unreliable
     * @param thresholdStdDev the movement threshold used, m/s²
     */
    public record Result(double offsetX, double offsetY, double offsetZ, Orientation up, double residualRms,
                         double largestStdDev, double durationSeconds, boolean moved, double thresholdStdDev) {
        /** Checks the fields. */
        public Result {
            Objects.requireNonNull(up, "up");
        }

        /** Offset of an axis (0 = x, 1 = y, 2 = z), m/s². */
        public double offset(int axis) {
            return switch (axis) {
                case 0 -> offsetX;
                case 1 -> offsetY;
                case 2 -> offsetZ;
                default -> throw new IllegalArgumentException("axis must be in [0, 2], was " + axis);
            };
        }

        /**
         * This result, if the device kept still.
         *
         * @throws IllegalStateException naming the standard deviation when the device moved
         */
        public Result requireStill() {
            if (moved) {
                throw new IllegalStateException("device moved during the rest window: standard deviation "
                        + largestStdDev + " m/s² exceeds " + thresholdStdDev + " m/s²");
            }
            return this;
        }

        /**
         * A bias model holding this offset at the temperature of the procedure.
         *
         * @param referenceTemperatureCelsius the sensor's temperature during the window, °C
         * @param tempcoMilliGPerCelsius the coefficient to assume for every axis, mg per °C
         */
        public BiasModel toBiasModel(double referenceTemperatureCelsius, double tempcoMilliGPerCelsius) {
            double k = Units.milliGToMetresPerSecondSquared(tempcoMilliGPerCelsius);
            return BiasModel.builder().offsets(offsetX, offsetY, offsetZ).temperatureCoefficients(k, k, k)
                    .referenceTemperatureCelsius(referenceTemperatureCelsius).build();
        }
    }

    /**
     * A gyroscope zero.
     *
     * @param offsetX mean rate of x, rad/s
     * @param offsetY mean rate of y, rad/s
     * @param offsetZ mean rate of z, rad/s
     * @param residualRms RMS distance of the samples from their mean, rad/s
     * @param largestStdDev largest per-axis standard deviation, rad/s
     * @param durationSeconds the window's duration, s
     * @param moved whether {@code largestStdDev} exceeded the threshold
     * @param thresholdStdDev the movement threshold used, rad/s
     */
    public record GyroResult(double offsetX, double offsetY, double offsetZ, double residualRms,
                             double largestStdDev, double durationSeconds, boolean moved, double thresholdStdDev) {
        /**
         * This result, if the device kept still.
         *
         * @throws IllegalStateException naming the standard deviation when the device moved
         */
        public GyroResult requireStill() {
            if (moved) {
                throw new IllegalStateException("device moved during the rest window: standard deviation "
                        + largestStdDev + " rad/s exceeds " + thresholdStdDev + " rad/s");
            }
            return this;
        }
    }

    /** Builds {@link FlatSurfaceZero}; every setter validates its argument. */
    public static final class Builder {
        private long minimumMicros = Math.round(DEFAULT_MINIMUM_SECONDS * 1e6);
        private double maxAccelerometerStdDev = DEFAULT_MAX_ACCELEROMETER_STD_DEV;
        private double maxGyroscopeStdDev = DEFAULT_MAX_GYROSCOPE_STD_DEV;
        private @Nullable Orientation up;

        private Builder() {
        }

        /** Shortest accepted window, 1 s to 1 h. */
        public Builder minimumDuration(Duration duration) {
            long micros = duration.toNanos() / 1000;
            if (micros < 1_000_000L || micros > 3_600_000_000L) {
                throw new IllegalArgumentException("minimumDuration must be in [1 s, 1 h], was " + duration);
            }
            this.minimumMicros = micros;
            return this;
        }

        /** Movement threshold on the accelerometer, m/s² of standard deviation, in (0, 10]. */
        public Builder maxAccelerometerStdDev(double metresPerSecondSquared) {
            if (!(metresPerSecondSquared > 0 && metresPerSecondSquared <= 10)) {
                throw new IllegalArgumentException("maxAccelerometerStdDev must be in (0, 10] m/s², was "
                        + metresPerSecondSquared);
            }
            this.maxAccelerometerStdDev = metresPerSecondSquared;
            return this;
        }

        /** Movement threshold on the gyroscope, rad/s of standard deviation, in (0, 1]. */
        public Builder maxGyroscopeStdDev(double radiansPerSecond) {
            if (!(radiansPerSecond > 0 && radiansPerSecond <= 1)) {
                throw new IllegalArgumentException("maxGyroscopeStdDev must be in (0, 1] rad/s, was "
                        + radiansPerSecond);
            }
            this.maxGyroscopeStdDev = radiansPerSecond;
            return this;
        }

        /** The axis that points up; by default it is chosen from the data. */
        public Builder upAxis(Orientation orientation) {
            this.up = Objects.requireNonNull(orientation, "orientation");
            return this;
        }

        /** Choose the up axis from the data (the default). */
        public Builder automaticUpAxis() {
            this.up = null;
            return this;
        }

        /** The procedure. */
        public FlatSurfaceZero build() {
            return new FlatSurfaceZero(this);
        }
    }
}
