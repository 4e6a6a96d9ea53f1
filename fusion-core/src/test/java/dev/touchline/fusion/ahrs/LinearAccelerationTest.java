package dev.touchline.fusion.ahrs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** Gravity-free acceleration: a sensor at rest in any attitude, with the true orientation, reads zero (seed 7). */
class LinearAccelerationTest {
    @Property(tries = 300, seed = "7")
    void restingSensorHasNoLinearAcceleration(@ForAll @DoubleRange(min = -1, max = 1) double w,
            @ForAll @DoubleRange(min = -1, max = 1) double x, @ForAll @DoubleRange(min = -1, max = 1) double y,
            @ForAll @DoubleRange(min = -1, max = 1) double z, @ForAll @DoubleRange(min = -5, max = 5) double up) {
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        if (n < 0.1) {
            return;
        }
        MadgwickFilter f = new MadgwickFilter(0);
        f.setOrientation(w, x, y, z);
        // specific force of a sensor accelerating upwards by `up` m/s², seen in the sensor frame: Rᵀ (0, 0, g + up)
        double[] sensor = new double[3];
        Quaternions.earthToSensor(f.qw(), f.qx(), f.qy(), f.qz(), 0, 0, LinearAcceleration.STANDARD_GRAVITY + up,
                sensor);
        double[] out = new double[3];
        LinearAcceleration.gravityFreeEarth(f, sensor[0], sensor[1], sensor[2], out);
        assertEquals(0, out[0], 1e-9);
        assertEquals(0, out[1], 1e-9);
        assertEquals(up, out[2], 1e-9);
        LinearAcceleration.earthFrame(f, sensor[0], sensor[1], sensor[2], out);
        assertEquals(LinearAcceleration.STANDARD_GRAVITY + up, out[2], 1e-9);
        LinearAcceleration.gravityFreeSensor(f, sensor[0], sensor[1], sensor[2], out);
        double[] expected = new double[3];
        Quaternions.earthToSensor(f.qw(), f.qx(), f.qy(), f.qz(), 0, 0, up, expected);
        for (int k = 0; k < 3; k++) {
            assertEquals(expected[k], out[k], 1e-9);
        }
    }
}
