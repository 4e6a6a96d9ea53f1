package dev.touchline.fusion.filter;

import dev.touchline.fusion.BadSensorDataException;

/**
 * Puts irregularly time-stamped samples onto a regular timeline: checks the input, low-passes it (zero-phase
 * Butterworth, designed at the input's nominal rate, each contiguous segment separately so no filter runs across a
 * gap) when the output rate is below the input rate, and interpolates linearly at the output times.
 *
 * <p>What it checks and how it fails: a non-finite sample, a time stamp that does not increase, or a median
 * sample interval more than {@code rateTolerance} away from the nominal one raise {@link BadSensorDataException}
 * naming the sample index. An interval longer than {@code gapFactor} nominal periods is a gap: output times inside
 * it are NaN and flagged, never interpolated across. Timing jitter within a segment is absorbed by the
 * interpolation, which uses the true time stamps; the filter assumes the nominal rate, an error of the order of
 * the jitter relative to the period.
 */
public final class Resampler {
    private final double outputRateHz;
    private final double gapFactor;
    private final int antiAliasOrder;
    private final double antiAliasFraction;
    private final double rateTolerance;

    private Resampler(Builder b) {
        this.outputRateHz = b.outputRateHz;
        this.gapFactor = b.gapFactor;
        this.antiAliasOrder = b.antiAliasOrder;
        this.antiAliasFraction = b.antiAliasFraction;
        this.rateTolerance = b.rateTolerance;
    }

    /** A builder with defaults: 100 Hz out, gaps above 2.5 periods, order-4 anti-alias at 0.4 × output rate. */
    public static Builder builder() {
        return new Builder();
    }

    /** The output rate in Hz. */
    public double outputRateHz() {
        return outputRateHz;
    }

    /**
     * Resamples one channel.
     *
     * @param timeMicros sample times, µs since the epoch, strictly increasing; Not modified
     * @param values samples in any unit; Not modified
     * @param length number of samples, at least 2
     * @param nominalRateHz the input's nominal rate in Hz
     * @param source a name for the input, used in error messages
     * @return the signal on the regular timeline starting at timeMicros[0]
     * @throws BadSensorDataException for non-finite values, time going backwards, or a rate far from nominal
     */
    public ResampledSignal resample(long[] timeMicros, double[] values, int length, double nominalRateHz,
            String source) throws BadSensorDataException {
        if (length < 2 || length > timeMicros.length || length > values.length) {
            throw new IllegalArgumentException("length must be 2.." + Math.min(timeMicros.length, values.length)
                    + ", got " + length);
        }
        if (!(nominalRateHz > 0) || !Double.isFinite(nominalRateHz)) {
            throw new IllegalArgumentException("nominalRateHz must be positive, got " + nominalRateHz);
        }
        checkInput(timeMicros, values, length, nominalRateHz, source);
        double periodMicros = 1e6 / nominalRateHz;
        double gapMicros = gapFactor * periodMicros;

        double[] work = new double[length];
        System.arraycopy(values, 0, work, 0, length);
        String filterName = "none";
        if (outputRateHz < nominalRateHz) {
            IirDesign design = Butterworth.lowPass(antiAliasOrder, antiAliasFraction * outputRateHz, nominalRateHz);
            filterName = design.describe() + ", zero-phase";
            int segmentStart = 0;
            for (int i = 1; i <= length; i++) {
                if (i == length || timeMicros[i] - timeMicros[i - 1] > gapMicros) {
                    filterSegment(design, work, segmentStart, i);
                    segmentStart = i;
                }
            }
        }

        long start = timeMicros[0];
        int count = (int) Math.floor((timeMicros[length - 1] - start) * outputRateHz / 1e6) + 1;
        double[] out = new double[count];
        boolean[] gap = new boolean[count];
        int i = 0;
        for (int k = 0; k < count; k++) {
            double t = start + k * 1e6 / outputRateHz;
            while (i < length - 2 && timeMicros[i + 1] <= t) {
                i++;
            }
            long t0 = timeMicros[i];
            long t1 = timeMicros[i + 1];
            if (t < t0 || t > t1 || t1 - t0 > gapMicros) {
                out[k] = Double.NaN;
                gap[k] = true;
            } else {
                double u = (t - t0) / (double) (t1 - t0);
                out[k] = work[i] + u * (work[i + 1] - work[i]);
            }
        }
        return new ResampledSignal(start, outputRateHz, out, gap, filterName);
    }

