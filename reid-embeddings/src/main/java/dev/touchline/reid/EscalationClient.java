package dev.touchline.reid;

import java.util.concurrent.CompletableFuture;

/**
 * Asynchronous access to a remote re-identification worker running a heavier model.
 *
 * <p>Implementations must not block the calling thread (the {@link Escalator} calls them on the matching path):
 * send the request and return a future that completes with the answer, or exceptionally when the worker fails.
 * They need not enforce the deadline; the {@link Escalator} does.
 */
@FunctionalInterface
public interface EscalationClient {
    /** Sends one request; the future completes with the worker's answer or exceptionally. */
    CompletableFuture<EscalationAnswer> reidentify(EscalationRequest request);
}
