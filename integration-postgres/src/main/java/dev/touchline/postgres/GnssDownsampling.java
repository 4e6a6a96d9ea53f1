package dev.touchline.postgres;

import dev.touchline.sensor.GpsTrack;
import java.time.Duration;
import java.util.Objects;

/**
 * Thins a GNSS track before it goes into {@code gnss_fix}, while {@link GnssArchive} keeps the full-rate burst
 * compressed: the first fix of every interval (aligned to the Unix epoch, so reloads and neighbouring batches agree)
 * is kept, the others dropped. Nothing is averaged, so every kept fix is a real measurement.
 */
public final class GnssDownsampling {
    private GnssDownsampling() {
    }

    /**
     * The first fix of each {@code interval}-long bucket of epoch time.
     *
     * @param track fixes in time order; not modified
     * @param interval bucket length, from 1 µs; a track sampled at 10 Hz thinned with 1 s keeps 1 Hz
     */
    public static GpsTrack firstPerInterval(GpsTrack track, Duration interval) {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(interval, "interval");
        long bucket = interval.toNanos() / 1_000L;
        if (bucket < 1) {
            throw new IllegalArgumentException("interval must be at least 1 µs, was " + interval);
        }
        GpsTrack.Builder out = GpsTrack.builder();
        long last = Long.MIN_VALUE;
        boolean any = false;
        for (int i = 0; i < track.length(); i++) {
            long b = Math.floorDiv(track.timeMicros(i), bucket);
            if (!any || b != last) {
                out.add(track.timeMicros(i), track.latDeg(i), track.lonDeg(i), track.speedMetresPerSecond(i));
                last = b;
                any = true;
            }
        }
        return out.build();
    }
}
