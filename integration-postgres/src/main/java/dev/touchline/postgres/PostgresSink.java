package dev.touchline.postgres;

import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.PlayerId;
import dev.touchline.sensor.PositionFrames;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Writes batches of raw samples with binary {@code COPY}.
 *
 * <p>Each batch runs in one transaction that first records its batch id in {@code ingest_batch}: if the id is
 * already there the batch was committed before and nothing is written, so a batch retried after an ambiguous
 * failure never duplicates rows. Rows are copied in time order (sorted here when the caller's are not). Rows
 * that fail validation go to {@code quarantine} with their reason in the same transaction; they never abort the
 * batch. When the connection is lost (SQLSTATE class 08, or the server terminating the backend) the whole batch
 * is retried on a fresh connection after an exponential back-off. Calls block until their batch is committed,
 * which is the back-pressure a producer sees. A sink is safe for use by several threads when its data source
 * hands out one connection per call (as a pool does); each thread needs its own encoding buffer, so calls
 * serialise on the sink's buffer.
 */
public final class PostgresSink {
    private final DataSource dataSource;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double maxAbsXMetres;
    private final double maxAbsYMetres;
    private final boolean summarizeAfterLoad;
    private final SinkListener listener;
    private final BinaryCopyEncoder encoder;
    private int currentPid;
    private int currentAttempt;

    private PostgresSink(Builder b) {
        this.dataSource = b.dataSource;
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxAbsXMetres = b.maxAbsXMetres;
        this.maxAbsYMetres = b.maxAbsYMetres;
        this.summarizeAfterLoad = b.summarizeAfterLoad;
        this.listener = b.listener;
        this.encoder = new BinaryCopyEncoder(b.bufferBytes,
                bytes -> listener.copyProgress(currentPid, currentAttempt, bytes));
    }

    /** A builder writing to {@code dataSource} (a migrated database, ideally behind a connection pool). */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * A batch id that depends only on its parts, so a producer that restarts computes the same id for the same
     * batch: name-based (version 3) UUID of the parts joined by a separator byte.
     */
    public static UUID batchId(String table, MatchRecord match, String source, long firstMicros, int rows) {
        String key = table + '\u001f' + match.matchId().value() + '\u001f' + source + '\u001f' + firstMicros
                + '\u001f' + rows;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Loads one player's GNSS fixes into {@code gnss_fix}.
     *
     * @param batchId the batch id; loading the same id again writes nothing
     * @param match the registered match (partition day and time span)
     * @param player the player wearing the receiver
     * @param track the fixes; not modified
     */
    public LoadResult writeGnss(UUID batchId, MatchRecord match, PlayerId player, GpsTrack track)
            throws SQLException {
        Objects.requireNonNull(track, "track");
        return writeGnss(batchId, match, player, track.copyTimeMicros(), track.copyLatDeg(), track.copyLonDeg(),
                track.copySpeedMetresPerSecond(), track.length());
    }

    /**
     * Loads one player's GNSS fixes from raw columns, as a reader of untrusted files produces them: rows with
     * NaN or out-of-range values are quarantined rather than refused, and times need not be sorted.
     *
     * @param timeMicros epoch microseconds of each fix; not modified
     * @param latDeg latitude in degrees; not modified
     * @param lonDeg longitude in degrees; not modified
     * @param speedMetresPerSecond speed over ground in m/s, NaN where unknown; not modified
     * @param length number of fixes; every column holds at least this many values
     */
    public LoadResult writeGnss(UUID batchId, MatchRecord match, PlayerId player, long[] timeMicros,
                                double[] latDeg, double[] lonDeg, float[] speedMetresPerSecond, int length)
            throws SQLException {
        Objects.requireNonNull(player, "player");
        checkLength(length, timeMicros.length, latDeg.length, lonDeg.length, speedMetresPerSecond.length);
        return load(batchId, match, new GnssRows(player, timeMicros, latDeg, lonDeg, speedMetresPerSecond, length));
    }

    /**
     * Loads optical positions into {@code optical_position}.
     *
     * @param batchId the batch id; loading the same id again writes nothing
     * @param match the registered match (partition day and time span)
     * @param frames positions in pitch coordinates (metres); not modified
     */
    public LoadResult writePositions(UUID batchId, MatchRecord match, PositionFrames frames) throws SQLException {
        Objects.requireNonNull(frames, "frames");
        int n = frames.length();
        int[] frame = new int[n];
        long[] time = new long[n];
        int[] objectId = new int[n];
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            frame[i] = frames.frame(i);
            time[i] = frames.timeMicros(i);
            objectId[i] = frames.objectId(i);
            x[i] = frames.x(i);
            y[i] = frames.y(i);
        }
        return writePositions(batchId, match, frame, time, objectId, x, y, n);
    }

    /**
     * Loads optical positions from raw columns, as a reader of untrusted files produces them: rows with NaN or
     * out-of-range values are quarantined rather than refused, and times need not be sorted.
     *
     * @param frame frame number of each row; not modified
     * @param timeMicros epoch microseconds of each row; not modified
     * @param objectId tracked object of each row; not modified
     * @param x pitch x in metres; not modified
     * @param y pitch y in metres; not modified
     * @param length number of rows; every column holds at least this many values
     */
    public LoadResult writePositions(UUID batchId, MatchRecord match, int[] frame, long[] timeMicros,
                                     int[] objectId, float[] x, float[] y, int length) throws SQLException {
        checkLength(length, frame.length, timeMicros.length, objectId.length, x.length, y.length);
        return load(batchId, match, new PositionRows(frame, timeMicros, objectId, x, y, length, maxAbsXMetres,
                maxAbsYMetres));
    }

    private static void checkLength(int length, int... columnLengths) {
        for (int c : columnLengths) {
            if (length < 0 || length > c) {
                throw new IllegalArgumentException("length must be in [0, " + c + "] (the shortest column), was "
                        + length);
            }
        }
    }

    private synchronized LoadResult load(UUID batchId, MatchRecord match, RowSource rows) throws SQLException {
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(match, "match");
        int n = rows.length();
        QuarantineReason[] reasons = new QuarantineReason[n];
        int rejected = 0;
        for (int i = 0; i < n; i++) {
            QuarantineReason r = rows.check(i);
            if (r == null) {
                // the match window is the same rule for every table, so it is checked here, after the row's own checks
                long t = rows.timeMicros(i);
                if (t < match.startMicros() || t > match.endMicros()) {
                    r = QuarantineReason.TIME_OUTSIDE_MATCH;
                }
            }
            reasons[i] = r;
            if (r != null) {
                rejected++;
            }
        }
        int[] order = TimeOrder.of(rows);
        long backoffNanos = initialBackoff.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                LoadResult result = attempt(batchId, match, rows, reasons, order, n - rejected, rejected, attempt);
                if (summarizeAfterLoad && !result.alreadyLoaded()) {
                    summarize(rows.table());
                }
                return result;
            } catch (SQLException e) {
                if (attempt >= maxAttempts || !isTransient(e)) {
                    throw e;
                }
                Duration wait = Duration.ofNanos(backoffNanos);
                listener.retrying(attempt, e, wait);
                sleep(wait, e);
                backoffNanos = Math.min(backoffNanos * 2, maxBackoff.toNanos());
            }
        }
    }

    private LoadResult attempt(UUID batchId, MatchRecord match, RowSource rows, @Nullable QuarantineReason[] reasons,
                               int @Nullable [] order, int expected, int rejected, int attempt) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!claim(c, batchId, match, rows.table(), expected, rejected, attempt)) {
                    c.rollback();
                    return previous(c, batchId, rows.table(), attempt);
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT touchline_ensure_partitions(?)")) {
                    ps.setObject(1, match.matchDate());
                    ps.executeQuery().close();
                }
                long copied = copy(c, match, rows, reasons, order, attempt);
                if (copied != expected) {
                    throw new SQLException("COPY into " + rows.table() + " reported " + copied + " rows, expected "
                            + expected);
                }
                if (rejected > 0) {
                    quarantine(c, batchId, match, rows, reasons);
                }
                c.commit();
                return new LoadResult(batchId, rows.table(), expected, rejected, attempt, false);
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        }
    }

    /** Records the batch id; false when it was committed before. */
    private static boolean claim(Connection c, UUID batchId, MatchRecord match, String table, int expected,
                                 int rejected, int attempt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ingest_batch (batch_id, target_table, match_key, rows_loaded, rows_quarantined, attempts) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (batch_id) DO NOTHING")) {
            ps.setObject(1, batchId);
            ps.setString(2, table);
            ps.setLong(3, match.matchKey());
            ps.setInt(4, expected);
            ps.setInt(5, rejected);
            ps.setInt(6, attempt);
            return ps.executeUpdate() == 1;
        }
    }

    private static LoadResult previous(Connection c, UUID batchId, String table, int attempt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT target_table, rows_loaded, rows_quarantined FROM ingest_batch WHERE batch_id = ?")) {
            ps.setObject(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("batch " + batchId + " vanished from ingest_batch");
                }
                if (!table.equals(rs.getString(1))) {
                    throw new IllegalArgumentException("batchId " + batchId + " was already used for table "
                            + rs.getString(1) + ", not " + table);
                }
                return new LoadResult(batchId, table, rs.getInt(2), rs.getInt(3), attempt, true);
            }
        }
    }

    private long copy(Connection c, MatchRecord match, RowSource rows, @Nullable QuarantineReason[] reasons,
                      int @Nullable [] order, int attempt) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        CopyManager copyManager = pg.getCopyAPI();
        currentPid = pg.getBackendPID();
        currentAttempt = attempt;
        // The table and column names are constants of the row source, never caller input.
        CopyIn copyIn = copyManager.copyIn("COPY " + rows.table() + " (" + rows.columns()
                + ") FROM STDIN (FORMAT binary)");
        try {
            encoder.begin(copyIn);
            int n = rows.length();
            for (int k = 0; k < n; k++) {
                int i = order == null ? k : order[k];
                if (reasons[i] == null) {
                    rows.encode(i, match, encoder);
                }
            }
            encoder.finish();
            return copyIn.endCopy();
        } finally {
            if (copyIn.isActive()) {
                try {
                    copyIn.cancelCopy();
                } catch (SQLException ignored) {
                    // The connection is already broken; the caller's exception says why.
                }
            }
        }
    }

    private static void quarantine(Connection c, UUID batchId, MatchRecord match, RowSource rows,
                                   @Nullable QuarantineReason[] reasons) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO quarantine (batch_id, target_table, row_index, reason, row_data) "
                        + "VALUES (?, ?, ?, ?, ?::jsonb)")) {
            for (int i = 0; i < reasons.length; i++) {
                QuarantineReason r = reasons[i];
                if (r != null) {
                    ps.setObject(1, batchId);
                    ps.setString(2, rows.table());
                    ps.setInt(3, i);
                    ps.setString(4, r.code());
                    ps.setString(5, rows.json(i));
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** Summarises the new BRIN ranges of the table's partitions so look-ups need not scan them in full. */
    private void summarize(String table) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT brin_summarize_new_values(i.inhrelid) FROM pg_inherits i "
                             + "WHERE i.inhparent = to_regclass(?)")) {
            c.setAutoCommit(true);
            ps.setString(1, table + "_time_brin");
            ps.executeQuery().close();
        }
    }

    static boolean isTransient(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03") || state.equals("40001") || state.equals("40P01"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            if (!c.isClosed()) {
                c.rollback();
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void sleep(Duration wait, SQLException cause) throws SQLException {
        try {
            Thread.sleep(wait.toMillis(), (int) (wait.toNanos() % 1_000_000L));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            cause.addSuppressed(ie);
            throw cause;
        }
    }

    /** Configuration of a {@link PostgresSink}. */
    public static final class Builder {
        private final DataSource dataSource;
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private int bufferBytes = 1 << 16;
        private double maxAbsXMetres = 70.0;
        private double maxAbsYMetres = 50.0;
        private boolean summarizeAfterLoad = true;
        private SinkListener listener = SinkListener.NONE;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /** Transactions tried per batch before the failure is thrown, in [1, 100]; default 5. */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1 || attempts > 100) {
                throw new IllegalArgumentException("attempts must be in [1, 100], was " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /** First wait before a retry, doubled after each failure up to {@code max}; default 100 ms and 5 s. */
        public Builder backoff(Duration initial, Duration max) {
            if (initial.isNegative() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("backoff needs 0 <= initial <= max, was " + initial + " and " + max);
            }
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /** Size of the COPY encoding buffer in bytes, in [1024, 64 MiB]; default 64 KiB. */
        public Builder bufferBytes(int bytes) {
            if (bytes < 1024 || bytes > 64 << 20) {
                throw new IllegalArgumentException("bytes must be in [1024, 67108864], was " + bytes);
            }
            this.bufferBytes = bytes;
            return this;
        }

        /**
         * Pitch coordinates beyond which optical positions are quarantined, in metres from the centre spot;
         * default 70 x 50 (a 105 x 68 m pitch plus its surroundings).
         */
        public Builder positionLimits(double maxAbsXMetres, double maxAbsYMetres) {
            if (!(maxAbsXMetres > 0) || !(maxAbsYMetres > 0)) {
                throw new IllegalArgumentException("position limits must be > 0 m, were " + maxAbsXMetres + " and "
                        + maxAbsYMetres);
            }
            this.maxAbsXMetres = maxAbsXMetres;
            this.maxAbsYMetres = maxAbsYMetres;
            return this;
        }

        /** Whether to summarise new BRIN ranges after each committed batch; default true. */
        public Builder summarizeAfterLoad(boolean summarize) {
            this.summarizeAfterLoad = summarize;
            return this;
        }

        /** Receives progress and retry events; default none. */
        public Builder listener(SinkListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public PostgresSink build() {
            return new PostgresSink(this);
        }
    }
}
