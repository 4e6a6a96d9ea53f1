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
    /** Heart rates below this, in beats per minute, are quarantined as out of range. */
    public static final double MIN_HEART_RATE_BPM = 20.0;
    /** Heart rates above this, in beats per minute, are quarantined as out of range. */
    public static final double MAX_HEART_RATE_BPM = 250.0;
    /** PlayerLoad per second above this (arbitrary units, g / 100 summed at 100 Hz) is quarantined. */
    public static final double MAX_PLAYER_LOAD_PER_SECOND = 100.0;
    /** Impulse per second above this, in N·s, is quarantined (about twenty body weights held for a second). */
    public static final double MAX_IMPULSE_NEWTON_SECONDS_PER_SECOND = 20_000.0;
    /** Longest event kind accepted, in UTF-8 bytes. */
    public static final int MAX_EVENT_KIND_BYTES = 64;

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

    /**
     * Loads one player's heart rate into {@code heart_rate}, one row per beat or per sample. Rows with a NaN rate
     * are quarantined as {@code nan_value}, rates outside [{@value #MIN_HEART_RATE_BPM},
     * {@value #MAX_HEART_RATE_BPM}] bpm as {@code value_out_of_range}; times need not be sorted.
     *
     * @param batchId the batch id; loading the same id again writes nothing
     * @param match the registered match (partition day and time span)
     * @param player the player wearing the sensor
     * @param timeMicros epoch microseconds of each beat or sample; not modified
     * @param bpm heart rate in beats per minute; not modified
     * @param length number of rows; every column holds at least this many values
     */
    public LoadResult writeHeartRate(UUID batchId, MatchRecord match, PlayerId player, long[] timeMicros,
                                     float[] bpm, int length) throws SQLException {
        Objects.requireNonNull(player, "player");
        checkLength(length, timeMicros.length, bpm.length);
        return load(batchId, match, PlayerScalarRows.heartRate(player, timeMicros, bpm, length));
    }

    /** {@link #writeHeartRate(UUID, MatchRecord, PlayerId, long[], float[], int)} with {@link #batchIdOf}. */
    public LoadResult writeHeartRate(MatchRecord match, PlayerId player, long[] timeMicros, float[] bpm, int length)
            throws SQLException {
        return writeHeartRate(batchIdOf("heart_rate", match, player, timeMicros, length), match, player, timeMicros,
                bpm, length);
    }

    /**
     * Loads one player's heart rate from R-peak (or pulse) times: one row per beat from the second on, at the beat's
     * time, with {@code 60 / RR} bpm from the interval to the previous beat. A missed or doubled beat shows up as a
     * rate outside the plausible range and is quarantined, not dropped silently. Uses {@link #batchIdOf}.
     *
     * @param beatMicros epoch microseconds of each beat, increasing; not modified
     * @param length number of beats; {@code beatMicros} holds at least this many
     */
    public LoadResult writeHeartRateFromBeats(MatchRecord match, PlayerId player, long[] beatMicros, int length)
            throws SQLException {
        checkLength(length, beatMicros.length);
        int n = Math.max(0, length - 1);
        long[] time = new long[n];
        float[] bpm = new float[n];
        for (int i = 0; i < n; i++) {
            time[i] = beatMicros[i + 1];
            long rr = beatMicros[i + 1] - beatMicros[i];
            bpm[i] = rr > 0 ? (float) (60e6 / rr) : Float.NaN;
        }
        return writeHeartRate(match, player, time, bpm, n);
    }

    /**
     * Loads one player's IMU-derived load per second into {@code load_per_second}. Rows with NaN are quarantined
     * as {@code nan_value}; negative values, PlayerLoad above {@value #MAX_PLAYER_LOAD_PER_SECOND} or impulse above
     * {@value #MAX_IMPULSE_NEWTON_SECONDS_PER_SECOND} N·s as {@code value_out_of_range}.
     *
     * @param batchId the batch id; loading the same id again writes nothing
     * @param match the registered match (partition day and time span)
     * @param player the player wearing the sensor
     * @param secondStartMicros epoch microseconds at which each one-second interval starts; not modified
     * @param playerLoad PlayerLoad accumulated in the second, arbitrary units (g / 100 summed at 100 Hz, as
     *     fusion-core's {@code PlayerLoadMeter}); not modified
     * @param impulseNewtonSeconds ground-reaction impulse in the second, N·s (force summed over the foot sensors
     *     times the sample interval); not modified
     * @param length number of seconds; every column holds at least this many values
     */
    public LoadResult writeLoadPerSecond(UUID batchId, MatchRecord match, PlayerId player, long[] secondStartMicros,
                                         float[] playerLoad, float[] impulseNewtonSeconds, int length)
            throws SQLException {
        Objects.requireNonNull(player, "player");
        checkLength(length, secondStartMicros.length, playerLoad.length, impulseNewtonSeconds.length);
        return load(batchId, match, new LoadRows(player, secondStartMicros, playerLoad, impulseNewtonSeconds, length));
    }

    /** {@link #writeLoadPerSecond(UUID, MatchRecord, PlayerId, long[], float[], float[], int)} with {@link #batchIdOf}. */
    public LoadResult writeLoadPerSecond(MatchRecord match, PlayerId player, long[] secondStartMicros,
                                         float[] playerLoad, float[] impulseNewtonSeconds, int length)
            throws SQLException {
        return writeLoadPerSecond(batchIdOf("load_per_second", match, player, secondStartMicros, length), match,
                player, secondStartMicros, playerLoad, impulseNewtonSeconds, length);
    }

    /**
     * Loads one player's fatigue index per second into {@code fatigue_index_per_second}. The index is
     * dimensionless in [0, 1] (0 fresh, 1 exhausted by the caller's model); NaN is quarantined as
     * {@code nan_value}, values outside [0, 1] as {@code value_out_of_range}.
     *
     * @param batchId the batch id; loading the same id again writes nothing
     * @param match the registered match (partition day and time span)
     * @param player the player
     * @param secondStartMicros epoch microseconds at which each second starts; not modified
     * @param fatigueIndex the index of each second, dimensionless; not modified
     * @param length number of seconds; every column holds at least this many values
     */
    public LoadResult writeFatigueIndex(UUID batchId, MatchRecord match, PlayerId player, long[] secondStartMicros,
                                        float[] fatigueIndex, int length) throws SQLException {
        Objects.requireNonNull(player, "player");
        checkLength(length, secondStartMicros.length, fatigueIndex.length);
        return load(batchId, match, PlayerScalarRows.fatigue(player, secondStartMicros, fatigueIndex, length));
    }

    /** {@link #writeFatigueIndex(UUID, MatchRecord, PlayerId, long[], float[], int)} with {@link #batchIdOf}. */
    public LoadResult writeFatigueIndex(MatchRecord match, PlayerId player, long[] secondStartMicros,
                                        float[] fatigueIndex, int length) throws SQLException {
        return writeFatigueIndex(batchIdOf("fatigue_index_per_second", match, player, secondStartMicros, length),
                match, player, secondStartMicros, fatigueIndex, length);
    }

    /**
     * Loads touches and other ball events of several players into {@code touch_event}. Row {@code i} is
     * {@code players[playerIndex[i]]} doing {@code kinds[kindIndex[i]]} at {@code timeMicros[i]}; the vocabulary is
     * stored verbatim as text. Only the time rule quarantines events.
     *
     * @param batchId the batch id; loading the same id again writes nothing
     * @param match the registered match (partition day and time span)
     * @param players the players the rows refer to; not modified
     * @param playerIndex index into {@code players} of each row; not modified
     * @param timeMicros epoch microseconds of each event; not modified
     * @param kinds event kinds, e.g. {@code touch}, {@code pass}; each 1 to {@value #MAX_EVENT_KIND_BYTES} UTF-8
     *     bytes; not modified
     * @param kindIndex index into {@code kinds} of each row; not modified
     * @param length number of rows; every column holds at least this many values
     * @throws IllegalArgumentException when an index is out of range or a kind is empty or too long
     */
    public LoadResult writeEvents(UUID batchId, MatchRecord match, PlayerId[] players, int[] playerIndex,
                                  long[] timeMicros, String[] kinds, int[] kindIndex, int length)
            throws SQLException {
        checkLength(length, playerIndex.length, timeMicros.length, kindIndex.length);
        for (int p = 0; p < players.length; p++) {
            Objects.requireNonNull(players[p], "players[" + p + "]");
        }
        for (int k = 0; k < kinds.length; k++) {
            Objects.requireNonNull(kinds[k], "kinds[" + k + "]");
            int bytes = BinaryCopyEncoder.utf8(kinds[k]).length;
            if (bytes < 1 || bytes > MAX_EVENT_KIND_BYTES) {
                throw new IllegalArgumentException("kinds[" + k + "] must have 1 to " + MAX_EVENT_KIND_BYTES
                        + " UTF-8 bytes, had " + bytes);
            }
        }
        for (int i = 0; i < length; i++) {
            if (playerIndex[i] < 0 || playerIndex[i] >= players.length) {
                throw new IllegalArgumentException("playerIndex[" + i + "] must be in [0, " + players.length
                        + "), was " + playerIndex[i]);
            }
            if (kindIndex[i] < 0 || kindIndex[i] >= kinds.length) {
                throw new IllegalArgumentException("kindIndex[" + i + "] must be in [0, " + kinds.length + "), was "
                        + kindIndex[i]);
            }
        }
        return load(batchId, match, new EventRows(players, playerIndex, timeMicros, kinds, kindIndex, length));
    }

    /**
     * Loads one player's events of a single kind (e.g. every {@code touch}), with {@link #batchIdOf}.
     *
     * @param timeMicros epoch microseconds of each event; not modified
     */
    public LoadResult writeEvents(MatchRecord match, PlayerId player, String kind, long[] timeMicros, int length)
            throws SQLException {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(kind, "kind");
        checkLength(length, timeMicros.length);
        return writeEvents(batchIdOf("touch_event\u001f" + kind, match, player, timeMicros, length), match,
                new PlayerId[] {player}, new int[length], timeMicros, new String[] {kind}, new int[length], length);
    }

    /**
     * The batch id the overloads without one use: {@link #batchId} of the table, the match, the player and the first
     * and last time stamps with the row count. A producer that restarts and offers the same rows again computes
     * the same id, so nothing is duplicated; two different batches of one player need different first or last
     * times or counts.
     */
    public static UUID batchIdOf(String table, MatchRecord match, PlayerId player, long[] timeMicros, int length) {
        Objects.requireNonNull(player, "player");
        if (length < 0 || length > timeMicros.length) {
            throw new IllegalArgumentException("length must be in [0, " + timeMicros.length + "], was " + length);
        }
        long first = length == 0 ? 0 : timeMicros[0];
        long last = length == 0 ? 0 : timeMicros[length - 1];
        return batchId(table, match, player + "\u001f" + last, first, length);
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
