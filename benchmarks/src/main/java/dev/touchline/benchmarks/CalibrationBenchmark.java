package dev.touchline.benchmarks;

import boofcv.alg.geo.h.HomographyDirectLinearTransform;
import boofcv.alg.geo.pose.PRnPDirectLinearTransform;
import dev.touchline.calibration.CalibrationException;
import dev.touchline.calibration.Camera;
import dev.touchline.calibration.CameraModel;
import dev.touchline.calibration.DltCalibrator;
import dev.touchline.calibration.Homography;
import dev.touchline.calibration.HomographyCalibrator;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
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
 * Camera calibration solvers, one fit per operation, side by side with BoofCV where it has the same operation:
 * DLT-11 (normalised linear DLT) against BoofCV's {@code PRnPDirectLinearTransform}; the normalised linear
 * homography against BoofCV's {@code HomographyDirectLinearTransform}; DLT-20 with Levenberg–Marquardt and the
 * homography with RANSAC and refinement have no BoofCV twin here. Inputs: {@link CalibrationWorkload} (seed 1).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CalibrationBenchmark {
    /** Landmarks per fit. */
    @Param({"40"})
    public int n;

    private CalibrationWorkload workload;
    private DltCalibrator dlt11;
    private DltCalibrator dlt20;
    private HomographyCalibrator homographyLinear;
    private HomographyCalibrator homographyRobust;
    private final PRnPDirectLinearTransform boofcvDlt = new PRnPDirectLinearTransform();
    private final HomographyDirectLinearTransform boofcvHomography = new HomographyDirectLinearTransform(true);
    private final DMatrixRMaj boofcvP = new DMatrixRMaj(3, 4);
    private final DMatrixRMaj boofcvH = new DMatrixRMaj(3, 3);

    /** Builds the landmarks and the solvers. */
    @Setup
    public void setUp() {
        workload = new CalibrationWorkload(n, 1);
        dlt11 = DltCalibrator.builder().model(CameraModel.DLT11).landmarksPerParameter(0).build();
        dlt20 = DltCalibrator.builder().model(CameraModel.DLT20).imageSize(1920, 1080).landmarksPerParameter(0)
                .build();
        homographyLinear = HomographyCalibrator.builder().landmarksPerParameter(0).ransacThresholdPx(0)
                .refine(false).build();
        homographyRobust = HomographyCalibrator.builder().landmarksPerParameter(0).build();
    }

    /** DLT-11, normalised linear solution (Touchline). */
    @Benchmark
    public Camera dlt11() throws CalibrationException {
        return dlt11.calibrate(workload.landmarks).camera();
    }

    /** DLT-20: DLT-11 then Levenberg–Marquardt over 20 parameters (Touchline). */
    @Benchmark
    public Camera dlt20() throws CalibrationException {
        return dlt20.calibrate(workload.landmarks).camera();
    }

    /** Projective camera by DLT (BoofCV). */
    @Benchmark
    public DMatrixRMaj boofcvDlt11() {
        boofcvDlt.process(workload.world, workload.pixels, boofcvP);
        return boofcvP;
    }

    /** Normalised linear homography of the ground landmarks (Touchline). */
    @Benchmark
    public Homography homography() throws CalibrationException {
        return homographyLinear.calibrate(workload.ground).homography();
    }

    /** Homography with RANSAC and Levenberg–Marquardt refinement (Touchline). */
    @Benchmark
    public Homography homographyRansacRefined() throws CalibrationException {
        return homographyRobust.calibrate(workload.ground).homography();
    }

    /** Normalised linear homography (BoofCV). */
    @Benchmark
    public DMatrixRMaj boofcvHomography() {
        boofcvHomography.process(workload.groundPairs, boofcvH);
        return boofcvH;
    }
}
