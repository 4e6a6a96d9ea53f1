package dev.touchline.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AutoCalibratorTest {
    private static final AutoCalibrator AUTO = AutoCalibrator.builder(1920, 1080).build();

    /** 20 random broadcast cameras (seed 2026), 12 landmarks each with 0.5 px noise: ≤ 0.12 m on the ground. */
    @Test
    void twelveLandmarksOfRandomBroadcastCamerasStayWithinTwelveCentimetres() throws CalibrationException {
        Random random = new Random(2026);
        double worst = 0;
        for (int s = 0; s < 20; s++) {
            RandomBroadcastScenes.Scene scene = RandomBroadcastScenes.draw(random, 12);
            AutoCalibration fit = AUTO.calibrate(scene.visible().subList(0, 12));
            double check = RandomBroadcastScenes.checkMedianM(scene, fit.camera());
            worst = Math.max(worst, check);
            assertTrue(check <= 0.12, "scene " + s + ": " + fit.model() + " check median " + check + " m");
            assertTrue(fit.heldOut().medianM() <= 0.2, "scene " + s + " held-out " + fit.heldOut());
            assertEquals(7, fit.candidates().size());
            assertTrue(fit.candidates().stream().anyMatch(c -> c.note().startsWith("chosen")));
            // With 12 landmarks the free DLTs are never offered.
            assertTrue(!fit.model().isDlt(), fit.model().toString());
        }
        assertTrue(worst > 0, "a check that measured nothing");
    }

    @Test
    void coplanarLandmarksStillCalibrateThroughTheHomographyStart() throws CalibrationException {
        Random random = new Random(77);
        RandomBroadcastScenes.Scene scene = RandomBroadcastScenes.draw(random, 14);
        List<Landmark> ground = scene.visible().stream().filter(l -> l.zM() == 0).toList();
        AutoCalibration fit = AUTO.calibrate(ground);
        assertTrue(RandomBroadcastScenes.checkMedianM(scene, fit.camera()) <= 0.12);
        assertTrue(fit.candidates().stream().filter(c -> c.model().isDlt())
                .allMatch(c -> c.note().contains("coplanar") || c.note().contains("needs")), fit.candidates()
                .toString());
    }

    @Test
    void tooFewOrBadLandmarksAreRefused() {
        RandomBroadcastScenes.Scene scene = RandomBroadcastScenes.draw(new Random(1), 12);
        CalibrationException e = assertThrows(CalibrationException.class,
                () -> AUTO.calibrate(scene.visible().subList(0, 5)));
        assertTrue(e.getMessage().contains("at least 6"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AutoCalibrator.builder(0, 1080));
    }
}
