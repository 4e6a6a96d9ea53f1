package dev.touchline.postgres;

import dev.touchline.sensor.PlayerId;
import java.util.Objects;

/**
 * A player whose cumulative load in the first period exceeded a limit.
 *
 * @param player the player
 * @param playerLoad cumulative PlayerLoad over the first period, arbitrary units
 * @param impulseNewtonSeconds cumulative impulse over the first period, N·s
 * @param playerLoadExceededAtMicros the second (epoch microseconds of its start) whose row took PlayerLoad over its
 *     limit, or {@link Long#MIN_VALUE} when it stayed within
 * @param impulseExceededAtMicros the same for impulse, or {@link Long#MIN_VALUE}
 */
public record OverLimit(PlayerId player, double playerLoad, double impulseNewtonSeconds,
                        long playerLoadExceededAtMicros, long impulseExceededAtMicros) {
    /** Marks a limit that was not exceeded. */
    public static final long NOT_EXCEEDED = Long.MIN_VALUE;

    /** Checks the player. */
    public OverLimit {
        Objects.requireNonNull(player, "player");
    }

    /** Whether PlayerLoad exceeded its limit. */
    public boolean playerLoadExceeded() {
        return playerLoadExceededAtMicros != NOT_EXCEEDED;
    }

    /** Whether impulse exceeded its limit. */
    public boolean impulseExceeded() {
        return impulseExceededAtMicros != NOT_EXCEEDED;
    }
}
