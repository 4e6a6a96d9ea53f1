package dev.touchline.benchmarks;

import dev.touchline.reid.EmbeddingGallery;
import dev.touchline.reid.FrameMatcher;
import dev.touchline.reid.MatchPolicy;
import dev.touchline.reid.MatchResults;
import dev.touchline.reid.QueryFrame;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Brute-force cosine search on one core: 22 queries against 22 identities x 150 stored 128-D embeddings (3,300
 * vectors), MAX scoring. {@code scoreFrameIdentityMajor} (name kept from earlier runs) is the frame path the
 * matcher uses: the gallery-wide column layout, four queries per pass (the last two as a pair) over all 3,300
 * stored vectors, fused multiply-adds; {@code scoreFrame} the same gallery query by query (one-query kernel);
 * {@code scoreFrameScalar} the one-accumulator reference loop over the same storage, side by side;
 * {@code plainRowMajor*} the baseline of plain dot products over contiguous row-major embeddings;
 * {@code matchFrame} adds the one-to-one assignment and decisions. The {@code ...VectorApi} methods run the same
 * frame path in a fork started with {@code --add-modules=jdk.incubator.vector}, where the gallery picks its Vector
 * API kernel (accumulators in registers) instead of the portable one; the scores are bit-identical. Target: the
 * frame path at most 0.3 ms.
 * Run with {@code -prof gc} to see the allocation rate: the few B/op it shows come from a constant ~5 kB/s
 * allocated by the harness itself, so they scale with the time per op.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReidGalleryBenchmark {
    /** Embeddings per identity. */
    @Param({"150"})
    public int capacity;

    private ReidWorkload workload;
    private final float[] scores = new float[ReidWorkload.PLAYERS * ReidWorkload.PLAYERS];
    private final float[] row = new float[ReidWorkload.PLAYERS];
    private FrameMatcher matcher;
    private QueryFrame frame;
    private MatchResults results;

    /**
     * Builds the gallery (seed 42) and the frame, and checks that the fork runs the kernel the method's name
     * promises (a command-line {@code -jvmArgsAppend} replaces the annotation's and would drop the module).
     */
    @Setup
    public void setUp(BenchmarkParams params) {
        workload = ReidWorkload.create(42L, capacity);
        matcher = new FrameMatcher(workload.gallery(), MatchPolicy.DEFAULT);
        frame = new QueryFrame(ReidWorkload.DIM, ReidWorkload.PLAYERS);
        for (int q = 0; q < ReidWorkload.PLAYERS; q++) {
            frame.add(workload.queries, q * ReidWorkload.DIM, q);
        }
        results = new MatchResults(ReidWorkload.PLAYERS);
        boolean wantVector = params.getBenchmark().endsWith("VectorApi");
        String kernel = EmbeddingGallery.scoringKernel();
        if (wantVector != kernel.startsWith("vector-api")) {
            throw new IllegalStateException(params.getBenchmark() + " runs on kernel " + kernel);
        }
    }

    /** 22 x 3,300 cosines, one query at a time (one-query kernel). */
    @Benchmark
    public float[] scoreFrame() {
        workload.scoreFrame(scores);
        return scores;
    }

    /** 22 x 3,300 cosines through the frame path the matcher uses (four queries per pass). */
    @Benchmark
    public float[] scoreFrameIdentityMajor() {
        workload.scoreFrameIdentityMajor(scores);
        return scores;
    }

    /** {@link #scoreFrameIdentityMajor} on the Vector API kernel. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
    public float[] scoreFrameVectorApi() {
        workload.scoreFrameIdentityMajor(scores);
        return scores;
    }

    /** {@link #matchFrame} on the Vector API kernel. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
    public MatchResults matchFrameVectorApi() throws Exception {
        matcher.match(frame, "benchmark", results);
        return results;
    }

    /** 22 x 3,300 cosines with the scalar reference loop. */
    @Benchmark
    public float[] scoreFrameScalar() {
        workload.scoreFrameScalar(row, scores);
        return scores;
    }

    /** Baseline: plain one-accumulator dot products over a row-major copy (no gallery, no locks). */
    @Benchmark
    public float[] plainRowMajorScalar() {
        workload.scoreFramePlainRowMajor(scores, false);
        return scores;
    }

    /** Baseline: four-accumulator dot products over a row-major copy (no gallery, no locks). */
    @Benchmark
    public float[] plainRowMajorUnrolled() {
        workload.scoreFramePlainRowMajor(scores, true);
        return scores;
    }

    /** Scoring plus duplicate suppression, Hungarian assignment and decisions for the frame. */
    @Benchmark
    public MatchResults matchFrame() throws Exception {
        matcher.match(frame, "benchmark", results);
        return results;
    }
}
