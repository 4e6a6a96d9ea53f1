package dev.touchline.tracking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RectangularAssignmentTest {

    /** Best (pairs, cost) over all matchings on allowed entries, by exhaustive search. */
    private static double[] bruteForce(double[] cost, int rows, int cols) {
        double[] best = {0, 0};
        search(cost, rows, cols, 0, new boolean[cols], 0, 0, best);
        return best;
    }

    private static void search(double[] cost, int rows, int cols, int r, boolean[] usedCols, int pairs, double sum,
                               double[] best) {
        if (r == rows) {
            if (pairs > best[0] || (pairs == best[0] && sum < best[1])) {
                best[0] = pairs;
                best[1] = sum;
            }
            return;
        }
        search(cost, rows, cols, r + 1, usedCols, pairs, sum, best);
        for (int c = 0; c < cols; c++) {
            double v = cost[r * cols + c];
            if (!usedCols[c] && Double.isFinite(v)) {
                usedCols[c] = true;
                search(cost, rows, cols, r + 1, usedCols, pairs + 1, sum + v, best);
                usedCols[c] = false;
            }
        }
    }

    @Property(tries = 400, seed = "12345")
    void matchesBruteForce(@ForAll @IntRange(min = 0, max = 6) int rows, @ForAll @IntRange(min = 0, max = 6) int cols,
                           @ForAll long seed) {
        Random rnd = new Random(seed);
        double forbiddenShare = rnd.nextDouble() * 0.7;
        double[] cost = new double[rows * cols];
        for (int k = 0; k < cost.length; k++) {
            cost[k] = rnd.nextDouble() < forbiddenShare ? RectangularAssignment.FORBIDDEN
                    : rnd.nextInt(4) == 0 ? rnd.nextInt(5) : rnd.nextDouble() * 20 - 5;
        }
        int[] rowToCol = new int[rows];
        // a small initial work space forces growth
        RectangularAssignment solver = new RectangularAssignment(1, 1);
        int pairs = solver.solve(cost, rows, cols, rowToCol);
        double[] best = bruteForce(cost, rows, cols);
        boolean[] usedCols = new boolean[cols];
        double sum = 0;
        int counted = 0;
        for (int r = 0; r < rows; r++) {
            int c = rowToCol[r];
            if (c >= 0) {
                assertTrue(Double.isFinite(cost[r * cols + c]), "forbidden pair used");
                assertTrue(!usedCols[c], "column used twice");
                usedCols[c] = true;
                sum += cost[r * cols + c];
                counted++;
            }
        }
        assertEquals(counted, pairs);
        assertEquals((int) best[0], pairs, "number of pairs");
        assertEquals(best[1], sum, 1e-9, "total cost");
    }

    @Test
    void solvesAKnownRectangularCase() {
        // 2 rows, 3 columns: row 0 prefers column 1 but row 1 can only take column 1
        double f = RectangularAssignment.FORBIDDEN;
        double[] cost = {5, 1, 9,
                         f, 2, f};
        int[] rowToCol = new int[2];
        int pairs = new RectangularAssignment(2, 3).solve(cost, 2, 3, rowToCol);
        assertEquals(2, pairs);
        assertArrayEquals(new int[] {0, 1}, rowToCol);
    }

    @Test
    void tallMatrixLeavesRowsUnassigned() {
        double[] cost = {3, 1, 2};
        int[] rowToCol = new int[3];
        int pairs = new RectangularAssignment(3, 1).solve(cost, 3, 1, rowToCol);
        assertEquals(1, pairs);
        assertArrayEquals(new int[] {-1, 0, -1}, rowToCol);
    }
}
