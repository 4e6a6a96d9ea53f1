package dev.touchline.sensor;

import java.util.Arrays;

/**
 * One channel of samples (ECG mV, PPG a.u., FSR N, temperature °C) as columns. Immutable; the factories copy
 * the arrays they are given.
 *
 * <p>Checked on construction: equal column lengths, time stamps never going backwards, finite values within the
 * spec's full-scale range.
 */
public final class ScalarSeries {
    private static final String NAME = "ScalarSeries";

    private final SensorSpec spec;
    private final long[] timeMicros;
    private final float[] values;

    private ScalarSeries(SensorSpec spec, long[] timeMicros, float[] values) {
        this.spec = spec;
        this.timeMicros = timeMicros;
        this.values = values;
    }

    /** A series from the first {@code length} values of each column (copied). */
    public static ScalarSeries of(SensorSpec spec, long[] timeMicros, float[] values, int length) {
        Columns.checkCount(NAME, length, Math.min(timeMicros.length, values.length));
        ScalarSeries s = new ScalarSeries(spec, Arrays.copyOf(timeMicros, length), Arrays.copyOf(values, length));
        Columns.checkTimeOrder(NAME, s.timeMicros, length);
        Columns.checkFinite(NAME, "values", s.values, length);
        double r = spec.rangeMax();
        if (Double.isFinite(r)) {
            double limit = r * (1 + 1e-6);
            Columns.checkRange(NAME, "values", s.values, length, -limit, limit);
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

    /** Value of sample {@code i} in the spec's unit. */
    public float value(int i) {
        return values[i];
    }

    /** A copy of the time column. */
    public long[] copyTimeMicros() {
        return timeMicros.clone();
    }

    /** A copy of the value column. */
    public float[] copyValues() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScalarSeries other && spec.equals(other.spec)
                && Arrays.equals(timeMicros, other.timeMicros) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * spec.hashCode() + Arrays.hashCode(timeMicros)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "ScalarSeries[" + spec.kind() + ", " + length() + " samples]";
    }
}
