package dev.touchline.fusion.filter;

import java.util.Arrays;

/**
 * One channel on a regular timeline: sample k is at {@code startMicros + k · 10⁶ / rateHz} µs. Output times that
 * fall in a gap of the input (or outside it) are NaN and flagged in {@link #isGap(int)}: gaps are never bridged.
 */
public final class ResampledSignal {
    private final long startMicros;
    private final double rateHz;
    private final double[] values;
    private final boolean[] gap;
    private final String filter;

    ResampledSignal(long startMicros, double rateHz, double[] values, boolean[] gap, String filter) {
        this.startMicros = startMicros;
        this.rateHz = rateHz;
        this.values = values;
        this.gap = gap;
        this.filter = filter;
    }

    /** Time of sample 0, µs since the epoch. */
    public long startMicros() {
        return startMicros;
    }

    /** Output rate, Hz. */
    public double rateHz() {
        return rateHz;
    }

    /** Number of output samples. */
    public int length() {
        return values.length;
    }

    /** Time of sample k, µs since the epoch, rounded to the nearest µs. */
    public long timeMicros(int k) {
        return startMicros + Math.round(k * 1e6 / rateHz);
    }

    /** Value of sample k in the input's unit; NaN where {@link #isGap(int)}. */
    public double value(int k) {
        return values[k];
    }

    /** Whether sample k lies in a gap of the input (or outside the input's time span). */
    public boolean isGap(int k) {
        return gap[k];
    }

    /** Number of gap samples. */
    public int gapCount() {
        int c = 0;
        for (boolean g : gap) {
            if (g) {
                c++;
            }
        }
        return c;
    }

    /** A copy of the values. */
    public double[] copyValues() {
        return values.clone();
    }

    /** The anti-alias filter applied before interpolation, or "none". */
    public String filter() {
        return filter;
    }

    @Override
    public String toString() {
        return "ResampledSignal[" + values.length + " samples at " + rateHz + " Hz from " + startMicros + " µs, "
                + gapCount() + " in gaps, filter " + filter + ", first " + Arrays.toString(
                Arrays.copyOf(values, Math.min(3, values.length))) + "]";
    }
}
