package dev.touchline.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.touchline.postgres.ConnectionPool;
import dev.touchline.postgres.MatchRecord;
import dev.touchline.postgres.OverLimit;
import dev.touchline.postgres.SampleQueries;
import dev.touchline.postgres.TouchlineSchema;
import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.PlayerId;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The query targets on at least {@code rows} rows per table ({@link PostgresQueryWorkload}: tournament
 * days of {@code matchesPerDay} matches sharing a partition and kick-off, players interleaved second by second),
 * through the typed API on a pooled connection, embedded PostgreSQL 15 with fsync on:
 * {@code window30s} is {@link SampleQueries#gnssWindow} for one player and 30 s in the middle of the first half of
 * a first-day match (the largest partition), target ≤ 2 ms; {@code overLimitAtHalfTime} is
 * {@link SampleQueries#overLimitBeforeHalfTime} for that match, target ≤ 120 ms. Each call moves the window by
 * 1 s (cycling over 10 minutes) so that no result is cached by the client. Scores are ms per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class PostgresQueryBenchmark {
    /** The least number of rows in each of gnss_fix and load_per_second. */
    @Param("10000000")
    public long rows;

    /**
     * Matches sharing one day (partition) and kick-off: 1 is a club's match day; 8 a tournament day, where BRIN on
     * event_time cannot tell the simultaneous matches apart and every query reads all of them.
     */
    @Param("1")
    public int matchesPerDay;

    /** Length of each half, minutes. */
    @Param("45")
    public int halfMinutes;

    private EmbeddedPostgres server;
    private HikariDataSource pool;
    private SampleQueries queries;
    private MatchRecord gnssMatch;
    private MatchRecord loadMatch;
    private PlayerId player;
    private PostgresQueryWorkload workload;
    private int step;

    /** Starts the server with fsync on, migrates and fills both tables (minutes for 10 M rows). */
    @Setup(Level.Trial)
    public void start() throws IOException, SQLException {
        server = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on")
                .setServerConfig("max_wal_size", "4GB").start();
        pool = ConnectionPool.open(server.getJdbcUrl("postgres", "postgres"), 2);
        TouchlineSchema.migrate(pool);
        workload = PostgresQueryWorkload.fill(pool, rows, 22, matchesPerDay, halfMinutes);
        List<MatchRecord> g = workload.gnssMatches();
        gnssMatch = g.get(Math.min(g.size(), matchesPerDay) / 2);
        List<MatchRecord> l = workload.loadMatches();
        loadMatch = l.get(Math.min(l.size(), matchesPerDay) / 2);
        player = PostgresQueryWorkload.player(gnssMatch, 7);
        queries = SampleQueries.of(pool);
    }

    /** Stops the server. */
    @TearDown(Level.Trial)
    public void stop() throws IOException {
        pool.close();
        server.close();
    }

    /** One player's 30 s GNSS window. */
    @Benchmark
    public GpsTrack window30s() throws SQLException {
        long half = halfMinutes * 60_000_000L;
        long first = gnssMatch.startMicros() + Math.max(0, half / 2 - 300_000_000L);
        long last = gnssMatch.startMicros() + half - 30_000_000L;
        long from = Math.min(last, first + (step++ % 600) * 1_000_000L);
        GpsTrack t = queries.gnssWindow(gnssMatch, player, from, Duration.ofSeconds(30));
        if (t.length() != 300) {
            throw new IllegalStateException("a 30 s window at 10 Hz holds 300 fixes, got " + t.length());
        }
        return t;
    }

    /** The players over a cumulative PlayerLoad or impulse limit at half-time in one match. */
    @Benchmark
    public List<OverLimit> overLimitAtHalfTime() throws SQLException {
        List<OverLimit> over = queries.overLimitBeforeHalfTime(loadMatch, workload.playerLoadLimit(),
                workload.impulseLimit());
        if (over.size() != 22 / 4 + (22 % 4 >= 3 ? 1 : 0)) {
            throw new IllegalStateException("expected the players with p % 4 == 3, got " + over.size());
        }
        return over;
    }
}
