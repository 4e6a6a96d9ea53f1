package dev.touchline.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.reid.FrameMatcher;
import dev.touchline.reid.MatchPolicy;
import dev.touchline.reid.MatchResults;
import dev.touchline.reid.QueryFrame;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class ReidWorkloadTest {
    @Test
    void unrolledAndScalarLoopsAgreeAndFindTheRightPlayer() {
        // seed 42, full gallery of 22 x 150
        ReidWorkload w = ReidWorkload.create(42L, 150);
        int n = ReidWorkload.PLAYERS;
        float[] fast = new float[n * n];
        float[] slow = new float[n * n];
        w.scoreFrame(fast);
        w.scoreFrameScalar(new float[n], slow);
        float[] major = new float[n * n];
        w.scoreFrameIdentityMajor(major);
        float[] plain = new float[n * n];
        w.scoreFramePlainRowMajor(plain, false);
        float[] plainUnrolled = new float[n * n];
        w.scoreFramePlainRowMajor(plainUnrolled, true);
        for (int q = 0; q < n; q++) {
            int best = 0;
            for (int s = 0; s < n; s++) {
                assertEquals(slow[q * n + s], fast[q * n + s], 1e-5);
                assertEquals(fast[q * n + s], major[q * n + s], 0f);
                assertEquals(slow[q * n + s], plain[q * n + s], 1e-5);
                assertEquals(slow[q * n + s], plainUnrolled[q * n + s], 1e-5);
                if (fast[q * n + s] > fast[q * n + best]) {
                    best = s;
                }
            }
            assertEquals(q, best);
        }
    }

    @Test
    void scoringAndMatchingAFrameAllocateNothing() throws Exception {
        ReidWorkload w = ReidWorkload.create(42L, 150);
        float[] out = new float[ReidWorkload.PLAYERS * ReidWorkload.PLAYERS];
        FrameMatcher matcher = new FrameMatcher(w.gallery(), MatchPolicy.DEFAULT);
        QueryFrame frame = new QueryFrame(ReidWorkload.DIM, ReidWorkload.PLAYERS);
        for (int q = 0; q < ReidWorkload.PLAYERS; q++) {
            frame.add(w.queries, q * ReidWorkload.DIM, q);
        }
        MatchResults results = new MatchResults(ReidWorkload.PLAYERS);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 200; i++) {
            w.scoreFrame(out);
            w.scoreFrameIdentityMajor(out);
            matcher.match(frame, "test", results);
        }
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        for (int i = 0; i < 1000; i++) {
            w.scoreFrame(out);
            w.scoreFrameIdentityMajor(out);
            matcher.match(frame, "test", results);
        }
        long allocated = mx.getThreadAllocatedBytes(id) - before;
        // 66,000 queries: anything per query would be at least 16 bytes each, i.e. > 1 MB.
        assertTrue(allocated < 16_000, "allocated " + allocated + " bytes over 3000 frames");
        for (int q = 0; q < ReidWorkload.PLAYERS; q++) {
            assertEquals(q + 1, results.playerId(q));
        }
    }
}
