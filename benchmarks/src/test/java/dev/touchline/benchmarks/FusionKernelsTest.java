package dev.touchline.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.touchline.fusion.ahrs.OrientationFilter;
import org.junit.jupiter.api.Test;

class FusionKernelsTest {
    @Test
    void kernelsKeepAUnitQuaternion() {
        FusionKernels k = new FusionKernels(42); // seed 42, as in the benchmark
        for (String name : new String[] {"madgwick", "mahony", "complementary"}) {
            OrientationFilter f = FusionKernels.filter(name);
            for (int i = 0; i < 10_000; i++) {
                k.step6(f, i);
                k.step9(f, i);
            }
            double norm = f.qw() * f.qw() + f.qx() * f.qx() + f.qy() * f.qy() + f.qz() * f.qz();
            assertEquals(1, norm, 1e-9, name);
        }
        assertThrows(IllegalArgumentException.class, () -> FusionKernels.filter("kalman"));
    }
}
