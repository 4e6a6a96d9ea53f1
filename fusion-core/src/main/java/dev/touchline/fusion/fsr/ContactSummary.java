package dev.touchline.fusion.fsr;

/**
 * Per-foot totals of a stream of contacts and the left/right symmetry indices built on them. Steps only: contacts
 * flagged {@link FsrContact#stance() stance} or {@link FsrContact#truncated() truncated} are counted apart and
 * left out of the means, since their times and forces are not those of a step.
 *
 * <p>The symmetry index is Robinson's: 100 × (L − R) / ((L + R) / 2), in %; 0 is symmetric and a positive value
 * means the left foot's figure is larger. Use it as the listener of a {@link FootContactDetector}, or feed it
 * contacts directly. Not thread-safe.
 */
public final class ContactSummary implements FsrContactListener {
    private final long[] steps = new long[2];
    private final long[] stance = new long[2];
    private final long[] truncated = new long[2];
    private final double[] durationMicros = new double[2];
    private final double[] peak = new double[2];
    private final double[] impulse = new double[2];
    private final double[] loadingRate = new double[2];
    private final long[] loadingRateCount = new long[2];
    private final long[][] strikes = new long[2][Strike.values().length];

    /** An empty summary. */
    public ContactSummary() {
        // nothing seen yet
    }

    @Override
    public void onContact(FsrContact c) {
        int f = c.left() ? 0 : 1;
        if (c.stance()) {
            stance[f]++;
            return;
        }
        if (c.truncated()) {
            truncated[f]++;
            return;
        }
        steps[f]++;
        durationMicros[f] += c.durationMicros();
        peak[f] += c.peakNewtons();
        impulse[f] += c.impulseNewtonSeconds();
        if (!Double.isNaN(c.loadingRateNewtonsPerSecond())) {
            loadingRate[f] += c.loadingRateNewtonsPerSecond();
            loadingRateCount[f]++;
        }
        strikes[f][c.strike().ordinal()]++;
    }

    /** Steps of one foot (neither stance nor truncated). */
    public long steps(boolean left) {
        return steps[left ? 0 : 1];
    }

    /** Stance periods of one foot. */
    public long stancePeriods(boolean left) {
        return stance[left ? 0 : 1];
    }

    /** Truncated contacts of one foot. */
    public long truncatedContacts(boolean left) {
        return truncated[left ? 0 : 1];
    }

    /** Mean contact time of one foot's steps, ms; NaN without steps. */
    public double meanContactMillis(boolean left) {
        int f = left ? 0 : 1;
        return durationMicros[f] / 1e3 / steps[f];
    }

    /** Mean peak vertical force of one foot's steps, N; NaN without steps. */
    public double meanPeakNewtons(boolean left) {
        int f = left ? 0 : 1;
        return peak[f] / steps[f];
    }

    /** Mean impulse of one foot's steps, N·s; NaN without steps. */
    public double meanImpulseNewtonSeconds(boolean left) {
        int f = left ? 0 : 1;
        return impulse[f] / steps[f];
    }

    /** Mean loading rate of one foot's steps that have one, N/s; NaN without any. */
    public double meanLoadingRateNewtonsPerSecond(boolean left) {
        int f = left ? 0 : 1;
        return loadingRate[f] / loadingRateCount[f];
    }

    /** Share of one foot's steps with a strike pattern, 0..1; NaN without steps. */
    public double strikeShare(boolean left, Strike strike) {
        int f = left ? 0 : 1;
        return (double) strikes[f][strike.ordinal()] / steps[f];
    }

    /** Symmetry index of the mean peak force, %. */
    public double peakForceSymmetryPercent() {
        return symmetryPercent(meanPeakNewtons(true), meanPeakNewtons(false));
    }

    /** Symmetry index of the mean impulse, %. */
    public double impulseSymmetryPercent() {
        return symmetryPercent(meanImpulseNewtonSeconds(true), meanImpulseNewtonSeconds(false));
    }

    /** Symmetry index of the mean contact time, %. */
    public double contactTimeSymmetryPercent() {
        return symmetryPercent(meanContactMillis(true), meanContactMillis(false));
    }

    /**
     * Rearfoot-strike asymmetry: left share of rearfoot strikes minus the right share, in percentage points
     * (a difference of shares rather than a ratio, which explodes when one foot seldom strikes on the heel).
     */
    public double rearfootShareDifferencePoints() {
        return 100 * (strikeShare(true, Strike.REARFOOT) - strikeShare(false, Strike.REARFOOT));
    }

    /** Robinson's symmetry index 100 × (L − R) / ((L + R) / 2), %; NaN when either is NaN or both are 0. */
    public static double symmetryPercent(double left, double right) {
        double mean = 0.5 * (left + right);
        return mean == 0 ? Double.NaN : 100 * (left - right) / mean;
    }
}
