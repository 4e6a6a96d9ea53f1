package dev.touchline.sensor.bias;

import dev.touchline.sensor.Units;
import java.util.Arrays;

/**
 * Bias of a three-axis sensor: an offset per axis at a reference temperature plus a linear temperature
 * coefficient, {@code bias(axis, T) = offset[axis] + tempco[axis] × (T − referenceTemperature)}.
 *
 * <p>Units follow the sensor: m/s² and m/s² per °C for accelerometers, rad/s and rad/s per °C for gyroscopes.
 * Temperatures are in °C. {@link #ofMilliG} and {@link #ofDegreesPerSecond} accept the datasheet units.
 *
 * <p>The default accelerometer coefficient is {@value #DEFAULT_ACCELEROMETER_TEMPCO_MILLI_G_PER_CELSIUS} mg/°C,
 * the scale of MEMS datasheets (BMI160, LSM6DS3: about 0.1–0.2 mg/K). The seed design of the simulator asked for
 * 0.08 g/°C, some 800 times the datasheet values: such a value is accepted only when set explicitly.
 *
 * <p>Immutable; {@link #biasInto} allocates nothing and suits per-sample loops.
 */
public final class BiasModel {
    /** Datasheet-scale accelerometer temperature coefficient, mg per °C. */
    public static final double DEFAULT_ACCELEROMETER_TEMPCO_MILLI_G_PER_CELSIUS = 0.1;
    /** Default reference temperature, °C. */
    public static final double DEFAULT_REFERENCE_TEMPERATURE_CELSIUS = 25.0;
    /** Largest accepted offset magnitude per axis, in the sensor's unit (about 10 g or 573 °/s). */
    public static final double MAX_OFFSET = 100.0;
    /** Largest accepted temperature coefficient magnitude per axis, in the sensor's unit per °C. */
    public static final double MAX_TEMPCO = 10.0;

    private static final BiasModel ZERO = builder().build();

    private final double[] offset;
    private final double[] tempco;
    private final double referenceTemperatureCelsius;

    private BiasModel(Builder b) {
        this.offset = b.offset.clone();
        this.tempco = b.tempco.clone();
        this.referenceTemperatureCelsius = b.referenceTemperatureCelsius;
    }

    /** No bias at any temperature. */
    public static BiasModel zero() {
        return ZERO;
    }

    /** A builder starting from zero offsets, zero coefficients and a 25 °C reference. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * An accelerometer bias from datasheet units.
     *
     * @param xMilliG offset of x at the reference temperature, mg
     * @param yMilliG offset of y, mg
     * @param zMilliG offset of z, mg
     * @param tempcoMilliGPerCelsius coefficient of every axis, mg per °C
     * @param referenceTemperatureCelsius where the offsets hold, °C
     */
    public static BiasModel ofMilliG(double xMilliG, double yMilliG, double zMilliG, double tempcoMilliGPerCelsius,
                                     double referenceTemperatureCelsius) {
        return builder().offsetsMilliG(xMilliG, yMilliG, zMilliG)
                .temperatureCoefficientsMilliGPerCelsius(tempcoMilliGPerCelsius, tempcoMilliGPerCelsius,
                        tempcoMilliGPerCelsius)
                .referenceTemperatureCelsius(referenceTemperatureCelsius).build();
    }

    /**
     * A gyroscope bias from datasheet units.
     *
     * @param xDegreesPerSecond offset of x at the reference temperature, °/s
     * @param yDegreesPerSecond offset of y, °/s
     * @param zDegreesPerSecond offset of z, °/s
     * @param tempcoDegreesPerSecondPerCelsius coefficient of every axis, (°/s) per °C
     * @param referenceTemperatureCelsius where the offsets hold, °C
     */
    public static BiasModel ofDegreesPerSecond(double xDegreesPerSecond, double yDegreesPerSecond,
                                               double zDegreesPerSecond, double tempcoDegreesPerSecondPerCelsius,
                                               double referenceTemperatureCelsius) {
        double k = Math.toRadians(tempcoDegreesPerSecondPerCelsius);
        return builder().offsets(Math.toRadians(xDegreesPerSecond), Math.toRadians(yDegreesPerSecond),
                        Math.toRadians(zDegreesPerSecond))
                .temperatureCoefficients(k, k, k)
                .referenceTemperatureCelsius(referenceTemperatureCelsius).build();
    }

    /** Offset of an axis (0 = x, 1 = y, 2 = z) at the reference temperature, in the sensor's unit. */
    public double offset(int axis) {
        return offset[checkAxis(axis)];
    }

    /** Temperature coefficient of an axis, in the sensor's unit per °C. */
    public double temperatureCoefficient(int axis) {
        return tempco[checkAxis(axis)];
    }

