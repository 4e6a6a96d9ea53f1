package dev.touchline.reid;

import org.jspecify.annotations.Nullable;

/**
 * The portable kernel: plain Java that C2's SuperWord vectorises on Java 17, four queries by three dimensions per
 * pass over the rows ({@link Dot#dotColumns4}), the remainder as a pair ({@link Dot#dotColumns2}, two dimensions
 * per pass) and a single. Its accumulators live in memory (one load and one store per three multiply-adds in the
 * four-query pass), so it leans on load/store throughput; {@code VectorColumnKernel} keeps them in registers when
 * the Vector API is available.
 */
final class FmaColumnKernel implements ColumnKernel {
    static final FmaColumnKernel INSTANCE = new FmaColumnKernel();

    private FmaColumnKernel() {
    }

    @Override
    public void dotRows(float[] q, int qOff, int count, float[][] cols, float @Nullable [] panels, int dim, int from,
                        int to, float[][] acc) {
        int k = 0;
        for (; k + 3 < count; k += 4) {
            int off = qOff + k * dim;
            Dot.dotColumns4(q, off, off + dim, off + 2 * dim, off + 3 * dim, cols, dim, from, to, acc[k], acc[k + 1],
                    acc[k + 2], acc[k + 3]);
        }
        for (; k + 1 < count; k += 2) {
            int off = qOff + k * dim;
            Dot.dotColumns2(q, off, off + dim, cols, dim, from, to, acc[k], acc[k + 1]);
        }
        for (; k < count; k++) {
            Dot.dotColumns1(q, qOff + k * dim, cols, dim, from, to, acc[k]);
        }
    }

    @Override
    public boolean usesPanels() {
        return false;
    }

    /** About 1,024 rows: for 128 dimensions a tile's columns (512 kB) stay in the L2 cache across query blocks. */
    @Override
    public int tileRows() {
        return 1024;
    }

    @Override
    public String description() {
        return "fma-superword";
    }
}
