package dev.touchline.benchmarks;

import dev.touchline.reid.Dot;
import dev.touchline.reid.EmbeddingGallery;
import dev.touchline.reid.GallerySnapshot;
import dev.touchline.reid.Embeddings;
import java.util.SplittableRandom;

/**
 * The re-identification workload: a full gallery of 22 players x 150 embeddings x 128 dimensions and one frame of
 * 22 queries, each query a noisy view of one player. Seeded and deterministic.
 */
public final class ReidWorkload {
    /** Players. */
    public static final int PLAYERS = 22;
    /** Embedding dimension. */
    public static final int DIM = 128;

    final EmbeddingGallery gallery;
    final float[] queries;
    /** The same stored embeddings row-major (embedding {@code r} at {@code r * DIM}), for the plain-loop baseline. */
    private final float[][] rowMajor;
    private final int[] counts;

    private ReidWorkload(EmbeddingGallery gallery, float[] queries) {
        this.gallery = gallery;
        this.queries = queries;
        GallerySnapshot snap = gallery.snapshot();
        int cap = snap.capacity();
        rowMajor = new float[PLAYERS][cap * DIM];
        counts = snap.counts().clone();
        for (int p = 0; p < PLAYERS; p++) {
            float[] flat = snap.rings()[p];
            for (int d = 0; d < DIM; d++) {
                for (int r = 0; r < cap; r++) {
                    rowMajor[p][r * DIM + d] = flat[d * cap + r];
                }
            }
        }
    }

    /** Builds the workload; query {@code i} is a view of the player in slot {@code i}. */
    public static ReidWorkload create(long seed, int capacity) {
        SplittableRandom r = new SplittableRandom(seed);
        EmbeddingGallery g = EmbeddingGallery.builder().dimension(DIM).capacity(capacity).insertIntervalMicros(0)
                .build();
        float[][] centres = new float[PLAYERS][DIM];
        for (float[] c : centres) {
            for (int d = 0; d < DIM; d++) {
                c[d] = (float) r.nextGaussian();
            }
            Embeddings.normalise(c, 0, DIM);
        }
        float[] e = new float[DIM];
        for (int p = 0; p < PLAYERS; p++) {
            int slot = g.add(p + 1);
            for (int k = 0; k < capacity; k++) {
                view(centres[p], r, e, 0);
                g.offer(slot, k, e, 0);
            }
        }
        float[] q = new float[PLAYERS * DIM];
        for (int p = 0; p < PLAYERS; p++) {
            view(centres[p], r, q, p * DIM);
        }
        return new ReidWorkload(g, q);
    }

    private static void view(float[] centre, SplittableRandom r, float[] out, int off) {
        for (int d = 0; d < DIM; d++) {
            out[off + d] = centre[d] + (float) (0.08 * r.nextGaussian());
        }
    }

    /** The gallery. */
    public EmbeddingGallery gallery() {
        return gallery;
    }

    /** Scores every query against every identity with the production loop; out is 22 x 22, modified. */
    public void scoreFrame(float[] out) {
        for (int q = 0; q < PLAYERS; q++) {
            gallery.scores(queries, q * DIM, out, q * PLAYERS, PLAYERS);
        }
    }

    /** The same through the frame path: four queries per pass over the gallery's rows (what the matcher uses). */
    public void scoreFrameIdentityMajor(float[] out) {
        gallery.scoresFrame(queries, 0, PLAYERS, out, 0, PLAYERS, PLAYERS);
    }

    /**
     * The baseline a plain loop gives: row-major storage, each stored embedding's 128 floats contiguous, one
     * dot product per embedding ({@code unrolled}: four accumulators, else one), no gallery, no locks.
     * Out is 22 x 22, modified.
     */
    public void scoreFramePlainRowMajor(float[] out, boolean unrolled) {
        for (int q = 0; q < PLAYERS; q++) {
            int qOff = q * DIM;
            float inv = (float) (1.0 / Dot.norm(queries, qOff, DIM));
            for (int p = 0; p < PLAYERS; p++) {
                float[] rows = rowMajor[p];
                float best = Float.NEGATIVE_INFINITY;
                for (int r = 0, n = counts[p]; r < n; r++) {
                    float s = unrolled ? Dot.dot(queries, qOff, rows, r * DIM, DIM)
                            : Dot.dotScalar(queries, qOff, rows, r * DIM, DIM);
                    best = Math.max(best, s);
                }
                out[q * PLAYERS + p] = best * inv;
            }
        }
    }

    /** The same with the scalar reference loop; row is a 22-float scratch array, out 22 x 22; both modified. */
    public void scoreFrameScalar(float[] row, float[] out) {
        for (int q = 0; q < PLAYERS; q++) {
            gallery.scoresScalar(queries, q * DIM, row);
            System.arraycopy(row, 0, out, q * PLAYERS, PLAYERS);
        }
    }
}
