package dev.touchline.reid;

/**
 * The panel copy of a column store, read by the Vector API kernel: rows in panels of {@value #WIDTH}, and within a
 * panel all dimensions back to back, {@value #WIDTH} rows each, so element {@code d} of row {@code r} is at
 * {@link #index}. A block of rows then reads a few sequential streams (one per panel) instead of one short stream
 * per dimension; measured on the 22 x 3,300 x 128 frame, the register-blocked kernel took about 0.8x the time on
 * panels that it took on the per-dimension arrays.
 */
final class Panels {
    /** Rows per panel: a 512-bit vector of floats. Vector kernels need a lane count that divides it. */
    static final int WIDTH = 16;

    private Panels() {
    }

    /** Position of element {@code d} of row {@code row} in a panel array of dimension {@code dim}. */
    static int index(int row, int d, int dim) {
        return (row / WIDTH) * (dim * WIDTH) + d * WIDTH + row % WIDTH;
    }

    /** Length of a panel array holding {@code rows} rows of dimension {@code dim} (whole panels). */
    static int length(int rows, int dim) {
        return (int) Math.min(Integer.MAX_VALUE, ((rows + (long) WIDTH - 1) / WIDTH) * WIDTH * dim);
    }

    /**
     * Copies rows {@code [from, to)} of a column store into a panel array.
     *
     * @param cols one array per dimension, not modified
     * @param dim dimension
     * @param panels destination, at least {@link #length}{@code (to, dim)} long; modified
     */
    static void copyRows(float[][] cols, int dim, int from, int to, float[] panels) {
        for (int d = 0; d < dim; d++) {
            float[] c = cols[d];
            for (int r = from; r < to; r++) {
                panels[index(r, d, dim)] = c[r];
            }
        }
    }
}
