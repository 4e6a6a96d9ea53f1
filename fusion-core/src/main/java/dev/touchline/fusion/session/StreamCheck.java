package dev.touchline.fusion.session;

import dev.touchline.fusion.BadSensorDataException;
import dev.touchline.fusion.StreamState;

/**
 * The input checks of one stream: time stamps increase, intervals beyond {@code gapFactor} nominal periods are
 * counted as gaps, and the rate measured over every stretch of at least {@code windowSeconds} without a gap must lie
 * within {@code tolerance} of nominal, else {@link BadSensorDataException} naming the stream and the times.
 */
final class StreamCheck {
    private final String name;
    private final double nominalHz;
    private final long gapMicros;
    private final long windowMicros;
    private final double tolerance;
    private long last = Long.MIN_VALUE;
    private long windowStart;
    private long windowCount;
    private long gaps;
    private long samples;

    StreamCheck(String name, double nominalHz, double gapFactor, double windowSeconds, double tolerance) {
        this.name = name;
        this.nominalHz = nominalHz;
        this.gapMicros = Math.round(gapFactor * 1e6 / nominalHz);
        this.windowMicros = Math.round(windowSeconds * 1e6);
        this.tolerance = tolerance;
    }

    /** Checks one time stamp; returns true when it follows a gap (or is the first sample). */
    boolean check(long t) throws BadSensorDataException {
        samples++;
        if (last == Long.MIN_VALUE) {
            last = t;
            windowStart = t;
            windowCount = 1;
            return true;
        }
        if (t <= last) {
            throw new BadSensorDataException(name + ": time stamp " + t + " µs (sample " + (samples - 1)
                    + ") does not increase over " + last + " µs");
        }
        boolean gap = t - last > gapMicros;
        last = t;
        if (gap) {
            gaps++;
            windowStart = t;
            windowCount = 1;
            return true;
        }
        windowCount++;
        long span = t - windowStart;
        if (span >= windowMicros) {
            double rate = (windowCount - 1) * 1e6 / span;
            if (Math.abs(rate - nominalHz) > tolerance * nominalHz) {
                throw new BadSensorDataException(name + ": rate " + String.format(java.util.Locale.ROOT, "%.2f", rate)
                        + " Hz between " + windowStart + " and " + t + " µs is more than " + tolerance * 100
                        + " % from the nominal " + nominalHz + " Hz");
            }
            windowStart = t;
            windowCount = 1;
        }
        return false;
    }

    /**
     * Checks the time stamps [from, to) of a block, as one call of {@link #check(long)} per sample would (the gap
     * flags are not returned: the pipeline's filters find gaps themselves).
     */
    void check(long[] t, int from, int to) throws BadSensorDataException {
        long base = samples;
        long prev = last;
        long start = windowStart;
        long count = windowCount;
        for (int i = from; i < to; i++) {
            long ti = t[i];
            long d = ti - prev;
            if (prev == Long.MIN_VALUE || d <= 0 || d > gapMicros || ti - start >= windowMicros) {
                // the rare cases (first sample, error, gap, end of a rate window) by the per-sample rules
                last = prev;
                windowStart = start;
                windowCount = count;
                samples = base + i - from;
                check(ti);
                prev = last;
                start = windowStart;
                count = windowCount;
                continue;
            }
            prev = ti;
            count++;
        }
        last = prev;
        windowStart = start;
        windowCount = count;
        samples = base + to - from;
    }

    void snapshot(StreamState.Writer w) {
        w.add(last).add(windowStart).add(windowCount).add(gaps).add(samples);
    }

    void restore(StreamState.Reader r) {
        last = r.nextLong();
        windowStart = r.nextLong();
        windowCount = r.nextLong();
        gaps = r.nextLong();
        samples = r.nextLong();
    }

    long gaps() {
        return gaps;
    }

    long samples() {
        return samples;
    }
}
