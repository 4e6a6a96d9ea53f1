package dev.touchline.sensor.simulation;

/**
 * Ground-truth kinematics of every object (and the ball) over one chunk of 25 Hz frames, as columns.
 *
 * <p>Frames {@code 0 .. chunkFrames()-1} belong to the chunk. When the period goes on after the chunk, one more
 * frame (the first frame of the next chunk, identical to it) follows so that signals sampled between the last
 * frame and the chunk's end can be interpolated; {@link #frameCount()} includes it.
 *
 * <p>Read-only to users; the motion model fills it.
 */
public final class MotionBlock {
    /** Frame period of the simulated truth, microseconds (25 Hz). */
    public static final long FRAME_MICROS = 40_000L;

    private final int period;
    private final int objects;
    private final int frames;
    private final int chunkFrames;
    final long[] timeMicros;
    final int[] frameNumber;
    final double[] x;
    final double[] y;
    final double[] vx;
    final double[] vy;
    final double[] ax;
    final double[] ay;
    final double[] ballX;
    final double[] ballY;
    final double[] ballZ;

    /**
     * An empty block for the motion model to fill.
     *
     * @param period 1 or 2
     * @param objects number of objects
     * @param chunkFrames frames that belong to the chunk
     * @param lookahead whether one extra frame follows
     */
    MotionBlock(int period, int objects, int chunkFrames, boolean lookahead) {
        this.period = period;
        this.objects = objects;
        this.chunkFrames = chunkFrames;
        this.frames = chunkFrames + (lookahead ? 1 : 0);
        this.timeMicros = new long[frames];
        this.frameNumber = new int[frames];
        int n = objects * frames;
        this.x = new double[n];
        this.y = new double[n];
        this.vx = new double[n];
        this.vy = new double[n];
        this.ax = new double[n];
        this.ay = new double[n];
        this.ballX = new double[frames];
        this.ballY = new double[frames];
        this.ballZ = new double[frames];
    }

    /** Match period, 1 or 2. */
    public int period() {
        return period;
    }

    /** Number of objects (players then officials). */
    public int objectCount() {
        return objects;
    }

    /** Frames stored, including the look-ahead frame when present. */
    public int frameCount() {
        return frames;
    }

    /** Frames that belong to this chunk. */
    public int chunkFrames() {
        return chunkFrames;
    }

    /** Time stamp of frame {@code f}, epoch microseconds. */
    public long timeMicros(int f) {
        return timeMicros[f];
    }

    /** Frame number of frame {@code f}, counted from kick-off at 25 Hz (the half-time break skips numbers). */
    public int frameNumber(int f) {
        return frameNumber[f];
    }

    /** Pitch x of object {@code o} at frame {@code f}, metres (CDF). */
    public double x(int o, int f) {
        return x[o * frames + f];
    }

    /** Pitch y of object {@code o} at frame {@code f}, metres (CDF). */
    public double y(int o, int f) {
        return y[o * frames + f];
    }

    /** Velocity x of object {@code o} at frame {@code f}, m/s. */
    public double vx(int o, int f) {
        return vx[o * frames + f];
    }

    /** Velocity y of object {@code o} at frame {@code f}, m/s. */
    public double vy(int o, int f) {
        return vy[o * frames + f];
    }

    /** Acceleration x of object {@code o} at frame {@code f}, m/s². */
    public double ax(int o, int f) {
        return ax[o * frames + f];
    }

    /** Acceleration y of object {@code o} at frame {@code f}, m/s². */
    public double ay(int o, int f) {
        return ay[o * frames + f];
    }

    /** Speed of object {@code o} at frame {@code f}, m/s. */
    public double speed(int o, int f) {
        int i = o * frames + f;
        return Math.hypot(vx[i], vy[i]);
    }

    /** Ball x at frame {@code f}, metres. */
    public double ballX(int f) {
        return ballX[f];
    }

    /** Ball y at frame {@code f}, metres. */
    public double ballY(int f) {
        return ballY[f];
    }

    /** Ball height at frame {@code f}, metres. */
    public double ballZ(int f) {
        return ballZ[f];
    }

    /**
     * The state of object {@code o} at any time between the first and the last stored frame: position by cubic
     * Hermite interpolation (consistent with the velocities), velocity and acceleration linearly.
     *
     * @param timeMicros epoch microseconds; before the first frame the first frame is returned, after the last
     *                   one the last position is extrapolated at constant velocity for at most one frame. A
     *                   generator that reads past its chunk's end would therefore depend on the chunk length:
     *                   read only inside {@code [timeMicros(0), timeMicros(frameCount() - 1)]}.
     * @param out receives {x, y, vx, vy, ax, ay} in m, m/s, m/s²; length ≥ 6. Modified.
     */
    public void interpolate(int o, long timeMicros, double[] out) {
        long rel = timeMicros - this.timeMicros[0];
        int f = (int) Math.floorDiv(rel, FRAME_MICROS);
        if (f < 0) {
            f = 0;
            rel = 0;
        }
        if (f >= frames - 1) {
            int i = o * frames + frames - 1;
            double dt = (timeMicros - this.timeMicros[frames - 1]) / 1e6;
            dt = Math.max(0, Math.min(dt, FRAME_MICROS / 1e6));
            out[0] = x[i] + vx[i] * dt;
            out[1] = y[i] + vy[i] * dt;
            out[2] = vx[i];
            out[3] = vy[i];
            out[4] = ax[i];
            out[5] = ay[i];
            return;
        }
        double h = FRAME_MICROS / 1e6;
        double s = (rel - f * FRAME_MICROS) / (double) FRAME_MICROS;
        int i0 = o * frames + f;
        int i1 = i0 + 1;
        double s2 = s * s;
        double s3 = s2 * s;
        double h00 = 2 * s3 - 3 * s2 + 1;
        double h10 = s3 - 2 * s2 + s;
        double h01 = -2 * s3 + 3 * s2;
        double h11 = s3 - s2;
        out[0] = h00 * x[i0] + h10 * h * vx[i0] + h01 * x[i1] + h11 * h * vx[i1];
        out[1] = h00 * y[i0] + h10 * h * vy[i0] + h01 * y[i1] + h11 * h * vy[i1];
        out[2] = vx[i0] + s * (vx[i1] - vx[i0]);
        out[3] = vy[i0] + s * (vy[i1] - vy[i0]);
        out[4] = ax[i0] + s * (ax[i1] - ax[i0]);
        out[5] = ay[i0] + s * (ay[i1] - ay[i0]);
    }
}
