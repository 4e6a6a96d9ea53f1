package dev.touchline.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HomographyCalibratorTest {
    private static final HomographyCalibrator CALIBRATOR = HomographyCalibrator.builder().build();

    static List<Landmark> ground(Camera camera, double sigmaPx, long seed) {
        List<Landmark> out = new ArrayList<>();
        for (Landmark l : SyntheticCameras.observe(camera, SyntheticCameras.pitchPoints(6, 6), sigmaPx, seed)) {
            if (l.zM() == 0) {
                out.add(l);
            }
        }
        return out;
    }

    @Test
    void recoversTheGroundPlaneOfAPinholeCamera() throws CalibrationException {
        Camera truth = SyntheticCameras.broadcast();
        HomographyCalibration fit = CALIBRATOR.calibrate(ground(truth, 0, 1));
        assertEquals(0, fit.fitRmsPx(), 1e-8);
        assertTrue(fit.outlierIds().isEmpty());
        double[] a = new double[2];
        double[] b = new double[2];
        double[] xy = new double[2];
        for (double x = -5; x < 60; x += 6.5) {
            for (double y = -3; y < 70; y += 7) {
                truth.project(x, y, 0, a);
                fit.homography().project(x, y, 0, b);
                assertArrayEquals(a, b, 1e-7);
                fit.homography().pixelToPlane(b[0], b[1], 0, xy);
                assertArrayEquals(new double[] {x, y}, xy, 1e-9);
            }
        }
    }

    @Test
    void ransacNamesMisclickedLandmarks() throws CalibrationException {
        List<Landmark> landmarks = ground(SyntheticCameras.broadcast(), 0.5, 2);
        Landmark a = landmarks.get(5);
        Landmark b = landmarks.get(20);
        landmarks.set(5, new Landmark(a.id(), a.xM(), a.yM(), 0, a.uPx() + 40, a.vPx()));
        landmarks.set(20, new Landmark(b.id(), b.xM(), b.yM(), 0, b.uPx(), b.vPx() - 25));
        HomographyCalibration fit = CALIBRATOR.calibrate(landmarks);
        assertEquals(List.of(a.id(), b.id()), fit.outlierIds());
        assertTrue(fit.fitRmsPx() < 0.8, "inlier RMS " + fit.fitRmsPx());
        HomographyCalibration noRansac = CALIBRATOR.toBuilder().ransacThresholdPx(0).build().calibrate(landmarks);
        assertTrue(noRansac.outlierIds().isEmpty() && noRansac.fitRmsPx() > 3, "RMS " + noRansac.fitRmsPx());
    }

    @Test
    void refinementJacobianMatchesFiniteDifferences() {
        Random random = new Random(3);
        int n = 10;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 30 * random.nextGaussian();
            y[i] = 30 * random.nextGaussian();
        }
        double[] q = {30, -4, 960, 2, -12, 540, 0.001, -0.004};
        double[] f = new double[2 * n];
        double[][] jac = new double[2 * n][8];
        HomographyCalibrator.evaluate(q, x, y, f, jac);
        double[] plus = new double[2 * n];
        double[] minus = new double[2 * n];
        double[][] ignored = new double[2 * n][8];
        for (int k = 0; k < 8; k++) {
            double h = 1e-7 * Math.max(1, Math.abs(q[k]));
            double[] qp = q.clone();
            double[] qm = q.clone();
            qp[k] += h;
            qm[k] -= h;
            HomographyCalibrator.evaluate(qp, x, y, plus, ignored);
            HomographyCalibrator.evaluate(qm, x, y, minus, ignored);
            for (int r = 0; r < 2 * n; r++) {
                double fd = (plus[r] - minus[r]) / (2 * h);
                assertEquals(fd, jac[r][k], 1e-4 * Math.max(1, Math.abs(fd)), "row " + r + " parameter " + k);
            }
        }
    }

    @Test
    void badInputIsNamed() {
        List<Landmark> landmarks = SyntheticCameras.observe(SyntheticCameras.broadcast(),
                SyntheticCameras.pitchPoints(5, 5), 0, 1);
        CalibrationException e = assertThrows(CalibrationException.class, () -> CALIBRATOR.calibrate(landmarks));
        assertTrue(e.getMessage().contains("'L25' has Z_m=2.44") && e.getMessage().contains("3-D DLT"),
                e.getMessage());
        List<Landmark> line = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            line.add(new Landmark("p" + i, i, 2 * i, 0, 10 + i, 20 + 3 * i));
        }
        e = assertThrows(CalibrationException.class, () -> CALIBRATOR.calibrate(line));
        assertTrue(e.getMessage().contains("one line"), e.getMessage());
        e = assertThrows(CalibrationException.class, () -> CALIBRATOR.calibrate(line.subList(0, 10)));
        assertTrue(e.getMessage().contains("10 landmarks are too few"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Homography.of(new double[9], 0, 0));
    }

    @Test
    void leaveOneOutOfAHomographyShowsTheCostOfIgnoringTheLens() throws CalibrationException {
        Camera truth = SyntheticCameras.broadcast(-0.08, 0.01, 0, 0.0005, -0.0003);
        List<Landmark> landmarks = ground(truth, 0.5, 9);
        HomographyCalibrator relaxed = CALIBRATOR.toBuilder().ransacThresholdPx(0).landmarksPerParameter(0).build();
        HeldOutError error = CrossValidation.kFold(l -> relaxed.calibrate(l).homography(), landmarks,
                landmarks.size(), 0);
        Camera pinhole = SyntheticCameras.broadcast();
        HeldOutError clean = CrossValidation.kFold(l -> relaxed.calibrate(l).homography(),
                ground(pinhole, 0.5, 9), landmarks.size(), 0);
        assertTrue(error.medianM() > 2 * clean.medianM(), error + " vs " + clean);
    }
}
