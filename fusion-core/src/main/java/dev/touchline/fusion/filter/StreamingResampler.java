package dev.touchline.fusion.filter;

import dev.touchline.fusion.BadSensorDataException;
import dev.touchline.fusion.StreamState;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Puts a stream of time-stamped samples onto a regular output grid as they arrive: a causal Butterworth anti-alias
 * low-pass at the input's nominal rate (when the output rate is lower), then linear interpolation at the grid
 * times. Grid times are whole multiples of the output period since the epoch, so every stream resampled to the same
 * rate shares one timeline.
 *
 * <p><b>Group delay.</b> A causal filter delays the signal: by {@link #groupDelaySeconds()} (the design's group
 * delay at 0 Hz) for slow content; by {@link IirDesign#groupDelaySeconds(double)} at other frequencies. With
 * compensation on (the default) the output at grid time T is the filtered signal read at T + D, D the 0 Hz group
 * delay, so slow content keeps its true timing and the output for T leaves the resampler once an input sample at or
 * after T + D has arrived (latency D plus up to one input period). The residual timing error at frequency f is
 * {@code groupDelay(f) − D}; for the default order-4 filter at 0.4 × the output rate it stays below a fifth of D up
 * to a tenth of the output rate. With compensation off, output T reads the filter at T and lags the input by D.
 *
 * <p><b>Input contract.</b> Non-finite samples and time stamps that do not increase raise
 * {@link BadSensorDataException}. An interval longer than {@code gapFactor} nominal periods is a gap: grid times in
 * it are emitted as NaN (never bridged), and the filter restarts settled on the first sample after it. No
 * allocation per sample. Not thread-safe.
 */
public final class StreamingResampler {
    /** Receives resampled values in time order. */
    @FunctionalInterface
    public interface Sink {
        /**
         * One output sample.
         *
         * @param timeMicros grid time, µs since the epoch (a multiple of the output period)
         * @param value the resampled value in the input's unit, NaN inside a gap
         */
        void onSample(long timeMicros, double value);
    }

    private final double inputRateHz;
    private final double outputRateHz;
    private final long periodMicros;
    private final long gapMicros;
    private final @Nullable IirDesign design;
    private final @Nullable BiquadCascade filter;
    private final long delayMicros;
    private final Sink sink;
    private final String description;

    private long lastT = Long.MIN_VALUE;
    private double lastY;
    private long nextGrid;
    private final double[] scratch = new double[256];

    private StreamingResampler(Builder b, Sink sink) {
        this.inputRateHz = b.inputRateHz;
        this.outputRateHz = b.outputRateHz;
        this.periodMicros = Math.round(1e6 / b.outputRateHz);
        this.gapMicros = Math.round(b.gapFactor * 1e6 / b.inputRateHz);
        this.sink = sink;
        if (b.outputRateHz < b.inputRateHz) {
            this.design = Butterworth.lowPass(b.order, b.fraction * b.outputRateHz, b.inputRateHz);
            this.filter = new BiquadCascade(design);
            double d = design.groupDelaySeconds(0);
            this.delayMicros = b.compensate ? Math.round(d * 1e6) : 0;
            this.description = design.describe() + ", causal, group delay " + String.format(java.util.Locale.ROOT,
                    "%.2f", d * 1e3) + " ms at 0 Hz" + (b.compensate ? " (compensated)" : " (not compensated)")
                    + "; linear interpolation to " + b.outputRateHz + " Hz";
        } else {
            this.design = null;
            this.filter = null;
            this.delayMicros = 0;
            this.description = "no filter (output rate not below input); linear interpolation to " + b.outputRateHz
                    + " Hz";
        }
    }

    /** A builder: input 500 Hz, output 100 Hz, order 4 at 0.4 × output rate, gaps above 2.5 periods, compensated. */
    public static Builder builder() {
        return new Builder();
    }

    /** The anti-alias filter's group delay at 0 Hz, s (0 without a filter). */
    public double groupDelaySeconds() {
        return design == null ? 0 : design.groupDelaySeconds(0);
    }

    /** The delay subtracted from the output timing, µs (0 with compensation off or without a filter). */
    public long compensatedDelayMicros() {
        return delayMicros;
    }

    /** The input's nominal rate, Hz. */
    public double inputRateHz() {
        return inputRateHz;
    }

    /** The output rate, Hz. */
    public double outputRateHz() {
        return outputRateHz;
    }

    /** What was done to the signal, to store alongside it. */
    public String describe() {
        return description;
    }

    /**
     * Adds one input sample; emits every grid sample that became computable.
     *
     * @param timeMicros sample time, µs since the epoch, increasing
     * @param value the sample, finite
     * @throws BadSensorDataException for a non-finite value or a time stamp that does not increase
     */
    public void accept(long timeMicros, double value) throws BadSensorDataException {
        if (!Double.isFinite(value)) {
            throw new BadSensorDataException("sample at " + timeMicros + " µs is not finite (" + value + ")");
        }
        if (lastT == Long.MIN_VALUE) {
            restart(timeMicros, value);
            return;
        }
        if (timeMicros <= lastT) {
            throw new BadSensorDataException("time stamp " + timeMicros + " µs does not increase over " + lastT
                    + " µs");
        }
        if (timeMicros - lastT > gapMicros) {
            // grid times the filter could not reach before the gap, and those inside it, are gap
            while (nextGrid < timeMicros) {
                sink.onSample(nextGrid, Double.NaN);
                nextGrid += periodMicros;
            }
            restart(timeMicros, value);
            return;
        }
        double y = filter == null ? value : filter.process(value);
        long span = timeMicros - lastT;
        while (nextGrid + delayMicros <= timeMicros) {
            double u = (nextGrid + delayMicros - lastT) / (double) span;
            sink.onSample(nextGrid, lastY + u * (y - lastY));
            nextGrid += periodMicros;
        }
        lastT = timeMicros;
        lastY = y;
    }

    /**
     * Adds samples [from, to) of a block, with the same results as {@link #accept(long, double)} called for each;
     * the whole block is checked first (on a bad sample the resampler is unchanged).
     *
     * @param timeMicros sample times, µs since the epoch, increasing; Not modified
     * @param values the samples, finite; Not modified
     * @throws BadSensorDataException for a non-finite value or a time stamp that does not increase
     */
    public void accept(long[] timeMicros, float[] values, int from, int to) throws BadSensorDataException {
        long prev = lastT;
        for (int i = from; i < to; i++) {
            if (!Float.isFinite(values[i])) {
                throw new BadSensorDataException("sample at " + timeMicros[i] + " µs is not finite (" + values[i]
                        + ")");
            }
            if (prev != Long.MIN_VALUE && timeMicros[i] <= prev) {
                throw new BadSensorDataException("time stamp " + timeMicros[i] + " µs does not increase over "
                        + prev + " µs");
            }
            prev = timeMicros[i];
        }
        int i = from;
        while (i < to) {
            if (lastT == Long.MIN_VALUE || timeMicros[i] - lastT > gapMicros) {
                accept(timeMicros[i], values[i]); // a start or a restart
                i++;
                continue;
            }
            // a run without a gap, at most one scratch block: filter it in one pass, then interpolate
            int end = i + 1;
            int limit = Math.min(to, i + scratch.length);
            while (end < limit && timeMicros[end] - timeMicros[end - 1] <= gapMicros) {
                end++;
            }
            int n = end - i;
            double[] y = scratch;
            for (int k = 0; k < n; k++) {
                y[k] = values[i + k];
            }
            if (filter != null) {
                filter.processInPlace(y, 0, n);
            }
            long last = lastT;
            double lastValue = lastY;
            long grid = nextGrid;
            for (int k = 0; k < n; k++) {
                long t = timeMicros[i + k];
                double v = y[k];
                long span = t - last;
                while (grid + delayMicros <= t) {
                    double u = (grid + delayMicros - last) / (double) span;
                    sink.onSample(grid, lastValue + u * (v - lastValue));
                    grid += periodMicros;
                }
                last = t;
                lastValue = v;
            }
            lastT = last;
            lastY = lastValue;
            nextGrid = grid;
            i = end;
        }
    }

    /** The resampler's state as a plain value (the configuration is not part of it). */
    public StreamState snapshot() {
        StreamState.Writer w = StreamState.writer("StreamingResampler").add(lastT).add(nextGrid).add(lastY);
        w.add(filter == null ? new double[0] : filter.snapshot().values());
        return w.build();
    }

    /**
     * Continues from a snapshot taken from a resampler with the same configuration.
     *
     * @throws IllegalArgumentException when the state does not fit this resampler
     */
    public void restore(StreamState state) {
        StreamState.Reader r = state.reader("StreamingResampler");
        lastT = r.nextLong();
        nextGrid = r.nextLong();
        lastY = r.nextDouble();
        double[] v = filter == null ? new double[0] : filter.snapshot().values();
        r.next(v);
        if (filter != null) {
            filter.restore(new BiquadCascade.State(v));
        }
        r.end();
    }

    private void restart(long t, double v) {
        if (filter != null) {
            filter.settle(v);
        }
        lastT = t;
        lastY = v;
        long first = Math.floorDiv(t + periodMicros - 1, periodMicros) * periodMicros;
        nextGrid = Math.max(nextGrid, first);
        if (nextGrid + delayMicros == t) {
            sink.onSample(nextGrid, v);
            nextGrid += periodMicros;
        }
    }

    /** Configuration of a {@link StreamingResampler}. */
    public static final class Builder {
        private double inputRateHz = 500;
        private double outputRateHz = 100;
        private int order = 4;
        private double fraction = 0.4;
        private double gapFactor = 2.5;
        private boolean compensate = true;

        private Builder() {
        }

        /** Nominal input rate, Hz, 1..100000; default 500. */
        public Builder inputRateHz(double hz) {
            if (!(hz >= 1 && hz <= 100_000)) {
                throw new IllegalArgumentException("inputRateHz must be 1..100000, got " + hz);
            }
            inputRateHz = hz;
            return this;
        }

        /** Output rate, Hz, 1..100000 with a whole number of µs per period; default 100. */
        public Builder outputRateHz(double hz) {
            if (!(hz >= 1 && hz <= 100_000) || Math.abs(1e6 / hz - Math.rint(1e6 / hz)) > 1e-6) {
                throw new IllegalArgumentException("outputRateHz must be 1..100000 with a whole-µs period, got " + hz);
            }
            outputRateHz = hz;
            return this;
        }

        /** Anti-alias order, 1..12; default 4. */
        public Builder antiAliasOrder(int order) {
            if (order < 1 || order > Butterworth.MAX_ORDER) {
                throw new IllegalArgumentException("antiAliasOrder must be 1.." + Butterworth.MAX_ORDER + ", got "
                        + order);
            }
            this.order = order;
            return this;
        }

        /** Anti-alias cut-off as a fraction of the output rate, 0.05..0.49; default 0.4. */
        public Builder antiAliasFraction(double fraction) {
            if (!(fraction >= 0.05 && fraction <= 0.49)) {
                throw new IllegalArgumentException("antiAliasFraction must be 0.05..0.49, got " + fraction);
            }
            this.fraction = fraction;
            return this;
        }

        /** An input interval longer than this many nominal periods is a gap, 1.5..100; default 2.5. */
        public Builder gapFactor(double periods) {
            if (!(periods >= 1.5 && periods <= 100)) {
                throw new IllegalArgumentException("gapFactor must be 1.5..100, got " + periods);
            }
            gapFactor = periods;
            return this;
        }

        /** Whether output times are corrected for the filter's 0 Hz group delay; default true. */
        public Builder compensateGroupDelay(boolean on) {
            compensate = on;
            return this;
        }

        /** The resampler, emitting to the sink. */
        public StreamingResampler build(Sink sink) {
            Objects.requireNonNull(sink, "sink");
            if (outputRateHz < inputRateHz && !(fraction * outputRateHz < inputRateHz / 2)) {
                throw new IllegalArgumentException("anti-alias cut-off " + fraction * outputRateHz
                        + " Hz must be below inputRateHz/2 = " + inputRateHz / 2);
            }
            return new StreamingResampler(this, sink);
        }
    }
}
