package dev.touchline.reid;

import org.jspecify.annotations.Nullable;

/**
 * A frame kernel of the gallery's MAX scoring: the dot products of several queries with a range of rows stored
 * column by column. Implementations must give each dot product as a fused multiply-add chain over the dimensions
 * in index order starting from zero (one rounding per term), so every kernel is bit-identical to
 * {@link Dot#dotColumns1} and a frame scores the same whichever kernel is active.
 */
interface ColumnKernel {
    /**
     * {@code acc[k][r] = sum over d of q[qOff + k * dim + d] * cols[d][r]} for every query {@code k < count} and row
     * {@code r} in {@code [from, to)}.
     *
     * @param q queries back to back, not modified
     * @param qOff start of the first query
     * @param count number of queries, at most {@code acc.length}
     * @param cols one array per dimension, each at least {@code to} long, not modified
     * @param panels the same rows in the {@link Panels} layout, not modified; null unless {@link #usesPanels()}
     * @param dim dimension, at most {@code cols.length}
     * @param from first row
     * @param to end of the rows (exclusive), {@code from <= to}
     * @param acc one distinct array per query, each at least {@code to} long; modified (entries {@code [from, to)})
     */
    void dotRows(float[] q, int qOff, int count, float[][] cols, float @Nullable [] panels, int dim, int from,
                 int to, float[][] acc);

    /** Whether {@link #dotRows} reads a {@link Panels} copy (the gallery then keeps one beside its columns). */
    boolean usesPanels();

    /**
     * Rows the gallery should hand to one {@link #dotRows} call (rounded to whole identities). The portable kernel
     * streams every column once per four queries, so it wants a tile whose columns stay in the L2 cache; a kernel
     * that blocks rows itself wants the whole gallery at once.
     */
    int tileRows();

    /** A short description for logs and benchmark reports, e.g. {@code "fma-superword"}. */
    String description();
}
