package dev.touchline.fusion.ppg;

import dev.touchline.fusion.BadSensorDataException;
import dev.touchline.fusion.filter.Butterworth;
import dev.touchline.fusion.filter.IirDesign;
import dev.touchline.fusion.filter.ZeroPhase;

/**
 * PPG pulses without an ECG: the steepest point of each upstroke. The PPG is low-passed (zero-phase Butterworth,
 * order 2 at 8 Hz) per contiguous segment (gaps as in {@link PulseArrival}); a pulse is a local maximum of the slope
 * that exceeds 40 % of the median of the largest slopes in the surrounding 10 s and lies at least
 * {@code refractorySeconds} after the previous pulse (a larger slope inside the refractory time replaces it).
 */
public final class PulseDetector {
    private final double refractorySeconds;

    /**
     * A detector.
     *
     * @param refractorySeconds shortest time between pulses, s, 0.2..2 (0.25 s allows 240 bpm)
     */
    public PulseDetector(double refractorySeconds) {
        if (!(refractorySeconds >= 0.2 && refractorySeconds <= 2)) {
            throw new IllegalArgumentException("refractorySeconds must be 0.2..2, got " + refractorySeconds);
        }
        this.refractorySeconds = refractorySeconds;
    }

    /**
     * Pulse times.
     *
     * @param t PPG times, µs, increasing; Not modified
     * @param ppg PPG samples; Not modified
     * @param n number of samples
     * @param nominalRateHz nominal PPG rate, Hz, above 20
     * @param out pulse times (maximum upslope), µs; Modified (the first entries)
     * @return number of pulses written
     * @throws BadSensorDataException for non-finite samples or time going backwards
     */
    public int detect(long[] t, float[] ppg, int n, double nominalRateHz, long[] out) throws BadSensorDataException {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(ppg[i])) {
                throw new BadSensorDataException("PPG sample " + i + " is not finite (" + ppg[i] + ")");
            }
            if (i > 0 && t[i] <= t[i - 1]) {
                throw new BadSensorDataException("PPG time stamp of sample " + i + " does not increase");
            }
            v[i] = ppg[i];
        }
        long gap = Math.round(2.5e6 / nominalRateHz);
        IirDesign design = Butterworth.lowPass(2, 8, nominalRateHz);
        double[] slope = new double[n];
        int start = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || t[i] - t[i - 1] > gap) {
                int len = i - start;
                if (len >= 3) {
                    double[] seg = new double[len];
                    System.arraycopy(v, start, seg, 0, len);
                    ZeroPhase.filter(design, seg, seg, len);
                    for (int k = 1; k < len - 1; k++) {
                        slope[start + k] = (seg[k + 1] - seg[k - 1]) / ((t[start + k + 1] - t[start + k - 1]) / 1e6);
                    }
                }
                start = i;
            }
        }
        // local level: median of per-second slope maxima over ±5 s
        long first = t[0];
        int seconds = (int) ((t[n - 1] - first) / 1_000_000L) + 1;
        double[] perSecond = new double[seconds];
        for (int i = 0; i < n; i++) {
            int s = (int) ((t[i] - first) / 1_000_000L);
            perSecond[s] = Math.max(perSecond[s], slope[i]);
        }
        double[] level = new double[seconds];
        for (int s = 0; s < seconds; s++) {
            int a = Math.max(0, s - 5);
            int b = Math.min(seconds, s + 6);
            double[] w = java.util.Arrays.copyOfRange(perSecond, a, b);
            java.util.Arrays.sort(w);
            level[s] = w[w.length / 2];
        }
        long refractory = Math.round(refractorySeconds * 1e6);
        int count = 0;
        double lastSlope = 0;
        for (int i = 1; i < n - 1; i++) {
            double s = slope[i];
            if (!(s > slope[i - 1] && s >= slope[i + 1]) || s < 0.4 * level[(int) ((t[i] - first) / 1_000_000L)]) {
                continue;
            }
            if (count > 0 && t[i] - out[count - 1] < refractory) {
                if (s > lastSlope) { // a steeper upstroke within the refractory time replaces the last pulse
                    out[count - 1] = t[i];
                    lastSlope = s;
                }
                continue;
            }
            if (count < out.length) {
                out[count++] = t[i];
                lastSlope = s;
            }
        }
        return count;
    }
}
