package dev.touchline.tracking.metrics;

/**
 * Metrics of one evaluation; see {@link MotEvaluator} for the definitions. Counts are detections (object or track
 * rows summed over frames) unless named otherwise.
 *
 * @param frames frames evaluated
 * @param gtDetections ground-truth rows
 * @param trackerDetections tracker rows
 * @param gtIds distinct ground-truth ids
 * @param trackerIds distinct track ids
 * @param truePositives CLEAR matches (CLR_TP)
 * @param falseNegatives CLR_FN
 * @param falsePositives CLR_FP
 * @param idSwitches IDSW
 * @param fragmentations Frag
 * @param mostlyTracked objects tracked in more than 80 % of their frames
 * @param partlyTracked objects tracked in 20–80 % of their frames
 * @param mostlyLost objects tracked in less than 20 % of their frames
 * @param mota MOTA
 * @param motp MOTP as TrackEval reports it: the mean similarity of the CLEAR matches
 * @param motpMetres mean distance of the CLEAR matches, m (NaN without matches)
 * @param rmseMetres root-mean-square distance of the CLEAR matches, m (NaN without matches)
 * @param idTruePositives IDTP
 * @param idFalseNegatives IDFN
 * @param idFalsePositives IDFP
 * @param idf1 IDF1
 * @param idp IDP
 * @param idr IDR
 * @param hota HOTA, mean over α
 * @param detA DetA, mean over α
 * @param assA AssA, mean over α
 * @param locA LocA, mean over α
 * @param hotaPerAlpha HOTA at α = 0.05, 0.10, …, 0.95
 */
public record MotResult(int frames, long gtDetections, long trackerDetections, int gtIds, int trackerIds,
                        long truePositives, long falseNegatives, long falsePositives, long idSwitches,
                        long fragmentations, int mostlyTracked, int partlyTracked, int mostlyLost,
                        double mota, double motp, double motpMetres, double rmseMetres,
                        long idTruePositives, long idFalseNegatives, long idFalsePositives,
                        double idf1, double idp, double idr,
                        double hota, double detA, double assA, double locA, double[] hotaPerAlpha) {
    /** Copies the array. */
    public MotResult {
        hotaPerAlpha = hotaPerAlpha.clone();
    }

    /** A copy of the per-α HOTA values. */
    @Override
    public double[] hotaPerAlpha() {
        return hotaPerAlpha.clone();
    }

    /** ID switches scaled to a 90-minute match, given the evaluated duration in seconds. */
    public double idSwitchesPer90Minutes(double durationSeconds) {
        if (!(durationSeconds > 0)) {
            throw new IllegalArgumentException("durationSeconds must be > 0, was " + durationSeconds);
        }
        return idSwitches * 5400.0 / durationSeconds;
    }
}
