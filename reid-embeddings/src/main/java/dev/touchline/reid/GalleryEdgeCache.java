package dev.touchline.reid;

import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * The edge-cache update after an in-time escalation answer: the query embedding is appended (bypassing the
 * cadence) to the ring of the identity the worker named, so the next cut to this vantage matches locally. Answers
 * naming -1 or a player the gallery does not know change nothing and are counted.
 */
public final class GalleryEdgeCache implements EscalationListener {
    private final EmbeddingGallery gallery;
    private final LongAdder updates = new LongAdder();
    private final LongAdder unknown = new LongAdder();

    /** An edge cache writing into {@code gallery}. */
    public GalleryEdgeCache(EmbeddingGallery gallery) {
        this.gallery = Objects.requireNonNull(gallery, "gallery");
    }

    @Override
    public void answered(EscalationRequest request, EscalationAnswer answer) {
        int slot = answer.playerId() < 0 ? -1 : gallery.slotOf(answer.playerId());
        if (slot < 0 || request.embedding().length != gallery.dimension()) {
            unknown.increment();
            return;
        }
        gallery.append(slot, request.timeMicros(), request.embedding(), 0);
        updates.increment();
    }

    /** Embeddings appended so far. */
    public long updates() {
        return updates.sum();
    }

    /** Answers that named no known player (or carried an embedding of another dimension). */
    public long unknownAnswers() {
        return unknown.sum();
    }
}
