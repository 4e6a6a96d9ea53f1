package dev.touchline.fusion.ecg;

import dev.touchline.fusion.filter.BiquadCascade;
import dev.touchline.fusion.filter.Butterworth;
import dev.touchline.fusion.filter.IirDesign;

/**
 * A streaming QRS detector of the Pan–Tompkins family (J. Pan, W. J. Tompkins, IEEE TBME 1985), at any sampling
 * rate: band-pass 5–15 Hz (Butterworth, causal), five-point derivative, squaring, 150 ms moving-window integration;
 * peaks of the integrated signal are classified against adaptive signal/noise levels
 * ({@code THR1 = NPK + 0.25 (SPK − NPK)}, {@code THR2 = THR1 / 2}), with
 * <ul>
 *   <li>a 200 ms refractory period;</li>
 *   <li>T-wave discrimination: a candidate within 360 ms of the previous beat whose steepest slope is below half of
 *       the larger of that beat's and the running QRS slope level is a T wave; so is one that also comes earlier
 *       than 0.6 × the mean RR interval with a slope below 0.9 × the QRS level (sharp T waves pass the half-slope
 *       rule: lead II of v102s over-detected by 20 % without this; a premature beat with a much lower slope, such
 *       as an aberrant one, can be lost to it);</li>
 *   <li>search-back: when no beat has come for 1.66 × the mean RR interval, the largest peak since the last beat
 *       above THR2 is taken as the missed beat;</li>
 *   <li>a two-second learning phase whose peaks are kept and classified once the levels are set, so the first
 *       beats are not lost.</li>
 * </ul>
 * The R peak is placed at the largest absolute deflection of the high-passed (0.5 Hz) ECG in the window that ends
 * at the integrated peak and spans the integration window plus the band-pass delay. Beats are reported to a
 * {@link QrsListener} with a delay of about 0.4 s (the time needed to know a peak is over). Memory is a fixed ring
 * of 2.5 s; {@link #accept(double)} allocates nothing.
 */
public final class QrsDetector {
    private final double fs;
    private final BiquadCascade bandPass;
    private final BiquadCascade highPass;
    private final QrsListener listener;
    private final int ring;
    private final double[] hp; // high-passed ECG, for R placement
    private final double[] slope; // |derivative|, for T-wave discrimination
    private final double[] mwi;
    private final double[] bpHistory = new double[5];
    private final int window;
    private double windowSum;
    private final int refractory;
    private final int tWaveSpan;
    private final int rSearch;
    private final int learning;
    private final int peakSettle;

    private long n; // samples seen
    private double candidate = -1;
    private long candidateAt = -1;
    private boolean rising;

    private double spk;
    private double npk;
    private boolean learned;
    private double learnMax;
    private double learnSum;
    private final double[] learnPeaks = new double[64];
    private final long[] learnPeakAt = new long[64];
    private int learnCount;

    private long lastBeat = -1;
    private double lastBeatSlope;
    private double slopeLevel; // running mean of the accepted beats' steepest slopes
    private static final double T_SLOPE_RATIO = 0.5;
    private static final double EARLY_RR = 0.6;
    private static final double EARLY_SLOPE_RATIO = 0.9;
    private final long[] rr = new long[8];
    private int rrCount;
    private double backCandidate;
    private long backCandidateAt = -1;

    /**
     * A detector.
     *
     * @param samplingFrequencyHz ECG sampling rate, Hz, 100..10000
     * @param listener receives the beats
     */
    public QrsDetector(double samplingFrequencyHz, QrsListener listener) {
        if (!(samplingFrequencyHz >= 100 && samplingFrequencyHz <= 10_000)) {
            throw new IllegalArgumentException("samplingFrequencyHz must be 100..10000, got " + samplingFrequencyHz);
        }
        this.fs = samplingFrequencyHz;
        this.listener = java.util.Objects.requireNonNull(listener, "listener");
        IirDesign bp = Butterworth.bandPass(2, 5, 15, fs);
        this.bandPass = new BiquadCascade(bp);
        this.highPass = new BiquadCascade(Butterworth.highPass(1, 0.5, fs));
        this.ring = (int) Math.ceil(2.5 * fs);
        this.hp = new double[ring];
        this.slope = new double[ring];
        this.mwi = new double[ring];
        this.window = Math.max(1, (int) Math.round(0.15 * fs));
        this.refractory = (int) Math.round(0.2 * fs);
        this.tWaveSpan = (int) Math.round(0.36 * fs);
        this.rSearch = window + (int) Math.round(0.08 * fs);
        this.learning = (int) Math.round(2 * fs);
        this.peakSettle = (int) Math.round(0.2 * fs);
    }

