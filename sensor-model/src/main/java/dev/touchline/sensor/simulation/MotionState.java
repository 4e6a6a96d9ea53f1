package dev.touchline.sensor.simulation;

/**
 * Kinematic state of every object (positions in m, velocities in m/s, accelerations in m/s²) and the velocity
 * controller that drives it.
 *
 * <p>The acceleration stored for a frame is held constant over the 40 ms that follow it, so position, velocity
 * and acceleration of consecutive frames are exactly consistent (a quadratic, which cubic Hermite interpolation
 * with the frame velocities reproduces).
 */
final class MotionState {
    /** Frame step, s. */
    static final double DT = MotionBlock.FRAME_MICROS / 1e6;
    /** Hard limit on the magnitude of any acceleration, m/s². */
    static final double MAX_ACCEL = 5.0;
    /** Strongest braking a runner uses, m/s². */
    static final double BRAKE = 4.5;
    /** Deceleration a runner plans for when arriving at a point, m/s². */
    static final double ARRIVAL_DECEL = 3.0;
    /** Strongest sideways (turning) acceleration, m/s². */
    static final double LATERAL = 4.0;
    /** Time over which a runner closes the gap to the velocity it wants, s. */
    static final double RESPONSE = 0.3;
    /** Forward acceleration of a runner from standstill before the 5 m/s² clip, m/s². */
    static final double DRIVE = 6.5;
    /**
     * Least forward acceleration left near top speed, m/s²: without it, speed would approach the maximum only
     * asymptotically and sprints would never reach it.
     */
    static final double DRIVE_FLOOR = 0.7;

    final int n;
    private final double wallX;
    private final double wallY;
    final double[] x;
    final double[] y;
    final double[] vx;
    final double[] vy;
    final double[] ax;
    final double[] ay;
    final double[] vmax;

    /**
     * @param n number of objects
     * @param wallX no one goes further than this from the halfway line, m
     * @param wallY no one goes further than this from the long axis, m
     */
    MotionState(int n, double wallX, double wallY) {
        this.n = n;
        this.wallX = wallX;
        this.wallY = wallY;
        this.x = new double[n];
        this.y = new double[n];
        this.vx = new double[n];
        this.vy = new double[n];
        this.ax = new double[n];
        this.ay = new double[n];
        this.vmax = new double[n];
    }

    /** Moves every object one frame on under its stored acceleration. */
    void integrate() {
        double h = DT;
        double hh = 0.5 * DT * DT;
        for (int o = 0; o < n; o++) {
            x[o] += vx[o] * h + ax[o] * hh;
            y[o] += vy[o] * h + ay[o] * hh;
            vx[o] += ax[o] * h;
            vy[o] += ay[o] * h;
        }
    }

    double speed(int o) {
        return Math.sqrt(vx[o] * vx[o] + vy[o] * vy[o]);
    }

    double distance(int o, double px, double py) {
        double dx = px - x[o];
        double dy = py - y[o];
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** Hypotenuse without {@link Math#hypot}'s overflow care, which costs more than it is worth here. */
    static double norm(double a, double b) {
        return Math.sqrt(a * a + b * b);
    }

    /**
     * Sets the acceleration of object {@code o} so that it heads for a point at a wanted speed, slowing down in
     * time to stop there, within the limits of a human runner.
     *
     * @param tx target x, m
     * @param ty target y, m
     * @param wanted cruising speed, m/s
     */
    void steer(int o, double tx, double ty, double wanted) {
        double dx = tx - x[o];
        double dy = ty - y[o];
        double d = norm(dx, dy);
        double top = vmax[o];
        double cruise = Math.min(wanted, top);
        double arrive = Math.sqrt(2 * ARRIVAL_DECEL * Math.max(0, d - 0.4));
        double desired = Math.min(cruise, arrive);
        double dvx;
        double dvy;
        if (d < 1e-9 || desired <= 0) {
            dvx = -vx[o];
            dvy = -vy[o];
        } else {
            double wx = wall(desired * dx / d, x[o], wallX);
            double wy = wall(desired * dy / d, y[o], wallY);
            dvx = wx - vx[o];
            dvy = wy - vy[o];
        }
        accelerate(o, dvx / RESPONSE, dvy / RESPONSE);
    }

    /**
     * Caps the part of a wanted velocity that heads out of the pitch so that a runner who turns late still stops
     * before the wall, which a sharp turn at speed would otherwise overshoot.
     */
    private static double wall(double v, double p, double limit) {
        if (v > 0) {
            return Math.min(v, Math.sqrt(2 * ARRIVAL_DECEL * Math.max(0, limit - p)));
        }
        return Math.max(v, -Math.sqrt(2 * ARRIVAL_DECEL * Math.max(0, limit + p)));
    }

    /**
     * Sets the acceleration of object {@code o} to the wanted one, shortened but never turned: forward drive falls
     * with speed, braking, turning and the total are bounded, and the speed never passes the object's top speed.
     * Keeping the direction matters: clipping the forward and sideways parts separately would bend the
     * acceleration away from the wanted velocity and can carry a runner who reverses near a line off the pitch.
     */
    void accelerate(int o, double wx, double wy) {
        double v = speed(o);
        double top = vmax[o];
        double drive = Math.min(MAX_ACCEL, Math.max(DRIVE_FLOOR, DRIVE * (1 - v / top)));
        double m = norm(wx, wy);
        double scale = m > MAX_ACCEL ? MAX_ACCEL / m : 1;
        if (v > 0.3) {
            double ux = vx[o] / v;
            double uy = vy[o] / v;
            double along = (wx * ux + wy * uy) * scale;
            // Never push past top speed within the coming frame.
            double cap = Math.max(0, Math.min(drive, (top - v) / DT));
            if (along > cap) {
                scale *= cap / along;
            } else if (along < -BRAKE) {
                scale *= BRAKE / -along;
            }
            double side = Math.abs(wx * uy - wy * ux) * scale;
            if (side > LATERAL) {
                scale *= LATERAL / side;
            }
        } else if (m * scale > Math.min(drive, 3.5)) {
            scale = Math.min(drive, 3.5) / m;
        }
        ax[o] = wx * scale;
        ay[o] = wy * scale;
    }

    void place(int o, double px, double py) {
        x[o] = px;
        y[o] = py;
        vx[o] = 0;
        vy[o] = 0;
        ax[o] = 0;
        ay[o] = 0;
    }
}
