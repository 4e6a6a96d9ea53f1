package dev.touchline.formats;

import dev.touchline.sensor.GpsTrack;
import java.util.ArrayList;
import java.util.List;

/**
 * Accumulates fixes read from a file, rejecting (with a reason, never silently) those that cannot be part of a
 * {@link GpsTrack}: NaN or out-of-range latitude/longitude, negative or infinite speed, a time stamp before the
 * previous accepted fix. NaN speed is kept (unknown speed). Not thread-safe.
 */
public final class GpsFixCollector {
    private final String source;
    private final GpsTrack.Builder track = GpsTrack.builder();
    private final List<RejectedFix> rejected = new ArrayList<>();

    /** A collector for fixes read from {@code source}. */
    public GpsFixCollector(String source) {
        this.source = source;
    }

    /**
     * Offers one fix from 1-based {@code line}.
     *
     * @return whether it was accepted
     */
    public boolean offer(long line, long timeMicros, double latDeg, double lonDeg, float speedMetresPerSecond) {
        String reason = null;
        if (!(latDeg >= -90.0 && latDeg <= 90.0)) {
            reason = "latitude " + latDeg + " outside [-90, 90]";
        } else if (!(lonDeg >= -180.0 && lonDeg <= 180.0)) {
            reason = "longitude " + lonDeg + " outside [-180, 180]";
        } else if (!Float.isNaN(speedMetresPerSecond)
                && !(speedMetresPerSecond >= 0 && speedMetresPerSecond < Float.POSITIVE_INFINITY)) {
            reason = "speed " + speedMetresPerSecond + " m/s is negative or infinite";
        } else if (track.length() > 0 && timeMicros < track.lastTimeMicros()) {
            reason = "time " + timeMicros + " µs goes backwards (previous fix " + track.lastTimeMicros() + " µs)";
        }
        if (reason != null) {
            rejected.add(new RejectedFix(line, reason));
            return false;
        }
        track.add(timeMicros, latDeg, lonDeg, speedMetresPerSecond);
        return true;
    }

    /** Records a row that gave no fix at all, with the reason. */
    public void reject(long line, String reason) {
        rejected.add(new RejectedFix(line, reason));
    }

    /** The result so far. */
    public GpsReadResult result() {
        return new GpsReadResult(source, track.build(), rejected);
    }
}