    /** Feeds one ECG sample (any unit; the detector adapts to the amplitude). */
    public void accept(double ecg) {
        int i = (int) (n % ring);
        hp[i] = highPass.process(ecg);
        double b = bandPass.process(ecg);
        // five-point derivative: (2x[n] + x[n−1] − x[n−3] − 2x[n−4]) / 8, scaled to per second
        for (int k = 4; k > 0; k--) {
            bpHistory[k] = bpHistory[k - 1];
        }
        bpHistory[0] = b;
        double d = (2 * bpHistory[0] + bpHistory[1] - bpHistory[3] - 2 * bpHistory[4]) * fs / 8;
        slope[i] = Math.abs(d);
        double sq = d * d;
        int old = (int) ((n - window + ring) % ring);
        windowSum += sq - (n >= window ? squared(old) : 0);
        mwi[i] = windowSum / window;
        // peak picking on the integrated signal
        if (n > 0) {
            double prev = mwi[(int) ((n - 1) % ring)];
            if (mwi[i] > prev) {
                rising = true;
                if (mwi[i] > candidate) {
                    candidate = mwi[i];
                    candidateAt = n;
                }
            }
        }
        if (rising && candidateAt >= 0 && n - candidateAt >= peakSettle) {
            peak(candidate, candidateAt);
            candidate = -1;
            candidateAt = -1;
            rising = false;
        }
        if (!learned) {
            learnMax = Math.max(learnMax, mwi[i]);
            learnSum += mwi[i];
            if (n + 1 >= learning) {
                finishLearning();
            }
        } else {
            searchBack();
        }
        n++;
    }

    private double squared(int index) {
        // the derivative is not stored; recompute its square from the stored |slope|
        return slope[index] * slope[index];
    }

    private void finishLearning() {
        learned = true;
        spk = 0.25 * learnMax; // Pan–Tompkins start at a fraction of the learning-phase maximum
        npk = 0.5 * learnSum / learning;
        for (int k = 0; k < learnCount; k++) {
            classify(learnPeaks[k], learnPeakAt[k]);
        }
        learnCount = 0;
    }

    private void peak(double value, long at) {
        if (!learned) {
            if (learnCount < learnPeaks.length) {
                learnPeaks[learnCount] = value;
                learnPeakAt[learnCount++] = at;
            }
            return;
        }
        classify(value, at);
    }

    private double threshold1() {
        return npk + 0.25 * (spk - npk);
    }

    private void classify(double value, long at) {
        if (lastBeat >= 0 && at - lastBeat < refractory) {
            return;
        }
        double s = maxSlope(at);
        boolean tWave = lastBeat >= 0 && at - lastBeat < tWaveSpan && s < T_SLOPE_RATIO * slopeReference();
        // an early candidate (well inside the usual RR) needs a QRS-like slope: a T wave that is sharp enough to
        // pass the half-slope rule still falls short of the recent QRS complexes here
        if (!tWave && lastBeat >= 0 && at - lastBeat < tWaveSpan && rrCount >= 4
                && at - lastBeat < EARLY_RR * meanRr() && s < EARLY_SLOPE_RATIO * slopeLevel) {
            tWave = true;
        }
        if (value > threshold1() && !tWave) {
            spk = 0.125 * value + 0.875 * spk;
            beat(at, s, false);
        } else {
            npk = 0.125 * value + 0.875 * npk;
            if (!tWave && value > 0.5 * threshold1() && value > backCandidate) {
                backCandidate = value;
                backCandidateAt = at;
            }
        }
    }

    /** The slope a T wave is compared with: the larger of the last beat's and the running QRS slope level. */
    private double slopeReference() {
        return Math.max(lastBeatSlope, slopeLevel);
    }

    private double meanRr() {
        double meanRr = 0;
        int c = Math.min(rrCount, rr.length);
        for (int k = 0; k < c; k++) {
            meanRr += rr[k];
        }
        return meanRr / c;
    }

    private void searchBack() {
        if (lastBeat < 0 || rrCount == 0 || backCandidateAt < 0) {
            return;
        }
        double meanRr = 0;
        int c = Math.min(rrCount, rr.length);
        for (int k = 0; k < c; k++) {
            meanRr += rr[k];
        }
        meanRr /= c;
        if (n - lastBeat > 1.66 * meanRr) {
            spk = 0.25 * backCandidate + 0.75 * spk;
            beat(backCandidateAt, maxSlope(backCandidateAt), true);
        }
    }

    private void beat(long at, double s, boolean searchBack) {
        if (lastBeat >= 0) {
            rr[rrCount % rr.length] = at - lastBeat;
            rrCount++;
        }
        lastBeat = at;
        lastBeatSlope = s;
        slopeLevel = slopeLevel == 0 ? s : 0.125 * s + 0.875 * slopeLevel;
        backCandidate = 0;
        backCandidateAt = -1;
        listener.onBeat(rPeak(at), searchBack);
    }

    private double maxSlope(long at) {
        double m = 0;
        for (long k = Math.max(0, at - rSearch); k <= at; k++) {
            if (n - k < ring) {
                m = Math.max(m, slope[(int) (k % ring)]);
            }
        }
        return m;
    }

    private long rPeak(long at) {
        long best = at;
        double m = -1;
        for (long k = Math.max(0, at - rSearch); k <= at; k++) {
            if (n - k < ring) {
                double v = Math.abs(hp[(int) (k % ring)]);
                if (v > m) {
                    m = v;
                    best = k;
                }
            }
        }
        return best;
    }

    /**
     * Ends the stream: classifies a peak still waiting for its 200 ms of decay (and finishes the learning phase
     * of a stream shorter than two seconds), so the last beat is reported.
     */
    public void flush() {
        if (!learned && n > 0) {
            finishLearning();
        }
        if (candidateAt >= 0) {
            peak(candidate, candidateAt);
            candidate = -1;
            candidateAt = -1;
            rising = false;
        }
    }

    /** Samples fed so far. */
    public long samples() {
        return n;
    }
}
