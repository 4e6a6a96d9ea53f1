package dev.touchline.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.MatchId;
import dev.touchline.sensor.PlayerId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kills the sink's server process in the middle of a COPY (pg_terminate_backend from another connection) and
 * checks that the batch is retried on a fresh connection and stored exactly once. Track seed 81.
 */
class RetryAfterKilledBackendTest {
    private static final long KICKOFF_MICROS = 1_786_802_400_000_000L; // 2026-08-15T14:00:00Z
    private static final int FIXES = 30_000;
    private static HikariDataSource db;
    private static MatchRecord match;

    @BeforeAll
    static void setUp() throws SQLException {
        db = EmbeddedDatabase.freshDatabase();
        TouchlineSchema.migrate(db);
        match = Catalog.of(db).match(MatchId.of("kill-test"), "Kill test",
                new long[] {KICKOFF_MICROS}, new long[] {KICKOFF_MICROS + 3_600_000_000L});
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void killedCopyIsRetriedAndStoredOnce() throws SQLException {
        PlayerId player = PlayerId.nameBased("killed backend");
        GpsTrack track = track(81L);
        List<String> events = new ArrayList<>();
        SinkListener killer = new SinkListener() {
            private boolean killed;

            @Override
            public void copyProgress(int backendPid, int attempt, long bytesSoFar) throws SQLException {
                if (attempt == 1 && !killed) {
                    killed = true;
                    events.add("kill " + terminate(backendPid) + " after " + bytesSoFar + " bytes");
                }
            }

            @Override
            public void retrying(int attempt, SQLException cause, Duration backoff) {
                events.add("retry after attempt " + attempt + " (" + cause.getSQLState() + ")");
            }
        };
        PostgresSink sink = PostgresSink.builder(db).listener(killer).bufferBytes(16 * 1024)
                .backoff(Duration.ofMillis(20), Duration.ofMillis(200)).build();
        UUID batch = UUID.nameUUIDFromBytes("kill-batch".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        LoadResult result = sink.writeGnss(batch, match, player, track);

        assertEquals(2, events.size(), events.toString());
        assertTrue(events.get(0).startsWith("kill true"), events.toString());
        assertTrue(events.get(1).startsWith("retry after attempt 1"), events.toString());
        assertEquals(2, result.attempts());
        assertFalse(result.alreadyLoaded());
        assertEquals(FIXES, result.rowsLoaded());
        assertEquals(FIXES, count("SELECT count(*) FROM gnss_fix WHERE player_id = ?", player));
        assertEquals(FIXES, count("SELECT count(DISTINCT event_time) FROM gnss_fix WHERE player_id = ?", player),
                "no duplicates");

        LoadResult again = sink.writeGnss(batch, match, player, track);
        assertTrue(again.alreadyLoaded());
        assertEquals(FIXES, again.rowsLoaded());
        assertEquals(FIXES, count("SELECT count(*) FROM gnss_fix WHERE player_id = ?", player));
        assertEquals(1, count("SELECT count(*) FROM ingest_batch WHERE batch_id = ?", batch));
    }

    @Test
    void nonTransientFailuresAreNotRetried() {
        assertTrue(PostgresSink.isTransient(new SQLException("lost", "08006")));
        assertTrue(PostgresSink.isTransient(new SQLException("terminated", "57P01")));
        assertFalse(PostgresSink.isTransient(new SQLException("syntax", "42601")));
        assertFalse(PostgresSink.isTransient(new SQLException("no state")));
    }

    static GpsTrack track(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        GpsTrack.Builder b = GpsTrack.builder();
        double lat = 51.556;
        double lon = -0.2795;
        for (int i = 0; i < FIXES; i++) {
            lat += (random.nextDouble() - 0.5) * 1e-5;
            lon += (random.nextDouble() - 0.5) * 1e-5;
            b.add(KICKOFF_MICROS + i * 100_000L, lat, lon, (float) (random.nextDouble() * 8));
        }
        return b.build();
    }

    /** Terminates a backend from a separate connection and waits (up to 5 s) until it is gone. */
    private static boolean terminate(int pid) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(?, 5000)")) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static long count(String sql, Object parameter) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter instanceof PlayerId p ? p.value() : parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
