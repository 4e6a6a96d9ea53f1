package dev.touchline.fusion.ahrs;

import static dev.touchline.fusion.internal.Checks.check;

/**
 * A 6-D orientation filter for sustained dynamic motion (running, a swinging shank) where no single accelerometer
 * sample is gravity: after the idea of VQF (D. Laidig, T. Seel, "VQF: Highly accurate IMU orientation estimation
 * with bias estimation and magnetic disturbance rejection", Information Fusion 2023), the accelerometer is
 * low-passed in a quasi-inertial frame rather than used sample by sample.
 * <ol>
 *   <li>The gyro rate (minus a rest-based bias estimate, as in {@link ComplementaryFilter}) is integrated into a
 *       pure-gyro orientation {@code q_I}; its frame I drifts only slowly (bias), so it is nearly inertial.</li>
 *   <li>Each accelerometer sample is rotated into I and low-passed there (first order, {@code timeConstant}). Over
 *       a few strides the body's own acceleration averages out (the sensor does not leave the pitch) and what stays
 *       is gravity, seen through the slowly drifting I frame.</li>
 *   <li>An inclination correction {@code δ} (rotation about horizontal axes only) turns the low-passed vector onto
 *       the vertical, first order with {@code correctionTimeConstant}; the output is {@code δ ⊗ q_I}.</li>
 * </ol>
 * Because the accelerometer is averaged in I, rotations are handled by the gyro at full bandwidth, and neither a
 * magnitude gate nor a rejection timeout is needed. The price is a lag of about the time constants for genuine
 * slow inclination changes that the gyro misses (bias). The magnetometer is not used: the 9-D update runs the 6-D
 * one. No allocation per update.
 */
public final class InertialLowPassFilter extends AbstractOrientationFilter {
    private final double timeConstant;
    private final double correctionTimeConstant;
    private final double restRateThreshold;
    private final double restAccelerationThreshold;
    private final double restMinSeconds;
    private final double biasTimeConstant;

    // pure gyro orientation q_I
    private double iw = 1;
    private double ix;
    private double iy;
    private double iz;
    // inclination correction δ
    private double dw = 1;
    private double dx;
    private double dy;
    private double dz;
    // low-passed specific force in the I frame
    private double mx;
    private double my;
    private double mz;
    private boolean primed;
    // rest detection and gyro bias
    private final double[] gyroMean = new double[3];
    private final double[] accMean = new double[3];
    private final double[] bias = new double[3];
    private double restFor;
    private boolean meansPrimed;
    private boolean restLast;
    // step coefficients for the last dt (not state: recomputed from dt)
    private double coefficientsDt = Double.NaN;
    private double meanAlpha;
    private double lowPassAlpha;
    private double correctionStep;
    private double biasBeta;
    // the second gyro increment of the last pair (for pairMidpoint; not state)
    private double lastVx;
    private double lastVy;
    private double lastVz;

    private InertialLowPassFilter(Builder b) {
        this.timeConstant = b.timeConstant;
        this.correctionTimeConstant = b.correctionTimeConstant;
        this.restRateThreshold = b.restRateThreshold;
        this.restAccelerationThreshold = b.restAccelerationThreshold;
        this.restMinSeconds = b.restMinSeconds;
        this.biasTimeConstant = b.biasTimeConstant;
    }

    /** A builder with the defaults given on its setters. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void setOrientation(double w, double x, double y, double z) {
        super.setOrientation(w, x, y, z);
        iw = this.w;
        ix = this.x;
        iy = this.y;
        iz = this.z;
        dw = 1;
        dx = 0;
        dy = 0;
        dz = 0;
        primed = false;
    }

    @Override
    public void update(double gx, double gy, double gz, double ax, double ay, double az, double mx, double my,
            double mz, double dtSeconds) {
        update(gx, gy, gz, ax, ay, az, dtSeconds);
    }

    @Override
    public void update(double gx, double gy, double gz, double ax, double ay, double az, double dtSeconds) {
        checkDt(dtSeconds);
        double dt = dtSeconds;
        coefficients(dt);
        detectRest(gx, gy, gz, ax, ay, az, dt);
        // 1. gyro integration of q_I
        double cx = gx - bias[0];
        double cy = gy - bias[1];
        double cz = gz - bias[2];
        double nw = iw + 0.5 * (-ix * cx - iy * cy - iz * cz) * dt;
        double nx = ix + 0.5 * (iw * cx + iy * cz - iz * cy) * dt;
        double ny = iy + 0.5 * (iw * cy - ix * cz + iz * cx) * dt;
        double nz = iz + 0.5 * (iw * cz + ix * cy - iy * cx) * dt;
        // |q_I + ½ q_I ⊗ (0, ω) dt|² = 1 + e with e = (|ω| dt / 2)²
        commit(nw, nx, ny, nz, ax, ay, az);
    }

    /**
     * Normalises the integrated quaternion, stores it and applies the inclination correction. Below |e| = 1e-3
     * (e = |q|² − 1; |ω| < 12.6 rad/s at 200 Hz for one step) the series 1 − e/2 + 3e²/8 of 1/√(1 + e) is exact
     * to 3.2e-10 and keeps the root and division off the dependency chain; the next step measures the norm again,
     * so the residual never accumulates.
     */
    private void commit(double nw, double nx, double ny, double nz, double ax, double ay, double az) {
        double sn = nw * nw + nx * nx + ny * ny + nz * nz;
        double e = sn - 1;
        double n = Math.abs(e) < 1e-3 ? 1 - e * (0.5 - 0.375 * e) : 1 / Math.sqrt(sn);
        double pw = nw * n;
        double px = nx * n;
        double py = ny * n;
        double pz = nz * n;
        iw = pw;
        ix = px;
        iy = py;
        iz = pz;
        correct(pw, px, py, pz, ax, ay, az);
        output();
    }

