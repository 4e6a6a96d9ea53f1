package dev.touchline.benchmarks;

import dev.touchline.fusion.ahrs.OrientationFilter;
import dev.touchline.fusion.filter.BiquadCascade;
import dev.touchline.fusion.filter.Butterworth;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-sample cost of the fusion kernels on one core: one orientation update (6-D and 9-D) per operation for each
 * filter, and one sample through an order-4 Butterworth low-pass (two biquads). Inputs are a cycled block of
 * synthetic samples (seed 42). Target from the issue: AHRS ≤ 50 ns per update.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FusionBenchmark {
    /** The orientation filter. */
    @Param({"madgwick", "mahony", "complementary"})
    public String algorithm;

    private FusionKernels kernels;
    private OrientationFilter filter;
    private BiquadCascade lowPass;
    private int i;

    /** Builds inputs and filters. */
    @Setup
    public void setUp() {
        kernels = new FusionKernels(42);
        filter = FusionKernels.filter(algorithm);
        lowPass = new BiquadCascade(Butterworth.lowPass(4, 40, 1000));
    }

    /** One 6-D orientation update. */
    @Benchmark
    public double ahrs6d() {
        return kernels.step6(filter, i++);
    }

    /** One 9-D orientation update. */
    @Benchmark
    public double ahrs9d() {
        return kernels.step9(filter, i++);
    }

    /** One sample through an order-4 Butterworth low-pass (independent of the algorithm parameter). */
    @Benchmark
    public double butterworthPerSample() {
        return lowPass.process(kernels.sample(i++));
    }
}
