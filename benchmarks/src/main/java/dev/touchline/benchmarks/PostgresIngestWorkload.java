package dev.touchline.benchmarks;

import dev.touchline.sensor.GpsTrack;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Narrow GNSS rows for the ingest benchmark, and the same rows pre-encoded as one binary COPY stream: the "bare"
 * peer, which measures what the server accepts when the client does no work at all.
 */
public final class PostgresIngestWorkload {
    /** Bytes of one encoded gnss_fix row: field count, then 7 length-prefixed fields. */
    public static final int ROW_BYTES = 2 + (4 + 4) + (4 + 8) + (4 + 16) + (4 + 8) + (4 + 8) + (4 + 8) + (4 + 4);
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;
    private static final int PG_EPOCH_DAYS = 10_957;

    private PostgresIngestWorkload() {
    }

    /** A random-walk 10 Hz track of {@code rows} fixes from {@code startMicros}, seeded. */
    public static GpsTrack track(long seed, int rows, long startMicros) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] t = new long[rows];
        double[] lat = new double[rows];
        double[] lon = new double[rows];
        float[] speed = new float[rows];
        double la = 51.556;
        double lo = -0.2795;
        for (int i = 0; i < rows; i++) {
            la += (random.nextDouble() - 0.5) * 1e-5;
            lo += (random.nextDouble() - 0.5) * 1e-5;
            t[i] = startMicros + i * 100_000L;
            lat[i] = la;
            lon[i] = lo;
            speed[i] = (float) (random.nextDouble() * 8);
        }
        return GpsTrack.of(t, lat, lon, speed);
    }

    /** The rows of {@code track} as one complete binary COPY stream for gnss_fix (header, rows, trailer). */
    public static byte[] encodeBare(GpsTrack track, LocalDate matchDate, long matchKey, UUID player) {
        ByteBuffer b = ByteBuffer.allocate(11 + 8 + track.length() * ROW_BYTES + 2);
        b.put(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0}).putInt(0).putInt(0);
        int day = (int) matchDate.toEpochDay() - PG_EPOCH_DAYS;
        for (int i = 0; i < track.length(); i++) {
            b.putShort((short) 7);
            b.putInt(4).putInt(day);
            b.putInt(8).putLong(matchKey);
            b.putInt(16).putLong(player.getMostSignificantBits()).putLong(player.getLeastSignificantBits());
            b.putInt(8).putLong(track.timeMicros(i) - PG_EPOCH_MICROS);
            b.putInt(8).putDouble(track.latDeg(i));
            b.putInt(8).putDouble(track.lonDeg(i));
            b.putInt(4).putFloat(track.speedMetresPerSecond(i));
        }
        b.putShort((short) -1);
        return b.array();
    }
}
