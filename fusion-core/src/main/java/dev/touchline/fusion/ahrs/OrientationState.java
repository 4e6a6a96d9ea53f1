package dev.touchline.fusion.ahrs;

import java.util.Arrays;

/**
 * The plain state of an orientation filter: the quaternion and the filter's own extra numbers (Mahony: the
 * integral term; complementary filter: timers, rest detector means and gyro bias), to rebuild a filter with
 * {@link OrientationFilter#restore(OrientationState)} (e.g. from Flink keyed state). The configuration is not part
 * of the state: restore into a filter built with the same configuration.
 *
 * @param w quaternion scalar part
 * @param x quaternion x
 * @param y quaternion y
 * @param z quaternion z
 * @param extra filter-specific values; copied
 */
public record OrientationState(double w, double x, double y, double z, double[] extra) {
    /** Copies extra. */
    public OrientationState {
        extra = extra.clone();
    }

    /** A copy of the filter-specific values. */
    @Override
    public double[] extra() {
        return extra.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrientationState s && w == s.w && x == s.x && y == s.y && z == s.z
                && Arrays.equals(extra, s.extra);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[] {w, x, y, z}) * 31 + Arrays.hashCode(extra);
    }

    @Override
    public String toString() {
        return "OrientationState[" + w + ", " + x + ", " + y + ", " + z + ", extra=" + Arrays.toString(extra) + "]";
    }
}
