package dev.touchline.fusion.ppg;

import java.util.Arrays;

/**
 * The seed's arterial-stiffness flag on pulse arrival times, beat by beat: the recent level (median of the last
 * {@code windowBeats} valid PATs) is compared with a rolling baseline (median of the {@code baselineBeats} valid
 * PATs before them); a beat is flagged when |level − baseline| lies in [{@code minShiftMillis},
 * {@code maxShiftMillis}] (the seed: 5–7 ms). Shifts beyond the maximum are not flagged: they are exercise (PAT
 * falls about 0.2 ms per bpm) or a fiducial error, not the small shift the rule looks for. NaN PATs (beats the PPG
 * did not cover) are skipped and never flagged. Medians make one mistimed beat harmless. Streaming, no allocation
 * per beat. Not thread-safe.
 */
public final class PatShiftFlag {
    private static final double RR_SPREAD_FLOOR = 20;
    private final int windowBeats;
    private final int baselineBeats;
    private final double minShift;
    private final double maxShift;
    private final double[] history; // ring of the last baselineBeats + windowBeats valid PATs
    private final double[] rrHistory; // their RR intervals, ms (NaN when not given)
    private final double[] scratch;
    private long count;
    private double slope;
    private double intercept;

    /**
     * A flag.
     *
     * @param windowBeats beats in the recent level, 1..50 (default choice 5)
     * @param baselineBeats beats in the baseline, 5..500 (default choice 30)
     * @param minShiftMillis smallest flagged shift, ms, 0..100
     * @param maxShiftMillis largest flagged shift, ms, at least minShiftMillis, up to 200
     */
    public PatShiftFlag(int windowBeats, int baselineBeats, double minShiftMillis, double maxShiftMillis) {
        if (windowBeats < 1 || windowBeats > 50 || baselineBeats < 5 || baselineBeats > 500) {
            throw new IllegalArgumentException("windowBeats must be 1..50 and baselineBeats 5..500, got "
                    + windowBeats + " and " + baselineBeats);
        }
        if (!(minShiftMillis >= 0 && minShiftMillis <= 100 && maxShiftMillis >= minShiftMillis
                && maxShiftMillis <= 200)) {
            throw new IllegalArgumentException("need 0 <= minShiftMillis <= maxShiftMillis <= 200 (min <= 100), got "
                    + minShiftMillis + " and " + maxShiftMillis);
        }
        this.windowBeats = windowBeats;
        this.baselineBeats = baselineBeats;
        this.minShift = minShiftMillis;
        this.maxShift = maxShiftMillis;
        this.history = new double[windowBeats + baselineBeats];
        this.rrHistory = new double[windowBeats + baselineBeats];
        this.scratch = new double[Math.max(windowBeats, baselineBeats)];
    }

    /** The seed's rule: a 5–7 ms shift of the last 5 beats against the 30 before them. */
    public static PatShiftFlag seed() {
        return new PatShiftFlag(5, 30, 5, 7);
    }

    /**
     * Adds one beat's PAT and says whether it is flagged.
     *
     * @param patMillis the beat's PAT, ms, or NaN when it could not be measured
     * @return true when the recent level has shifted by the flagged amount against the baseline (never before a
     *         full baseline and window have been seen, never for a NaN beat)
     */
    public boolean accept(double patMillis) {
        return accept(patMillis, Double.NaN);
    }

    /**
     * Adds one beat's PAT with its RR interval and says whether it is flagged, compensated for heart rate: PAT
     * follows the heart rate (shorter RR, shorter PAT), so a PAT change that the RR change explains is not a
     * stiffness shift. Over the baseline beats PAT is regressed on RR ({@code PAT = a + b·RR}, least squares with
     * the RR spread floored at {@code 20 ms} RMS so that a steady rhythm cannot produce a wild slope); the flag then
     * compares the median residual of the recent window with that of the baseline. When any beat in the history
     * lacks its RR the uncompensated rule of {@link #accept(double)} applies.
     *
     * @param patMillis the beat's PAT, ms, or NaN when it could not be measured
     * @param rrMillis the RR interval ending at this beat's R peak, ms, or NaN when unknown
     * @return true when the heart-rate-compensated level has shifted by the flagged amount against the baseline
     */
    public boolean accept(double patMillis, double rrMillis) {
        if (Double.isNaN(patMillis)) {
            return false;
        }
        int k = (int) (count % history.length);
        history[k] = patMillis;
        rrHistory[k] = rrMillis;
        count++;
        if (count < history.length) {
            return false;
        }
        double shift = compensable() ? Math.abs(residualLevel(count - windowBeats, windowBeats)
                - residualLevel(count - history.length, baselineBeats)) : Math.abs(recentLevel() - baseline());
        return shift >= minShift && shift <= maxShift;
    }

    /** The PAT change per ms of RR fitted over the last baseline, ms/ms (NaN before a compensated beat). */
    public double heartRateSlope() {
        return count >= history.length && compensable() ? slope : Double.NaN;
    }

    private boolean compensable() {
        for (double rr : rrHistory) {
            if (Double.isNaN(rr)) {
                return false;
            }
        }
        fit();
        return true;
    }

    /** Least squares PAT on RR over the baseline beats, with the RR variance floored at (20 ms)². */
    private void fit() {
        long from = count - history.length;
        double mr = 0;
        double mp = 0;
        for (int i = 0; i < baselineBeats; i++) {
            int k = (int) ((from + i) % history.length);
            mr += rrHistory[k];
            mp += history[k];
        }
        mr /= baselineBeats;
        mp /= baselineBeats;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < baselineBeats; i++) {
            int k = (int) ((from + i) % history.length);
            double dr = rrHistory[k] - mr;
            sxx += dr * dr;
            sxy += dr * (history[k] - mp);
        }
        slope = sxy / Math.max(sxx, baselineBeats * RR_SPREAD_FLOOR * RR_SPREAD_FLOOR);
        intercept = mp - slope * mr;
    }

    private double residualLevel(long from, int n) {
        for (int i = 0; i < n; i++) {
            int k = (int) ((from + i) % history.length);
            scratch[i] = history[k] - (intercept + slope * rrHistory[k]);
        }
        Arrays.sort(scratch, 0, n);
        return n % 2 == 1 ? scratch[n / 2] : 0.5 * (scratch[n / 2 - 1] + scratch[n / 2]);
    }

    /** Median of the last windowBeats valid PATs, ms (NaN before enough beats). */
    public double recentLevel() {
        if (count < windowBeats) {
            return Double.NaN;
        }
        return median(count - windowBeats, windowBeats);
    }

    /** Median of the baselineBeats valid PATs before the recent window, ms (NaN before enough beats). */
    public double baseline() {
        if (count < history.length) {
            return Double.NaN;
        }
        return median(count - history.length, baselineBeats);
    }

    private double median(long from, int n) {
        for (int i = 0; i < n; i++) {
            scratch[i] = history[(int) ((from + i) % history.length)];
        }
        Arrays.sort(scratch, 0, n);
        return n % 2 == 1 ? scratch[n / 2] : 0.5 * (scratch[n / 2 - 1] + scratch[n / 2]);
    }
}
