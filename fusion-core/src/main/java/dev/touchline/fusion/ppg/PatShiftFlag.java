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
    private final int windowBeats;
    private final int baselineBeats;
    private final double minShift;
    private final double maxShift;
    private final double[] history; // ring of the last baselineBeats + windowBeats valid PATs
    private final double[] scratch;
    private long count;

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
        if (Double.isNaN(patMillis)) {
            return false;
        }
        history[(int) (count % history.length)] = patMillis;
        count++;
        if (count < history.length) {
            return false;
        }
        double shift = Math.abs(recentLevel() - baseline());
        return shift >= minShift && shift <= maxShift;
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
