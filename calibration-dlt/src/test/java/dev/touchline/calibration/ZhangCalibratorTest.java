package dev.touchline.calibration;

import dev.touchline.testdata.RealData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ZhangCalibratorTest {
    /** Synthetic views (seed 8): a 9 × 6 board at random tilts, known intrinsics and distortion, 0.1 px noise. */
    @Test
    void recoversKnownIntrinsicsFromSyntheticViews() throws CalibrationException {
        Random random = new Random(8);
        double fx = 540;
        double fy = 538;
        double cx = 330;
        double cy = 245;
        double[] lens = {-0.25, 0.08, 0, 0.001, -0.0005, 0, 0, 0, 0};
        List<ChessboardCorners> views = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            double[] rot = Mat3.multiply(SquarePixelFitter.rodrigues(0.5 * (random.nextDouble() - 0.5),
                    0.5 * (random.nextDouble() - 0.5), 0.3 * (random.nextDouble() - 0.5)), new double[] {
                        1, 0, 0, 0, 1, 0, 0, 0, 1});
            double[] t = {-0.1 + 0.04 * random.nextGaussian(), -0.06 + 0.03 * random.nextGaussian(),
                0.45 + 0.1 * random.nextDouble()};
            double[] u = new double[54];
            double[] v = new double[54];
            double[] d = new double[2];
            for (int i = 0; i < 54; i++) {
                double x = (i % 9) * 0.025;
                double y = (i / 9) * 0.025;
                double xc = rot[0] * x + rot[1] * y + t[0];
                double yc = rot[3] * x + rot[4] * y + t[1];
                double zc = rot[6] * x + rot[7] * y + t[2];
                LensModel.distortNormalised(lens, xc / zc, yc / zc, d);
                u[i] = fx * d[0] + cx + 0.1 * random.nextGaussian();
                v[i] = fy * d[1] + cy + 0.1 * random.nextGaussian();
            }
            views.add(new ChessboardCorners(9, 6, u, v));
        }
        IntrinsicCalibration c = ZhangCalibrator.calibrate(views, 0.025);
        assertEquals(fx, c.fxPx(), 3);
        assertEquals(fy, c.fyPx(), 3);
        assertEquals(cx, c.cxPx(), 3);
        assertEquals(cy, c.cyPx(), 3);
        assertEquals(-0.25, c.distortion()[0], 0.03);
        assertTrue(c.rmsPx() > 0.1 && c.rmsPx() < 0.16, "RMS " + c.rmsPx());
        assertThrows(CalibrationException.class, () -> ZhangCalibrator.calibrate(views.subList(0, 2), 0.025));
    }

    /** OpenCV's 13 sample boards, our corners: RMS and fx against OpenCV's reference (fx = fy = 535.9). */
    @Tag("realdata")
    @Test
    void opencvSampleImages() throws IOException {
        Path first = RealData.require("calibration/opencv_chessboard/left01.jpg");
        ChessboardDetector detector = ChessboardDetector.of(9, 6);
        List<ChessboardCorners> views = new ArrayList<>();
        for (String name : ChessboardDetectorTest.IMAGES) {
            views.add(detector.detect(first.resolveSibling(name)));
        }
        IntrinsicCalibration c = ZhangCalibrator.calibrate(views, 0.025);
        System.out.printf("Zhang on OpenCV samples: fx %.2f fy %.2f cx %.2f cy %.2f k %s RMS %.4f px, views %s%n",
                c.fxPx(), c.fyPx(), c.cxPx(), c.cyPx(), java.util.Arrays.toString(c.distortion()), c.rmsPx(),
                java.util.Arrays.toString(c.viewRmsPx()));
        assertEquals(535.9, c.fxPx(), 0.01 * 535.9);
        assertTrue(c.rmsPx() <= 0.25, "RMS " + c.rmsPx());
    }
}
