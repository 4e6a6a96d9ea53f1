package dev.touchline.fusion.ecg;

/**
 * Beat-by-beat comparison of detected beats with reference beats, as in ANSI/AAMI EC57: a detection within the
 * tolerance (150 ms) of a reference beat matches it (each beat matches at most once, nearest first in time order);
 * sensitivity {@code Se = TP / (TP + FN)}, positive predictivity {@code +P = TP / (TP + FP)}.
 *
 * @param truePositives matched beats
 * @param falseNegatives reference beats without a detection
 * @param falsePositives detections without a reference beat
 * @param meanErrorSamples mean (detection − reference) over matched beats, samples
 */
public record BeatComparison(int truePositives, int falseNegatives, int falsePositives, double meanErrorSamples) {

    /**
     * Compares two sorted lists of sample indices.
     *
     * @param reference reference beat samples, ascending; Not modified
     * @param referenceCount how many reference entries to use
     * @param detected detected beat samples, ascending; Not modified
     * @param detectedCount how many detected entries to use
     * @param toleranceSamples largest |detection − reference| that matches, samples
     */
    public static BeatComparison compare(long[] reference, int referenceCount, long[] detected, int detectedCount,
            long toleranceSamples) {
        int i = 0;
        int j = 0;
        int tp = 0;
        double err = 0;
        while (i < referenceCount && j < detectedCount) {
            long d = detected[j] - reference[i];
            if (Math.abs(d) <= toleranceSamples) {
                // take the nearer of this and the next detection for this reference beat
                if (j + 1 < detectedCount && Math.abs(detected[j + 1] - reference[i]) < Math.abs(d)) {
                    j++;
                    continue;
                }
                tp++;
                err += d;
                i++;
                j++;
            } else if (d < 0) {
                j++;
            } else {
                i++;
            }
        }
        return new BeatComparison(tp, referenceCount - tp, detectedCount - tp, tp == 0 ? 0 : err / tp);
    }

    /** Sensitivity, 0..1. */
    public double sensitivity() {
        return truePositives + falseNegatives == 0 ? 0 : truePositives / (double) (truePositives + falseNegatives);
    }

    /** Positive predictivity, 0..1. */
    public double positivePredictivity() {
        return truePositives + falsePositives == 0 ? 0 : truePositives / (double) (truePositives + falsePositives);
    }
}
