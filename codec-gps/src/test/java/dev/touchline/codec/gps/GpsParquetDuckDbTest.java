package dev.touchline.codec.gps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.codec.gps.parquet.GpsParquet;
import dev.touchline.codec.gps.parquet.ParquetCompression;
import dev.touchline.codec.gps.parquet.PlayerTrack;
import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.PlayerId;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads every kind of export back with DuckDB, an independent Parquet reader: values row for row, and the
 * encodings and compression its {@code parquet_metadata} reports for each column.
 */
class GpsParquetDuckDbTest {

    @Test
    void everyExportReadsBackInDuckDb(@TempDir Path dir) throws IOException, SQLException {
        GpsTrack a = Simulated.track(11, Duration.ofMinutes(3), 2);
        GpsTrack b = Tracks.random(12, 2500);
        List<PlayerTrack> tracks = List.of(PlayerTrack.of(PlayerId.nameBased("a"), a), PlayerTrack.anonymous(b));
        for (ParquetCompression c : ParquetCompression.values()) {
            for (boolean legacy : new boolean[] {false, true}) {
                Path file = dir.resolve(c + "-" + legacy + ".parquet");
                GpsParquet.builder().compression(c).legacyWriter(legacy).build().writeAll(tracks, file);
                checkWithDuckDb(file, tracks, c, legacy);
            }
        }
    }

    /** Checks values and encodings of {@code file}; used by the real-data test too. */
    static void checkWithDuckDb(Path file, List<PlayerTrack> tracks, ParquetCompression c, boolean legacy)
            throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            checkValues(db, file, tracks);
            Map<String, String> encodings = new HashMap<>();
            try (PreparedStatement s = db.prepareStatement("SELECT path_in_schema, encodings, compression "
                    + "FROM parquet_metadata(?)")) {
                s.setString(1, file.toString());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String column = r.getString(1);
                        String enc = r.getString(2);
                        encodings.merge(column, enc, (x, y) -> x + "," + y);
                        assertEquals(c.name(), r.getString(3).toUpperCase(Locale.ROOT), file + " " + column);
                    }
                }
            }
            for (String column : List.of("time", "lat_deg", "lon_deg", "speed_m_s")) {
                String enc = encodings.get(column);
                if (legacy) {
                    assertFalse(enc.contains("DELTA_BINARY_PACKED"), file + " " + column + ": " + enc);
                    assertTrue(enc.contains("DICTIONARY") || enc.contains("PLAIN"), file + " " + column + ": " + enc);
                } else {
                    assertTrue(enc.contains("DELTA_BINARY_PACKED"), file + " " + column + ": " + enc);
                    assertFalse(enc.contains("DICTIONARY"), file + " " + column + ": " + enc);
                }
            }
        }
    }

    private static void checkValues(Connection db, Path file, List<PlayerTrack> tracks) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT CAST(player_id AS VARCHAR), epoch_us(time), "
                + "lat_deg, lon_deg, speed_m_s, typeof(time), typeof(lat_deg) FROM read_parquet(?)")) {
            s.setString(1, file.toString());
            try (ResultSet r = s.executeQuery()) {
                for (PlayerTrack pt : tracks) {
                    GpsTrack t = GpsParquetTest.expected(pt.track());
                    for (int i = 0; i < t.length(); i++) {
                        assertTrue(r.next(), file + ": fewer rows than written");
                        assertEquals(pt.player().map(p -> p.value().toString()), Optional.ofNullable(
                                r.getString(1)), "player");
                        assertEquals(t.timeMicros(i), r.getLong(2), "time row " + i);
                        assertEquals(BigDecimal.valueOf(Math.round(t.latDeg(i) * 1e6), 6), r.getBigDecimal(3));
                        assertEquals(BigDecimal.valueOf(Math.round(t.lonDeg(i) * 1e6), 6), r.getBigDecimal(4));
                        BigDecimal speed = r.getBigDecimal(5);
                        float v = t.speedMetresPerSecond(i);
                        if (Float.isNaN(v)) {
                            assertEquals(null, speed, "speed row " + i);
                        } else {
                            assertEquals(BigDecimal.valueOf(Math.round(v * 100.0), 2), speed, "speed row " + i);
                        }
                        assertEquals("TIMESTAMP WITH TIME ZONE", r.getString(6));
                        assertEquals("DECIMAL(9,6)", r.getString(7));
                    }
                }
                assertFalse(r.next(), file + ": more rows than written");
            }
        }
    }
}
