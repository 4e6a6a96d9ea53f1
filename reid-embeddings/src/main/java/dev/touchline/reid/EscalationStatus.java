package dev.touchline.reid;

/** How an escalation ended, always by its deadline. */
public enum EscalationStatus {
    /** The worker answered in time. */
    ANSWERED,
    /** The deadline passed first; a later answer is dropped and counted. */
    TIMED_OUT,
    /** Not sent: the bound on requests in flight was reached. */
    REJECTED_BUSY,
    /** Not sent: the worker failed recently and the escalator is backing off. */
    BACKING_OFF,
    /** The worker (or the client) failed before the deadline. */
    FAILED
}
