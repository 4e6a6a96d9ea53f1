package dev.touchline.fusion.fsr;

import java.util.Arrays;

/** The contact state machine of one foot: OFF → ON → PENDING (waiting out the minimum flight) → OFF or ON. */
final class FootTracker {
    static final int OFF = 0;
    static final int ON = 1;
    static final int PENDING = 2;

    private final FootContactDetector d;
    private final boolean left;

    int phase = OFF;
    long onMicros;
    long offMicros;
    double peak;
    double impulse;
    /** Impulse while PENDING, added if the foot comes back down within the minimum flight. */
    double dipImpulse;
    final double[] region = new double[3];
    boolean truncated;
    /** Previous sample's summed force, N, NaN after a gap or at the start. */
    double prevSum = Double.NaN;
    // The rise up to the first peak, kept to time the 20 % and 80 % levels once the peak is known.
    final long[] riseT;
    final float[] riseF;
    int riseN;
    double riseMax;
    boolean riseDone;
    boolean riseOverflow;
    double loadingRate = Double.NaN;

    FootTracker(FootContactDetector d, boolean left) {
        this.d = d;
        this.left = left;
        this.riseT = new long[d.riseCapacity];
        this.riseF = new float[d.riseCapacity];
    }

    /** One sample: summed force and the three regions (heel, mid, fore), N, already checked. */
    void accept(long prevT, long t, double heel, double mid, double fore) {
        double sum = heel + mid + fore;
        boolean hasPrev = !Double.isNaN(prevSum);
        double dt = hasPrev ? (t - prevT) / 1e6 : 0;
        switch (phase) {
            case OFF -> {
                if (sum > d.onNewtons) {
                    start(prevT, t, sum, hasPrev);
                    accumulate(t, heel, mid, fore, sum);
                }
            }
            case ON -> {
                if (sum < d.offNewtons) {
                    double frac = (prevSum - d.offNewtons) / (prevSum - sum);
                    offMicros = prevT + Math.round(frac * (t - prevT));
                    double fOff = d.offNewtons;
                    impulse += 0.5 * (prevSum + fOff) * (offMicros - prevT) / 1e6;
                    dipImpulse = 0.5 * (fOff + sum) * (t - offMicros) / 1e6;
                    finishRise();
                    phase = PENDING;
                } else {
                    impulse += 0.5 * (prevSum + sum) * dt;
                    accumulate(t, heel, mid, fore, sum);
                }
            }
            default -> { // PENDING
                if (sum > d.onNewtons && t - offMicros < d.minFlightMicros) {
                    impulse += dipImpulse + 0.5 * (prevSum + sum) * dt;
                    dipImpulse = 0;
                    phase = ON;
                    accumulate(t, heel, mid, fore, sum);
                } else if (t - offMicros >= d.minFlightMicros) {
                    emit();
                    if (sum > d.onNewtons) {
                        start(prevT, t, sum, hasPrev);
                        accumulate(t, heel, mid, fore, sum);
                    }
                } else {
                    dipImpulse += 0.5 * (prevSum + sum) * dt;
                }
            }
        }
        prevSum = sum;
    }

    private void start(long prevT, long t, double sum, boolean hasPrev) {
        phase = ON;
        if (hasPrev) {
            double frac = (d.onNewtons - prevSum) / (sum - prevSum);
            onMicros = prevT + Math.round(frac * (t - prevT));
            impulse = 0.5 * (d.onNewtons + sum) * (t - onMicros) / 1e6;
            truncated = false;
            riseT[0] = prevT;
            riseF[0] = (float) prevSum;
            riseN = 1;
        } else {
            onMicros = t; // the stream or a gap starts with the foot loaded: the true onset is unknown
            impulse = 0;
            truncated = true;
            riseN = 0;
        }
        peak = 0;
        dipImpulse = 0;
        Arrays.fill(region, 0);
        riseMax = 0;
        riseDone = false;
        riseOverflow = false;
        loadingRate = Double.NaN;
    }

