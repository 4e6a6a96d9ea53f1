package dev.touchline.sensor;

import java.util.Arrays;

/**
 * Three-axis samples (accelerometer m/s², gyroscope rad/s, magnetometer µT) as columns, in the sensor's own
 * frame. Immutable; the factories copy the arrays they are given.
 *
 * <p>Checked on construction: equal column lengths, time stamps never going backwards, finite values, and values
 * within the spec's full-scale range (a clipped sample sits exactly at ±range and is allowed).
 */
public final class TriaxialSeries {
    private static final String NAME = "TriaxialSeries";

    private final SensorSpec spec;
    private final long[] timeMicros;
    private final float[] x;
    private final float[] y;
    private final float[] z;

    private TriaxialSeries(SensorSpec spec, long[] timeMicros, float[] x, float[] y, float[] z) {
        this.spec = spec;
        this.timeMicros = timeMicros;
        this.x = x;
        this.y = y;
        this.z = z;
    }

    /**
     * A series from the first {@code length} values of each column (copied).
     *
     * @param spec the sensor; its kind gives the unit of x, y and z
     */
    public static TriaxialSeries of(SensorSpec spec, long[] timeMicros, float[] x, float[] y, float[] z,
                                    int length) {
        Columns.checkCount(NAME, length, Math.min(Math.min(timeMicros.length, x.length),
                Math.min(y.length, z.length)));
        TriaxialSeries s = new TriaxialSeries(spec, Arrays.copyOf(timeMicros, length), Arrays.copyOf(x, length),
                Arrays.copyOf(y, length), Arrays.copyOf(z, length));
        Columns.checkTimeOrder(NAME, s.timeMicros, length);
        double r = spec.rangeMax();
        Columns.checkFinite(NAME, "x", s.x, length);
        Columns.checkFinite(NAME, "y", s.y, length);
        Columns.checkFinite(NAME, "z", s.z, length);
        if (Double.isFinite(r)) {
            // float rounding of a value clipped at the range must still pass
            double limit = r * (1 + 1e-6);
            Columns.checkRange(NAME, "x", s.x, length, -limit, limit);
            Columns.checkRange(NAME, "y", s.y, length, -limit, limit);
            Columns.checkRange(NAME, "z", s.z, length, -limit, limit);
        }
        return s;
    }

    /** The sensor that produced these samples. */
    public SensorSpec spec() {
        return spec;
    }

    /** Number of samples. */
    public int length() {
        return timeMicros.length;
    }

    /** Time stamp of sample {@code i}, epoch microseconds. */
    public long timeMicros(int i) {
        return timeMicros[i];
    }

    /** X component of sample {@code i} in the spec's unit. */
    public float x(int i) {
        return x[i];
    }

    /** Y component of sample {@code i} in the spec's unit. */
    public float y(int i) {
        return y[i];
    }

    /** Z component of sample {@code i} in the spec's unit. */
    public float z(int i) {
        return z[i];
    }

    /** Euclidean norm of sample {@code i}. */
    public double norm(int i) {
        double a = x[i];
        double b = y[i];
        double c = z[i];
        return Math.sqrt(a * a + b * b + c * c);
    }

    /** A copy of the time column. */
    public long[] copyTimeMicros() {
        return timeMicros.clone();
    }

    /** A copy of the x column. */
    public float[] copyX() {
        return x.clone();
    }

    /** A copy of the y column. */
    public float[] copyY() {
        return y.clone();
    }

    /** A copy of the z column. */
    public float[] copyZ() {
        return z.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TriaxialSeries other && spec.equals(other.spec)
                && Arrays.equals(timeMicros, other.timeMicros) && Arrays.equals(x, other.x)
                && Arrays.equals(y, other.y) && Arrays.equals(z, other.z);
    }

    @Override
    public int hashCode() {
        int h = spec.hashCode();
        h = 31 * h + Arrays.hashCode(timeMicros);
        h = 31 * h + Arrays.hashCode(x);
        h = 31 * h + Arrays.hashCode(y);
        return 31 * h + Arrays.hashCode(z);
    }

    @Override
    public String toString() {
        return "TriaxialSeries[" + spec.kind() + ", " + length() + " samples]";
    }
}
