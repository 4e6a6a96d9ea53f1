package dev.touchline.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.touchline.sensor.GpsTrack;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The bare COPY stream has the binary COPY layout (seed 8). */
class PostgresIngestWorkloadTest {
    @Test
    void bareStreamHasHeaderRowsAndTrailer() {
        GpsTrack track = PostgresIngestWorkload.track(8L, 100, 1_786_802_400_000_000L);
        UUID player = new UUID(1, 2);
        byte[] bytes = PostgresIngestWorkload.encodeBare(track, LocalDate.of(2026, 8, 15), 7L, player);
        assertEquals(19 + 100 * PostgresIngestWorkload.ROW_BYTES + 2, bytes.length);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        assertEquals("PGCOPY\n", new String(bytes, 0, 7, java.nio.charset.StandardCharsets.US_ASCII));
        b.position(19);
        assertEquals(7, b.getShort());
        assertEquals(4, b.getInt());
        assertEquals(LocalDate.of(2026, 8, 15).toEpochDay() - 10_957, b.getInt());
        assertEquals(8, b.getInt());
        assertEquals(7L, b.getLong());
        assertEquals(16, b.getInt());
        assertEquals(1L, b.getLong());
        assertEquals(2L, b.getLong());
        assertEquals(8, b.getInt());
        assertEquals(track.timeMicros(0) - 946_684_800_000_000L, b.getLong());
        assertEquals(8, b.getInt());
        assertEquals(track.latDeg(0), b.getDouble());
        assertEquals(-1, ByteBuffer.wrap(bytes, bytes.length - 2, 2).getShort());
    }
}
