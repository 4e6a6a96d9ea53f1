package dev.touchline.sensor;

import java.time.Duration;
import java.time.Instant;

/**
 * Time as {@code long} microseconds since the Unix epoch, UTC: the time stamp every sample carries.
 * {@link Instant} and {@link Duration} appear only at API edges; these helpers convert between them.
 */
public final class TimeMicros {
    private TimeMicros() {
    }

    /** Microseconds since the epoch of an instant; sub-microsecond digits are truncated towards the past. */
    public static long of(Instant instant) {
        long seconds = instant.getEpochSecond();
        return Math.addExact(Math.multiplyExact(seconds, Units.MICROS_PER_SECOND), instant.getNano() / 1_000);
    }

    /** The instant of a time stamp in epoch microseconds. */
    public static Instant toInstant(long timeMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(timeMicros, Units.MICROS_PER_SECOND),
                Math.floorMod(timeMicros, Units.MICROS_PER_SECOND) * 1_000L);
    }

    /** Whole microseconds of a duration (truncated). */
    public static long of(Duration duration) {
        return Math.addExact(Math.multiplyExact(duration.getSeconds(), Units.MICROS_PER_SECOND),
                duration.getNano() / 1_000);
    }

    /** Seconds as a double for a span in microseconds. */
    public static double toSeconds(long micros) {
        return micros / 1e6;
    }

    /** Microseconds for a span in seconds, rounded to the nearest microsecond. */
    public static long ofSeconds(double seconds) {
        if (!Double.isFinite(seconds)) {
            throw new IllegalArgumentException("seconds must be finite, was " + seconds);
        }
        return Math.round(seconds * 1e6);
    }
}
