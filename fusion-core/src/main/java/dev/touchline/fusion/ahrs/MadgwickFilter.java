package dev.touchline.fusion.ahrs;

/**
 * Madgwick's gradient-descent orientation filter (S. Madgwick, "An efficient orientation filter for inertial and
 * inertial/magnetic sensor arrays", 2010), 6-D and 9-D, with the magnetometer objective in its correct form (see
 * {@link Gradient} for the factor-of-two error of the widely copied code). The earth frame is ENU: the reference
 * field is {@code (0, b_h, b_z)}, north along y.
 */
public final class MadgwickFilter extends AbstractOrientationFilter {
    private final double beta;

    /**
     * A filter starting at the identity.
     *
     * @param beta gradient step gain, rad/s, 0 to 10 (Madgwick suggests √(3/4)·gyro error; typical 0.01–0.1)
     */
    public MadgwickFilter(double beta) {
        if (!(beta >= 0 && beta <= 10)) {
            throw new IllegalArgumentException("beta must be 0..10 rad/s, got " + beta);
        }
        this.beta = beta;
    }

    /** The gradient step gain, rad/s. */
    public double beta() {
        return beta;
    }

    @Override
    public void update(double gx, double gy, double gz, double ax, double ay, double az, double dtSeconds) {
        checkDt(dtSeconds);
        double dt = dtSeconds;
        double qw = w;
        double qx = x;
        double qy = y;
        double qz = z;
        // the rate from the gyro, q̇ = ½ q ⊗ (0, ω)
        double dw = 0.5 * (-qx * gx - qy * gy - qz * gz);
        double dx = 0.5 * (qw * gx + qy * gz - qz * gy);
        double dy = 0.5 * (qw * gy - qx * gz + qz * gx);
        double dz = 0.5 * (qw * gz + qx * gy - qy * gx);
        double a2 = ax * ax + ay * ay + az * az;
        if (a2 > 0) {
            // Gradient.add for the reference (0, 0, 1), written out: the general form multiplies by the zero
            // components, which the compiler may not drop (0·x is not 0 for every double)
            double an = 1 / Math.sqrt(a2);
            double fx = 2 * (qx * qz - qw * qy) - ax * an;
            double fy = 2 * (qy * qz + qw * qx) - ay * an;
            double fz = 1 - 2 * (qx * qx + qy * qy) - az * an;
            double sw = -2 * qy * fx + 2 * qx * fy;
            double sx = 2 * qz * fx + 2 * qw * fy - 4 * qx * fz;
            double sy = -2 * qw * fx + 2 * qz * fy - 4 * qy * fz;
            double sz = 2 * qx * fx + 2 * qy * fy;
            double g2 = sw * sw + sx * sx + sy * sy + sz * sz;
            if (g2 > 0) {
                double k = -beta / Math.sqrt(g2);
                dw += k * sw;
                dx += k * sx;
                dy += k * sy;
                dz += k * sz;
            }
        }
        double nw = qw + dw * dt;
        double nx = qx + dx * dt;
        double ny = qy + dy * dt;
        double nz = qz + dz * dt;
        double n = 1 / Math.sqrt(nw * nw + nx * nx + ny * ny + nz * nz);
        w = nw * n;
        x = nx * n;
        y = ny * n;
        z = nz * n;
    }

    @Override
    public void update(double gx, double gy, double gz, double ax, double ay, double az, double mx, double my,
            double mz, double dtSeconds) {
        double mn = Math.sqrt(mx * mx + my * my + mz * mz);
        double an = Math.sqrt(ax * ax + ay * ay + az * az);
        if (!(mn > 0) || !(an > 0)) {
            update(gx, gy, gz, ax, ay, az, dtSeconds);
            return;
        }
        checkDt(dtSeconds);
        double ux = mx / mn;
        double uy = my / mn;
        double uz = mz / mn;
        // the field in the earth frame with the current estimate; keep its horizontal length and vertical part
        Quaternions.sensorToEarth(w, x, y, z, ux, uy, uz, scratch3);
        double bh = Math.sqrt(scratch3[0] * scratch3[0] + scratch3[1] * scratch3[1]);
        double bz = scratch3[2];
        double[] g = scratch;
        g[0] = 0;
        g[1] = 0;
        g[2] = 0;
        g[3] = 0;
        Gradient.add(w, x, y, z, 0, 0, 1, ax / an, ay / an, az / an, g);
        Gradient.add(w, x, y, z, 0, bh, bz, ux, uy, uz, g);
        step(gx, gy, gz, g, dtSeconds);
    }

    private void step(double gx, double gy, double gz, double[] g, double dt) {
        double n = Math.sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2] + g[3] * g[3]);
        if (n > 0) {
            double k = -beta / n;
            integrate(gx, gy, gz, k * g[0], k * g[1], k * g[2], k * g[3], dt);
        } else {
            integrate(gx, gy, gz, 0, 0, 0, 0, dt);
        }
    }
}
