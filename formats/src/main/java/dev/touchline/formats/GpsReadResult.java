package dev.touchline.formats;

import dev.touchline.sensor.GpsTrack;
import java.util.List;

/**
 * What a GNSS reader produced: the track of every valid fix and the rows it rejected, with reasons.
 *
 * @param source the file (or stream name) read
 * @param track the valid fixes, in file order
 * @param rejected rows that did not give a valid fix
 */
public record GpsReadResult(String source, GpsTrack track, List<RejectedFix> rejected) {
    /** Copies the list. */
    public GpsReadResult {
        rejected = List.copyOf(rejected);
    }
}
