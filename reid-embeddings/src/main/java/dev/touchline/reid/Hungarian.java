package dev.touchline.reid;

/**
 * Minimum-cost rectangular assignment (the Hungarian method with potentials, O(n² m)), array-based and reusable:
 * the work space grows to the largest problem seen and is then reused, so a steady stream of frames allocates
 * nothing. Not thread-safe.
 */
final class Hungarian {
    private double[] u = new double[0];
    private double[] v = new double[0];
    private double[] minv = new double[0];
    private int[] p = new int[0];
    private int[] way = new int[0];
    private boolean[] used = new boolean[0];

    /**
     * Solves {@code rows <= cols}: every row gets a distinct column minimising the total cost.
     *
     * @param cost row-major {@code rows x cols} costs (stride {@code cols}), finite; not modified
     * @param rows number of rows, at most {@code cols}
     * @param cols number of columns
     * @param rowToCol column of each row; modified (entries {@code [0, rows)})
     */
    void solve(double[] cost, int rows, int cols, int[] rowToCol) {
        if (rows > cols) {
            throw new IllegalArgumentException("rows must be <= cols, were " + rows + " and " + cols);
        }
        ensure(rows, cols);
        java.util.Arrays.fill(u, 0, rows + 1, 0.0);
        java.util.Arrays.fill(v, 0, cols + 1, 0.0);
        java.util.Arrays.fill(p, 0, cols + 1, 0);
        for (int i = 1; i <= rows; i++) {
            p[0] = i;
            int j0 = 0;
            java.util.Arrays.fill(minv, 0, cols + 1, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(used, 0, cols + 1, false);
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                int rowBase = (i0 - 1) * cols;
                for (int j = 1; j <= cols; j++) {
                    if (!used[j]) {
                        double cur = cost[rowBase + j - 1] - u[i0] - v[j];
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
                for (int j = 0; j <= cols; j++) {
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
        for (int j = 1; j <= cols; j++) {
            if (p[j] != 0) {
                rowToCol[p[j] - 1] = j - 1;
            }
        }
    }

    private void ensure(int rows, int cols) {
        if (u.length < rows + 1) {
            u = new double[rows + 1];
        }
        if (v.length < cols + 1) {
            v = new double[cols + 1];
            minv = new double[cols + 1];
            p = new int[cols + 1];
            way = new int[cols + 1];
            used = new boolean[cols + 1];
        }
    }
}
