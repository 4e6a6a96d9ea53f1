package dev.touchline.reid;

/**
 * Thresholds of the matcher.
 *
 * <p><b>What "NMS at 0.41" means here.</b> Two queries of one frame are treated as two detections of one player
 * when (a) both have the same best admissible identity and (b) they overlap: image boxes with intersection over
 * union strictly greater than {@link #nmsIou()} (0.41), or ground positions closer than
 * {@link #nmsGroundDistanceMetres()} (0.5 m). Overlap is only tested where both queries carry that geometry. The
 * query with the higher score is kept; the other is decided {@link Decision#DUPLICATE}, pointing at the kept one,
 * and takes no part in the one-to-one assignment. Suppression is greedy in decreasing score, as in classic
 * non-maximum suppression, but restricted to pairs that resolve to the same identity, so two team-mates in a
 * tackle (overlapping boxes, different identities) are both kept.
 *
 * @param acceptThreshold cosine similarity at or above which a match is confirmed (default 0.68)
 * @param escalateBelow cosine similarity below which the query is escalated (default 0.55); at most accept
 * @param nmsIou box IoU above which two same-identity detections are one player (default 0.41), in [0, 1]
 * @param nmsGroundDistanceMetres ground distance below which two same-identity detections are one player, metres
 *                                (default 0.5), >= 0
 */
public record MatchPolicy(double acceptThreshold, double escalateBelow, double nmsIou,
                          double nmsGroundDistanceMetres) {
    /** The seed's thresholds: accept 0.68, escalate below 0.55, NMS IoU 0.41, 0.5 m on the ground. */
    public static final MatchPolicy DEFAULT = new MatchPolicy(0.68, 0.55, 0.41, 0.5);

    /** Checks the ranges. */
    public MatchPolicy {
        if (!(acceptThreshold >= -1 && acceptThreshold <= 1)) {
            throw new IllegalArgumentException("acceptThreshold must be in [-1, 1], was " + acceptThreshold);
        }
        if (!(escalateBelow >= -1 && escalateBelow <= acceptThreshold)) {
            throw new IllegalArgumentException("escalateBelow must be in [-1, acceptThreshold=" + acceptThreshold
                    + "], was " + escalateBelow);
        }
        if (!(nmsIou >= 0 && nmsIou <= 1)) {
            throw new IllegalArgumentException("nmsIou must be in [0, 1], was " + nmsIou);
        }
        if (!(nmsGroundDistanceMetres >= 0 && nmsGroundDistanceMetres < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("nmsGroundDistanceMetres must be finite and >= 0, was "
                    + nmsGroundDistanceMetres);
        }
    }

    /** The decision for an assigned query with this score (MATCH, UNCERTAIN or ESCALATE). */
    public Decision classify(double score) {
        if (score >= acceptThreshold) {
            return Decision.MATCH;
        }
        return score >= escalateBelow ? Decision.UNCERTAIN : Decision.ESCALATE;
    }
}
