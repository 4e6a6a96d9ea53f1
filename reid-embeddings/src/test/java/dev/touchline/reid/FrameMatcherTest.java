package dev.touchline.reid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FrameMatcherTest {
    private static final int DIM = 8;

    /** Identity A = e0, identity B at cosine 0.7 to A. */
    private static EmbeddingGallery twoIdentities() {
        EmbeddingGallery g = EmbeddingGallery.builder().dimension(DIM).insertIntervalMicros(0).build();
        g.offer(g.add(10), 0, EmbeddingGalleryTest.basis(DIM, 0), 0);
        float[] b = new float[DIM];
        b[0] = 0.7f;
        b[1] = (float) Math.sqrt(1 - 0.49);
        g.offer(g.add(20), 0, b, 0);
        return g;
    }

    /** A unit query with cosine sA to A and sB to B (the rest of its length on e7). */
    private static float[] query(double sA, double sB) {
        float[] q = new float[DIM];
        double s1 = Math.sqrt(1 - 0.49);
        q[0] = (float) sA;
        q[1] = (float) ((sB - 0.7 * sA) / s1);
        q[7] = (float) Math.sqrt(1 - q[0] * q[0] - q[1] * q[1]);
        return q;
    }

    @Test
    void oneToOneAssignmentBeatsGreedy() throws BadReidDataException {
        // Greedy would give A to the first query (0.95) and leave the second with B at 0.40 (escalate); the
        // assignment gives the first B (0.70) and the second A (0.85): both matched.
        QueryFrame f = new QueryFrame(DIM, 4);
        f.add(query(0.95, 0.70), 0, 1);
        f.add(query(0.85, 0.40), 0, 2);
        MatchResults r = new MatchResults(4);
        new FrameMatcher(twoIdentities(), MatchPolicy.DEFAULT).match(f, "test", r);
        assertEquals(20, r.playerId(0));
        assertEquals(0.70f, r.score(0), 1e-5);
        assertEquals(Decision.MATCH, r.decision(0));
        assertEquals(10, r.playerId(1));
        assertEquals(Decision.MATCH, r.decision(1));
    }

    @Test
    void thresholdsClassifyMatchUncertainEscalate() throws BadReidDataException {
        QueryFrame f = new QueryFrame(DIM, 4);
        f.add(query(0.60, 0.30), 0, 1);
        MatchResults r = new MatchResults(4);
        FrameMatcher m = new FrameMatcher(twoIdentities(), MatchPolicy.DEFAULT);
        m.match(f, "test", r);
        assertEquals(Decision.UNCERTAIN, r.decision(0));
        assertEquals(10, r.playerId(0));
        f.clear();
        f.add(query(0.50, 0.30), 0, 1);
        m.match(f, "test", r);
        assertEquals(Decision.ESCALATE, r.decision(0));
        assertEquals(10, r.playerId(0));
        assertEquals(0.50f, r.score(0), 1e-5);
    }

    @Test
    void overlappingDetectionsOfOneIdentityAreOnePlayer() throws BadReidDataException {
        FrameMatcher m = new FrameMatcher(twoIdentities(), MatchPolicy.DEFAULT);
        QueryFrame f = new QueryFrame(DIM, 4);
        MatchResults r = new MatchResults(4);
        f.add(query(0.90, 0.60), 0, 1);
        f.add(query(0.80, 0.56), 0, 2);
        // Boxes 100x200 shifted by 30 px: IoU = 70*200 / (2*20000 - 14000) = 0.538 > 0.41.
        f.box(0, 0, 0, 100, 200);
        f.box(1, 30, 0, 100, 200);
        m.match(f, "test", r);
        assertEquals(Decision.MATCH, r.decision(0));
        assertEquals(Decision.DUPLICATE, r.decision(1));
        assertEquals(0, r.duplicateOf(1));
        assertEquals(10, r.playerId(1));
        // Shifted by 60 px: IoU = 40*200 / (40000 - 8000) = 0.25, not a duplicate; the second query gets B.
        f.box(1, 60, 0, 100, 200);
        m.match(f, "test", r);
        assertEquals(Decision.UNCERTAIN, r.decision(1));
        assertEquals(20, r.playerId(1));
        // No boxes, ground positions 0.3 m apart (< 0.5 m): duplicate again.
        f.clear();
        f.add(query(0.90, 0.60), 0, 1);
        f.add(query(0.80, 0.56), 0, 2);
        f.ground(0, 10f, 5f);
        f.ground(1, 10.3f, 5f);
        m.match(f, "test", r);
        assertEquals(Decision.DUPLICATE, r.decision(1));
    }

    @Test
    void overlappingDetectionsOfDifferentIdentitiesAreBothKept() throws BadReidDataException {
        FrameMatcher m = new FrameMatcher(twoIdentities(), MatchPolicy.DEFAULT);
        QueryFrame f = new QueryFrame(DIM, 4);
        MatchResults r = new MatchResults(4);
        f.add(query(0.95, 0.60), 0, 1);
        f.add(query(0.60, 0.95), 0, 2);
        f.box(0, 0, 0, 100, 200);
        f.box(1, 0, 0, 100, 200);
        m.match(f, "test", r);
        assertEquals(10, r.playerId(0));
        assertEquals(20, r.playerId(1));
        assertEquals(Decision.MATCH, r.decision(1));
    }

    @Test
    void vetoedIdentitiesAreNeverAssigned() throws BadReidDataException {
        FrameMatcher m = new FrameMatcher(twoIdentities(), MatchPolicy.DEFAULT, (f, q, p) -> p != 10);
        QueryFrame f = new QueryFrame(DIM, 4);
        MatchResults r = new MatchResults(4);
        f.add(query(0.95, 0.70), 0, 1);
        m.match(f, "test", r);
        assertEquals(20, r.playerId(0));
        FrameMatcher none = new FrameMatcher(twoIdentities(), MatchPolicy.DEFAULT, (fr, q, p) -> false);
        none.match(f, "test", r);
        assertEquals(Decision.NEW, r.decision(0));
        assertEquals(-1, r.playerId(0));
    }

    @Test
    void badEmbeddingsNameTheRow() {
        FrameMatcher m = new FrameMatcher(twoIdentities(), MatchPolicy.DEFAULT);
        QueryFrame f = new QueryFrame(DIM, 4);
        MatchResults r = new MatchResults(4);
        f.add(query(0.9, 0.5), 0, 6);
        float[] bad = query(0.9, 0.5);
        bad[3] = Float.NaN;
        f.add(bad, 0, 7);
        BadReidDataException e = assertThrows(BadReidDataException.class, () -> m.match(f, "q.csv", r));
        assertTrue(e.getMessage().contains("q.csv: row 7") && e.getMessage().contains("e3"), e.getMessage());
        f.clear();
        f.add(new float[DIM], 0, 9);
        e = assertThrows(BadReidDataException.class, () -> m.match(f, "q.csv", r));
        assertTrue(e.getMessage().contains("row 9") && e.getMessage().contains("zeros"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.match(new QueryFrame(DIM + 1, 1), "q", r));
    }

    @Test
    void emptyGalleryGivesNew() throws BadReidDataException {
        EmbeddingGallery g = EmbeddingGallery.builder().dimension(DIM).build();
        g.add(3);
        QueryFrame f = new QueryFrame(DIM, 1);
        f.add(query(0.9, 0.5), 0, 1);
        MatchResults r = new MatchResults(1);
        new FrameMatcher(g, MatchPolicy.DEFAULT).match(f, "t", r);
        assertEquals(Decision.NEW, r.decision(0));
    }

    /** The Hungarian solver finds the brute-force optimum on random small problems. */
    @Property(tries = 300, seed = "20261124")
    void hungarianIsOptimal(@ForAll @IntRange(min = 1, max = 5) int rows, @ForAll @IntRange(min = 0, max = 3) int extra,
                            @ForAll long seed) {
        int cols = rows + extra;
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] cost = new double[rows * cols];
        for (int i = 0; i < cost.length; i++) {
            cost[i] = rnd.nextInt(10) + (rnd.nextBoolean() ? 0.5 : 0);
        }
        int[] a = new int[rows];
        new Hungarian().solve(cost, rows, cols, a);
        double got = 0;
        boolean[] usedCol = new boolean[cols];
        for (int r = 0; r < rows; r++) {
            assertTrue(!usedCol[a[r]], "columns distinct");
            usedCol[a[r]] = true;
            got += cost[r * cols + a[r]];
        }
        assertEquals(brute(cost, rows, cols, 0, new boolean[cols]), got, 1e-9);
    }

    private static double brute(double[] cost, int rows, int cols, int r, boolean[] used) {
        if (r == rows) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int c = 0; c < cols; c++) {
            if (!used[c]) {
                used[c] = true;
                best = Math.min(best, cost[r * cols + c] + brute(cost, rows, cols, r + 1, used));
                used[c] = false;
            }
        }
        return best;
    }
}
