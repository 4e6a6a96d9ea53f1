package dev.touchline.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * RANSAC and Huber's loss against gross landmark outliers: the in-repository synthetic stadium (56 landmarks, f 1500
 * px, k1 −0.08, k2 0.01, 0.5 px noise, seed 11) with 20 % of the landmarks mis-clicked by 25–150 px.
 */
class RobustDltTest {
    private static final Camera TRUTH = SyntheticCameras.broadcast(-0.08, 0.01);

    private static List<Landmark> clean() {
        return SyntheticCameras.observe(TRUTH, SyntheticCameras.pitchPoints(7, 7), 0.5, 11);
    }

    /** Moves a fifth of the landmarks' pixels by 25–150 px in a random direction; their ids go into {@code moved}. */
    private static List<Landmark> corrupt(List<Landmark> landmarks, long seed, Set<String> moved) {
        Random random = new Random(seed);
        List<Landmark> out = new ArrayList<>(landmarks);
        int outliers = landmarks.size() / 5;
        while (moved.size() < outliers) {
            int i = random.nextInt(out.size());
            Landmark l = out.get(i);
            if (!moved.add(l.id())) {
                continue;
            }
            double angle = 2 * Math.PI * random.nextDouble();
            double distance = 25 + 125 * random.nextDouble();
            out.set(i, new Landmark(l.id(), l.xM(), l.yM(), l.zM(), l.uPx() + distance * Math.cos(angle),
                    l.vPx() + distance * Math.sin(angle)));
        }
        return out;
    }