    /**
     * One update from two consecutive gyro samples and one accelerometer sample (taken at the second gyro
     * sample's time): the step of a filter run at half the gyro rate that still integrates every gyro sample.
     * The two first-order rotation increments {@code r₁ = (1, ω₁dt₁/2)} and {@code r₂ = (1, ω₂dt₂/2)} are
     * multiplied, {@code q_I ← q_I ⊗ r₁ ⊗ r₂}, and normalised once: since normalising is a scalar factor, that is
     * the same rotation as two single-sample steps (to rounding). Rest detection sees the mean of the two gyro
     * samples, and the accelerometer low-pass and inclination correction run once with dt₁ + dt₂. No allocation.
     *
     * @param dt1 time from the previous update to the first gyro sample, s (> 0)
     * @param dt2 time from the first to the second gyro sample, s (> 0)
     */
    public void updatePair(double g1x, double g1y, double g1z, double dt1, double g2x, double g2y, double g2z,
            double dt2, double ax, double ay, double az) {
        checkDt(dt1);
        checkDt(dt2);
        double dt = dt1 + dt2;
        coefficients(dt);
        detectRest(0.5 * (g1x + g2x), 0.5 * (g1y + g2y), 0.5 * (g1z + g2z), ax, ay, az, dt);
        double bx = bias[0];
        double by = bias[1];
        double bz = bias[2];
        double h1 = 0.5 * dt1;
        double ux = (g1x - bx) * h1;
        double uy = (g1y - by) * h1;
        double uz = (g1z - bz) * h1;
        double h2 = 0.5 * dt2;
        double vx = (g2x - bx) * h2;
        double vy = (g2y - by) * h2;
        double vz = (g2z - bz) * h2;
        // r = (1, u) ⊗ (1, v) = (1 − u·v, u + v + u × v)
        double rw = 1 - (ux * vx + uy * vy + uz * vz);
        double rx = ux + vx + (uy * vz - uz * vy);
        double ry = uy + vy + (uz * vx - ux * vz);
        double rz = uz + vz + (ux * vy - uy * vx);
        double nw = iw * rw - ix * rx - iy * ry - iz * rz;
        double nx = iw * rx + ix * rw + iy * rz - iz * ry;
        double ny = iw * ry - ix * rz + iy * rw + iz * rx;
        double nz = iw * rz + ix * ry - iy * rx + iz * rw;
        // |r|² = (1 + |u|²)(1 + |v|²)
        commit(nw, nx, ny, nz, ax, ay, az);
        lastVx = vx;
        lastVy = vy;
        lastVz = vz;
    }

    /**
     * The orientation at the first gyro sample of the last {@link #updatePair}: the output turned back by the
     * second sample's increment, {@code q ⊗ (1, −v)/|(1, v)|} (with the inclination correction of the pair end,
     * which differs by less than one correction step). Computed on request; after a single-sample update it is
     * the output itself turned back by the last pair's increment, so ask only right after a pair.
     *
     * @param out w, x, y, z (sensor to earth, ENU); Modified
     */
    public void pairMidpoint(double[] out) {
        double vx = -lastVx;
        double vy = -lastVy;
        double vz = -lastVz;
        double v2 = vx * vx + vy * vy + vz * vz;
        double n = 1 / Math.sqrt(1 + v2);
        out[0] = (w - x * vx - y * vy - z * vz) * n;
        out[1] = (w * vx + x + y * vz - z * vy) * n;
        out[2] = (w * vy - x * vz + y + z * vx) * n;
        out[3] = (w * vz + x * vy - y * vx + z) * n;
    }

