package dev.touchline.calibration;

import dev.touchline.testdata.RealData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The shared synthetic stadium (1920 × 1080, f 1500 px, k1 −0.08, σ 0.5 px): 56 landmarks, 117 check points. */
@Tag("realdata")
class SyntheticStadiumTest {
    static List<Landmark> landmarks() throws IOException {
        Path file = RealData.require("calibration/derived/synthetic_stadium_landmarks.csv");
        List<Landmark> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            out.add(new Landmark(f[0] + "-" + f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Double.parseDouble(f[7]), Double.parseDouble(f[8])));
        }
        return out;
    }

    /** Rows of X_m, Y_m, Z_m, u_true_px, v_true_px. */
    static List<double[]> checkGrid() throws IOException {
        Path file = RealData.require("calibration/derived/synthetic_stadium_check_grid.csv");
        List<double[]> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            out.add(Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray());
        }
        return out;
    }

    /** Median ground distance of the check points' true pixels projected through the camera, metres. */
    static double checkGridMedianM(PitchProjection camera, List<double[]> grid) {
        double[] errors = new double[grid.size()];
        double[] xy = new double[2];
        for (int i = 0; i < errors.length; i++) {
            double[] g = grid.get(i);
            camera.pixelToPlane(g[3], g[4], g[2], xy);
            errors[i] = Math.hypot(xy[0] - g[0], xy[1] - g[1]);
        }
        return new HeldOutError(errors, 1).medianM();
    }

    @Test
    void dlt16WithAllLandmarksIsWithinThreeCentimetresOnTheCheckGrid() throws IOException {
        List<Landmark> landmarks = landmarks();
        assertEquals(56, landmarks.size());
        Calibration fit = DltCalibrator.builder().model(CameraModel.DLT16).imageSize(1920, 1080).build()
                .calibrate(landmarks);
        double median = checkGridMedianM(fit.camera(), checkGrid());
        assertTrue(median <= 0.03, "DLT-16 check-grid median " + median + " m, fit RMS " + fit.fitRmsPx() + " px");
        CameraDecomposition d = fit.camera().decompose();
        assertEquals(1500, d.fx(), 30);
        assertTrue(Math.hypot(d.centreM()[0] - 30, Math.hypot(d.centreM()[1] + 35, d.centreM()[2] - 25)) < 1.0,
                Arrays.toString(d.centreM()));
    }

    @Test
    void dlt20WithAllLandmarksAndDlt11WithoutLensCompare() throws IOException {
        List<Landmark> landmarks = landmarks();
        List<double[]> grid = checkGrid();
        double dlt20 = checkGridMedianM(DltCalibrator.builder().model(CameraModel.DLT20).imageSize(1920, 1080)
                .build().calibrate(landmarks).camera(), grid);
        double dlt11 = checkGridMedianM(DltCalibrator.builder().build().calibrate(landmarks).camera(), grid);
        assertTrue(dlt20 <= 0.05, "DLT-20 check-grid median " + dlt20 + " m");
        assertTrue(dlt11 > 2 * dlt20, "DLT-11 " + dlt11 + " m should be clearly worse than DLT-20 " + dlt20 + " m");
    }

    @Test
    void autoWithAllLandmarksAndWithAnyTwelve() throws IOException {
        List<Landmark> all = landmarks();
        List<double[]> grid = checkGrid();
        AutoCalibrator auto = AutoCalibrator.builder(1920, 1080).build();
        AutoCalibration full = auto.calibrate(all);
        assertTrue(checkGridMedianM(full.camera(), grid) <= 0.03, full.candidates().toString());
        java.util.Random random = new java.util.Random(5);
        for (int s = 0; s < 15; s++) {
            List<Landmark> copy = new ArrayList<>(all);
            java.util.Collections.shuffle(copy, random);
            AutoCalibration fit = auto.calibrate(copy.subList(0, 12));
            double median = checkGridMedianM(fit.camera(), grid);
            assertTrue(median <= 0.12, "subset " + s + ": " + fit.model() + " check median " + median + " m");
            assertTrue(fit.heldOut().medianM() <= 0.12, "subset " + s + ": " + fit.heldOut());
        }
    }

    /** The figures of the module README; prints them, and checks the ordering the issue predicts (seed 5). */
    @Test
    void modelComparisonFigures() throws IOException {
        List<Landmark> all = landmarks();
        List<double[]> grid = checkGrid();
        double[] gridMedian = new double[3];
        CameraModel[] models = {CameraModel.DLT11, CameraModel.DLT16, CameraModel.DLT20};
        for (int i = 0; i < 3; i++) {
            DltCalibrator c = DltCalibrator.builder().model(models[i]).imageSize(1920, 1080).build();
            Calibration fit = c.calibrate(all);
            gridMedian[i] = checkGridMedianM(fit.camera(), grid);
            System.out.printf(java.util.Locale.ROOT, "stadium, 56 landmarks, %s: fit RMS %.3f px, check grid median "
                    + "%.4f m, leave-one-out median %.4f m%n", models[i], fit.fitRmsPx(), gridMedian[i],
                    CrossValidation.leaveOneOut(c, all).medianM());
        }
        List<Landmark> ground = all.stream().filter(l -> l.zM() == 0).toList();
        HomographyCalibration h = HomographyCalibrator.builder().ransacThresholdPx(0).build().calibrate(ground);
        double homography = checkGridMedianM(h.homography(), grid);
        System.out.printf(java.util.Locale.ROOT, "stadium, 49 ground landmarks, homography: fit RMS %.3f px, check "
                + "grid median %.4f m%n", h.fitRmsPx(), homography);
        assertTrue(gridMedian[1] < gridMedian[0] / 3 && homography > 3 * gridMedian[1]);

        AutoCalibrator auto = AutoCalibrator.builder(1920, 1080).build();
        DltCalibrator freeDlt20 = DltCalibrator.builder().model(CameraModel.DLT20).imageSize(1920, 1080)
                .landmarksPerParameter(0).build();
        java.util.Random random = new java.util.Random(5);
        List<Double> autoErrors = new ArrayList<>();
        List<Double> dlt20Errors = new ArrayList<>();
        for (int s = 0; s < 15; s++) {
            List<Landmark> copy = new ArrayList<>(all);
            java.util.Collections.shuffle(copy, random);
            List<Landmark> twelve = copy.subList(0, 12);
            autoErrors.add(checkGridMedianM(auto.calibrate(twelve).camera(), grid));
            try {
                double e = checkGridMedianM(freeDlt20.calibrate(twelve).camera(), grid);
                dlt20Errors.add(Double.isNaN(e) ? Double.POSITIVE_INFINITY : e);
            } catch (CalibrationException e) {
                // coplanar subset: the free DLT cannot be fitted at all
            }
        }
        java.util.Collections.sort(autoErrors);
        java.util.Collections.sort(dlt20Errors);
        double autoMedian = autoErrors.get(autoErrors.size() / 2);
        double dltMedian = dlt20Errors.get(dlt20Errors.size() / 2);
        System.out.printf(java.util.Locale.ROOT, "stadium, 15 random sets of 12 landmarks: auto check-grid median of "
                + "medians %.4f m (worst %.4f m); free DLT-20 %.4f m (worst %s m, %d fitted)%n", autoMedian,
                autoErrors.get(autoErrors.size() - 1), dltMedian, dlt20Errors.get(dlt20Errors.size() - 1),
                dlt20Errors.size());
        assertTrue(autoMedian < dltMedian, "auto " + autoMedian + " vs free DLT-20 " + dltMedian);
    }
}
