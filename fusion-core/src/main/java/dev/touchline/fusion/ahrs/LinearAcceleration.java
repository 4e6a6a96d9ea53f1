package dev.touchline.fusion.ahrs;

/**
 * Earth-frame and gravity-free acceleration from an orientation estimate. An accelerometer measures specific force
 * {@code f = a − g} (at rest it reads +9.81 m/s² up); rotated into the earth frame (ENU) with the sensor-to-earth
 * quaternion it becomes {@code R·f}, and the body's own acceleration is {@code R·f − (0, 0, g)}: zero at rest,
 * whatever the sensor's attitude. The gravity-free acceleration in the sensor frame is {@code f − Rᵀ·(0, 0, g)}.
 * Inclination errors leak gravity into the result: an error of ε rad puts about {@code g·ε} (0.17 m/s² per degree)
 * into the horizontal axes. No allocation.
 */
public final class LinearAcceleration {
    /** Standard gravity, m/s². */
    public static final double STANDARD_GRAVITY = 9.80665;

    private LinearAcceleration() {
    }

    /**
     * The specific force in the earth frame, {@code R·f}, m/s² (reads (0, 0, +g) at rest).
     *
     * @param out east, north, up; Modified
     */
    public static void earthFrame(OrientationFilter orientation, double ax, double ay, double az, double[] out) {
        Quaternions.sensorToEarth(orientation.qw(), orientation.qx(), orientation.qy(), orientation.qz(), ax, ay, az,
                out);
    }

    /**
     * The body's acceleration in the earth frame without gravity, {@code R·f − (0, 0, g)}, m/s².
     *
     * @param out east, north, up; Modified
     */
    public static void gravityFreeEarth(OrientationFilter orientation, double ax, double ay, double az,
            double[] out) {
        earthFrame(orientation, ax, ay, az, out);
        out[2] -= STANDARD_GRAVITY;
    }

    /**
     * The body's acceleration in the sensor frame without gravity, {@code f − Rᵀ·(0, 0, g)}, m/s².
     *
     * @param out x, y, z; Modified
     */
    public static void gravityFreeSensor(OrientationFilter orientation, double ax, double ay, double az,
            double[] out) {
        Quaternions.earthToSensor(orientation.qw(), orientation.qx(), orientation.qy(), orientation.qz(), 0, 0,
                STANDARD_GRAVITY, out);
        out[0] = ax - out[0];
        out[1] = ay - out[1];
        out[2] = az - out[2];
    }
}
