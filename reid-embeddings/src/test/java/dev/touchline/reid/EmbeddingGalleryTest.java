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
    }

    /**
     * The gallery's kernels over a row range {@code [from, to)}: the one-, two- and four-query FMA kernels agree
     * bit for bit, both agree with the scalar reference to float rounding, and rows outside the range are untouched.
     */
    @Property(tries = 200, seed = "20261125")
    void rangeKernelsAgreeWithScalarReference(@ForAll @IntRange(min = 0, max = 30) int from,
                                              @ForAll @IntRange(min = 0, max = 60) int rows,
                                              @ForAll @IntRange(min = 1, max = 70) int dim, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int to = from + rows;
        int length = to + 3;
        float[][] cols = new float[dim][length];
        for (float[] col : cols) {
            for (int i = 0; i < length; i++) {
                col[i] = (float) r.nextGaussian() / (float) Math.sqrt(dim);
            }
        }
        float[] q = new float[4 * dim + 1];
        for (int i = 0; i < q.length; i++) {
            q[i] = (float) r.nextGaussian() / (float) Math.sqrt(dim);
        }
        float[][] four = new float[4][length];
        for (float[] a : four) {
            java.util.Arrays.fill(a, 7f);
        }
        Dot.dotColumns4(q, 1, 1 + dim, 1 + 2 * dim, 1 + 3 * dim, cols, dim, from, to, four[0], four[1], four[2],
                four[3]);
        float[][] two = new float[2][length];
        for (float[] a : two) {
            java.util.Arrays.fill(a, 7f);
        }
        Dot.dotColumns2(q, 1 + 2 * dim, 1 + 3 * dim, cols, dim, from, to, two[0], two[1]);
        float[] one = new float[length];
        float[] ref = new float[length];
        for (int j = 0; j < 4; j++) {
            java.util.Arrays.fill(one, 7f);
            java.util.Arrays.fill(ref, 7f);
            Dot.dotColumns1(q, 1 + j * dim, cols, dim, from, to, one);
            Dot.dotColumnsScalar(q, 1 + j * dim, cols, dim, from, to, ref);
            for (int i = 0; i < length; i++) {
                boolean inside = i >= from && i < to;
                assertEquals(one[i], four[j][i], 0f, "query " + j + " row " + i);
                if (j >= 2) {
                    assertEquals(one[i], two[j - 2][i], 0f, "pair kernel, query " + j + " row " + i);
                }
                if (inside) {
                    assertEquals(ref[i], one[i], 1e-5 * (1 + Math.abs(ref[i])), "query " + j + " row " + i);
                } else {
                    assertEquals(7f, one[i], "row " + i + " outside the range was written");
                }
            }
        }
        assertEquals(rows == 0 ? Float.NEGATIVE_INFINITY : maxOf(ref, from, to), Dot.max(ref, from, to));
    }

    private static float maxOf(float[] v, int from, int to) {
        float m = v[from];
        for (int i = from + 1; i < to; i++) {
            m = Math.max(m, v[i]);
        }
        return m;
    }

    /**
     * Seed 11: a gallery grown one identity at a time (the shared columns are reallocated at 4, 8, 16 and 32
     * slots), with rings partly filled, scores every query of a frame exactly as the one-query path does, and to
     * rounding as the scalar reference; frames of 1 to 9 queries exercise the four-query blocks and the two- and
     * one-query remainders.
     */
    @Test
    void frameScoringAgreesWithSingleQueriesAndReferenceAcrossGrowth() {
        SplittableRandom r = new SplittableRandom(11);
        int dim = 33;
        EmbeddingGallery g = EmbeddingGallery.builder().dimension(dim).capacity(37).insertIntervalMicros(0).build();
        float[] v = new float[dim];
        for (int p = 0; p < 35; p++) {
            int s = g.add(100 + p);
            int stored = p % 5 == 4 ? 0 : 1 + r.nextInt(60);
            for (int k = 0; k < stored; k++) {
                for (int d = 0; d < dim; d++) {
                    v[d] = (float) r.nextGaussian();
                }
                g.offer(s, k, v, 0);
            }
        }
        int n = g.size();
        for (int count = 1; count <= 9; count++) {
            float[] q = new float[count * dim + 2];
            for (int i = 0; i < q.length; i++) {
                q[i] = (float) r.nextGaussian();
            }
            float[] frame = new float[count * (n + 1)];
            g.scoresFrame(q, 2, count, frame, 0, n + 1, n);
            float[] single = new float[n];
            float[] slow = new float[n];
            for (int k = 0; k < count; k++) {
                float[] alone = java.util.Arrays.copyOfRange(q, 2 + k * dim, 2 + (k + 1) * dim);
                g.scores(alone, 0, single);
                g.scoresScalar(alone, 0, slow);
                for (int s = 0; s < n; s++) {
                    assertEquals(single[s], frame[k * (n + 1) + s], 0f, "query " + k + " slot " + s);
                    if (s % 5 == 4) {
                        assertEquals(Float.NEGATIVE_INFINITY, single[s], "empty slot " + s);
                    } else {
                        assertEquals(slow[s], single[s], 1e-5, "query " + k + " slot " + s);
                    }
                }
            }
        }
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
                // u and w back to back: each score must be 0 or 1; under MAX the frame path scores all queries of
                // an identity under one stamp, so they also come from one ring state (1 + 0 or 0 + 1).
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

    /**
     * While one thread adds identities (the shared columns are copied to larger arrays at 4, 8, ..., 256 slots) and
     * stores u in each, and another overwrites slot 0 with u and w in turn, a reader scoring frames must only see
     * whole states: slot 0 scores 0 or 1, every other slot -infinity (nothing stored yet) or exactly u's score; and
     * afterwards no stored embedding is lost. Seed-free: the interleaving is the scheduler's.
     */
    @Test
    void readersAndWritersAreSafeWhileTheGalleryGrows() throws InterruptedException {
        int dim = 64;
        EmbeddingGallery g = EmbeddingGallery.builder().dimension(dim).capacity(1).insertIntervalMicros(0)
                .noPrototype().build();
        float[] u = new float[dim];
        float[] w = new float[dim];
        for (int i = 0; i < dim / 2; i++) {
            u[i] = 1f;
            w[dim / 2 + i] = 1f;
        }
        int first = g.add(0);
        g.offer(first, 0, u, 0);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<String> failure = new AtomicReference<>();
        int added = 200;
        Thread adder = new Thread(() -> {
            for (int p = 1; p <= added; p++) {
                int s = g.add(p);
                g.offer(s, 0, u, 0);
            }
        });
        Thread writer = new Thread(() -> {
            long t = 1;
            while (!stop.get()) {
                g.offer(first, t, (t & 1) == 0 ? u : w, 0);
                t++;
            }
        });
        Thread reader = new Thread(() -> {
            float[] pair = new float[2 * dim];
            System.arraycopy(u, 0, pair, 0, dim);
            System.arraycopy(w, 0, pair, dim, dim);
            float[] out = new float[2 * (added + 1)];
            while (!stop.get() && failure.get() == null) {
                int n = g.scoresFrame(pair, 0, 2, out, 0, added + 1, added + 1);
                float a = out[0];
                float b = out[added + 1];
                if (!(Math.abs(a + b - 1f) < 1e-5 && (Math.abs(a) < 1e-5 || Math.abs(a - 1f) < 1e-5))) {
                    failure.set("slot 0: torn read " + a + ", " + b);
                }
                for (int s = 1; s < n; s++) {
                    float su = out[s];
                    float sw = out[added + 1 + s];
                    boolean empty = su == Float.NEGATIVE_INFINITY && sw == Float.NEGATIVE_INFINITY;
                    if (!empty && (Math.abs(su - 1f) > 1e-5 || Math.abs(sw) > 1e-5)) {
                        failure.set("slot " + s + ": scores " + su + ", " + sw);
                    }
                }
            }
        });
        writer.start();
        reader.start();
        adder.start();
        adder.join();
        stop.set(true);
        writer.join();
        reader.join();
        assertEquals(null, failure.get());
        float[] out = new float[added + 1];
        g.scores(u, 0, out);
        for (int s = 1; s <= added; s++) {
            assertEquals(1f, out[s], 1e-6, "slot " + s + " lost its embedding");
        }
    }
}
