package dev.touchline.reid;

/** How a gallery scores a query against one identity. */
public enum Scoring {
    /** The largest cosine similarity over the identity's stored embeddings (DeepSORT's appearance metric). */
    MAX,
    /**
     * The cosine similarity with the identity's exponential-moving-average prototype (StrongSORT / BoT-SORT).
     * Needs a gallery built with a prototype alpha.
     */
    PROTOTYPE
}