    /** Median ground distance over a 12 × 9 ground grid of noise-free pixels through the fitted camera, metres. */
    private static double checkGridMedianM(Camera fitted) {
        double[] errors = new double[12 * 9];
        double[] uv = new double[2];
        double[] xy = new double[2];
        int k = 0;
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 9; j++) {
                double x = 2 + 48.5 * i / 11;
                double y = 2 + 64.0 * j / 8;
                TRUTH.project(x, y, 0, uv);
                fitted.pixelToPlane(uv[0], uv[1], 0, xy);
                errors[k++] = Math.hypot(xy[0] - x, xy[1] - y);
            }
        }
        return new HeldOutError(errors, 1).medianM();
    }

    private static DltCalibrator.Builder dlt16() {
        return DltCalibrator.builder().model(CameraModel.DLT16).imageSize(1920, 1080);
    }

    /** The clean-data target (DLT-16, all landmarks: ≤ 0.03 m) holds with 20 % outliers, five outlier draws. */
    @Test
    void ransacAndHuberKeepTheCleanDataTargetWithOneFifthOutliers() throws CalibrationException {
        double cleanMedian = checkGridMedianM(dlt16().build().calibrate(clean()).camera());
        for (long seed = 1; seed <= 5; seed++) {
            Set<String> moved = new TreeSet<>();
            List<Landmark> landmarks = corrupt(clean(), seed, moved);
            for (CameraModel model : new CameraModel[] {CameraModel.DLT16, CameraModel.DLT20}) {
                Calibration fit = DltCalibrator.builder().model(model).imageSize(1920, 1080)
                        .landmarksPerParameter(model == CameraModel.DLT20 ? 1 : 2)
                        .ransacThresholdPx(20).huberThresholdPx(2).seed(seed).build().calibrate(landmarks);
                double median = checkGridMedianM(fit.camera());
                System.out.printf(Locale.ROOT, "outlier draw %d, %s: RANSAC + Huber check-grid median %.4f m "
                        + "(clean data %.4f m), %d rejected%n", seed, model, median, cleanMedian,
                        fit.rejectedIds().size());
                assertTrue(median <= 0.03, "draw " + seed + " " + model + ": median " + median + " m");
                assertEquals(moved, new TreeSet<>(fit.rejectedIds()), "draw " + seed + " " + model);
                assertEquals(landmarks.size() - moved.size(), fit.landmarkCount());
                assertTrue(fit.fitRmsPx() < 1.0, "inlier fit RMS " + fit.fitRmsPx());
            }
        }
    }

    /** Without RANSAC the same outliers break the target (so the test above can fail). */
    @Test
    void leastSquaresFailsOnTheSameOutliers() {
        Set<String> moved = new TreeSet<>();
        List<Landmark> landmarks = corrupt(clean(), 1, moved);
        double plain;
        try {
            plain = checkGridMedianM(dlt16().maxIterations(2000).build().calibrate(landmarks).camera());
        } catch (CalibrationException e) {
            assertTrue(e.getMessage().contains("did not converge"), e.getMessage());
            plain = Double.POSITIVE_INFINITY;
        }
        System.out.printf(Locale.ROOT, "20 %% outliers, least squares without RANSAC: %.4f m%n", plain);
        assertTrue(plain > 0.1, "least squares median " + plain + " m");
    }

    /**
     * Huber alone against moderate mis-clicks (a tenth of the landmarks off by 4–10 px, seed 9), which a RANSAC
     * threshold above the lens distortion cannot see: closer to the clean fit than least squares.
     */
    @Test
    void huberDampsModerateMisclicks() throws CalibrationException {
        Random random = new Random(9);
        List<Landmark> landmarks = new ArrayList<>(clean());
        for (int k = 0; k < landmarks.size() / 10; k++) {
            int i = random.nextInt(landmarks.size());
            Landmark l = landmarks.get(i);
            double angle = 2 * Math.PI * random.nextDouble();
            double distance = 4 + 6 * random.nextDouble();
            landmarks.set(i, new Landmark(l.id(), l.xM(), l.yM(), l.zM(), l.uPx() + distance * Math.cos(angle),
                    l.vPx() + distance * Math.sin(angle)));
        }
        double plain = checkGridMedianM(dlt16().build().calibrate(landmarks).camera());
        double huber = checkGridMedianM(dlt16().huberThresholdPx(1.5).build().calibrate(landmarks).camera());
        double clean = checkGridMedianM(dlt16().build().calibrate(clean()).camera());
        System.out.printf(Locale.ROOT, "moderate mis-clicks: least squares %.4f m, Huber %.4f m, clean %.4f m%n",
                plain, huber, clean);
        assertTrue(huber < plain, "Huber " + huber + " m against least squares " + plain + " m");
    }

    /** With every residual under the threshold Huber's loss is least squares: the same camera. */
    @Test
    void huberAboveEveryResidualIsLeastSquares() throws CalibrationException {
        Calibration plain = dlt16().build().calibrate(clean());
        Calibration huber = dlt16().huberThresholdPx(50).build().calibrate(clean());
        assertEquals(plain.fitRmsPx(), huber.fitRmsPx(), 1e-12);
    }

    /** On clean data RANSAC rejects nothing and the fit is the plain one. */
    @Test
    void ransacOnCleanDataKeepsEveryLandmark() throws CalibrationException {
        Calibration plain = dlt16().build().calibrate(clean());
        Calibration robust = dlt16().ransacThresholdPx(20).build().calibrate(clean());
        assertTrue(robust.rejectedIds().isEmpty(), "rejected " + robust.rejectedIds());
        assertEquals(plain.fitRmsPx(), robust.fitRmsPx(), 1e-9);
    }

    /** When most landmarks disagree, RANSAC refuses with the reason instead of fitting a handful. */
    @Test
    void tooFewInliersIsRefusedWithTheReason() {
        Random random = new Random(3);
        List<Landmark> scrambled = new ArrayList<>();
        for (Landmark l : clean()) {
            scrambled.add(new Landmark(l.id(), l.xM(), l.yM(), l.zM(), 1920 * random.nextDouble(),
                    1080 * random.nextDouble()));
        }
        CalibrationException e = assertThrows(CalibrationException.class,
                () -> dlt16().ransacThresholdPx(5).build().calibrate(scrambled));
        assertTrue(e.getMessage().contains("RANSAC kept only"), e.getMessage());
    }
}
