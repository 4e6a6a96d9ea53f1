package dev.touchline.reid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class EmbeddingGalleryTest {
    static float[] basis(int dim, int i) {
        float[] v = new float[dim];
        v[i] = 1f;
        return v;
    }

    @Property(tries = 200, seed = "20261124")
    void unrolledDotAgreesWithScalarReference(@ForAll @IntRange(min = 1, max = 300) int n,
                                              @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n + 3];
        float[] b = new float[n + 5];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) r.nextGaussian();
        }
        double exact = 0;
        for (int i = 0; i < n; i++) {
            exact += (double) a[3 + i] * b[5 + i];
        }
        double scale = Dot.norm(a, 3, n) * Dot.norm(b, 5, n) + 1e-30;
        assertEquals(exact / scale, Dot.dot(a, 3, b, 5, n) / scale, 1e-5);
        assertEquals(exact / scale, Dot.dotScalar(a, 3, b, 5, n) / scale, 1e-5);
    }

    @Property(tries = 200, seed = "20261124")
    void columnKernelAgreesWithScalarReference(@ForAll @IntRange(min = 1, max = 40) int rows,
                                               @ForAll @IntRange(min = 0, max = 5) int spare,
                                               @ForAll @IntRange(min = 1, max = 70) int dim, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int stride = rows + spare;
        float[][] cols = new float[dim][stride];
        for (float[] col : cols) {
            for (int i = 0; i < stride; i++) {
                col[i] = (float) r.nextGaussian() / (float) Math.sqrt(dim);
            }
        }
        float[] q = new float[dim + 2];
        for (int i = 0; i < q.length; i++) {
            q[i] = (float) r.nextGaussian() / (float) Math.sqrt(dim);
        }
        float fast = Dot.maxDotColumns(q, 2, cols, rows, dim, new float[stride]);
        float slow = Dot.maxDotColumnsScalar(q, 2, cols, rows, dim);
        assertEquals(slow, fast, 1e-5 * (1 + Math.abs(slow)));
        // The two-query kernel: the same query at offset 2 next to its reversal at offset 0 (a different vector).
        float[] two = new float[2 * dim + 2];
        for (int i = 0; i < dim; i++) {
            two[i] = q[2 + dim - 1 - i];
        }
        System.arraycopy(q, 2, two, dim + 2, dim);
        float[] best = new float[2];
        Dot.maxDotColumnsPair(two, 0, dim + 2, cols, rows, dim, new float[stride], new float[stride], best);
        float slowA = Dot.maxDotColumnsScalar(two, 0, cols, rows, dim);
        assertEquals(slowA, best[0], 1e-5 * (1 + Math.abs(slowA)));
        assertEquals(Dot.maxDotColumns(two, 0, cols, rows, dim, new float[stride]), best[0], 0f);
        assertEquals(fast, best[1], 0f);
    }

    @Test
    void ringKeepsTheLastCapacityEmbeddings() {
        EmbeddingGallery g = EmbeddingGallery.builder().dimension(8).capacity(3).insertIntervalMicros(0).build();
        int s = g.add(7);
        for (int i = 0; i < 5; i++) {
            assertTrue(g.offer(s, i * 1000L, basis(8, i), 0));
        }
        assertEquals(3, g.storedCount(s));
        float[] out = new float[1];
        for (int i = 0; i < 5; i++) {
            g.scores(basis(8, i), 0, out);
            assertEquals(i >= 2 ? 1f : 0f, out[0], 1e-6, "basis " + i);
        }
    }

    /** Seed 5: a snapshot rebuilds a gallery that scores and inserts exactly like the original. */
    @Test
    void snapshotRoundTrip() {
        for (Scoring scoring : Scoring.values()) {
            SplittableRandom r = new SplittableRandom(5);
            EmbeddingGallery g = EmbeddingGallery.builder().dimension(16).capacity(7).scoring(scoring).build();
            float[] v = new float[16];
            for (int p = 0; p < 3; p++) {
                int s = g.add(10 + p);
                for (int k = 0; k < 9 + p; k++) {
                    for (int d = 0; d < 16; d++) {
                        v[d] = (float) r.nextGaussian();
                    }
                    g.offer(s, k * 150_000L, v, 0);
                }
            }
            EmbeddingGallery h = EmbeddingGallery.restore(g.snapshot());
            for (int d = 0; d < 16; d++) {
                v[d] = (float) r.nextGaussian();
            }
            assertEquals(g.offer(1, 2_000_000L, v, 0), h.offer(1, 2_000_000L, v, 0));
            assertEquals(g.offer(2, 1_750_000L, v, 0), h.offer(2, 1_750_000L, v, 0));
            float[] a = new float[3];
            float[] b = new float[3];
            for (int k = 0; k < 5; k++) {
                for (int d = 0; d < 16; d++) {
                    v[d] = (float) r.nextGaussian();
                }
                g.scores(v, 0, a);
                h.scores(v, 0, b);
                org.junit.jupiter.api.Assertions.assertArrayEquals(a, b);
            }
            assertEquals(12, h.playerId(2));
            assertEquals(g.storedCount(2), h.storedCount(2));
        }
    }

    @Test
    void cadenceStoresAtMostOneEmbeddingPerInterval() {
        EmbeddingGallery g = EmbeddingGallery.builder().dimension(4).build();
        int s = g.add(1);
        assertTrue(g.offer(s, 0L, basis(4, 0), 0));
        assertFalse(g.offer(s, 100_000L, basis(4, 1), 0));
        assertTrue(g.offer(s, 200_000L, basis(4, 2), 0));
        assertTrue(g.append(s, 200_001L, basis(4, 3), 0));
        assertEquals(3, g.storedCount(s));
    }

    @Test
    void scoresAreCosinesAndIgnoreQueryLength() {
        EmbeddingGallery g = EmbeddingGallery.builder().dimension(3).insertIntervalMicros(0).build();
        int s = g.add(4);
        g.offer(s, 0, new float[] {3f, 4f, 0f}, 0);
        float[] out = new float[2];
        g.scores(new float[] {0f, 10f, 0f}, 0, out);
        assertEquals(0.8f, out[0], 1e-6);
        int empty = g.add(5);
        g.scores(new float[] {1f, 0f, 0f}, 0, out);
        assertEquals(0.6f, out[0], 1e-6);
        assertEquals(Float.NEGATIVE_INFINITY, out[empty]);
        g.scoresScalar(new float[] {1f, 0f, 0f}, 0, out);
        assertEquals(0.6f, out[0], 1e-6);
    }

    @Test
    void prototypeIsTheNormalisedExponentialMovingAverage() {
        EmbeddingGallery g = EmbeddingGallery.builder().dimension(4).insertIntervalMicros(0)
                .prototypeAlpha(0.9).scoring(Scoring.PROTOTYPE).build();
        int s = g.add(1);
        g.offer(s, 0, basis(4, 0), 0);
        g.offer(s, 1, new float[] {0f, 2f, 0f, 0f}, 0);
        float[] p = new float[4];
        assertTrue(g.prototype(s, p));
        double n = Math.hypot(0.9, 0.1);
        assertEquals(0.9 / n, p[0], 1e-6);
        assertEquals(0.1 / n, p[1], 1e-6);
        float[] out = new float[1];
        g.scores(basis(4, 1), 0, out);
        assertEquals(0.1 / n, out[0], 1e-6);
    }

    @Test
    void badVectorsAndSlotsAreRejectedWithTheirNames() {
        EmbeddingGallery g = EmbeddingGallery.builder().dimension(2).build();
        int s = g.add(1);
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> g.offer(s, 0, new float[2], 0));
        assertTrue(zero.getMessage().contains("non-zero"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> g.offer(s, 0, new float[] {Float.NaN, 1f}, 0));
        assertThrows(IllegalArgumentException.class, () -> g.offer(s, 0, new float[] {1f}, 0));
        assertThrows(IllegalArgumentException.class, () -> g.offer(3, 0, new float[] {1f, 0f}, 0));
        assertThrows(IllegalArgumentException.class, () -> g.add(1));
        assertThrows(IllegalArgumentException.class,
                () -> EmbeddingGallery.builder().noPrototype().scoring(Scoring.PROTOTYPE).build());
        assertEquals(-1, g.slotOf(99));
    }

    /**
     * One writer overwrites a one-slot ring with two orthogonal unit vectors in turn; readers must only ever see
     * a whole vector (score 0 or 1), never a half-written one. Seed-free: the interleaving is the scheduler's.
     */
    @Test
    void readersNeverSeeATornEmbedding() throws InterruptedException {
        int dim = 128;
        for (Scoring scoring : Scoring.values()) {
            EmbeddingGallery g = EmbeddingGallery.builder().dimension(dim).capacity(1).insertIntervalMicros(0)
                    .prototypeAlpha(0.0).scoring(scoring).build();
            int s = g.add(1);
            float[] u = new float[dim];
            float[] w = new float[dim];
            for (int i = 0; i < dim / 2; i++) {
                u[i] = 1f;
                w[dim / 2 + i] = 1f;
            }
            g.offer(s, 0, u, 0);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<String> failure = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                long t = 1;
                while (!stop.get()) {
                    g.offer(s, t, (t & 1) == 0 ? u : w, 0);
                    t++;
                }
            });
            Thread reader = new Thread(() -> {
                float[] out = new float[1];
                float[] q = u.clone();
                // u and w back to back: each score must be 0 or 1; under MAX the frame path scores the two as a
                // pair under one stamp, so they also come from one ring state (1 + 0 or 0 + 1).
                float[] pair = new float[2 * dim];
                System.arraycopy(u, 0, pair, 0, dim);
                System.arraycopy(w, 0, pair, dim, dim);
                float[] two = new float[2];
                for (int k = 0; k < 200_000 && failure.get() == null; k++) {
                    g.scores(q, 0, out);
                    if (Math.abs(out[0]) > 1e-5 && Math.abs(out[0] - 1f) > 1e-5) {
                        failure.set(scoring + ": torn read, score " + out[0]);
                    }
                    g.scoresFrame(pair, 0, 2, two, 0, 1, 1);
                    boolean whole = (Math.abs(two[0]) < 1e-5 || Math.abs(two[0] - 1f) < 1e-5)
                            && (Math.abs(two[1]) < 1e-5 || Math.abs(two[1] - 1f) < 1e-5);
                    boolean oneState = scoring != Scoring.MAX || Math.abs(two[0] + two[1] - 1f) < 1e-5;
                    if (!whole || !oneState) {
                        failure.set(scoring + ": torn frame read, scores " + two[0] + ", " + two[1]);
                    }
                }
            });
            writer.start();
            reader.start();
            reader.join();
            stop.set(true);
            writer.join();
            assertEquals(null, failure.get());
        }
    }
}
