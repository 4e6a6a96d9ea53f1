package dev.touchline.formats.fit;

import dev.touchline.formats.GpsFixCollector;
import dev.touchline.formats.GpsReadResult;
import java.util.Arrays;

/**
 * The {@code record} messages of a FIT activity as columns, values as the file holds them: epoch microseconds,
 * positions in semicircles ({@code deg = v · 180 / 2³¹}; {@link #NO_POSITION} where absent), speed in m/s (NaN
 * where absent), heart rate in beats per minute ({@link #NO_HEART_RATE} where absent). Immutable.
 */
public final class FitRecords {
    /** Marker of a missing position (FIT's invalid sint32). */
    public static final int NO_POSITION = Integer.MAX_VALUE;
    /** Marker of a missing heart rate. */
    public static final int NO_HEART_RATE = -1;

    private final String source;
    private final long[] timeMicros;
    private final int[] latSemicircles;
    private final int[] lonSemicircles;
    private final float[] speed;
    private final int[] heartRate;

    FitRecords(String source, long[] timeMicros, int[] lat, int[] lon, float[] speed, int[] heartRate, int n) {
        this.source = source;
        this.timeMicros = Arrays.copyOf(timeMicros, n);
        this.latSemicircles = Arrays.copyOf(lat, n);
        this.lonSemicircles = Arrays.copyOf(lon, n);
        this.speed = Arrays.copyOf(speed, n);
        this.heartRate = Arrays.copyOf(heartRate, n);
    }

    /** Number of record messages. */
    public int length() {
        return timeMicros.length;
    }

    /** Time of record {@code i}, epoch µs. */
    public long timeMicros(int i) {
        return timeMicros[i];
    }

    /** Latitude of record {@code i}, semicircles, or {@link #NO_POSITION}. */
    public int latSemicircles(int i) {
        return latSemicircles[i];
    }

    /** Longitude of record {@code i}, semicircles, or {@link #NO_POSITION}. */
    public int lonSemicircles(int i) {
        return lonSemicircles[i];
    }

    /** Speed of record {@code i}, m/s, NaN when absent. */
    public float speedMetresPerSecond(int i) {
        return speed[i];
    }

    /** Heart rate of record {@code i}, bpm, or {@link #NO_HEART_RATE}. */
    public int heartRate(int i) {
        return heartRate[i];
    }

    /** Degrees of a semicircle value. */
    public static double degrees(int semicircles) {
        return semicircles * (180.0 / 2_147_483_648.0);
    }

    /**
     * The GNSS track of the records that have a position; records without one are reported as rejected (their
     * "line" is the 1-based record number).
     */
    public GpsReadResult gps() {
        GpsFixCollector fixes = new GpsFixCollector(source);
        for (int i = 0; i < length(); i++) {
            if (latSemicircles[i] == NO_POSITION || lonSemicircles[i] == NO_POSITION) {
                fixes.reject(i + 1, "record has no position");
            } else {
                fixes.offer(i + 1, timeMicros[i], degrees(latSemicircles[i]), degrees(lonSemicircles[i]), speed[i]);
            }
        }
        return fixes.result();
    }
}
