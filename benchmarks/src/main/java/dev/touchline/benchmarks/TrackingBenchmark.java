package dev.touchline.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-frame cost of tracking 23 players with 5 false positives per frame at 25 Hz: our tracker against the
 * SORT-like baseline (whole trackers), and our 7-state filter against commons-math3's {@code KalmanFilter} with the
 * same model (23 predict + update steps, association given). Run with {@code -prof gc} to see allocation per frame.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrackingBenchmark {
    private TrackingWorkload workload;

    /** A 40 s loop of frames, warmed past track confirmation. */
    @Setup(Level.Trial)
    public void setUp() {
        workload = new TrackingWorkload(17, 1000);
        for (int f = 0; f < 100; f++) {
            workload.stepOurs();
            workload.stepBaseline();
        }
    }

    /** One frame of our tracker. */
    @Benchmark
    public int trackerOurs() {
        return workload.stepOurs();
    }

    /** One frame of our tracker with the output 1 s late (FixedLagTracker, 25 frames). */
    @Benchmark
    public int trackerOursLagged() {
        return workload.stepOursLagged();
    }

    /** One frame of the SORT-like baseline. */
    @Benchmark
    public int trackerSortBaseline() {
        return workload.stepBaseline();
    }

    /** 23 steps of our filter. */
    @Benchmark
    public double filtersOurs() {
        return workload.stepOurFilters();
    }

    /** 23 steps of commons-math3's filter. */
    @Benchmark
    public double filtersCommonsMath() {
        return workload.stepCommonsMathFilters();
    }
}
