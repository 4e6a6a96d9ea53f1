package dev.touchline.calibration;

import java.util.Arrays;

/**
 * Ground error of landmarks that were left out of the fit: each held-out landmark's pixel is projected onto the
 * horizontal plane at its surveyed height and compared with its surveyed pitch position. This, not the fit RMS in
 * pixels, is the figure that shows overfitting.
 *
 * @param errorsM  one distance per landmark, in the input order, metres
 * @param folds    number of folds used
 */
public record HeldOutError(double[] errorsM, int folds) {
    /** Copies the array. */
    public HeldOutError {
        errorsM = errorsM.clone();
    }

    /** Returns a copy. */
    @Override
    public double[] errorsM() {
        return errorsM.clone();
    }

    /** Median error, metres (NaN values, from pixels that missed the plane, sort last). */
    public double medianM() {
        return quantile(0.5);
    }

    /** Mean error, metres. */
    public double meanM() {
        double s = 0;
        for (double e : errorsM) {
            s += e;
        }
        return s / errorsM.length;
    }

    /** Largest error, metres. */
    public double maxM() {
        double m = 0;
        for (double e : errorsM) {
            m = Double.isNaN(e) ? e : Math.max(m, e);
        }
        return m;
    }

    /** Quantile with linear interpolation, q in [0, 1]. */
    public double quantile(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("q must be in [0, 1], got " + q);
        }
        double[] s = errorsM.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeldOutError other && folds == other.folds && Arrays.equals(errorsM, other.errorsM);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(errorsM) + folds;
    }

    @Override
    public String toString() {
        return "HeldOutError[median " + medianM() + " m, mean " + meanM() + " m, max " + maxM() + " m, "
                + errorsM.length + " landmarks, " + folds + " folds]";
    }
}
