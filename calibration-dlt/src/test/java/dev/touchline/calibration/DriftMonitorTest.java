package dev.touchline.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DriftMonitorTest {
    /**
     * A 5 × 5-square board (4 × 4 inner corners, 0.5 m squares) on the centre spot; the camera's mount tilts by
     * 0.1° after 50 frames; 0.3 px corner noise (seed 12).
     */
    @Test
    void tiltAboveTheThresholdTriggersReorientationThatRemovesTheDeviation() throws CalibrationException {
        Camera calibrated = SyntheticCameras.broadcast(-0.08, 0.01);
        double[] x = new double[16];
        double[] y = new double[16];
        double[] z = new double[16];
        for (int i = 0; i < 16; i++) {
            x[i] = 51.75 + 0.5 * (i % 4);
            y[i] = 33.25 + 0.5 * (i / 4);
        }
        DriftMonitor monitor = DriftMonitor.of(calibrated, x, y, z, 0.06, 200);
        double[] p = calibrated.projectionMatrix();
        CameraDecomposition d = calibrated.decompose();
        double[] tilted = SquarePixelCamera.projection(d.fx(), d.cx(), d.cy(),
                Mat3.multiply(SquarePixelFitter.rodrigues(Math.toRadians(0.1), 0, 0), d.rotation()), d.centreM());
        Camera drifted = Camera.of(CameraModel.DLT16, tilted, calibrated.lens());
        Random random = new Random(12);
        double[] u = new double[16];
        double[] v = new double[16];
        double[] uv = new double[2];
        boolean recalibrated = false;
        for (int frame = 0; frame < 120; frame++) {
            Camera truth = frame < 50 ? calibrated : drifted;
            for (int i = 0; i < 16; i++) {
                truth.project(x[i], y[i], z[i], uv);
                u[i] = uv[0] + 0.3 * random.nextGaussian();
                v[i] = uv[1] + 0.3 * random.nextGaussian();
            }
            DriftMonitor.Check check = monitor.observe(u, v);
            if (frame < 50) {
                assertFalse(check.recalibrated(), "frame " + frame + " " + check);
            } else if (check.recalibrated()) {
                assertFalse(recalibrated, "re-oriented twice");
                recalibrated = true;
                assertEquals(50, frame, "the first drifted frame should trigger");
                assertTrue(check.beforeM() > 0.06 && check.afterM() < 0.05, check.toString());
            } else {
                assertTrue(check.meanDeviationM() < 0.06, "frame " + frame + " " + check);
            }
        }
        assertTrue(recalibrated);
        assertFalse(java.util.Arrays.equals(p, monitor.camera().projectionMatrix()));
    }
}
