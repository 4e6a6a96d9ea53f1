package dev.touchline.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DltCalibratorTest {
    private static final DltCalibrator DLT11 = DltCalibrator.builder().build();

    @Test
    void dlt11RecoversAnExactPinholeCamera() throws CalibrationException {
        Camera truth = SyntheticCameras.broadcast();
        List<Landmark> landmarks = SyntheticCameras.observe(truth, SyntheticCameras.pitchPoints(5, 5), 0, 1);
        Calibration fit = DLT11.calibrate(landmarks);
        assertEquals(0, fit.fitRmsPx(), 1e-8);
        CameraDecomposition d = fit.camera().decompose();
        assertEquals(1500, d.fx(), 1e-6);
        assertEquals(1500, d.fy(), 1e-6);
        assertEquals(960, d.cx(), 1e-6);
        assertEquals(540, d.cy(), 1e-6);
        assertArrayEquals(new double[] {30, -35, 25}, d.centreM(), 1e-7);
    }

    @Test
    void dlt16RecoversTheLensFromNoiseFreeLandmarks() throws CalibrationException {
        Camera truth = SyntheticCameras.broadcast(-0.08, 0.01, 0, 0.0005, -0.0003);
        List<Landmark> landmarks = SyntheticCameras.observe(truth, SyntheticCameras.pitchPoints(7, 7), 0, 1);
        DltCalibrator dlt16 = DltCalibrator.builder().model(CameraModel.DLT16).imageSize(1920, 1080).build();
        Calibration fit = dlt16.calibrate(landmarks);
        assertTrue(fit.fitRmsPx() < 1e-6, "fit RMS " + fit.fitRmsPx());
        // A distortion-free DLT-11 cannot fit the same points: the lens is real.
        assertTrue(DLT11.calibrate(landmarks).fitRmsPx() > 1, "DLT-11 should leave pixels of residual");
        // Ground positions of an independent grid come back to the micrometre.
        double[] uv = new double[2];
        double[] xy = new double[2];
        for (double x = 3; x < 52; x += 7) {
            for (double y = 3; y < 68; y += 7) {
                truth.project(x, y, 0, uv);
                fit.camera().pixelToPlane(uv[0], uv[1], 0, xy);
                assertArrayEquals(new double[] {x, y}, xy, 1e-5);
            }
        }
    }

    @Test
    void dlt20FitsNoisyLandmarksToTheNoiseLevel() throws CalibrationException {
        Camera truth = SyntheticCameras.broadcast(-0.08, 0.01, 0, 0.0005, -0.0003, 0.0008, 0, -0.0005, 0);
        List<Landmark> landmarks = SyntheticCameras.observe(truth, SyntheticCameras.pitchPoints(8, 8), 0.5, 11);
        Calibration fit = DltCalibrator.builder().model(CameraModel.DLT20).imageSize(1920, 1080).build()
                .calibrate(landmarks);
        // 0.5 px per axis is 0.71 px of 2-D distance; fitting 20 parameters to 142 numbers removes a little.
        assertTrue(fit.fitRmsPx() > 0.5 && fit.fitRmsPx() < 0.75, "fit RMS " + fit.fitRmsPx());
    }

    @Test
    void projectionAndPixelToPlaneAreInverse() {
        Camera camera = SyntheticCameras.broadcast(-0.08, 0.01, 0, 0.0005, -0.0003);
        double[] uv = new double[2];
        double[] xy = new double[2];
        for (double z : new double[] {0, 1.8}) {
            for (double x = 0; x <= 52.5; x += 3.5) {
                for (double y = 0; y <= 68; y += 4) {
                    camera.project(x, y, z, uv);
                    camera.pixelToPlane(uv[0], uv[1], z, xy);
                    assertArrayEquals(new double[] {x, y}, xy, 1e-8);
                }
            }
        }
    }

    @Test
    void statureOfAPersonFromHeadAndFootPixels() {
        Camera camera = SyntheticCameras.broadcast(-0.08, 0.01, 0, 0.0005, -0.0003);
        double[] foot = new double[2];
        double[] head = new double[2];
        for (double[] at : new double[][] {{10, 10}, {45, 60}, {26, 34}, {2, 66}}) {
            camera.project(at[0], at[1], 0, foot);
            camera.project(at[0], at[1], 1.83, head);
            assertEquals(1.83, camera.stature(foot[0], foot[1], head[0], head[1], 0), 1e-9);
        }
    }

    @Test
    void pixelsAboveTheHorizonDoNotMeetThePitch() {
        Camera camera = SyntheticCameras.broadcast();
        double[] xy = new double[2];
        camera.pixelToPlane(960, -2000, 0, xy);
        assertTrue(Double.isNaN(xy[0]) && Double.isNaN(xy[1]));
    }

    @Test
    void coplanarLandmarksAreRefusedWithTheHomographyOffered() {
        Camera truth = SyntheticCameras.broadcast();
        List<Landmark> ground = new ArrayList<>();
        for (Landmark l : SyntheticCameras.observe(truth, SyntheticCameras.pitchPoints(6, 6), 0, 1)) {
            if (l.zM() == 0) {
                ground.add(l);
            }
        }
        CalibrationException e = assertThrows(CalibrationException.class, () -> DLT11.calibrate(ground));
        assertTrue(e.getMessage().contains("one plane") && e.getMessage().contains("homography"), e.getMessage());
    }

    @Test
    void tooFewLandmarksForTheModelAreRefusedWithTheReason() {
        Camera truth = SyntheticCameras.broadcast();
        List<Landmark> all = SyntheticCameras.observe(truth, SyntheticCameras.pitchPoints(5, 5), 0.5, 3);
        List<Landmark> twelve = all.subList(all.size() - 12, all.size());
        DltCalibrator dlt20 = DltCalibrator.builder().model(CameraModel.DLT20).build();
        CalibrationException e = assertThrows(CalibrationException.class, () -> dlt20.calibrate(twelve));
        assertTrue(e.getMessage().contains("12 landmarks are too few for DLT20")
                && e.getMessage().contains("at least 40"), e.getMessage());
        List<Landmark> five = all.subList(all.size() - 5, all.size());
        DltCalibrator lenient = DltCalibrator.builder().landmarksPerParameter(0).build();
        e = assertThrows(CalibrationException.class, () -> lenient.calibrate(five));
        assertTrue(e.getMessage().contains("at least 6"), e.getMessage());
    }

    @Test
    void nanAndDuplicateLandmarksAreNamed() {
        Camera truth = SyntheticCameras.broadcast();
        List<Landmark> good = SyntheticCameras.observe(truth, SyntheticCameras.pitchPoints(5, 5), 0, 1);
        List<Landmark> withNan = new ArrayList<>(good);
        withNan.set(4, new Landmark("corner-flag", 0, 0, 0, Double.NaN, 100));
        CalibrationException e = assertThrows(CalibrationException.class, () -> DLT11.calibrate(withNan));
        assertTrue(e.getMessage().contains("'corner-flag'") && e.getMessage().contains("NaN"), e.getMessage());

        List<Landmark> sameId = new ArrayList<>(good);
        Landmark l7 = good.get(7);
        sameId.add(new Landmark(l7.id(), 1, 2, 0, 10, 10));
        e = assertThrows(CalibrationException.class, () -> DLT11.calibrate(sameId));
        assertTrue(e.getMessage().contains("'" + l7.id() + "' appears twice"), e.getMessage());

        List<Landmark> samePlace = new ArrayList<>(good);
        samePlace.add(new Landmark("again", l7.xM(), l7.yM(), l7.zM(), 10, 10));
        e = assertThrows(CalibrationException.class, () -> DLT11.calibrate(samePlace));
        assertTrue(e.getMessage().contains("'" + l7.id() + "' and 'again'"), e.getMessage());
    }

    @Test
    void leaveOneOutReportsGroundErrorInMetres() throws CalibrationException {
        Camera truth = SyntheticCameras.broadcast(-0.08, 0.01, 0, 0.0005, -0.0003);
        List<Landmark> landmarks = SyntheticCameras.observe(truth, SyntheticCameras.pitchPoints(7, 7), 0.5, 5);
        DltCalibrator dlt16 = DltCalibrator.builder().model(CameraModel.DLT16).imageSize(1920, 1080).build();
        HeldOutError lens = CrossValidation.leaveOneOut(dlt16, landmarks);
        HeldOutError noLens = CrossValidation.leaveOneOut(DLT11, landmarks);
        assertEquals(landmarks.size(), lens.errorsM().length);
        assertTrue(lens.medianM() < 0.06, lens.toString());
        // Ignoring a k1 of −0.08 costs decimetres on the ground.
        assertTrue(noLens.medianM() > 2 * lens.medianM(), noLens + " vs " + lens);
        HeldOutError fiveFold = CrossValidation.kFold(dlt16, landmarks, 5, 42);
        assertTrue(fiveFold.medianM() < 0.08, fiveFold.toString());
    }
}
