package dev.touchline.reid;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.jspecify.annotations.Nullable;

/**
 * The Vector API frame kernel (incubating module {@code jdk.incubator.vector}, loaded only by
 * {@link ColumnKernels} when that module is present). It keeps the accumulators in registers: a block of four
 * vectors of rows (64 rows with 512-bit vectors) by four queries is sixteen vector accumulators, each element
 * loaded once per block feeds four fused multiply-adds, and nothing is stored until all dimensions are summed. The
 * row blocks are the outer loop and the queries the inner one, so a block's data (dimension x 64 rows x 4 bytes =
 * 32 kB for 128 dimensions) is read from the L1 cache by every query after the first. It reads the gallery's
 * {@link Panels} copy, where a block is four sequential streams; on the per-dimension arrays (128 short streams
 * per block) the same kernel was slower than the portable one. Rows before the first whole panel and after the
 * last whole vector go through {@link Dot#dotColumns1} on the columns. Leftover queries go as a pair and a single.
 * Every path sums in dimension order with one rounding per term, so the results are bit-identical to the portable
 * kernel's.
 *
 * <p>Compiled in a separate compiler execution (see this module's pom): javac always warns that an incubating
 * module is in use, and the main execution's {@code -Werror} would reject that warning.
 */
final class VectorColumnKernel implements ColumnKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    VectorColumnKernel() {
        if (S.vectorBitSize() < 128 || Panels.WIDTH % L != 0) {
            throw new UnsupportedOperationException("the preferred float vector is " + S.vectorBitSize()
                    + " bits wide; the Vector API kernel needs 128 to " + 32 * Panels.WIDTH);
        }
    }

    @Override
    public boolean usesPanels() {
        return true;
    }

    @Override
    public void dotRows(float[] q, int qOff, int count, float[][] cols, float @Nullable [] panels, int dim,
                        int from, int to, float[][] acc) {
        float[] p = java.util.Objects.requireNonNull(panels, "panels");
        int r = Math.min(to, (from + Panels.WIDTH - 1) / Panels.WIDTH * Panels.WIDTH);
        if (from < r) {
            for (int k = 0; k < count; k++) {
                Dot.dotColumns1(q, qOff + k * dim, cols, dim, from, r, acc[k]);
            }
        }
        // From here r is a multiple of the panel width, so each vector of L rows lies inside one panel.
        for (; r + 4 * L <= to; r += 4 * L) {
            int i0 = Panels.index(r, 0, dim);
            int i1 = Panels.index(r + L, 0, dim);
            int i2 = Panels.index(r + 2 * L, 0, dim);
            int i3 = Panels.index(r + 3 * L, 0, dim);
            int k = 0;
            for (; k + 3 < count; k += 4) {
                int off = qOff + k * dim;
                block4x4(q, off, off + dim, off + 2 * dim, off + 3 * dim, p, dim, i0, i1, i2, i3, r, acc[k],
                        acc[k + 1], acc[k + 2], acc[k + 3]);
            }
            for (; k + 1 < count; k += 2) {
                int off = qOff + k * dim;
                block2x4(q, off, off + dim, p, dim, i0, i1, i2, i3, r, acc[k], acc[k + 1]);
            }
            for (; k < count; k++) {
                block1x4(q, qOff + k * dim, p, dim, i0, i1, i2, i3, r, acc[k]);
            }
        }
        for (; r + L <= to; r += L) {
            int i0 = Panels.index(r, 0, dim);
            for (int k = 0; k < count; k++) {
                block1x1(q, qOff + k * dim, p, dim, i0, r, acc[k]);
            }
        }
        if (r < to) {
            for (int k = 0; k < count; k++) {
                Dot.dotColumns1(q, qOff + k * dim, cols, dim, r, to, acc[k]);
            }
        }
    }

    private static void block4x4(float[] q, int oA, int oB, int oC, int oD, float[] p, int dim, int i0, int i1,
                                 int i2, int i3, int r,
                                 float[] accA, float[] accB, float[] accC, float[] accD) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        FloatVector b0 = a0;
        FloatVector b1 = a0;
        FloatVector b2 = a0;
        FloatVector b3 = a0;
        FloatVector c0 = a0;
        FloatVector c1 = a0;
        FloatVector c2 = a0;
        FloatVector c3 = a0;
        FloatVector e0 = a0;
        FloatVector e1 = a0;
        FloatVector e2 = a0;
        FloatVector e3 = a0;
        for (int d = 0; d < dim; d++) {
            int o = d * Panels.WIDTH;
            FloatVector x0 = FloatVector.fromArray(S, p, i0 + o);
            FloatVector x1 = FloatVector.fromArray(S, p, i1 + o);
            FloatVector x2 = FloatVector.fromArray(S, p, i2 + o);
            FloatVector x3 = FloatVector.fromArray(S, p, i3 + o);
            FloatVector v = FloatVector.broadcast(S, q[oA + d]);
            a0 = x0.fma(v, a0);
            a1 = x1.fma(v, a1);
            a2 = x2.fma(v, a2);
            a3 = x3.fma(v, a3);
            v = FloatVector.broadcast(S, q[oB + d]);
            b0 = x0.fma(v, b0);
            b1 = x1.fma(v, b1);
            b2 = x2.fma(v, b2);
            b3 = x3.fma(v, b3);
            v = FloatVector.broadcast(S, q[oC + d]);
            c0 = x0.fma(v, c0);
            c1 = x1.fma(v, c1);
            c2 = x2.fma(v, c2);
            c3 = x3.fma(v, c3);
            v = FloatVector.broadcast(S, q[oD + d]);
            e0 = x0.fma(v, e0);
            e1 = x1.fma(v, e1);
            e2 = x2.fma(v, e2);
            e3 = x3.fma(v, e3);
        }
        store4(accA, r, a0, a1, a2, a3);
        store4(accB, r, b0, b1, b2, b3);
        store4(accC, r, c0, c1, c2, c3);
        store4(accD, r, e0, e1, e2, e3);
    }

    private static void block2x4(float[] q, int oA, int oB, float[] p, int dim, int i0, int i1, int i2, int i3,
                                 int r, float[] accA,
                                 float[] accB) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        FloatVector b0 = a0;
        FloatVector b1 = a0;
        FloatVector b2 = a0;
        FloatVector b3 = a0;
        for (int d = 0; d < dim; d++) {
            int o = d * Panels.WIDTH;
            FloatVector x0 = FloatVector.fromArray(S, p, i0 + o);
            FloatVector x1 = FloatVector.fromArray(S, p, i1 + o);
            FloatVector x2 = FloatVector.fromArray(S, p, i2 + o);
            FloatVector x3 = FloatVector.fromArray(S, p, i3 + o);
            FloatVector v = FloatVector.broadcast(S, q[oA + d]);
            a0 = x0.fma(v, a0);
            a1 = x1.fma(v, a1);
            a2 = x2.fma(v, a2);
            a3 = x3.fma(v, a3);
            v = FloatVector.broadcast(S, q[oB + d]);
            b0 = x0.fma(v, b0);
            b1 = x1.fma(v, b1);
            b2 = x2.fma(v, b2);
            b3 = x3.fma(v, b3);
        }
        store4(accA, r, a0, a1, a2, a3);
        store4(accB, r, b0, b1, b2, b3);
    }

    private static void block1x4(float[] q, int oA, float[] p, int dim, int i0, int i1, int i2, int i3,
                                 int r, float[] accA) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        for (int d = 0; d < dim; d++) {
            int o = d * Panels.WIDTH;
            FloatVector v = FloatVector.broadcast(S, q[oA + d]);
            a0 = FloatVector.fromArray(S, p, i0 + o).fma(v, a0);
            a1 = FloatVector.fromArray(S, p, i1 + o).fma(v, a1);
            a2 = FloatVector.fromArray(S, p, i2 + o).fma(v, a2);
            a3 = FloatVector.fromArray(S, p, i3 + o).fma(v, a3);
        }
        store4(accA, r, a0, a1, a2, a3);
    }

    private static void block1x1(float[] q, int oA, float[] p, int dim, int i0, int r, float[] accA) {
        FloatVector a0 = FloatVector.zero(S);
        for (int d = 0; d < dim; d++) {
            a0 = FloatVector.fromArray(S, p, i0 + d * Panels.WIDTH).fma(FloatVector.broadcast(S, q[oA + d]), a0);
        }
        a0.intoArray(accA, r);
    }

    private static void store4(float[] acc, int r, FloatVector v0, FloatVector v1, FloatVector v2,
                               FloatVector v3) {
        v0.intoArray(acc, r);
        v1.intoArray(acc, r + L);
        v2.intoArray(acc, r + 2 * L);
        v3.intoArray(acc, r + 3 * L);
    }

    /** The whole gallery: the kernel's own row blocks keep its working set in the L1 cache. */
    @Override
    public int tileRows() {
        return Integer.MAX_VALUE;
    }

    @Override
    public String description() {
        return "vector-api (" + S.vectorBitSize() + "-bit, " + L + " lanes, 4 queries x 4 vectors in registers)";
    }
}
