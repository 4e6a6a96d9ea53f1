package dev.touchline.fusion.ahrs;

import static dev.touchline.fusion.internal.Checks.check;

/**
 * A complementary orientation filter built to hold up in impact-heavy motion: gyro integration corrected towards
 * the accelerometer's gravity direction by a proportional term, with
 * <ul>
 *   <li><b>acceleration rejection</b>: a sample whose |a| differs from g by more than a tolerance, or whose
 *       direction differs from the predicted gravity by more than an angle, does not correct (a foot strike or a
 *       tap is not gravity);</li>
 *   <li><b>recovery</b>: after the gyro reaches its range (over-range: integration is wrong) or after rejection has
 *       lasted longer than a timeout, the accelerometer is trusted again at a higher gain for a recovery period;</li>
 *   <li><b>rest detection and gyro-bias estimation</b>: while the low-passed gyro rate is below a threshold and
 *       gyro and accelerometer stay close to their low-passed values for long enough, the low-passed gyro rate is
 *       taken as bias (first-order tracking) and subtracted;</li>
 *   <li>optional <b>magnetometer</b> heading correction, restricted to rotation about the vertical so a disturbed
 *       field cannot tilt the inclination;</li>
 *   <li>per-sample dt; no allocation per update.</li>
 * </ul>
 * The first {@code initialisationSeconds} run at the recovery gain without the direction test so the filter
 * settles from any start. The magnitude test always applies: in motion that never brings |a| near g the filter
 * integrates the gyro alone until it does. Earth frame ENU.
 */
public final class ComplementaryFilter extends AbstractOrientationFilter {
    private final double gain;
    private final double recoveryGain;
    private final double magneticGain;
    private final double accelerationTolerance;
    private final double rejectionCos;
    private final double rejectionTimeout;
    private final double recoveryPeriod;
    private final double gyroRangeThreshold;
    private final double restRateThreshold;
    private final double restAccelerationThreshold;
    private final double restMinSeconds;
    private final double restFilterSeconds;
    private final double biasTimeConstant;
    private final double initialisationSeconds;

    private double elapsed;
    private double rejectedFor;
    private double recoveryLeft;
    private double restFor;
    private final double[] gyroMean = new double[3];
    private final double[] accMean = new double[3];
    private boolean meansPrimed;
    private final double[] bias = new double[3];
    private boolean rejectedLast;
    private boolean restLast;

    private ComplementaryFilter(Builder b) {
        this.gain = b.gain;
        this.recoveryGain = b.recoveryGain;
        this.magneticGain = b.magneticGain;
        this.accelerationTolerance = b.accelerationTolerance;
        this.rejectionCos = Math.cos(b.rejectionAngle);
        this.rejectionTimeout = b.rejectionTimeout;
        this.recoveryPeriod = b.recoveryPeriod;
        this.gyroRangeThreshold = 0.98 * b.gyroRange;
        this.restRateThreshold = b.restRateThreshold;
        this.restAccelerationThreshold = b.restAccelerationThreshold;
        this.restMinSeconds = b.restMinSeconds;
        this.restFilterSeconds = b.restFilterSeconds;
        this.biasTimeConstant = b.biasTimeConstant;
        this.initialisationSeconds = b.initialisationSeconds;
    }

