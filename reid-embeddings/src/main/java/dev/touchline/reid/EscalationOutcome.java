package dev.touchline.reid;

/**
 * The decision the escalator delivers for one request, at the latest at its deadline.
 *
 * @param status how it ended
 * @param playerId the worker's player id when ANSWERED (-1 if it named none), -1 otherwise
 * @param confidence the worker's confidence when ANSWERED, NaN otherwise
 * @param latencyNanos time from {@link Escalator#escalate} to this outcome, nanoseconds on the escalator's timer
 */
public record EscalationOutcome(EscalationStatus status, int playerId, double confidence, long latencyNanos) {
    static EscalationOutcome of(EscalationStatus status, long latencyNanos) {
        return new EscalationOutcome(status, -1, Double.NaN, latencyNanos);
    }
}
