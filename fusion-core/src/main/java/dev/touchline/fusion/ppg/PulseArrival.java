package dev.touchline.fusion.ppg;

import dev.touchline.fusion.BadSensorDataException;
import dev.touchline.fusion.filter.Butterworth;
import dev.touchline.fusion.filter.IirDesign;
import dev.touchline.fusion.filter.ZeroPhase;

/**
 * Pulse arrival time (PAT) per beat: the delay from an ECG R peak to the PPG pulse foot, offline over a block.
 *
 * <p>Method: the PPG is low-passed (zero-phase Butterworth, default order 2 at 15 Hz) within each contiguous
 * segment — an interval longer than 2.5 nominal periods is a gap, as in duty-cycled capture (e.g. 1:4), and no
 * filter or search runs across it. For each R peak the sharpest upward bend (second-derivative maximum) is sought
 * in [R + {@code minPatMillis}, R + {@code maxPatMillis}], the steepest upslope in the 150 ms after it, and the
 * diastolic minimum from 100 ms before the bend; the foot is then given by the chosen {@link Fiducial}. A beat whose search window is not wholly
 * inside one segment gets NaN (flagged, not guessed).
 */
public final class PulseArrival {
    private final double minPatMicros;
    private final double maxPatMicros;
    private final double lowPassHz;

    /**
     * An estimator.
     *
     * @param minPatMillis earliest plausible foot after the R peak, ms, 0..1000
     * @param maxPatMillis latest plausible foot after the R peak, ms, above minPatMillis, up to 1000
     * @param lowPassHz low-pass cut-off before differentiation, Hz, 1..50
     */
    public PulseArrival(double minPatMillis, double maxPatMillis, double lowPassHz) {
        if (!(minPatMillis >= 0 && maxPatMillis > minPatMillis && maxPatMillis <= 1000)) {
            throw new IllegalArgumentException("need 0 <= minPatMillis < maxPatMillis <= 1000, got " + minPatMillis
                    + " and " + maxPatMillis);
        }
        if (!(lowPassHz >= 1 && lowPassHz <= 50)) {
            throw new IllegalArgumentException("lowPassHz must be 1..50, got " + lowPassHz);
        }
        this.minPatMicros = minPatMillis * 1000;
        this.maxPatMicros = maxPatMillis * 1000;
        this.lowPassHz = lowPassHz;
    }

    /**
     * PAT of each beat.
     *
     * @param ppgT PPG sample times, µs, increasing; Not modified
     * @param ppg PPG samples, any unit; Not modified
     * @param n number of PPG samples
     * @param nominalRateHz the PPG's nominal rate, Hz
     * @param rPeaks R-peak times, µs, ascending; Not modified
     * @param beats number of R peaks
     * @param fiducial the foot definition
     * @param patMillis PAT per beat in ms, NaN where the PPG does not cover the search window; Modified
     * @throws BadSensorDataException for non-finite PPG samples or time going backwards
     */
    public void estimate(long[] ppgT, float[] ppg, int n, double nominalRateHz, long[] rPeaks, int beats,
            Fiducial fiducial, double[] patMillis) throws BadSensorDataException {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(ppg[i])) {
                throw new BadSensorDataException("PPG sample " + i + " is not finite (" + ppg[i] + ")");
            }
            if (i > 0 && ppgT[i] <= ppgT[i - 1]) {
                throw new BadSensorDataException("PPG time stamp of sample " + i + " does not increase");
            }
            v[i] = ppg[i];
        }
        long gap = Math.round(2.5e6 / nominalRateHz);
        int[] segment = new int[n]; // segment id per sample
        IirDesign design = Butterworth.lowPass(2, lowPassHz, nominalRateHz);
        int start = 0;
        int id = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || ppgT[i] - ppgT[i - 1] > gap) {
                int len = i - start;
                if (len >= 2) {
                    double[] seg = new double[len];
                    System.arraycopy(v, start, seg, 0, len);
                    ZeroPhase.filter(design, seg, seg, len);
                    System.arraycopy(seg, 0, v, start, len);
                }
                for (int k = start; k < i; k++) {
                    segment[k] = id;
                }
                id++;
                start = i;
            }
        }
        long lookBack = 300_000;
        for (int b = 0; b < beats; b++) {
            patMillis[b] = Double.NaN;
            long from = rPeaks[b] + Math.round(minPatMicros);
            long to = rPeaks[b] + Math.round(maxPatMicros);
            int lo = lower(ppgT, n, from - lookBack);
            int hi = lower(ppgT, n, to);
            if (lo >= n || hi >= n || lo + 2 >= hi || segment[lo] != segment[hi]
                    || ppgT[lo] > from - lookBack + gap || ppgT[hi] - to > gap) {
                continue; // the window is not covered by one segment
            }
            // 1. the sharpest upward bend (second-derivative maximum) in [from, to]: the foot's kink stands out
            //    against smooth motion drift better than the slope does
            int f2 = -1;
            double dMax = Double.NEGATIVE_INFINITY;
            for (int k = Math.max(lo + 1, lower(ppgT, n, from)); k <= hi && k + 1 < n; k++) {
                double dt = (ppgT[k + 1] - ppgT[k - 1]) / 2e6;
                double d2 = (v[k + 1] - 2 * v[k] + v[k - 1]) / (dt * dt);
                if (d2 > dMax) {
                    dMax = d2;
                    f2 = k;
                }
            }
            if (f2 < 0) {
                continue;
            }
            // 2. the steepest upslope in the 150 ms after it
            int kMax = -1;
            double sMax = Double.NEGATIVE_INFINITY;
            for (int k = f2; k + 1 < n && ppgT[k] - ppgT[f2] <= 150_000 && segment[k + 1] == segment[f2]; k++) {
                double sl = (v[k + 1] - v[k - 1]) / ((ppgT[k + 1] - ppgT[k - 1]) / 1e6);
                if (sl > sMax) {
                    sMax = sl;
                    kMax = k;
                }
            }
            if (kMax < 0 || !(sMax > 0)) {
                continue;
            }
            // 3. the diastolic minimum: lowest point from 100 ms before the bend to the steepest upslope
            int m = kMax;
            for (int k = kMax; k >= lo && ppgT[f2] - ppgT[k] <= 100_000; k--) {
                if (v[k] < v[m]) {
                    m = k;
                }
            }
            double footMicros = switch (fiducial) {
                case MAXIMUM_UPSLOPE -> ppgT[kMax];
                case INTERSECTING_TANGENTS -> ppgT[kMax] - (v[kMax] - v[m]) / sMax * 1e6;
                case SECOND_DERIVATIVE_MAXIMUM -> ppgT[f2];
            };
            patMillis[b] = (footMicros - rPeaks[b]) / 1000;
        }
    }

    private static int lower(long[] t, int n, long value) {
        int i = java.util.Arrays.binarySearch(t, 0, n, value);
        return i >= 0 ? i : -i - 1;
    }
}
