package dev.touchline.reid;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Scoring a frame allocates nothing once compiled, on whichever kernel is active (the build runs this class with
 * and without {@code jdk.incubator.vector}). The Vector API kernel allocates its vectors until C2 has compiled it
 * (the interpreter boxes every vector), so the test warms up in rounds and judges the first round after the
 * compiler has caught up, at most 40 rounds.
 */
class FrameScoringAllocationTest {
    @Test
    void scoringAFrameAllocatesNothingAfterWarmUp() {
        // seed 3: 22 identities x 150 embeddings x 128 dimensions, 22 queries
        SplittableRandom r = new SplittableRandom(3);
        int dim = 128;
        int players = 22;
        EmbeddingGallery g = EmbeddingGallery.builder().dimension(dim).capacity(150).insertIntervalMicros(0).build();
        float[] v = new float[dim];
        for (int p = 0; p < players; p++) {
            g.add(p);
            for (int k = 0; k < 150; k++) {
                for (int d = 0; d < dim; d++) {
                    v[d] = (float) r.nextGaussian();
                }
                g.offer(p, k, v, 0);
            }
        }
        float[] q = new float[players * dim];
        for (int i = 0; i < q.length; i++) {
            q[i] = (float) r.nextGaussian();
        }
        float[] out = new float[players * players];
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long allocated = Long.MAX_VALUE;
        int rounds = 0;
        while (rounds < 40 && allocated >= 16_000) {
            long before = mx.getThreadAllocatedBytes(id);
            for (int i = 0; i < 200; i++) {
                g.scoresFrame(q, 0, players, out, 0, players, players);
            }
            allocated = mx.getThreadAllocatedBytes(id) - before;
            rounds++;
        }
        // 4,400 queries per round: anything per query would be at least 16 bytes each, i.e. > 70 kB.
        assertTrue(allocated < 16_000, "allocated " + allocated + " bytes over 200 frames after " + rounds
                + " rounds, kernel " + EmbeddingGallery.scoringKernel());
    }
}
