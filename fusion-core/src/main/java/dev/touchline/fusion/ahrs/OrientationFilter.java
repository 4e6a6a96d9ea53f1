package dev.touchline.fusion.ahrs;

/**
 * An orientation estimator fed sample by sample. The orientation is a unit quaternion (w, x, y, z) rotating
 * sensor-frame vectors into the earth frame (ENU: x east, y north, z up), {@code v_earth = q ⊗ v_sensor ⊗ q*}.
 * Gyroscope in rad/s, accelerometer in m/s² (at rest it reads +9.81 along the sensor axis pointing up),
 * magnetometer in any consistent unit (µT). Updates allocate nothing. Not thread-safe.
 */
public interface OrientationFilter {
    /**
     * Integrates one gyro sample and corrects the inclination with the accelerometer (6-D).
     *
     * @param gx angular rate about sensor x, rad/s
     * @param gy angular rate about sensor y, rad/s
     * @param gz angular rate about sensor z, rad/s
     * @param ax specific force along sensor x, m/s²
     * @param ay specific force along sensor y, m/s²
     * @param az specific force along sensor z, m/s²
     * @param dtSeconds time since the previous sample, s, positive (per-sample, not nominal)
     */
    void update(double gx, double gy, double gz, double ax, double ay, double az, double dtSeconds);

    /**
     * As {@link #update(double, double, double, double, double, double, double)}, also correcting the heading
     * with the magnetometer (9-D). A zero magnetometer vector falls back to the 6-D update.
     *
     * @param mx magnetic field along sensor x, µT
     * @param my magnetic field along sensor y, µT
     * @param mz magnetic field along sensor z, µT
     */
    void update(double gx, double gy, double gz, double ax, double ay, double az, double mx, double my, double mz,
            double dtSeconds);

    /** Sets the orientation; the quaternion is normalised. Other state (bias, integrals) is kept. */
    void setOrientation(double w, double x, double y, double z);

    /** The filter's state as a plain value. */
    OrientationState snapshot();

    /**
     * Continues from a snapshot taken from a filter of the same type and configuration.
     *
     * @throws IllegalArgumentException when the snapshot's extra values do not fit this filter
     */
    void restore(OrientationState state);

    /** The scalar part of the current orientation quaternion. */
    double qw();

    /** The x part of the current orientation quaternion. */
    double qx();

    /** The y part of the current orientation quaternion. */
    double qy();

    /** The z part of the current orientation quaternion. */
    double qz();

    /**
     * Writes the current orientation into {@code out[offset..offset+4)} as w, x, y, z.
     *
     * @param out the destination; Modified
     * @param offset first index written
     */
    default void quaternion(double[] out, int offset) {
        out[offset] = qw();
        out[offset + 1] = qx();
        out[offset + 2] = qy();
        out[offset + 3] = qz();
    }

    /**
     * Sets the orientation from one accelerometer sample (inclination; heading chosen by the smallest rotation).
     * Does nothing when the vector is zero or not finite.
     */
    default void initialise(double ax, double ay, double az) {
        double[] q = new double[4];
        if (Quaternions.fromGravity(ax, ay, az, q)) {
            setOrientation(q[0], q[1], q[2], q[3]);
        }
    }

    /**
     * Sets the orientation from one accelerometer and magnetometer sample (inclination and heading, ENU). Falls
     * back to {@link #initialise(double, double, double)} when the field is parallel to gravity or zero.
     */
    default void initialise(double ax, double ay, double az, double mx, double my, double mz) {
        double[] q = new double[4];
        if (Quaternions.fromGravityAndField(ax, ay, az, mx, my, mz, q)) {
            setOrientation(q[0], q[1], q[2], q[3]);
        } else {
            initialise(ax, ay, az);
        }
    }
}
