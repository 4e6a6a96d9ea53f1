package dev.touchline.tracking;

import java.util.Arrays;

/**
 * The rectangular linear assignment problem on a row-major cost matrix with forbidden pairs: among all matchings
 * that use only allowed pairs, it finds one with the most pairs and, among those, the least total cost.
 *
 * <p>The solver is the shortest-augmenting-path Hungarian method with row and column potentials (Kuhn–Munkres in
 * the Jonker–Volgenant form), O(n² m) for n ≤ m; a wider-than-tall matrix is solved as given and a taller one
 * through its transpose, without copying. Forbidden pairs ({@link #FORBIDDEN}, or any non-finite cost) are
 * replaced inside by a penalty larger than the spread of every possible sum of allowed costs, which makes "most
 * pairs first" exact; pairs that land on a forbidden entry are reported as unassigned.
 *
 * <p>Mutable work space, not thread-safe. {@link #solve} allocates only when a problem is larger than any before.
 */
public final class RectangularAssignment {
    /** Cost of a pair that must not be assigned. */
    public static final double FORBIDDEN = Double.POSITIVE_INFINITY;

    private double[] u = new double[0];
    private double[] v = new double[0];
    private double[] minv = new double[0];
    private int[] p = new int[0];
    private int[] way = new int[0];
    private boolean[] used = new boolean[0];

    /** A solver with work space for problems up to {@code rows × cols}; it grows on demand. */
    public RectangularAssignment(int rows, int cols) {
        ensure(Math.max(Checks.inRange("rows", rows, 0, 1 << 20), Checks.inRange("cols", cols, 0, 1 << 20)));
    }

    private void ensure(int size) {
        if (p.length < size + 1) {
            int n = size + 1;
            u = new double[n];
            v = new double[n];
            minv = new double[n];
            p = new int[n];
            way = new int[n];
            used = new boolean[n];
        }
    }

    /**
     * Solves the problem.
     *
     * @param cost row-major {@code rows × cols} costs, {@code cost[r * cols + c]}; finite values are allowed pairs,
     *             anything else is forbidden. Not modified.
     * @param rows number of rows, ≥ 0
     * @param cols number of columns, ≥ 0
     * @param rowToCol receives, for each row, its column or −1. Modified ({@code [0, rows)}).
     * @return the number of assigned rows
     */
    public int solve(double[] cost, int rows, int cols, int[] rowToCol) {
        if (rows < 0 || cols < 0 || cost.length < (long) rows * cols || rowToCol.length < rows) {
            throw new IllegalArgumentException("solve: rows " + rows + ", cols " + cols + " need cost.length >= "
                    + (long) rows * cols + " (was " + cost.length + ") and rowToCol.length >= rows (was "
                    + rowToCol.length + ")");
        }
        Arrays.fill(rowToCol, 0, rows, -1);
        if (rows == 0 || cols == 0) {
            return 0;
        }
        double spread = 0;
        for (int k = 0, len = rows * cols; k < len; k++) {
            double c = cost[k];
            if (Double.isFinite(c)) {
                spread += Math.abs(c);
            }
        }
        double penalty = 2 * spread + 1;
        boolean transposed = rows > cols;
        int n = transposed ? cols : rows;
        int m = transposed ? rows : cols;
        ensure(m);
        Arrays.fill(u, 0, n + 1, 0);
        Arrays.fill(v, 0, m + 1, 0);
        Arrays.fill(p, 0, m + 1, 0);
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            Arrays.fill(minv, 0, m + 1, Double.POSITIVE_INFINITY);
            Arrays.fill(used, 0, m + 1, false);
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double c = transposed ? cost[(j - 1) * cols + (i0 - 1)] : cost[(i0 - 1) * cols + (j - 1)];
                        if (!Double.isFinite(c)) {
                            c = penalty;
                        }
                        double cur = c - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int assigned = 0;
        for (int j = 1; j <= m; j++) {
            if (p[j] != 0) {
                int r = transposed ? j - 1 : p[j] - 1;
                int c = transposed ? p[j] - 1 : j - 1;
                if (Double.isFinite(cost[r * cols + c])) {
                    rowToCol[r] = c;
                    assigned++;
                }
            }
        }
        return assigned;
    }
}
