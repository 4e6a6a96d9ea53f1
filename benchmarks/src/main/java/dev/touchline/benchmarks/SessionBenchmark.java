package dev.touchline.benchmarks;

import dev.touchline.fusion.BadSensorDataException;
import dev.touchline.fusion.session.SessionListener;
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
 * One player's whole session through {@code SessionPipeline} on one core: alignment, orientation, impact gating and
 * PlayerLoad on a 1 kHz accelerometer and 200 Hz gyroscope, and the PPG (500 Hz) onto the 100 Hz grid. Input: a
 * simulated session (seed 90, {@code minutes} long, no half-time break; 90 minutes = 5.4 M accelerometer, 1.08 M
 * gyro and 2.7 M PPG samples) held in memory. One operation is one whole session with a fresh pipeline. Target from
 * the issue: ≤ 150 ms for 90 minutes. Run with {@code -prof gc} to see the allocation per operation (the
 * pipeline's buffers, a few hundred kB, nothing per sample).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class SessionBenchmark {
    /** Session length, minutes. */
    @Param({"90"})
    public int minutes;

    /** Orientation updated once per pair of gyro samples ({@code SessionPipeline.Builder.pairedOrientation}). */
    @Param({"false", "true"})
    public boolean paired;

    private SessionWorkload workload;
    private final SessionListener sink = new SessionListener() { };

    /** Simulates the session once per trial (several seconds; not measured). */
    @Setup(Level.Trial)
    public void setUp() {
        workload = new SessionWorkload(90, minutes);
    }

    /** The whole session; returns the PlayerLoad so the work is not dead. */
    @Benchmark
    public double session() throws BadSensorDataException {
        return workload.run(sink, paired).playerLoad();
    }
}
