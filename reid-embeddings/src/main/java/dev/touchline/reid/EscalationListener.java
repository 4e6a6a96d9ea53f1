package dev.touchline.reid;

/**
 * Told about every answer that arrives in time; the usual implementation is {@link GalleryEdgeCache}, which
 * stores the query embedding under the worker's identity. Runs on the thread that completed the worker's future,
 * so it must be quick and must not throw (a throw is counted in {@link EscalationStats#listenerErrors()}).
 */
@FunctionalInterface
public interface EscalationListener {
    /** An answer arrived before the deadline. */
    void answered(EscalationRequest request, EscalationAnswer answer);
}