    private void accumulate(long t, double heel, double mid, double fore, double sum) {
        peak = Math.max(peak, sum);
        if (t - onMicros <= d.strikeWindowMicros) {
            region[0] += heel;
            region[1] += mid;
            region[2] += fore;
        }
        if (!riseDone) {
            if (riseN < riseT.length) {
                riseT[riseN] = t;
                riseF[riseN] = (float) sum;
                riseN++;
            } else {
                riseOverflow = true;
            }
            if (sum > riseMax) {
                riseMax = sum;
            } else if (sum < riseMax * (1 - d.peakDropFraction)) {
                finishRise();
            }
        }
    }

    /** The first peak is known (the force fell clearly below it, or the contact ended): time 20 % and 80 %. */
    private void finishRise() {
        if (riseDone) {
            return;
        }
        riseDone = true;
        if (truncated || riseOverflow || riseN < 2) {
            return;
        }
        double lo = 0.2 * riseMax;
        double hi = 0.8 * riseMax;
        double t20 = crossing(lo);
        double t80 = crossing(hi);
        if (!Double.isNaN(t20) && !Double.isNaN(t80) && t80 > t20) {
            loadingRate = (hi - lo) / ((t80 - t20) / 1e6);
        }
    }

    /** First upward crossing of a level in the rise buffer, µs (interpolated), NaN if the rise starts above it. */
    private double crossing(double level) {
        for (int i = 1; i < riseN; i++) {
            if (riseF[i - 1] < level && riseF[i] >= level) {
                double frac = (level - riseF[i - 1]) / (riseF[i] - riseF[i - 1]);
                return riseT[i - 1] + frac * (riseT[i] - riseT[i - 1]);
            }
        }
        return Double.NaN;
    }

    /** Ends the contact at a gap or at the end of the stream: the last sample is the off time. */
    void cut(long lastT) {
        if (phase == ON) {
            offMicros = lastT;
            truncated = true;
            finishRise();
            phase = PENDING;
        }
        if (phase == PENDING) {
            emit();
        }
        prevSum = Double.NaN;
    }

    private void emit() {
        phase = OFF;
        long duration = offMicros - onMicros;
        if (duration < d.minContactMicros && !truncated) {
            d.rejectedShort++;
            return;
        }
        Strike strike = region[0] >= region[1] && region[0] >= region[2] ? Strike.REARFOOT
                : region[1] >= region[2] ? Strike.MIDFOOT : Strike.FOREFOOT;
        d.listener.onContact(new FsrContact(left, onMicros, offMicros, peak, impulse, loadingRate, strike,
                duration > d.maxStepMicros, truncated));
    }

    FootContactDetector.FootState snapshot() {
        return new FootContactDetector.FootState(phase, onMicros, offMicros, peak, impulse, dipImpulse,
                region.clone(), truncated, prevSum, Arrays.copyOf(riseT, riseN), Arrays.copyOf(riseF, riseN),
                riseMax, riseDone, riseOverflow, loadingRate);
    }

    void restore(FootContactDetector.FootState s) {
        if (s.riseMicros().length > riseT.length || s.riseNewtons().length != s.riseMicros().length
                || s.region().length != 3) {
            throw new IllegalArgumentException("snapshot rise buffer of " + s.riseMicros().length
                    + " samples does not fit this detector's capacity " + riseT.length);
        }
        phase = s.phase();
        onMicros = s.onMicros();
        offMicros = s.offMicros();
        peak = s.peakNewtons();
        impulse = s.impulseNewtonSeconds();
        dipImpulse = s.dipImpulseNewtonSeconds();
        System.arraycopy(s.region(), 0, region, 0, 3);
        truncated = s.truncated();
        prevSum = s.previousSumNewtons();
        riseN = s.riseMicros().length;
        System.arraycopy(s.riseMicros(), 0, riseT, 0, riseN);
        System.arraycopy(s.riseNewtons(), 0, riseF, 0, riseN);
        riseMax = s.riseMaxNewtons();
        riseDone = s.riseDone();
        riseOverflow = s.riseOverflow();
        loadingRate = s.loadingRateNewtonsPerSecond();
    }
}
