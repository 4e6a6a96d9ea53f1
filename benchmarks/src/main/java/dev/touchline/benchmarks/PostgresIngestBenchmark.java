package dev.touchline.benchmarks;

import dev.touchline.postgres.Catalog;
import dev.touchline.postgres.MatchRecord;
import dev.touchline.postgres.PostgresSink;
import dev.touchline.postgres.TouchlineSchema;
import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.MatchId;
import dev.touchline.sensor.PlayerId;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.PGConnection;

/**
 * Rows per second into gnss_fix on one connection, against an embedded PostgreSQL 15 started with fsync on:
 * {@code sink} is {@link PostgresSink#writeGnss} (validation, batch id, binary COPY encoding, quarantine check,
 * commit, BRIN summarisation); {@code bareCopy} streams the same rows pre-encoded in memory through pgjdbc's
 * CopyManager in one transaction, the ceiling the sink is compared with. Scores are rows/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class PostgresIngestBenchmark {
    /** Rows per batch (one operation). */
    public static final int ROWS = 200_000;
    private static final long KICKOFF = 1_786_802_400_000_000L;

    private EmbeddedPostgres server;
    private DataSource db;
    private PostgresSink sink;
    private MatchRecord match;
    private PlayerId player;
    private GpsTrack track;
    private byte[] bare;

    /** Starts the server with fsync on, migrates, registers the match and prepares the rows. */
    @Setup(Level.Trial)
    public void start() throws IOException, SQLException {
        server = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on").start();
        db = server.getPostgresDatabase();
        TouchlineSchema.migrate(db);
        match = Catalog.of(db).match(MatchId.of("bench"), "Benchmark", new long[] {KICKOFF},
                new long[] {KICKOFF + 86_400_000_000L});
        player = PlayerId.nameBased("bench player");
        track = PostgresIngestWorkload.track(8L, ROWS, KICKOFF);
        bare = PostgresIngestWorkload.encodeBare(track, match.matchDate(), match.matchKey(), player.value());
        sink = PostgresSink.builder(db).build();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT touchline_ensure_partitions(?)")) {
            ps.setObject(1, match.matchDate());
            ps.executeQuery().close();
        }
    }

    /** Empties the table so each iteration starts alike. */
    @Setup(Level.Iteration)
    public void truncate() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE gnss_fix, quarantine, ingest_batch");
        }
    }

    /** Stops the server. */
    @TearDown(Level.Trial)
    public void stop() throws IOException {
        server.close();
    }

    /** One batch through the sink (a fresh batch id each time, so nothing is skipped). */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int sink() throws SQLException {
        return sink.writeGnss(UUID.randomUUID(), match, player, track).rowsLoaded();
    }

    /** The same rows, pre-encoded, through a bare binary COPY in one transaction. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long bareCopy() throws SQLException, IOException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            long n = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY gnss_fix (match_date, match_key, player_id, event_time, lat_deg, lon_deg, speed_mps) "
                            + "FROM STDIN (FORMAT binary)", new ByteArrayInputStream(bare));
            c.commit();
            return n;
        }
    }
}
