package dev.touchline.codec.gps.internal;

/** The quantisation of the format: micro-degrees, centimetres per second, multiples of the time resolution. */
public final class Quantiser {
    private Quantiser() {
    }

    /** Latitude or longitude in micro-degrees, {@code round(deg × 10⁶)}. */
    public static int microDegrees(double degrees) {
        return (int) Math.round(degrees * 1e6);
    }

    /** Degrees of a micro-degree value. */
    public static double degrees(int microDegrees) {
        return microDegrees / 1e6;
    }

    /** Speed in 0.01 m/s, or {@link Format#SPEED_UNKNOWN} for NaN; {@code speed} must be ≥ 0 or NaN. */
    public static int centimetresPerSecond(float metresPerSecond) {
        if (Float.isNaN(metresPerSecond)) {
            return Format.SPEED_UNKNOWN;
        }
        long q = Math.round(metresPerSecond * 100.0);
        if (q < 0 || q > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("speedMetresPerSecond " + metresPerSecond
                    + " outside [0, 2.1e7] m/s or NaN");
        }
        return (int) q;
    }

    /** Speed in m/s of a stored value. */
    public static float metresPerSecond(int centimetresPerSecond) {
        return centimetresPerSecond == Format.SPEED_UNKNOWN ? Float.NaN : (float) (centimetresPerSecond / 100.0);
    }

    /** A time stamp rounded to the nearest multiple of {@code resolutionMicros} (halves up). */
    public static long time(long timeMicros, long resolutionMicros) {
        if (timeMicros > Format.MAX_ABS_TIME_MICROS || timeMicros < -Format.MAX_ABS_TIME_MICROS) {
            throw new IllegalArgumentException("timeMicros " + timeMicros + " outside ±2^62 µs");
        }
        return Math.floorDiv(timeMicros + resolutionMicros / 2, resolutionMicros) * resolutionMicros;
    }
}
