package dev.touchline.benchmarks;

import dev.touchline.sensor.simulation.Signal;
import dev.touchline.sensor.simulation.SimulationConfig;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Simulator throughput on one core: samples of every signal (positions, detections, GNSS, IMU, ECG, PPG, FSR)
 * produced per second, for a 22-player match with two wearable players. The {@code samples} counter divided by
 * time is the figure reported; {@code simulateMatch} itself is one whole simulated match segment.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class SimulatorBenchmark {
    /** Minutes of match simulated per operation. */
    @Param({"2"})
    public int minutes;

    /**
     * Which signals: {@code all}; {@code match} (positions, detections and GNSS of every object); {@code wearables}
     * (IMU, ECG, PPG and FSR of the two instrumented players, with the motion they need).
     */
    @Param({"all", "match", "wearables"})
    public String signals;

    private SimulationConfig config;

    /** Counts the samples produced, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        /** Samples produced. */
        public long samples;

        /** Resets the count for each iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            samples = 0;
        }
    }

    /** Builds the config once. */
    @Setup
    public void setUp() {
        Set<Signal> chosen = switch (signals) {
            case "all" -> EnumSet.allOf(Signal.class);
            case "match" -> EnumSet.of(Signal.POSITIONS, Signal.DETECTIONS, Signal.GNSS);
            case "wearables" -> EnumSet.of(Signal.IMU, Signal.ECG, Signal.PPG, Signal.FSR);
            default -> throw new IllegalArgumentException("signals must be all, match or wearables, was " + signals);
        };
        config = SimulationConfig.builder().seed(1).matchDuration(Duration.ofMinutes(minutes))
                .halfTimeBreak(Duration.ZERO).signals(chosen).build();
    }

    /** One simulated match segment with every signal. */
    @Benchmark
    public long simulateMatch(Counters counters) {
        long n = SimulatorWorkload.run(config);
        counters.samples += n;
        return n;
    }
}