    private static void filterSegment(IirDesign design, double[] work, int from, int to) {
        int n = to - from;
        if (n < 2) {
            return;
        }
        double[] seg = new double[n];
        System.arraycopy(work, from, seg, 0, n);
        ZeroPhase.filter(design, seg, seg, n);
        System.arraycopy(seg, 0, work, from, n);
    }

    private void checkInput(long[] t, double[] v, int n, double nominalRateHz, String source)
            throws BadSensorDataException {
        long[] intervals = new long[n - 1];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(v[i])) {
                throw new BadSensorDataException(source + ": sample " + i + " is not finite (" + v[i] + ")");
            }
            if (i > 0) {
                if (t[i] <= t[i - 1]) {
                    throw new BadSensorDataException(source + ": time stamp of sample " + i + " (" + t[i]
                            + " µs) does not increase over sample " + (i - 1) + " (" + t[i - 1] + " µs)");
                }
                intervals[i - 1] = t[i] - t[i - 1];
            }
        }
        java.util.Arrays.sort(intervals);
        double median = intervals[intervals.length / 2];
        double nominal = 1e6 / nominalRateHz;
        if (Math.abs(median - nominal) > rateTolerance * nominal) {
            throw new BadSensorDataException(source + ": median sample interval " + median
                    + " µs is more than " + rateTolerance * 100 + " % from the nominal " + nominal + " µs ("
                    + nominalRateHz + " Hz)");
        }
    }

    /** Configuration of a {@link Resampler}. */
    public static final class Builder {
        private double outputRateHz = 100;
        private double gapFactor = 2.5;
        private int antiAliasOrder = 4;
        private double antiAliasFraction = 0.4;
        private double rateTolerance = 0.2;

        private Builder() {
        }

        /** Output rate in Hz, positive (default 100). */
        public Builder outputRateHz(double hz) {
            if (!(hz > 0) || !Double.isFinite(hz)) {
                throw new IllegalArgumentException("outputRateHz must be positive, got " + hz);
            }
            this.outputRateHz = hz;
            return this;
        }

        /** An input interval longer than this many nominal periods is a gap; 1.5 to 100 (default 2.5). */
        public Builder gapFactor(double periods) {
            if (!(periods >= 1.5 && periods <= 100)) {
                throw new IllegalArgumentException("gapFactor must be 1.5..100, got " + periods);
            }
            this.gapFactor = periods;
            return this;
        }

        /** Anti-alias Butterworth order, 1 to 12 (default 4). */
        public Builder antiAliasOrder(int order) {
            if (order < 1 || order > Butterworth.MAX_ORDER) {
                throw new IllegalArgumentException("antiAliasOrder must be 1.." + Butterworth.MAX_ORDER + ", got "
                        + order);
            }
            this.antiAliasOrder = order;
            return this;
        }

        /** Anti-alias cut-off as a fraction of the output rate, 0.05 to 0.49 (default 0.4). */
        public Builder antiAliasFraction(double fraction) {
            if (!(fraction >= 0.05 && fraction <= 0.49)) {
                throw new IllegalArgumentException("antiAliasFraction must be 0.05..0.49, got " + fraction);
            }
            this.antiAliasFraction = fraction;
            return this;
        }

        /** Largest accepted relative difference between the median and nominal interval, 0.01..0.9 (default 0.2). */
        public Builder rateTolerance(double fraction) {
            if (!(fraction >= 0.01 && fraction <= 0.9)) {
                throw new IllegalArgumentException("rateTolerance must be 0.01..0.9, got " + fraction);
            }
            this.rateTolerance = fraction;
            return this;
        }

        /** The resampler. */
        public Resampler build() {
            return new Resampler(this);
        }
    }
}
