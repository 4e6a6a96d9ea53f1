package dev.touchline.fusion.ahrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The quasi-inertial filter's state round trip and its inclination under a swinging, accelerating sensor. */
class InertialLowPassFilterTest {
    private static final double G = 9.80665;

    /** A pendulum-like swing about sensor z (±50° at 1.5 Hz) with 3 g bursts along x each cycle, seed 3 noise. */
    private static void feed(OrientationFilter f, int from, int to, SplittableRandom random) {
        double a = Math.toRadians(50);
        double w = 2 * Math.PI * 1.5;
        for (int i = from; i < to; i++) {
            double t = i / 200.0;
            double theta = a * Math.sin(w * t);
            double rate = a * w * Math.cos(w * t);
            double burst = (t * 1.5) % 1 < 0.05 ? 3 * G : 0;
            // gravity seen by a sensor pitched by theta about z, plus the burst along x
            double ax = G * Math.cos(theta) + burst + 0.05 * random.nextGaussian();
            double ay = -G * Math.sin(theta) + 0.05 * random.nextGaussian();
            double az = 0.05 * random.nextGaussian();
            f.update(0.01 * random.nextGaussian(), 0.01 * random.nextGaussian(), rate + 0.005, ax, ay, az, 0.005);
        }
    }

    @Test
    void holdsTheInclinationAndRestoresFromASnapshot() {
        InertialLowPassFilter f = InertialLowPassFilter.builder().build();
        f.initialise(G, 0, 0);
        feed(f, 0, 12_000, new SplittableRandom(3)); // 60 s
        // truth at the end: pitch theta about z; the sensor x axis is tilted by theta from the vertical
        double t = 12_000 / 200.0 - 0.005;
        double theta = Math.toRadians(50) * Math.sin(2 * Math.PI * 1.5 * t);
        double[] up = new double[3];
        Quaternions.earthToSensor(f.qw(), f.qx(), f.qy(), f.qz(), 0, 0, 1, up);
        double tilt = Math.acos(Math.max(-1, Math.min(1, up[0])));
        System.out.printf("inertial low-pass under swing and bursts: tilt %.2f deg, truth %.2f deg%n",
                Math.toDegrees(tilt), Math.toDegrees(Math.abs(theta)));
        assertEquals(Math.abs(theta), tilt, Math.toRadians(3));
        // snapshot, continue two copies with the same input: identical
        OrientationState s = f.snapshot();
        InertialLowPassFilter g = InertialLowPassFilter.builder().build();
        g.restore(s);
        assertEquals(s, g.snapshot());
        feed(f, 12_000, 12_400, new SplittableRandom(9));
        feed(g, 12_000, 12_400, new SplittableRandom(9));
        assertEquals(f.snapshot(), g.snapshot());
        assertTrue(s.extra().length > 20);
    }
}