    /** A builder with the defaults listed on its setters. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void update(double gx, double gy, double gz, double ax, double ay, double az, double dtSeconds) {
        update(gx, gy, gz, ax, ay, az, 0, 0, 0, dtSeconds);
    }

    @Override
    public void update(double gx, double gy, double gz, double ax, double ay, double az, double mx, double my,
            double mz, double dtSeconds) {
        checkDt(dtSeconds);
        double dt = dtSeconds;
        elapsed += dt;
        if (Math.abs(gx) >= gyroRangeThreshold || Math.abs(gy) >= gyroRangeThreshold
                || Math.abs(gz) >= gyroRangeThreshold) {
            recoveryLeft = recoveryPeriod;
        }
        detectRest(gx, gy, gz, ax, ay, az, dt);
        double cx = gx - bias[0];
        double cy = gy - bias[1];
        double cz = gz - bias[2];

        boolean initialising = elapsed <= initialisationSeconds;
        boolean recovering = initialising || recoveryLeft > 0;
        double an = Math.sqrt(ax * ax + ay * ay + az * az);
        rejectedLast = true;
        if (an > 0) {
            double ux = ax / an;
            double uy = ay / an;
            double uz = az / an;
            Quaternions.earthToSensor(w, x, y, z, 0, 0, 1, scratch3);
            double vx = scratch3[0];
            double vy = scratch3[1];
            double vz = scratch3[2];
            boolean magnitudeOk = Math.abs(an - STANDARD_GRAVITY) <= accelerationTolerance;
            boolean directionOk = ux * vx + uy * vy + uz * vz >= rejectionCos;
            // recovery skips the direction test (the estimate itself is suspect), never the magnitude test
            if (magnitudeOk && (directionOk || recovering)) {
                double k = recovering ? recoveryGain : gain;
                cx += k * (uy * vz - uz * vy);
                cy += k * (uz * vx - ux * vz);
                cz += k * (ux * vy - uy * vx);
                rejectedLast = false;
            }
            double mn = Math.sqrt(mx * mx + my * my + mz * mz);
            if (mn > 0 && magneticGain > 0) {
                double px = mx / mn;
                double py = my / mn;
                double pz = mz / mn;
                Quaternions.sensorToEarth(w, x, y, z, px, py, pz, scratch3);
                double bh = Math.sqrt(scratch3[0] * scratch3[0] + scratch3[1] * scratch3[1]);
                double bz = scratch3[2];
                Quaternions.earthToSensor(w, x, y, z, 0, bh, bz, scratch3);
                double ex = py * scratch3[2] - pz * scratch3[1];
                double ey = pz * scratch3[0] - px * scratch3[2];
                double ez = px * scratch3[1] - py * scratch3[0];
                // keep only the part about the vertical: the field corrects heading, never inclination
                double along = ex * vx + ey * vy + ez * vz;
                double k = recovering ? recoveryGain : magneticGain;
                cx += k * along * vx;
                cy += k * along * vy;
                cz += k * along * vz;
            }
        }
        if (rejectedLast) {
            rejectedFor += dt;
            if (rejectedFor > rejectionTimeout) {
                recoveryLeft = recoveryPeriod;
                rejectedFor = 0;
            }
        } else {
            rejectedFor = 0;
        }
        if (recoveryLeft > 0) {
            recoveryLeft -= dt;
        }
        integrate(cx, cy, cz, 0, 0, 0, 0, dt);
    }

    private void detectRest(double gx, double gy, double gz, double ax, double ay, double az, double dt) {
        if (!meansPrimed) {
            gyroMean[0] = gx;
            gyroMean[1] = gy;
            gyroMean[2] = gz;
            accMean[0] = ax;
            accMean[1] = ay;
            accMean[2] = az;
            meansPrimed = true;
        }
        double alpha = dt / (restFilterSeconds + dt);
        gyroMean[0] += alpha * (gx - gyroMean[0]);
        gyroMean[1] += alpha * (gy - gyroMean[1]);
        gyroMean[2] += alpha * (gz - gyroMean[2]);
        accMean[0] += alpha * (ax - accMean[0]);
        accMean[1] += alpha * (ay - accMean[1]);
        accMean[2] += alpha * (az - accMean[2]);
        double gm = norm(gyroMean[0], gyroMean[1], gyroMean[2]);
        double gd = norm(gx - gyroMean[0], gy - gyroMean[1], gz - gyroMean[2]);
        double ad = norm(ax - accMean[0], ay - accMean[1], az - accMean[2]);
        boolean still = gm < restRateThreshold && gd < restRateThreshold && ad < restAccelerationThreshold;
        restFor = still ? restFor + dt : 0;
        restLast = restFor >= restMinSeconds;
        if (restLast) {
            double beta = dt / (biasTimeConstant + dt);
            bias[0] += beta * (gyroMean[0] - bias[0]);
            bias[1] += beta * (gyroMean[1] - bias[1]);
            bias[2] += beta * (gyroMean[2] - bias[2]);
        }
    }

    private static double norm(double a, double b, double c) {
        return Math.sqrt(a * a + b * b + c * c);
    }

    /** Standard gravity, m/s². */
    static final double STANDARD_GRAVITY = 9.80665;

    @Override
    double[] extraState() {
        return new double[] {elapsed, rejectedFor, recoveryLeft, restFor, gyroMean[0], gyroMean[1], gyroMean[2],
            accMean[0], accMean[1], accMean[2], meansPrimed ? 1 : 0, bias[0], bias[1], bias[2], rejectedLast ? 1 : 0,
            restLast ? 1 : 0};
    }

