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
        double[] g = scratch;
        g[0] = 0;
        g[1] = 0;
        g[2] = 0;
        g[3] = 0;
        double an = Math.sqrt(ax * ax + ay * ay + az * az);
        if (an > 0) {
            Gradient.add(w, x, y, z, 0, 0, 1, ax / an, ay / an, az / an, g);
        }
        step(gx, gy, gz, g, dtSeconds);
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
