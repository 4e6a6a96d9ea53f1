package dev.touchline.reid;

/**
 * The remote worker's answer.
 *
 * @param playerId the identity the worker decided, or -1 for "not a known player"
 * @param confidence the worker's confidence in [0, 1]
 */
public record EscalationAnswer(int playerId, double confidence) {
    /** Checks the confidence range. */
    public EscalationAnswer {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
        }
    }
}
