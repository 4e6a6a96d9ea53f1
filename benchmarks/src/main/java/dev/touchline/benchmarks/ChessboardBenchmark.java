package dev.touchline.benchmarks;

import dev.touchline.calibration.CalibrationException;
import dev.touchline.calibration.ChessboardCorners;
import dev.touchline.calibration.ChessboardDetector;
import java.awt.image.BufferedImage;
import java.io.IOException;
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
 * Chessboard detection plus sub-pixel refinement of all 54 inner corners on a decoded 640 × 480 image, one image
 * per operation ({@link ChessboardWorkload}: a rendered board, or the 13 OpenCV sample boards in turn, which needs
 * TOUCHLINE_DATA). The target is ≤ 10 ms per image. No BoofCV twin: the benchmarks depend on boofcv-geo only, and
 * BoofCV's chessboard detector lives in boofcv-recognition.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChessboardBenchmark {
    /** "rendered" or "opencv". */
    @Param({"rendered", "opencv"})
    public String source;

    private ChessboardWorkload workload;
    private final ChessboardDetector detector = ChessboardDetector.of(9, 6);
    private int next;

    /** Decodes or renders the images. */
    @Setup
    public void setUp() throws IOException {
        workload = new ChessboardWorkload(source);
    }

    /** Finds and refines the 9 × 6 inner corners of the next image. */
    @Benchmark
    public ChessboardCorners detectAndRefine() throws CalibrationException {
        BufferedImage image = workload.images.get(next);
        next = next + 1 == workload.images.size() ? 0 : next + 1;
        return detector.detect(image);
    }
}
