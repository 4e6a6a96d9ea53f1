package dev.touchline.formats;

/**
 * A row that parsed but did not give a valid fix, kept out of the track.
 *
 * @param line 1-based line number in the source
 * @param reason why it was rejected (NaN or out-of-range coordinate, time going backwards, negative speed)
 */
public record RejectedFix(long line, String reason) {
}
