package dev.touchline.benchmarks;

import dev.touchline.postgres.Catalog;
import dev.touchline.postgres.MatchRecord;
import dev.touchline.sensor.MatchId;
import dev.touchline.sensor.PlayerId;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Fills {@code gnss_fix} (10 Hz) and {@code load_per_second} (1 Hz) with at least a given number of rows each, in
 * the physical order a live pipeline writes them: second by second, every match of the day and every player
 * interleaved. Matches are tournament days: {@code matchesPerDay} matches share a day (one partition) and the same
 * kick-off, 14:00 UTC, two halves of {@code halfMinutes} with a 15-minute break. Values are deterministic functions
 * of match, player and time (no random source), generated inside the server.
 *
 * <p>PlayerLoad per second is {@code 0.10 + 0.05 * (p % 4)} AU and impulse {@code 300 + 100 * (p % 4)} N·s for
 * player number {@code p} (1-based): in each match the players with {@code p % 4 == 3} are the only ones above
 * {@link #playerLoadLimit} and {@link #impulseLimit} at half-time.
 */
public final class PostgresQueryWorkload {
    /** First match day: 2026-08-15. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2026, 8, 15);
    private static final long FIRST_KICKOFF = 1_786_802_400_000_000L; // 2026-08-15T14:00:00Z
    private static final long DAY_MICROS = 86_400_000_000L;
    private static final long BREAK_MICROS = 15 * 60_000_000L;

    private final int playersPerMatch;
    private final int matchesPerDay;
    private final int halfMinutes;
    private final List<MatchRecord> gnssMatches = new ArrayList<>();
    private final List<MatchRecord> loadMatches = new ArrayList<>();
    private long gnssRows;
    private long loadRows;

    private PostgresQueryWorkload(int playersPerMatch, int matchesPerDay, int halfMinutes) {
        this.playersPerMatch = playersPerMatch;
        this.matchesPerDay = matchesPerDay;
        this.halfMinutes = halfMinutes;
    }

    /**
     * Registers the matches and fills both tables with at least {@code rows} rows each, then summarises the BRIN
     * indexes and analyses the tables.
     *
     * @param db a migrated, empty database
     * @param rows the least number of rows in each table, > 0
     * @param playersPerMatch players per match, 1 to 100
     * @param matchesPerDay matches sharing a day (partition) and kick-off, 1 to 100
     * @param halfMinutes length of each half, 1 to 60 minutes
     */
    public static PostgresQueryWorkload fill(DataSource db, long rows, int playersPerMatch, int matchesPerDay,
                                             int halfMinutes) throws SQLException {
        if (rows <= 0 || playersPerMatch < 1 || playersPerMatch > 100 || matchesPerDay < 1 || matchesPerDay > 100
                || halfMinutes < 1 || halfMinutes > 60) {
            throw new IllegalArgumentException("rows > 0, players and matches per day in [1, 100], half minutes in "
                    + "[1, 60]; were " + rows + ", " + playersPerMatch + ", " + matchesPerDay + ", " + halfMinutes);
        }
        PostgresQueryWorkload w = new PostgresQueryWorkload(playersPerMatch, matchesPerDay, halfMinutes);
        long halfSeconds = halfMinutes * 60L;
        long gnssPerMatch = playersPerMatch * halfSeconds * 2 * 10;
        long loadPerMatch = playersPerMatch * halfSeconds * 2;
        int gnssMatches = (int) ((rows + gnssPerMatch - 1) / gnssPerMatch);
        int loadMatches = (int) ((rows + loadPerMatch - 1) / loadPerMatch);
        Catalog catalog = Catalog.of(db);
        int matches = Math.max(gnssMatches, loadMatches);
        List<MatchRecord> all = new ArrayList<>();
        for (int m = 0; m < matches; m++) {
            long kickoff = FIRST_KICKOFF + (m / matchesPerDay) * DAY_MICROS;
            long half = halfSeconds * 1_000_000L;
            all.add(catalog.match(MatchId.of("bench-" + m), "Benchmark match " + m,
                    new long[] {kickoff, kickoff + half + BREAK_MICROS},
                    new long[] {kickoff + half, kickoff + 2 * half + BREAK_MICROS}));
        }
        w.gnssMatches.addAll(all.subList(0, gnssMatches));
        w.loadMatches.addAll(all.subList(0, loadMatches));
        try (Connection c = db.getConnection()) {
            w.gnssRows = w.insert(c, w.gnssMatches, 10, "gnss_fix");
            w.loadRows = w.insert(c, w.loadMatches, 1, "load_per_second");
            try (Statement s = c.createStatement()) {
                s.execute("SELECT brin_summarize_new_values(i.inhrelid) FROM pg_inherits i WHERE i.inhparent IN "
                        + "('gnss_fix_time_brin'::regclass, 'load_per_second_time_brin'::regclass)");
                s.execute("VACUUM ANALYZE gnss_fix");
                s.execute("VACUUM ANALYZE load_per_second");
            }
        }
        return w;
    }

    /** Inserts one day at a time: seconds outermost, then matches, then players, as a live pipeline writes. */
    private long insert(Connection c, List<MatchRecord> matches, int rateHz, String table) throws SQLException {
        long total = 0;
        long samplesPerHalf = halfMinutes * 60L * rateHz;
        long stepMicros = 1_000_000L / rateHz;
        String values = table.equals("gnss_fix")
                ? "lat_deg, lon_deg, speed_mps) SELECT d, x.key, x.pid, t,"
                        + " 51.556 + 1e-4 * sin(f / 300.0 + x.p), -0.2795 + 1e-4 * cos(f / 300.0 + x.p),"
                        + " ((f + x.p) % 90) / 10.0"
                : "player_load, impulse_ns) SELECT d, x.key, x.pid, t, 0.10 + 0.05 * (x.p % 4), 300 + 100 * (x.p % 4)";
        // The table name is one of two constants above, never input.
        String sql = "INSERT INTO " + table + " (match_date, match_key, player_id, event_time, " + values
                + " FROM (SELECT ?::date AS d) day, generate_series(0, ? - 1) f,"
                + " LATERAL (SELECT ? + (CASE WHEN f < ? THEN f ELSE f + ? END) * ? AS us) tt,"
                + " LATERAL (SELECT timestamptz 'epoch' + tt.us * interval '1 microsecond' AS t) ts,"
                + " LATERAL (SELECT m.key, p, md5('bench:' || m.key || ':' || p)::uuid AS pid"
                + "   FROM unnest(?::bigint[]) m(key), generate_series(1, ?) p WHERE f >= 0) x";
        for (int from = 0; from < matches.size(); from += matchesPerDay) {
            List<MatchRecord> day = matches.subList(from, Math.min(matches.size(), from + matchesPerDay));
            MatchRecord first = day.get(0);
            try (PreparedStatement ps = c.prepareStatement("SELECT touchline_ensure_partitions(?)")) {
                ps.setObject(1, first.matchDate());
                ps.executeQuery().close();
            }
            Object[] keys = new Object[day.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = day.get(i).matchKey();
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, first.matchDate());
                ps.setLong(2, 2 * samplesPerHalf);
                ps.setLong(3, first.startMicros());
                ps.setLong(4, samplesPerHalf);
                ps.setLong(5, BREAK_MICROS / stepMicros);
                ps.setLong(6, stepMicros);
                ps.setArray(7, c.createArrayOf("bigint", keys));
                ps.setInt(8, playersPerMatch);
                total += ps.executeUpdate();
            }
        }
        return total;
    }

    /** The player id of number {@code p} (1-based) in a match, as generated. */
    public static PlayerId player(MatchRecord match, int p) {
        byte[] md5 = md5(("bench:" + match.matchKey() + ":" + p).getBytes(StandardCharsets.UTF_8));
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (md5[i] & 0xFF);
            lo = (lo << 8) | (md5[8 + i] & 0xFF);
        }
        return PlayerId.of(new UUID(hi, lo));
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("MD5").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides MD5", e);
        }
    }

    /** The matches holding GNSS fixes; the first day's are in the largest partition. */
    public List<MatchRecord> gnssMatches() {
        return List.copyOf(gnssMatches);
    }

    /** The matches holding load per second. */
    public List<MatchRecord> loadMatches() {
        return List.copyOf(loadMatches);
    }

    public long gnssRows() {
        return gnssRows;
    }

    public long loadRows() {
        return loadRows;
    }

    /** PlayerLoad limit over the first half that only players with {@code p % 4 == 3} exceed, AU. */
    public double playerLoadLimit() {
        return halfMinutes * 60 * 0.22;
    }

    /** Impulse limit over the first half that only players with {@code p % 4 == 3} exceed, N·s. */
    public double impulseLimit() {
        return halfMinutes * 60 * 550.0;
    }
}
