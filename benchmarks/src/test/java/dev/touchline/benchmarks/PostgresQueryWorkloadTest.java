package dev.touchline.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.touchline.postgres.ConnectionPool;
import dev.touchline.postgres.MatchRecord;
import dev.touchline.postgres.OverLimit;
import dev.touchline.postgres.SampleQueries;
import dev.touchline.postgres.TouchlineSchema;
import dev.touchline.sensor.GpsTrack;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The query benchmark's data: exact row counts, rows physically in time order, and the answers the benchmark
 * checks (300 fixes per 30 s window, the players with p % 4 == 3 over the limits). Deterministic, no seed needed.
 */
class PostgresQueryWorkloadTest {
    @Test
    void fillsBothTablesInTimeOrderWithTheExpectedAnswers() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start();
             HikariDataSource db = ConnectionPool.open(server.getJdbcUrl("postgres", "postgres"), 2)) {
            TouchlineSchema.migrate(db);
            // 22 players, 2 halves of 1 minute: 26 400 fixes and 2 640 load rows per match
            PostgresQueryWorkload w = PostgresQueryWorkload.fill(db, 60_000, 22, 2, 1);
            assertEquals(3, w.gnssMatches().size(), "60 000 / 26 400 rounded up");
            assertEquals(23, w.loadMatches().size(), "60 000 / 2 640 rounded up");
            assertEquals(3 * 26_400, w.gnssRows());
            assertEquals(23 * 2_640, w.loadRows());
            assertEquals(w.gnssRows(), count(db, "SELECT count(*) FROM gnss_fix"));
            assertEquals(12, count(db, "SELECT count(*) FROM pg_inherits WHERE inhparent = 'load_per_second'::regclass"),
                    "2 matches a day: 12 days");
            assertEquals(0, count(db, "SELECT count(*) FROM (SELECT event_time < lag(event_time) OVER (ORDER BY ctid) "
                    + "AS back FROM gnss_fix_20260815) s WHERE back"), "rows are stored in time order");
            MatchRecord m = w.gnssMatches().get(1);
            SampleQueries q = SampleQueries.of(db);
            GpsTrack t = q.gnssWindow(m, PostgresQueryWorkload.player(m, 7), m.startMicros() + 10_000_000L,
                    Duration.ofSeconds(30));
            assertEquals(300, t.length());
            List<OverLimit> over = q.overLimitBeforeHalfTime(w.loadMatches().get(5), w.playerLoadLimit(),
                    w.impulseLimit());
            assertEquals(5, over.size(), "players 3, 7, 11, 15 and 19");
            for (OverLimit o : over) {
                assertEquals(60 * 0.25, o.playerLoad(), 1e-4);
                assertEquals(60 * 600.0, o.impulseNewtonSeconds(), 1e-6);
                assertTrue(o.playerLoadExceeded() && o.impulseExceeded());
            }
        }
    }

    private static long count(HikariDataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
