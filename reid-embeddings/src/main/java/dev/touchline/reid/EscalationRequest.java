package dev.touchline.reid;

import java.util.Objects;

/**
 * What the edge sends to the remote re-identification worker.
 *
 * @param queryId the caller's query id
 * @param timeMicros observation time, microseconds since the epoch
 * @param embedding the query embedding (copied; the accessor returns the internal array, do not modify)
 * @param candidatePlayerId the edge's best candidate, or -1
 * @param candidateScore the edge's best cosine score, NaN if none
 * @param camera the camera or vantage the query comes from (context for the worker), may be empty
 */
public record EscalationRequest(long queryId, long timeMicros, float[] embedding, int candidatePlayerId,
                                double candidateScore, String camera) {
    /** Copies the embedding and checks it is non-empty. */
    public EscalationRequest {
        Objects.requireNonNull(camera, "camera");
        if (embedding.length == 0) {
            throw new IllegalArgumentException("embedding must not be empty");
        }
        embedding = embedding.clone();
    }
}
