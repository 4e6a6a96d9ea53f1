package dev.touchline.reid;

/**
 * Counters of an {@link Escalator} at one moment (each read atomically, not all together).
 *
 * @param submitted calls to {@link Escalator#escalate}
 * @param answered answers delivered in time
 * @param timedOut requests whose deadline passed first
 * @param lateAnswersDropped answers that arrived after their deadline and were dropped
 * @param rejectedBusy requests not sent because too many were in flight
 * @param backingOff requests not sent because the worker failed recently
 * @param failed requests the worker or client failed before the deadline
 * @param listenerErrors exceptions thrown by the listener (edge-cache update)
 * @param inFlight requests sent whose worker future has not completed yet
 */
public record EscalationStats(long submitted, long answered, long timedOut, long lateAnswersDropped,
                              long rejectedBusy, long backingOff, long failed, long listenerErrors, int inFlight) {
}
