package dev.touchline.fusion.gait;

import dev.touchline.fusion.BadSensorDataException;

/**
 * The seed's micro-load gate as one configurable rule: an accelerometer sample is accepted when its jerk (norm of
 * the sample-to-sample difference divided by the sample interval) exceeds a threshold <em>and</em> the yaw rate
 * (gyro about the shank's long axis, held from the last gyro sample) is below a limit. Defaults: 3.2 g/s and
 * 120 °/s.
 *
 * <p>Known weakness (measured in the tests): the raw jerk of a 1 kHz accelerometer with 150 µg/√Hz noise has a
 * standard deviation of several g/s, so a 3.2 g/s threshold is at the noise floor and accepts most samples of
 * anything; see {@link ImpactGate} for the version whose threshold follows the noise and the sample rate.
 */
public final class JerkYawGate {
    private static final double G = 9.80665;
    private final double jerkThresholdGPerSecond;
    private final double yawLimitRadPerSecond;

    /**
     * A gate.
     *
     * @param jerkThresholdGPerSecond jerk threshold, g/s, positive
     * @param yawLimitDegreesPerSecond yaw-rate limit, °/s, positive
     */
    public JerkYawGate(double jerkThresholdGPerSecond, double yawLimitDegreesPerSecond) {
        if (!(jerkThresholdGPerSecond > 0) || !Double.isFinite(jerkThresholdGPerSecond)) {
            throw new IllegalArgumentException("jerkThresholdGPerSecond must be positive, got "
                    + jerkThresholdGPerSecond);
        }
        if (!(yawLimitDegreesPerSecond > 0) || !Double.isFinite(yawLimitDegreesPerSecond)) {
            throw new IllegalArgumentException("yawLimitDegreesPerSecond must be positive, got "
                    + yawLimitDegreesPerSecond);
        }
        this.jerkThresholdGPerSecond = jerkThresholdGPerSecond;
        this.yawLimitRadPerSecond = Math.toRadians(yawLimitDegreesPerSecond);
    }

    /** The seed's rule: jerk &gt; 3.2 g/s and |yaw rate| &lt; 120 °/s. */
    public static JerkYawGate seed() {
        return new JerkYawGate(3.2, 120);
    }

    /**
     * Marks accepted accelerometer samples. Sample 0 (no jerk) is never accepted.
     *
     * @param accT accelerometer times, µs, increasing; Not modified
     * @param ax accelerometer x, m/s²; Not modified
     * @param ay accelerometer y, m/s²; Not modified
     * @param az accelerometer z, m/s²; Not modified
     * @param n number of accelerometer samples
     * @param gyrT gyro times, µs, increasing; Not modified
     * @param yaw gyro rate about the shank's long axis, rad/s; Not modified
     * @param m number of gyro samples
     * @param accepted one flag per accelerometer sample; Modified
     * @return the number of accepted samples
     * @throws BadSensorDataException for non-finite samples or time going backwards
     */
    public int apply(long[] accT, float[] ax, float[] ay, float[] az, int n, long[] gyrT, float[] yaw, int m,
            boolean[] accepted) throws BadSensorDataException {
        ImuBlock.check("accelerometer", accT, n, ax, ay, az);
        ImuBlock.check("gyroscope", gyrT, m, yaw);
        double[] held = new double[n];
        ImuBlock.holdOnto(accT, n, gyrT, yaw, m, held);
        int count = 0;
        accepted[0] = false;
        for (int i = 1; i < n; i++) {
            double dt = (accT[i] - accT[i - 1]) / 1e6;
            double dx = ax[i] - ax[i - 1];
            double dy = ay[i] - ay[i - 1];
            double dz = az[i] - az[i - 1];
            double jerk = Math.sqrt(dx * dx + dy * dy + dz * dz) / G / dt;
            boolean ok = jerk > jerkThresholdGPerSecond && Math.abs(held[i]) < yawLimitRadPerSecond;
            accepted[i] = ok;
            if (ok) {
                count++;
            }
        }
        return count;
    }
}