    @Override
    void restoreExtra(double[] e) {
        elapsed = e[0];
        rejectedFor = e[1];
        recoveryLeft = e[2];
        restFor = e[3];
        gyroMean[0] = e[4];
        gyroMean[1] = e[5];
        gyroMean[2] = e[6];
        accMean[0] = e[7];
        accMean[1] = e[8];
        accMean[2] = e[9];
        meansPrimed = e[10] != 0;
        bias[0] = e[11];
        bias[1] = e[12];
        bias[2] = e[13];
        rejectedLast = e[14] != 0;
        restLast = e[15] != 0;
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

    /** Whether the last update ignored the accelerometer. */
    public boolean accelerationRejected() {
        return rejectedLast;
    }

    /** Whether the filter is in its recovery period (after over-range or a long rejection). */
    public boolean recovering() {
        return recoveryLeft > 0;
    }

    /** Configuration of a {@link ComplementaryFilter}. */
    public static final class Builder {
        private double gain = 0.5;
        private double recoveryGain = 5;
        private double magneticGain = 0.1;
        private double accelerationTolerance = 0.1 * STANDARD_GRAVITY;
        private double rejectionAngle = Math.toRadians(10);
        private double rejectionTimeout = 5;
        private double recoveryPeriod = 1;
        private double gyroRange = Math.toRadians(2000);
        private double restRateThreshold = Math.toRadians(2);
        private double restAccelerationThreshold = 0.5;
        private double restMinSeconds = 1.5;
        private double restFilterSeconds = 0.5;
        private double biasTimeConstant = 3;
        private double initialisationSeconds = 1;

        private Builder() {
        }

        /** Accelerometer correction gain, rad/s per unit error (≈ 1/time constant), 0..50; default 0.5. */
        public Builder gain(double radPerSecond) {
            gain = check("gain", radPerSecond, 0, 50);
            return this;
        }

        /** Gain during initialisation and recovery, rad/s per unit error, 0..50; default 5. */
        public Builder recoveryGain(double radPerSecond) {
            recoveryGain = check("recoveryGain", radPerSecond, 0, 50);
            return this;
        }

        /** Magnetometer heading gain, rad/s per unit error, 0..50 (0 ignores the field); default 0.1. */
        public Builder magneticGain(double radPerSecond) {
            magneticGain = check("magneticGain", radPerSecond, 0, 50);
            return this;
        }

        /** Largest accepted | |a| − g |, m/s², 0..100; default 0.1 g. */
        public Builder accelerationTolerance(double metresPerSecondSquared) {
            accelerationTolerance = check("accelerationTolerance", metresPerSecondSquared, 0, 100);
            return this;
        }

        /** Largest accepted angle between measured and predicted gravity, radians, 0..π; default 10°. */
        public Builder rejectionAngle(double radians) {
            rejectionAngle = check("rejectionAngle", radians, 0, Math.PI);
            return this;
        }

        /** Rejection lasting longer than this starts a recovery, s, 0.1..600; default 5. */
        public Builder rejectionTimeout(double seconds) {
            rejectionTimeout = check("rejectionTimeout", seconds, 0.1, 600);
            return this;
        }

        /** Length of a recovery period, s, 0..60; default 1. */
        public Builder recoveryPeriod(double seconds) {
            recoveryPeriod = check("recoveryPeriod", seconds, 0, 60);
            return this;
        }

        /** Gyro full-scale range, rad/s, 0.1..1000 (98 % of it counts as over-range); default 2000 °/s. */
        public Builder gyroRange(double radPerSecond) {
            gyroRange = check("gyroRange", radPerSecond, 0.1, 1000);
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

        /** Time constant of the rest detector's low-pass, s, 0.01..10; default 0.5. */
        public Builder restFilterSeconds(double seconds) {
            restFilterSeconds = check("restFilterSeconds", seconds, 0.01, 10);
            return this;
        }

        /** Time constant of the bias tracking while at rest, s, 0.01..600; default 3. */
        public Builder biasTimeConstant(double seconds) {
            biasTimeConstant = check("biasTimeConstant", seconds, 0.01, 600);
            return this;
        }

        /** Start-up period at the recovery gain without rejection, s, 0..60; default 1. */
        public Builder initialisationSeconds(double seconds) {
            initialisationSeconds = check("initialisationSeconds", seconds, 0, 60);
            return this;
        }

        /** The filter, starting at the identity. */
        public ComplementaryFilter build() {
            return new ComplementaryFilter(this);
        }
    }
}
