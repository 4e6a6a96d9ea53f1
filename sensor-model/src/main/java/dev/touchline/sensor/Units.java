package dev.touchline.sensor;

/**
 * Unit conversions used at API edges. Inside Touchline every quantity is SI (m, s, m/s, m/s², rad/s, N);
 * degrees are used only for latitude and longitude.
 */
public final class Units {
    /** Standard gravity in m/s² (CGPM 1901), used for every g ↔ m/s² conversion. */
    public static final double STANDARD_GRAVITY = 9.80665;
    /** Microseconds per second. */
    public static final long MICROS_PER_SECOND = 1_000_000L;

    private Units() {
    }

    /** Converts an acceleration in g to m/s². */
    public static double gToMetresPerSecondSquared(double g) {
        return g * STANDARD_GRAVITY;
    }

    /** Converts an acceleration in m/s² to g. */
    public static double metresPerSecondSquaredToG(double metresPerSecondSquared) {
        return metresPerSecondSquared / STANDARD_GRAVITY;
    }

    /** Converts an angular rate in °/s to rad/s. */
    public static double degreesPerSecondToRadiansPerSecond(double degreesPerSecond) {
        return Math.toRadians(degreesPerSecond);
    }

    /** Converts an angular rate in rad/s to °/s. */
    public static double radiansPerSecondToDegreesPerSecond(double radiansPerSecond) {
        return Math.toDegrees(radiansPerSecond);
    }

    /** Converts a speed in km/h to m/s. */
    public static double kilometresPerHourToMetresPerSecond(double kilometresPerHour) {
        return kilometresPerHour / 3.6;
    }

    /** Converts a speed in m/s to km/h. */
    public static double metresPerSecondToKilometresPerHour(double metresPerSecond) {
        return metresPerSecond * 3.6;
    }

    /** Converts a jerk in g/s to m/s³. */
    public static double gPerSecondToMetresPerSecondCubed(double gPerSecond) {
        return gPerSecond * STANDARD_GRAVITY;
    }

    /** Converts yards to metres (exactly 0.9144 m per yard). */
    public static double yardsToMetres(double yards) {
        return yards * 0.9144;
    }

    /** Converts metres to yards. */
    public static double metresToYards(double metres) {
        return metres / 0.9144;
    }

    /** Converts an acceleration offset in milli-g to m/s². */
    public static double milliGToMetresPerSecondSquared(double milliG) {
        return milliG * 1e-3 * STANDARD_GRAVITY;
    }
}
