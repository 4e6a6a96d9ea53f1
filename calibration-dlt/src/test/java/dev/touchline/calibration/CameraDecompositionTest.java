package dev.touchline.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CameraDecompositionTest {
    @Test
    void recoversIntrinsicsRotationAndCentreAtAnyScaleAndSign() {
        double[] centre = {30, -35, 25};
        double[] p = SyntheticCameras.lookAt(1500, 950, 530, centre, new double[] {26, 34, 0});
        for (double s : new double[] {1, -2.5, 1e-4}) {
            double[] q = p.clone();
            for (int i = 0; i < 12; i++) {
                q[i] *= s;
            }
            CameraDecomposition d = CameraDecomposition.of(q);
            assertEquals(1500, d.fx(), 1e-9);
            assertEquals(1500, d.fy(), 1e-9);
            assertEquals(0, d.skew(), 1e-9);
            assertEquals(950, d.cx(), 1e-9);
            assertEquals(530, d.cy(), 1e-9);
            assertArrayEquals(centre, d.centreM(), 1e-9);
            double[] r = d.rotation();
            assertEquals(1, Mat3.det(r), 1e-12);
            // the camera looks along its third row: towards the target
            double[] fwd = SyntheticCameras.unit(new double[] {26 - 30, 34 + 35, -25});
            assertArrayEquals(fwd, new double[] {r[6], r[7], r[8]}, 1e-12);
        }
    }
}
