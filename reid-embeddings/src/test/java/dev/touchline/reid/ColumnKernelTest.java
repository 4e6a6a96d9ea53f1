package dev.touchline.reid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The frame kernels against the references: the portable kernel always, the Vector API kernel when this JVM has
 * {@code jdk.incubator.vector} (this module's tests run with it; the build's second test run without it covers
 * the fallback, see {@link KernelSelectionTest}).
 */
class ColumnKernelTest {
    private static List<ColumnKernel> kernels() {
        List<ColumnKernel> ks = new ArrayList<>();
        ks.add(FmaColumnKernel.INSTANCE);
        ColumnKernels.vector().ifPresent(ks::add);
        return ks;
    }

    /**
     * Row ranges up to 300 long from any start (so across several 64-row vector blocks, the one-vector tail and
     * the scalar tail), 1 to 11 queries (four-query blocks, a pair, a single), any dimension from 1 to 140: every
     * kernel is bit-identical to {@link Dot#dotColumns1} and within float rounding of the one-accumulator
     * reference, and rows outside the range are untouched.
     */
    @Property(tries = 300, seed = "20261125")
    void kernelsAgreeWithOneQueryKernelAndScalarReference(@ForAll @IntRange(min = 0, max = 40) int from,
                                                          @ForAll @IntRange(min = 0, max = 300) int rows,
                                                          @ForAll @IntRange(min = 1, max = 11) int count,
                                                          @ForAll @IntRange(min = 1, max = 140) int dim,
                                                          @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int to = from + rows;
        int length = to + 5;
        float[][] cols = new float[dim][length];
        for (float[] col : cols) {
            for (int i = 0; i < length; i++) {
                col[i] = (float) (r.nextGaussian() / Math.sqrt(dim));
            }
        }
        float[] q = new float[3 + count * dim];
        for (int i = 0; i < q.length; i++) {
            q[i] = (float) (r.nextGaussian() / Math.sqrt(dim));
        }
        float[] one = new float[length];
        float[] ref = new float[length];
        for (ColumnKernel kernel : kernels()) {
            float[][] acc = new float[count][length];
            for (float[] a : acc) {
                java.util.Arrays.fill(a, 7f);
            }
            float[] panels = null;
            if (kernel.usesPanels()) {
                panels = new float[Panels.length(length, dim)];
                java.util.Arrays.fill(panels, Float.NaN);
                // Only the range is copied: a kernel reading a panel row outside it would turn a result into NaN.
                Panels.copyRows(cols, dim, from, to, panels);
            }
            kernel.dotRows(q, 3, count, cols, panels, dim, from, to, acc);
            for (int k = 0; k < count; k++) {
                Dot.dotColumns1(q, 3 + k * dim, cols, dim, from, to, one);
                Dot.dotColumnsScalar(q, 3 + k * dim, cols, dim, from, to, ref);
                for (int i = 0; i < length; i++) {
                    String where = kernel.description() + ", query " + k + " row " + i;
                    if (i >= from && i < to) {
                        assertEquals(one[i], acc[k][i], 0f, where);
                        assertEquals(ref[i], acc[k][i], 1e-5 * (1 + Math.abs(ref[i])), where);
                    } else {
                        assertEquals(7f, acc[k][i], "row outside the range was written: " + where);
                    }
                }
            }
        }
    }

    /** The Vector API kernel is found whenever its module is in the boot layer (as in this module's test run). */
    @Test
    void vectorKernelLoadsWhenTheModuleIsPresent() {
        boolean present = ModuleLayer.boot().findModule(ColumnKernels.VECTOR_MODULE).isPresent();
        assertEquals(present, ColumnKernels.vector().isPresent(),
                "module present " + present + ", active: " + EmbeddingGallery.scoringKernel());
        ColumnKernels.vector().ifPresent(k -> assertTrue(k.description().startsWith("vector-api"),
                k.description()));
    }
}
