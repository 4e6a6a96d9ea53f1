package dev.touchline.benchmarks;

import dev.touchline.codec.gps.CorruptGpsDataException;
import dev.touchline.codec.gps.GpsFile;
import dev.touchline.sensor.GpsTrack;
import java.util.Locale;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * GNSS codecs side by side on one core: whole-track encode and decode ({@code fixes} counter = fixes per second),
 * the size ({@code bitsPerFix} counter, constant per parameter set) and, for our container, seek + decode of the
 * 30 s window holding a random instant. Datasets: a simulated 90-minute match and the two real sets
 * ({@code TOUCHLINE_DATA}). {@code main} prints the bits-per-fix table without timing anything.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class GpsCodecBenchmark {
    /** Track: simulated, statsports, catapult. */
    @Param({"simulated", "statsports", "catapult"})
    public String dataset;

    /** Codec: see {@link GpsPeers#NAMES}. */
    @Param({"tlg-auto", "tlg-model", "tlg-zstd", "tlg-xor", "tlg-v3w1", "tlg-stream", "tlg-v2", "tlg-v1", "tlg-w10",
        "zstd3-delta", "zstd19-delta",
        "zstd3-raw", "zstd19-raw", "gorilla-latlon", "gorilla-latlon-raw", "parquet-snappy", "parquet-zstd", "plain"})
    public String codec;

    private GpsTrack track;
    private byte[] encoded;
    private GpsPeers.Columns columns;
    private GpsFile file;
    private SplittableRandom random;

    /** Fixes processed and the size, reported by JMH. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        /** Fixes encoded or decoded. */
        public long fixes;

        /** Resets for each iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            fixes = 0;
        }
    }

    /** Loads and encodes the track once. */
    @Setup
    public void setUp() throws CorruptGpsDataException {
        track = GpsDatasets.load(dataset, 90);
        encoded = GpsPeers.encode(codec, track);
        columns = new GpsPeers.Columns(track.length());
        file = codec.startsWith("tlg-") ? GpsPeers.codec(codec).open(encoded) : null;
        random = new SplittableRandom(7);
    }

    /** Frees the container's native context. */
    @TearDown
    public void tearDown() {
        if (file != null) {
            file.close();
        }
    }

    /** Whole-track encode. */
    @Benchmark
    public byte[] encode(Counters counters) {
        counters.fixes += track.length();
        return GpsPeers.encode(codec, track);
    }

    /** Whole-track decode into columns. */
    @Benchmark
    public int decode(Counters counters) throws CorruptGpsDataException {
        int n = GpsPeers.decode(codec, encoded, track.length(), columns);
        counters.fixes += n;
        return n;
    }

    /** Seek to a random instant and decode its 30 s window (our container only; peers have no random access). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int seek30s() throws CorruptGpsDataException {
        if (file == null) {
            return 0;
        }
        long t = track.timeMicros(random.nextInt(track.length()));
        return file.seek(t).length();
    }

    /** Prints bits per fix for every dataset available and codec. */
    public static void main(String[] args) {
        String[] sets = args.length > 0 ? args : new String[] {"simulated", "statsports", "catapult"};
        System.out.printf(Locale.ROOT, "%-12s %8s", "dataset", "fixes");
        for (String name : GpsPeers.NAMES) {
            System.out.printf(Locale.ROOT, " %14s", name);
        }
        System.out.println();
        for (String set : sets) {
            GpsTrack t = GpsDatasets.load(set, 90);
            System.out.printf(Locale.ROOT, "%-12s %8d", set, t.length());
            for (String name : GpsPeers.NAMES) {
                System.out.printf(Locale.ROOT, " %14.3f", 8.0 * GpsPeers.encode(name, t).length / t.length());
            }
            System.out.println();
        }
    }
}
