package dev.touchline.fusion.calibration;

import dev.touchline.sensor.bias.BiasModel;
import java.util.Arrays;
import java.util.Objects;

/**
 * An accelerometer's linear error model and its inverse: the sensor reads {@code r = M·a + b + d(T)} for a true
 * specific force {@code a}, with {@code M} the scale and misalignment matrix (row-major, diagonal = scale factors,
 * off-diagonal = cross-axis sensitivity), {@code b} the offset at the reference temperature and {@code d(T)} the
 * temperature drift given by a {@link BiasModel} hook (its temperature coefficients, relative to its reference
 * temperature; its offsets are not used, {@code b} is). {@link #correct} returns {@code a = M⁻¹·(r − b − d(T))}.
 * Immutable; {@link #correct} allocates nothing.
 */
public final class AccelerometerCalibration {
    private final double[] m;
    private final double[] inv;
    private final double[] offset;
    private final BiasModel drift;

    private AccelerometerCalibration(double[] m, double[] offset, BiasModel drift) {
        this.m = m.clone();
        this.offset = offset.clone();
        this.drift = drift;
        this.inv = invert(this.m);
    }

    /**
     * A calibration.
     *
     * @param matrix M, row-major, 9 values, invertible; copied
     * @param offset b, m/s², 3 values; copied
     * @param drift temperature drift hook (only its coefficients and reference temperature are used);
     *        {@link BiasModel#zero()} for none
     */
    public static AccelerometerCalibration of(double[] matrix, double[] offset, BiasModel drift) {
        if (matrix.length != 9 || offset.length != 3) {
            throw new IllegalArgumentException("matrix needs 9 values and offset 3, got " + matrix.length + " and "
                    + offset.length);
        }
        for (double v : matrix) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("matrix must be finite, got " + Arrays.toString(matrix));
            }
        }
        for (double v : offset) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("offset must be finite, got " + Arrays.toString(offset));
            }
        }
        return new AccelerometerCalibration(matrix, offset, Objects.requireNonNull(drift, "drift"));
    }

    /** The identity: no correction. */
    public static AccelerometerCalibration identity() {
        return of(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new double[3], BiasModel.zero());
    }

    /** The same calibration with a temperature-drift hook. */
    public AccelerometerCalibration withDrift(BiasModel temperatureDrift) {
        return new AccelerometerCalibration(m, offset, Objects.requireNonNull(temperatureDrift, "temperatureDrift"));
    }

    /**
     * The corrected specific force, m/s².
     *
     * @param rx raw reading x, m/s²
     * @param ry raw reading y, m/s²
     * @param rz raw reading z, m/s²
     * @param temperatureCelsius die temperature, °C (NaN: no drift correction)
     * @param out corrected x, y, z; Modified
     */
    public void correct(double rx, double ry, double rz, double temperatureCelsius, double[] out) {
        double dt = Double.isNaN(temperatureCelsius) ? 0 : temperatureCelsius - drift.referenceTemperatureCelsius();
        double x = rx - offset[0] - drift.temperatureCoefficient(0) * dt;
        double y = ry - offset[1] - drift.temperatureCoefficient(1) * dt;
        double z = rz - offset[2] - drift.temperatureCoefficient(2) * dt;
        out[0] = inv[0] * x + inv[1] * y + inv[2] * z;
        out[1] = inv[3] * x + inv[4] * y + inv[5] * z;
        out[2] = inv[6] * x + inv[7] * y + inv[8] * z;
    }

    /** M, row-major; a copy. */
    public double[] matrix() {
        return m.clone();
    }

    /** b, m/s²; a copy. */
    public double[] offset() {
        return offset.clone();
    }

    /** The temperature-drift hook. */
    public BiasModel drift() {
        return drift;
    }

    private static double[] invert(double[] a) {
        double c00 = a[4] * a[8] - a[5] * a[7];
        double c01 = a[5] * a[6] - a[3] * a[8];
        double c02 = a[3] * a[7] - a[4] * a[6];
        double det = a[0] * c00 + a[1] * c01 + a[2] * c02;
        if (!(Math.abs(det) > 1e-9)) {
            throw new IllegalArgumentException("matrix is singular (determinant " + det + ")");
        }
        double[] r = new double[9];
        r[0] = c00 / det;
        r[1] = (a[2] * a[7] - a[1] * a[8]) / det;
        r[2] = (a[1] * a[5] - a[2] * a[4]) / det;
        r[3] = c01 / det;
        r[4] = (a[0] * a[8] - a[2] * a[6]) / det;
        r[5] = (a[2] * a[3] - a[0] * a[5]) / det;
        r[6] = c02 / det;
        r[7] = (a[1] * a[6] - a[0] * a[7]) / det;
        r[8] = (a[0] * a[4] - a[1] * a[3]) / det;
        return r;
    }

    @Override
    public String toString() {
        return "AccelerometerCalibration[M=" + Arrays.toString(m) + ", b=" + Arrays.toString(offset) + ", drift="
                + drift + "]";
    }
}
