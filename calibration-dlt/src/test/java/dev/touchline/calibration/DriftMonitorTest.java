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

    /**
     * Snapshot and restore mid-stream (before the drift, with frames in the window, and after the re-orientation):
     * the restored monitor gives exactly the same checks and cameras as the original on the same frames; also when
     * the snapshot's camera is rebuilt from plain numbers (projection matrix, lens centre, scale, coefficients).
     * Board and drift as above, 0.3 px noise (seed 13).
     */
    @Test
    void snapshotAndRestoreContinueIdentically() throws CalibrationException {
        Camera calibrated = SyntheticCameras.broadcast(-0.08, 0.01);
        double[] x = new double[16];
        double[] y = new double[16];
        double[] z = new double[16];
        for (int i = 0; i < 16; i++) {
            x[i] = 51.75 + 0.5 * (i % 4);
            y[i] = 33.25 + 0.5 * (i / 4);
        }
        CameraDecomposition d = calibrated.decompose();
        Camera drifted = Camera.of(CameraModel.DLT16, SquarePixelCamera.projection(d.fx(), d.cx(), d.cy(),
                Mat3.multiply(SquarePixelFitter.rodrigues(Math.toRadians(0.1), 0, 0), d.rotation()), d.centreM()),
                calibrated.lens());
        Random random = new Random(13);
        int frames = 120;
        double[][] u = new double[frames][16];
        double[][] v = new double[frames][16];
        double[] uv = new double[2];
        for (int f = 0; f < frames; f++) {
            Camera truth = f < 50 ? calibrated : drifted;
            for (int i = 0; i < 16; i++) {
                truth.project(x[i], y[i], z[i], uv);
                u[f][i] = uv[0] + 0.3 * random.nextGaussian();
                v[f][i] = uv[1] + 0.3 * random.nextGaussian();
            }
        }
        u[20][3] = Double.NaN; // a corner not detected in one frame
        v[20][3] = Double.NaN;
        for (int at : new int[] {0, 30, 80}) {
            DriftMonitor original = DriftMonitor.of(calibrated, x, y, z, 0.06, 40);
            for (int f = 0; f < at; f++) {
                original.observe(u[f], v[f]);
            }
            DriftMonitor.Snapshot s = original.snapshot();
            DriftMonitor restored = DriftMonitor.restore(s);
            Camera c = s.camera();
            LensModel lens = c.lens();
            DriftMonitor rebuilt = DriftMonitor.restore(new DriftMonitor.Snapshot(
                    Camera.of(c.model(), c.projectionMatrix(), LensModel.of(lens.centreU(), lens.centreV(),
                            lens.scale(), lens.coefficients())),
                    s.surveyXM(), s.surveyYM(), s.surveyZM(), s.thresholdM(), s.windowFrames(), s.window()));
            // The window is emptied by the re-orientation on frame 50.
            assertEquals(at <= 50 ? Math.min(at, 40) : at - 51, s.window().length, "frames in the window at " + at);
            boolean recalibrated = false;
            for (int f = at; f < frames; f++) {
                DriftMonitor.Check expected = original.observe(u[f], v[f]);
                assertEquals(expected, restored.observe(u[f], v[f]), "restored at " + at + ", frame " + f);
                assertEquals(expected, rebuilt.observe(u[f], v[f]), "rebuilt at " + at + ", frame " + f);
                recalibrated |= expected.recalibrated();
            }
            assertEquals(at <= 50, recalibrated, "a re-orientation after restoring at " + at);
            assertTrue(java.util.Arrays.equals(original.camera().projectionMatrix(),
                    restored.camera().projectionMatrix()));
            assertTrue(java.util.Arrays.equals(original.camera().projectionMatrix(),
                    rebuilt.camera().projectionMatrix()));
        }
    }

    /** Snapshots are values: changing the arrays they hand out changes neither the snapshot nor the monitor. */
    @Test
    void snapshotsShareNoState() throws CalibrationException {
        Camera camera = SyntheticCameras.broadcast(-0.08, 0.01);
        double[] x = {50, 51, 52};
        double[] y = {30, 31, 30};
        double[] z = {0, 0, 0};
        DriftMonitor monitor = DriftMonitor.of(camera, x, y, z, 0.06, 5);
        double[] uv = new double[2];
        double[] u = new double[3];
        double[] v = new double[3];
        for (int i = 0; i < 3; i++) {
            camera.project(x[i], y[i], z[i], uv);
            u[i] = uv[0];
            v[i] = uv[1];
        }
        monitor.observe(u, v);
        DriftMonitor.Snapshot s = monitor.snapshot();
        s.window()[0][0] = -1;
        s.surveyXM()[0] = -1;
        assertEquals(u[0], s.window()[0][0]);
        assertEquals(50, s.surveyXM()[0]);
        monitor.observe(u, v);
        assertEquals(1, s.window().length);
        assertEquals(2, monitor.snapshot().window().length);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DriftMonitor.restore(new DriftMonitor.Snapshot(camera, x, y, z, 0.06, 5,
                        new double[][] {{1, 2}})));
    }
}
