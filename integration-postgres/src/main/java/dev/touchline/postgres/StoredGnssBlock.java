package dev.touchline.postgres;

/**
 * What {@link GnssArchive#store} recorded.
 *
 * @param firstMicros time of the container's first fix, epoch microseconds
 * @param lastMicros time of its last fix, epoch microseconds
 * @param fixes fixes in the container
 * @param bytes size of the container, bytes
 * @param alreadyStored true when a container with the same match, player and first fix time was there already,
 *     so nothing was written
 */
public record StoredGnssBlock(long firstMicros, long lastMicros, int fixes, int bytes, boolean alreadyStored) {
}