    /** The temperature at which {@link #offset} holds, °C. */
    public double referenceTemperatureCelsius() {
        return referenceTemperatureCelsius;
    }

    /** Bias of an axis at a temperature in °C, in the sensor's unit. */
    public double bias(int axis, double temperatureCelsius) {
        int a = checkAxis(axis);
        return offset[a] + tempco[a] * (temperatureCelsius - referenceTemperatureCelsius);
    }

    /**
     * Bias of all three axes at a temperature, without allocating.
     *
     * @param temperatureCelsius sensor temperature, °C
     * @param out3 receives x, y, z bias in the sensor's unit; length ≥ 3. Modified.
     */
    public void biasInto(double temperatureCelsius, double[] out3) {
        double dt = temperatureCelsius - referenceTemperatureCelsius;
        out3[0] = offset[0] + tempco[0] * dt;
        out3[1] = offset[1] + tempco[1] * dt;
        out3[2] = offset[2] + tempco[2] * dt;
    }

    /** A builder holding this model's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.offsets(offset[0], offset[1], offset[2]).temperatureCoefficients(tempco[0], tempco[1], tempco[2])
                .referenceTemperatureCelsius(referenceTemperatureCelsius);
        return b;
    }

    private static int checkAxis(int axis) {
        if (axis < 0 || axis > 2) {
            throw new IllegalArgumentException("axis must be in [0, 2], was " + axis);
        }
        return axis;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BiasModel other && Arrays.equals(offset, other.offset)
                && Arrays.equals(tempco, other.tempco)
                && Double.compare(referenceTemperatureCelsius, other.referenceTemperatureCelsius) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(offset) + Arrays.hashCode(tempco))
                + Double.hashCode(referenceTemperatureCelsius);
    }

    @Override
    public String toString() {
        return "BiasModel[offset=" + Arrays.toString(offset) + ", tempco=" + Arrays.toString(tempco)
                + ", reference=" + referenceTemperatureCelsius + " °C]";
    }

    /** Builds {@link BiasModel} values; every setter validates its arguments. */
    public static final class Builder {
        private final double[] offset = new double[3];
        private final double[] tempco = new double[3];
        private double referenceTemperatureCelsius = DEFAULT_REFERENCE_TEMPERATURE_CELSIUS;

        private Builder() {
        }

        /** Offsets at the reference temperature, sensor unit, each finite with magnitude ≤ {@value #MAX_OFFSET}. */
        public Builder offsets(double x, double y, double z) {
            offset[0] = check("offset x", x, MAX_OFFSET);
            offset[1] = check("offset y", y, MAX_OFFSET);
            offset[2] = check("offset z", z, MAX_OFFSET);
            return this;
        }

        /** Accelerometer offsets at the reference temperature, mg. */
        public Builder offsetsMilliG(double xMilliG, double yMilliG, double zMilliG) {
            return offsets(Units.milliGToMetresPerSecondSquared(xMilliG),
                    Units.milliGToMetresPerSecondSquared(yMilliG), Units.milliGToMetresPerSecondSquared(zMilliG));
        }

        /**
         * Temperature coefficients, sensor unit per °C, each finite with magnitude ≤ {@value #MAX_TEMPCO}.
         */
        public Builder temperatureCoefficients(double x, double y, double z) {
            tempco[0] = check("temperature coefficient x", x, MAX_TEMPCO);
            tempco[1] = check("temperature coefficient y", y, MAX_TEMPCO);
            tempco[2] = check("temperature coefficient z", z, MAX_TEMPCO);
            return this;
        }

        /** Accelerometer temperature coefficients, mg per °C. */
        public Builder temperatureCoefficientsMilliGPerCelsius(double x, double y, double z) {
            return temperatureCoefficients(Units.milliGToMetresPerSecondSquared(x),
                    Units.milliGToMetresPerSecondSquared(y), Units.milliGToMetresPerSecondSquared(z));
        }

        /** Reference temperature, °C, in [−60, 150]. */
        public Builder referenceTemperatureCelsius(double celsius) {
            if (!(celsius >= -60 && celsius <= 150)) {
                throw new IllegalArgumentException("referenceTemperatureCelsius must be in [-60, 150] °C, was "
                        + celsius);
            }
            this.referenceTemperatureCelsius = celsius;
            return this;
        }

        /** The model. */
        public BiasModel build() {
            return new BiasModel(this);
        }

        private static double check(String name, double value, double max) {
            if (!(Math.abs(value) <= max)) {
                throw new IllegalArgumentException(name + " must be finite and in [-" + max + ", " + max
                        + "], was " + value);
            }
            return value;
        }
    }
}
