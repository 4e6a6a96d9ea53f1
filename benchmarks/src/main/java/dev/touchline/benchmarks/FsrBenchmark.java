package dev.touchline.benchmarks;

import dev.touchline.fusion.BadSensorDataException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * FSR foot contacts on one core: one player's simulated insole stream (seed 250, {@code minutes} long, six channels
 * at 250 Hz; 90 minutes = 1.35 M samples) through a fresh {@code FootContactDetector}, sample by sample. One
 * operation is the whole stream; divide by {@link FsrWorkload#samples()} for the time per sample. Run with
 * {@code -prof gc} to see the allocation per operation (one small record per contact, nothing per sample).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class FsrBenchmark {
    /** Stream length, minutes. */
    @Param({"90"})
    public int minutes;

    private FsrWorkload workload;

    /** Simulates the stream once per trial (not measured). */
    @Setup(Level.Trial)
    public void setUp() {
        workload = new FsrWorkload(250, minutes);
    }

    /** The whole stream; returns the contact count and duration sum so the work is not dead. */
    @Benchmark
    public long[] contacts() throws BadSensorDataException {
        return workload.run();
    }
}
