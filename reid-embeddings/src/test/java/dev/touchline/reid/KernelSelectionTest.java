package dev.touchline.reid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Which frame kernel the gallery picks. The build runs this class twice: with {@code --add-modules
 * jdk.incubator.vector} (the Vector API kernel) and without it (the portable kernel, with the reason named).
 */
class KernelSelectionTest {
    @Test
    void theVectorKernelIsActiveExactlyWhenItsModuleIsInTheBootLayer() {
        boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        boolean forcedOff = "false".equals(System.getProperty(ColumnKernels.PROPERTY));
        String described = EmbeddingGallery.scoringKernel();
        if (present && !forcedOff) {
            assertTrue(described.startsWith("vector-api"), described);
        } else {
            assertSame(FmaColumnKernel.INSTANCE, ColumnKernels.active());
            assertTrue(described.startsWith("fma-superword"), described);
            if (!present) {
                assertTrue(described.contains("--add-modules jdk.incubator.vector"), described);
                assertEquals(false, ColumnKernels.vector().isPresent());
            }
        }
    }

    /** Seed 5: a gallery on the active kernel and one on the portable kernel give bit-identical frames. */
    @Test
    void activeAndPortableKernelsScoreAFrameIdentically() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        int dim = 128;
        EmbeddingGallery active = EmbeddingGallery.builder().dimension(dim).capacity(150).insertIntervalMicros(0)
                .build();
        EmbeddingGallery portable = EmbeddingGallery.builder().dimension(dim).capacity(150).insertIntervalMicros(0)
                .kernel(FmaColumnKernel.INSTANCE).build();
        float[] v = new float[dim];
        for (int p = 0; p < 22; p++) {
            active.add(p);
            portable.add(p);
            for (int k = 0; k < 150 - 3 * p; k++) {
                for (int d = 0; d < dim; d++) {
                    v[d] = (float) r.nextGaussian();
                }
                active.offer(p, k, v, 0);
                portable.offer(p, k, v, 0);
            }
        }
        int count = 22;
        float[] q = new float[count * dim];
        for (int i = 0; i < q.length; i++) {
            q[i] = (float) r.nextGaussian();
        }
        float[] a = new float[count * 22];
        float[] b = new float[count * 22];
        active.scoresFrame(q, 0, count, a, 0, 22, 22);
        portable.scoresFrame(q, 0, count, b, 0, 22, 22);
        for (int i = 0; i < a.length; i++) {
            assertEquals(b[i], a[i], 0f, "query " + i / 22 + " slot " + i % 22);
        }
    }
}