    private void coefficients(double dt) {
        if (dt != coefficientsDt) {
            // the step coefficients depend on dt alone: a regular clock pays for the divisions once
            coefficientsDt = dt;
            meanAlpha = dt / (0.5 + dt);
            lowPassAlpha = dt / (timeConstant + dt);
            correctionStep = 0.5 * Math.min(1, dt / correctionTimeConstant);
            biasBeta = dt / (biasTimeConstant + dt);
        }
    }

    /** Steps 2 and 3: the accelerometer into I (orientation p) and low-passed there, then the inclination step. */
    private void correct(double pw, double px, double py, double pz, double ax, double ay, double az) {
        // 2. accelerometer into I, low-passed there (a zero vector means no sample: keep the mean)
        if (ax != 0 || ay != 0 || az != 0) {
            // Quaternions.sensorToEarth, written out: no round trip through an array
            double ex = (1 - 2 * (py * py + pz * pz)) * ax + 2 * (px * py - pw * pz) * ay
                    + 2 * (px * pz + pw * py) * az;
            double ey = 2 * (px * py + pw * pz) * ax + (1 - 2 * (px * px + pz * pz)) * ay
                    + 2 * (py * pz - pw * px) * az;
            double ez = 2 * (px * pz - pw * py) * ax + 2 * (py * pz + pw * px) * ay
                    + (1 - 2 * (px * px + py * py)) * az;
            if (!primed) {
                this.mx = ex;
                this.my = ey;
                this.mz = ez;
                primed = true;
            } else {
                double a = lowPassAlpha;
                this.mx += a * (ex - this.mx);
                this.my += a * (ey - this.my);
                this.mz += a * (ez - this.mz);
            }
        }
        // 3. inclination correction: turn δ·m towards the vertical
        if (primed) {
            double vx = this.mx;
            double vy = this.my;
            double vz = this.mz;
            double ex = (1 - 2 * (dy * dy + dz * dz)) * vx + 2 * (dx * dy - dw * dz) * vy
                    + 2 * (dx * dz + dw * dy) * vz;
            double ey = 2 * (dx * dy + dw * dz) * vx + (1 - 2 * (dx * dx + dz * dz)) * vy
                    + 2 * (dy * dz - dw * dx) * vz;
            double ez = 2 * (dx * dz - dw * dy) * vx + 2 * (dy * dz + dw * dx) * vy
                    + (1 - 2 * (dx * dx + dy * dy)) * vz;
            // |δ·m| = |m|: a rotation keeps the length, so the root and division run beside the rotation
            double mn = vx * vx + vy * vy + vz * vz;
            if (mn > 0) {
                // r = (1, k/2 · (e × up)/|e|): a small rotation about the horizontal axis e × up = (ey, −ex, 0) by
                // k·sin(angle(e, up)); first order in the step, which is tiny per sample, and renormalised
                double h = correctionStep / Math.sqrt(mn);
                double rx = ey * h;
                double ry = -ex * h;
                // δ ← r ⊗ δ (r is about a horizontal earth axis, so heading is untouched)
                double qw = dw - rx * dx - ry * dy;
                double qx = dx + rx * dw + ry * dz;
                double qy = dy - rx * dz + ry * dw;
                double qz = dz + rx * dy - ry * dx;
                // renormalised: the step changes |δ|² by at most (k/2)², k = min(1, dt/τ); while that is below
                // 1e-4 (dt = 5 ms, τ = 1 s: 6e-6) one Newton step for 1/√s at s ≈ 1 leaves an error below 1e-8
                // that the next step squares away, so no root or division is needed
                double sq = qw * qw + qx * qx + qy * qy + qz * qz;
                double qn = correctionStep <= 0.01 ? 1.5 - 0.5 * sq : 1 / Math.sqrt(sq);
                dw = qw * qn;
                dx = qx * qn;
                dy = qy * qn;
                dz = qz * qn;
            }
        }
    }

    /** The output δ ⊗ q_I (recomputed on restore too, so a restored filter continues bit for bit). */
    private void output() {
        w = dw * iw - dx * ix - dy * iy - dz * iz;
        x = dw * ix + dx * iw + dy * iz - dz * iy;
        y = dw * iy - dx * iz + dy * iw + dz * ix;
        z = dw * iz + dx * iy - dy * ix + dz * iw;
    }

