package dev.touchline.fusion.ahrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Synthetic motions with known truth: a tilted sensor at rest, a pure rotation, a gyro bias, impacts and gyro
 * over-range. Noise and impacts use seed 11.
 */
class FilterBehaviourTest {
    private static final double G = 9.80665;
    private static final double DT = 0.005;

    static Supplier<OrientationFilter> filter(String name) {
        return switch (name) {
            case "madgwick" -> () -> new MadgwickFilter(0.1);
            case "mahony" -> () -> new MahonyFilter(1, 0); // an integral term winds up during a 40° start error
            default -> () -> ComplementaryFilter.builder().build();
        };
    }

    /** Specific force in the sensor frame for a true orientation q (at rest): Rᵀ·(0, 0, g). */
    private static double[] gravityIn(double[] q) {
        double[] a = new double[3];
        Quaternions.earthToSensor(q[0], q[1], q[2], q[3], 0, 0, G, a);
        return a;
    }

    private static double[] tilted() {
        double[] q = new double[4];
        Quaternions.multiply(Math.cos(0.2), Math.sin(0.2), 0, 0, Math.cos(0.35), 0, Math.sin(0.35), 0, q);
        return q;
    }

    private static double inclinationDeg(OrientationFilter f, double[] q) {
        return Math.toDegrees(Quaternions.inclinationAngle(f.qw(), f.qx(), f.qy(), f.qz(), q[0], q[1], q[2], q[3]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"madgwick", "mahony", "complementary"})
    void convergesToATiltFromTheIdentity(String name) {
        OrientationFilter f = filter(name).get();
        double[] q = tilted();
        double[] a = gravityIn(q);
        for (int i = 0; i < 6000; i++) {
            f.update(0, 0, 0, a[0], a[1], a[2], DT);
        }
        assertTrue(inclinationDeg(f, q) < 0.1, name + " inclination error " + inclinationDeg(f, q));
    }

    @ParameterizedTest
    @ValueSource(strings = {"madgwick", "mahony", "complementary"})
    void integratesARotationAboutTheVertical(String name) {
        OrientationFilter f = filter(name).get();
        for (int i = 0; i < 200; i++) { // 1 s at 1 rad/s about z
            f.update(0, 0, 1, 0, 0, G, DT);
        }
        double angle = 2 * Math.atan2(f.qz(), f.qw());
        assertEquals(1.0, angle, 1e-5, name); // first-order integration error ~2e-6
    }

    @ParameterizedTest
    @ValueSource(strings = {"madgwick", "mahony", "complementary"})
    void snapshotAndRestoreContinueExactly(String name) {
        OrientationFilter whole = filter(name).get();
        OrientationFilter first = filter(name).get();
        Random random = new Random(11);
        double[][] s = new double[2000][9];
        for (double[] row : s) {
            for (int k = 0; k < 9; k++) {
                row[k] = (k < 3 ? 0.5 : k < 6 ? 3 : 20) * random.nextGaussian() + (k == 5 ? G : k == 8 ? -40 : 0);
            }
        }
        for (int i = 0; i < s.length; i++) {
            double[] r = s[i];
            whole.update(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], DT);
            if (i < 1000) {
                first.update(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], DT);
            }
        }
        OrientationFilter second = filter(name).get();
        second.restore(first.snapshot());
        for (int i = 1000; i < s.length; i++) {
            double[] r = s[i];
            second.update(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], DT);
        }
        assertEquals(whole.snapshot(), second.snapshot(), name);
    }

    @Test
    void initialisesFromGravityAndFieldInEnu() {
        OrientationFilter f = new MadgwickFilter(0);
        // sensor axes aligned with east, north, up; field points north and down
        f.initialise(0, 0, G, 0, 20, -40);
        assertEquals(1, Math.abs(f.qw()), 1e-12);
        // sensor x pointing north: the field's horizontal part reads along +x
        f.initialise(0, 0, G, 20, 0, -40);
        double heading = 2 * Math.atan2(f.qz(), f.qw()); // sensor x rotated +90° about up is north
        assertEquals(Math.PI / 2, heading, 1e-12);
    }

    @Test
    void complementaryLearnsAGyroBiasAtRestAndKeepsInclination() {
        ComplementaryFilter f = ComplementaryFilter.builder().build();
        MadgwickFilter m = new MadgwickFilter(0.1);
        double[] q = tilted();
        double[] a = gravityIn(q);
        f.initialise(a[0], a[1], a[2]);
        m.initialise(a[0], a[1], a[2]);
        Random random = new Random(11);
        double[] bias = {0.02, -0.015, 0.01};
        for (int i = 0; i < 6000; i++) {
            double gx = bias[0] + 0.002 * random.nextGaussian();
            double gy = bias[1] + 0.002 * random.nextGaussian();
            double gz = bias[2] + 0.002 * random.nextGaussian();
            double ax = a[0] + 0.02 * random.nextGaussian();
            double ay = a[1] + 0.02 * random.nextGaussian();
            double az = a[2] + 0.02 * random.nextGaussian();
            f.update(gx, gy, gz, ax, ay, az, DT);
            m.update(gx, gy, gz, ax, ay, az, DT);
        }
        double[] estimate = new double[3];
        f.gyroBias(estimate);
        for (int k = 0; k < 3; k++) {
            assertEquals(bias[k], estimate[k], 1e-3, "bias " + k);
        }
        assertTrue(f.atRest());
        assertTrue(inclinationDeg(f, q) < 0.1, "complementary " + inclinationDeg(f, q));
        // Madgwick has no bias estimate: its inclination carries a bias-driven offset
        assertTrue(inclinationDeg(m, q) > inclinationDeg(f, q), "madgwick " + inclinationDeg(m, q));
    }

    @Test
    void complementaryRejectsImpactsThatPullMahonyOff() {
        ComplementaryFilter c = ComplementaryFilter.builder().build();
        MahonyFilter plain = new MahonyFilter(0.5, 0);
        double[] q = tilted();
        double[] a = gravityIn(q);
        c.initialise(a[0], a[1], a[2]);
        plain.initialise(a[0], a[1], a[2]);
        Random random = new Random(11);
        double worstC = 0;
        double worstPlain = 0;
        for (int i = 0; i < 4000; i++) {
            double ax = a[0];
            double ay = a[1];
            double az = a[2];
            if (i > 400 && i % 100 < 4) { // after the 1 s start-up period // a 20 ms knock of 3 to 8 g every half second, always towards +x
                double k = (3 + 5 * random.nextDouble()) * G;
                ax += k;
            }
            c.update(0, 0, 0, ax, ay, az, DT);
            plain.update(0, 0, 0, ax, ay, az, DT);
            worstC = Math.max(worstC, inclinationDeg(c, q));
            worstPlain = Math.max(worstPlain, inclinationDeg(plain, q));
        }
        assertTrue(worstC < 0.01, "complementary worst inclination error " + worstC);
        assertTrue(worstPlain > 1, "unprotected filter is pulled off: " + worstPlain);
    }

    @Test
    void complementaryRecoversAfterGyroOverRange() {
        double range = Math.toRadians(2000);
        ComplementaryFilter c = ComplementaryFilter.builder().gyroRange(range).build();
        c.initialise(0, 0, G);
        // a fast spin about x at 1.5 × range for 0.1 s: the gyro clips, the integrated angle is wrong
        double trueRate = 1.5 * range;
        double angle = 0;
        for (int i = 0; i < 20; i++) {
            angle += trueRate * DT;
            double[] q = {Math.cos(angle / 2), Math.sin(angle / 2), 0, 0};
            double[] a = gravityIn(q);
            c.update(range, 0, 0, a[0], a[1], a[2], DT);
        }
        double[] q = {Math.cos(angle / 2), Math.sin(angle / 2), 0, 0};
        double before = inclinationDeg(c, q);
        assertTrue(c.recovering());
        double[] a = gravityIn(q);
        for (int i = 0; i < 400; i++) { // 2 s still at the final pose
            c.update(0, 0, 0, a[0], a[1], a[2], DT);
        }
        double after = inclinationDeg(c, q);
        assertTrue(before > 20, "clipping made the estimate wrong: " + before);
        assertTrue(after < 0.5, "recovered within 2 s: " + after);
    }
}
