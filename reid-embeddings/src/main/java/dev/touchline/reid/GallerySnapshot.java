package dev.touchline.reid;

/**
 * The whole state of an {@link EmbeddingGallery} as a plain value, for checkpointing (e.g. Flink keyed state) and
 * rebuilding with {@link EmbeddingGallery#restore}. Arrays are per identity in slot order; rings hold the gallery's
 * column-wise ring flattened into one array per identity ({@code d * capacity + row}) with {@code next} the row the
 * next embedding goes to.
 * The accessors return the arrays themselves: treat them as read-only.
 *
 * @param dimension embedding dimension
 * @param capacity ring length
 * @param insertIntervalMicros cadence, microseconds
 * @param prototypeAlpha EMA weight, NaN when no prototype is kept
 * @param scoring scoring rule
 * @param playerIds player id per slot
 * @param counts embeddings stored per slot
 * @param next next ring row per slot
 * @param lastInsertMicros time of the newest stored embedding per slot
 * @param rings ring storage per slot, {@code capacity * dimension} floats each
 * @param prototypes un-normalised EMA per slot ({@code dimension} floats, or empty without prototype)
 * @param prototypeSet whether each slot's prototype has been started
 */
public record GallerySnapshot(int dimension, int capacity, long insertIntervalMicros, double prototypeAlpha,
                              Scoring scoring, int[] playerIds, int[] counts, int[] next, long[] lastInsertMicros,
                              float[][] rings, float[][] prototypes, boolean[] prototypeSet) {
    /** Checks that the per-slot arrays agree in length and size. */
    public GallerySnapshot {
        int n = playerIds.length;
        if (counts.length != n || next.length != n || lastInsertMicros.length != n || rings.length != n
                || prototypes.length != n || prototypeSet.length != n) {
            throw new IllegalArgumentException("per-slot arrays must all have length " + n);
        }
        for (int s = 0; s < n; s++) {
            if (rings[s].length != capacity * dimension) {
                throw new IllegalArgumentException("rings[" + s + "] must hold " + capacity * dimension
                        + " floats, held " + rings[s].length);
            }
            if (counts[s] < 0 || counts[s] > capacity || next[s] < 0 || next[s] >= capacity) {
                throw new IllegalArgumentException("slot " + s + ": count " + counts[s] + " or next " + next[s]
                        + " out of range for capacity " + capacity);
            }
        }
    }
}