    private void detectRest(double gx, double gy, double gz, double ax, double ay, double az, double dt) {
        double alpha = meansPrimed ? meanAlpha : 1;
        meansPrimed = true;
        gyroMean[0] += alpha * (gx - gyroMean[0]);
        gyroMean[1] += alpha * (gy - gyroMean[1]);
        gyroMean[2] += alpha * (gz - gyroMean[2]);
        accMean[0] += alpha * (ax - accMean[0]);
        accMean[1] += alpha * (ay - accMean[1]);
        accMean[2] += alpha * (az - accMean[2]);
        double gm = gyroMean[0] * gyroMean[0] + gyroMean[1] * gyroMean[1] + gyroMean[2] * gyroMean[2];
        double gdx = gx - gyroMean[0];
        double gdy = gy - gyroMean[1];
        double gdz = gz - gyroMean[2];
        double adx = ax - accMean[0];
        double ady = ay - accMean[1];
        double adz = az - accMean[2];
        double rate2 = restRateThreshold * restRateThreshold;
        boolean still = gm < rate2 && gdx * gdx + gdy * gdy + gdz * gdz < rate2
                && adx * adx + ady * ady + adz * adz < restAccelerationThreshold * restAccelerationThreshold;
        restFor = still ? restFor + dt : 0;
        restLast = restFor >= restMinSeconds;
        if (restLast) {
            double beta = biasBeta;
            bias[0] += beta * (gyroMean[0] - bias[0]);
            bias[1] += beta * (gyroMean[1] - bias[1]);
            bias[2] += beta * (gyroMean[2] - bias[2]);
        }
    }

    @Override
    double[] extraState() {
        return new double[] {iw, ix, iy, iz, dw, dx, dy, dz, mx, my, mz, primed ? 1 : 0, gyroMean[0], gyroMean[1],
            gyroMean[2], accMean[0], accMean[1], accMean[2], bias[0], bias[1], bias[2], restFor, restLast ? 1 : 0,
            meansPrimed ? 1 : 0};
    }

    @Override
    void restoreExtra(double[] e) {
        iw = e[0];
        ix = e[1];
        iy = e[2];
        iz = e[3];
        dw = e[4];
        dx = e[5];
        dy = e[6];
        dz = e[7];
        mx = e[8];
        my = e[9];
        mz = e[10];
        primed = e[11] != 0;
        for (int k = 0; k < 3; k++) {
            gyroMean[k] = e[12 + k];
            accMean[k] = e[15 + k];
            bias[k] = e[18 + k];
        }
        restFor = e[21];
        restLast = e[22] != 0;
        meansPrimed = e[23] != 0;
        output();
    }

    /** The gyro-bias estimate, rad/s, written as x, y, z into out; out is Modified. */
    public void gyroBias(double[] out) {
        out[0] = bias[0];
        out[1] = bias[1];
        out[2] = bias[2];
    }

    /** Whether the last update found the sensor at rest (and so updated the bias). */
    public boolean atRest() {
        return restLast;
    }

    /** Configuration of an {@link InertialLowPassFilter}. */
    public static final class Builder {
        private double timeConstant = 2;
        private double correctionTimeConstant = 1;
        private double restRateThreshold = Math.toRadians(2);
        private double restAccelerationThreshold = 0.5;
        private double restMinSeconds = 1.5;
        private double biasTimeConstant = 3;

        private Builder() {
        }

        /** Time constant of the accelerometer low-pass in the quasi-inertial frame, s, 0.01..60; default 2. */
        public Builder timeConstant(double seconds) {
            timeConstant = check("timeConstant", seconds, 0.01, 60);
            return this;
        }

        /** Time constant of the inclination correction, s, 0.01..60; default 1. */
        public Builder correctionTimeConstant(double seconds) {
            correctionTimeConstant = check("correctionTimeConstant", seconds, 0.01, 60);
            return this;
        }

        /** Rest: low-passed rate and its deviations below this, rad/s, 0..1; default 2 °/s. */
        public Builder restRateThreshold(double radPerSecond) {
            restRateThreshold = check("restRateThreshold", radPerSecond, 0, 1);
            return this;
        }

        /** Rest: accelerometer deviation from its low-pass below this, m/s², 0..10; default 0.5. */
        public Builder restAccelerationThreshold(double metresPerSecondSquared) {
            restAccelerationThreshold = check("restAccelerationThreshold", metresPerSecondSquared, 0, 10);
            return this;
        }

        /** Rest must last this long before the bias is updated, s, 0..60; default 1.5. */
        public Builder restMinSeconds(double seconds) {
            restMinSeconds = check("restMinSeconds", seconds, 0, 60);
            return this;
        }

        /** Time constant of the bias tracking while at rest, s, 0.01..600; default 3. */
        public Builder biasTimeConstant(double seconds) {
            biasTimeConstant = check("biasTimeConstant", seconds, 0.01, 600);
            return this;
        }

        /** The filter, starting at the identity. */
        public InertialLowPassFilter build() {
            return new InertialLowPassFilter(this);
        }
    }
}
