package dev.touchline.fusion.ahrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The written-out 6-D Madgwick update against the general form it replaced (the gradient through
 * {@link Gradient#add} with the reference (0, 0, 1), divisions by the norms): from the same state, one step of each
 * agrees within 1e-12 per quaternion component, on random states and samples (seed 4711), including zero
 * accelerometer vectors and steps where the filter sits on the reference.
 */
class MadgwickReferenceTest {
    /** The 6-D update as it was written before, kept here as the reference. */
    private static double[] referenceStep(double[] q, double beta, double gx, double gy, double gz, double ax,
            double ay, double az, double dt) {
        double w = q[0];
        double x = q[1];
        double y = q[2];
        double z = q[3];
        double[] g = new double[4];
        double an = Math.sqrt(ax * ax + ay * ay + az * az);
        if (an > 0) {
            Gradient.add(w, x, y, z, 0, 0, 1, ax / an, ay / an, az / an, g);
        }
        double n = Math.sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2] + g[3] * g[3]);
        double cw = 0;
        double cx = 0;
        double cy = 0;
        double cz = 0;
        if (n > 0) {
            double k = -beta / n;
            cw = k * g[0];
            cx = k * g[1];
            cy = k * g[2];
            cz = k * g[3];
        }
        double dw = 0.5 * (-x * gx - y * gy - z * gz) + cw;
        double dx = 0.5 * (w * gx + y * gz - z * gy) + cx;
        double dy = 0.5 * (w * gy - x * gz + z * gx) + cy;
        double dz = 0.5 * (w * gz + x * gy - y * gx) + cz;
        double nw = w + dw * dt;
        double nx = x + dx * dt;
        double ny = y + dy * dt;
        double nz = z + dz * dt;
        double m = Math.sqrt(nw * nw + nx * nx + ny * ny + nz * nz);
        return new double[] {nw / m, nx / m, ny / m, nz / m};
    }

    @Test
    void oneStepAgreesWithTheGeneralFormWithin1e12() {
        SplittableRandom r = new SplittableRandom(4711);
        MadgwickFilter f = new MadgwickFilter(0.1);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            double[] q = {r.nextDouble(-1, 1), r.nextDouble(-1, 1), r.nextDouble(-1, 1), r.nextDouble(-1, 1)};
            if (i % 1000 == 0) {
                q = new double[] {1, 0, 0, 0}; // at the reference: zero gradient for an upright sample
            }
            f.setOrientation(q[0], q[1], q[2], q[3]);
            double[] start = {f.qw(), f.qx(), f.qy(), f.qz()};
            double gx = r.nextDouble(-35, 35);
            double gy = r.nextDouble(-35, 35);
            double gz = r.nextDouble(-35, 35);
            double ax = r.nextDouble(-160, 160);
            double ay = r.nextDouble(-160, 160);
            double az = r.nextDouble(-160, 160);
            if (i % 1000 == 0) {
                ax = 0;
                ay = 0;
                az = i % 2000 == 0 ? 0 : 9.81;
                gx = 0;
                gy = 0;
                gz = 0;
            } else if (i % 997 == 0) {
                ax = 0;
                ay = 0;
                az = 0; // no accelerometer sample: gyro only
            }
            double dt = r.nextDouble(1e-4, 0.05);
            double[] want = referenceStep(start, 0.1, gx, gy, gz, ax, ay, az, dt);
            f.update(gx, gy, gz, ax, ay, az, dt);
            double[] got = {f.qw(), f.qx(), f.qy(), f.qz()};
            for (int k = 0; k < 4; k++) {
                worst = Math.max(worst, Math.abs(got[k] - want[k]));
            }
        }
        System.out.printf("Madgwick 6-D, written-out against general form: largest difference per step %.2e%n",
                worst);
        assertTrue(worst <= 1e-12, "largest difference " + worst);
    }

    @Test
    void longRunStaysWithTheReference() {
        // 100,000 steps at 200 Hz of a tumbling, noisy sensor (seed 4712): differences do not build up
        SplittableRandom r = new SplittableRandom(4712);
        MadgwickFilter f = new MadgwickFilter(0.05);
        double[] q = {1, 0, 0, 0};
        for (int i = 0; i < 100_000; i++) {
            double t = i / 200.0;
            double gx = 2 * Math.sin(2 * Math.PI * 1.3 * t) + 0.01 * r.nextGaussian();
            double gy = 1.5 * Math.cos(2 * Math.PI * 0.7 * t) + 0.01 * r.nextGaussian();
            double gz = 0.5 + 0.01 * r.nextGaussian();
            double ax = 9.80665 * Math.sin(0.3 * Math.sin(t)) + 0.05 * r.nextGaussian();
            double ay = 0.5 * Math.cos(t) + 0.05 * r.nextGaussian();
            double az = 9.80665 * Math.cos(0.3 * Math.sin(t)) + 0.05 * r.nextGaussian();
            q = referenceStep(q, 0.05, gx, gy, gz, ax, ay, az, 0.005);
            f.update(gx, gy, gz, ax, ay, az, 0.005);
        }
        assertEquals(q[0], f.qw(), 1e-9);
        assertEquals(q[1], f.qx(), 1e-9);
        assertEquals(q[2], f.qy(), 1e-9);
        assertEquals(q[3], f.qz(), 1e-9);
    }
}
