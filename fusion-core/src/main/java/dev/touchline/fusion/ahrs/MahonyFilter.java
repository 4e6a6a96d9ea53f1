package dev.touchline.fusion.ahrs;

/**
 * Mahony's explicit complementary filter on SO(3) (R. Mahony, T. Hamel, J.-M. Pflimlin, IEEE TAC 2008): the cross
 * product between measured and predicted directions drives a proportional-integral correction of the gyro rate;
 * the integral term is a gyro-bias estimate. ENU earth frame, reference field {@code (0, b_h, b_z)}.
 */
public final class MahonyFilter extends AbstractOrientationFilter {
    private final double kp;
    private final double ki;
    private double ix;
    private double iy;
    private double iz;

    /**
     * A filter starting at the identity.
     *
     * @param kp proportional gain, rad/s per unit error, 0 to 100
     * @param ki integral gain, rad/s² per unit error, 0 to 10 (0 disables the bias estimate)
     */
    public MahonyFilter(double kp, double ki) {
        if (!(kp >= 0 && kp <= 100)) {
            throw new IllegalArgumentException("kp must be 0..100, got " + kp);
        }
        if (!(ki >= 0 && ki <= 10)) {
            throw new IllegalArgumentException("ki must be 0..10, got " + ki);
        }
        this.kp = kp;
        this.ki = ki;
    }

    @Override
    public void update(double gx, double gy, double gz, double ax, double ay, double az, double dtSeconds) {
        update(gx, gy, gz, ax, ay, az, 0, 0, 0, dtSeconds);
    }

    @Override
    public void update(double gx, double gy, double gz, double ax, double ay, double az, double mx, double my,
            double mz, double dtSeconds) {
        checkDt(dtSeconds);
        double ex = 0;
        double ey = 0;
        double ez = 0;
        double an = Math.sqrt(ax * ax + ay * ay + az * az);
        if (an > 0) {
            double ux = ax / an;
            double uy = ay / an;
            double uz = az / an;
            Quaternions.earthToSensor(w, x, y, z, 0, 0, 1, scratch3);
            ex += uy * scratch3[2] - uz * scratch3[1];
            ey += uz * scratch3[0] - ux * scratch3[2];
            ez += ux * scratch3[1] - uy * scratch3[0];
        }
        double mn = Math.sqrt(mx * mx + my * my + mz * mz);
        if (an > 0 && mn > 0) {
            double ux = mx / mn;
            double uy = my / mn;
            double uz = mz / mn;
            Quaternions.sensorToEarth(w, x, y, z, ux, uy, uz, scratch3);
            double bh = Math.sqrt(scratch3[0] * scratch3[0] + scratch3[1] * scratch3[1]);
            double bz = scratch3[2];
            Quaternions.earthToSensor(w, x, y, z, 0, bh, bz, scratch3);
            ex += uy * scratch3[2] - uz * scratch3[1];
            ey += uz * scratch3[0] - ux * scratch3[2];
            ez += ux * scratch3[1] - uy * scratch3[0];
        }
        if (ki > 0) {
            ix += ki * ex * dtSeconds;
            iy += ki * ey * dtSeconds;
            iz += ki * ez * dtSeconds;
        }
        integrate(gx + kp * ex + ix, gy + kp * ey + iy, gz + kp * ez + iz, 0, 0, 0, 0, dtSeconds);
    }

    @Override
    double[] extraState() {
        return new double[] {ix, iy, iz};
    }

    @Override
    void restoreExtra(double[] e) {
        ix = e[0];
        iy = e[1];
        iz = e[2];
    }

    /** The integral term (negated gyro-bias estimate), rad/s, written as x, y, z into out; out is Modified. */
    public void integralTerm(double[] out) {
        out[0] = ix;
        out[1] = iy;
        out[2] = iz;
    }
}
