package dev.touchline.postgres;

import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.PlayerId;
import dev.touchline.sensor.pitch.GeoAnchor;
import dev.touchline.sensor.pitch.LocalTangentPlane;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Typed questions over the stored samples. Every query names the partition day and the match, so PostgreSQL
 * prunes to one partition and uses the BRIN index on {@code event_time}; every value is a bound parameter.
 */
public final class SampleQueries {
    /** Mean Earth radius (IUGG) in metres, used by the haversine distance. */
    public static final double EARTH_RADIUS_METRES = 6_371_008.8;
    /** Consecutive fixes further apart than this, in seconds, are a gap: no distance or zone time across it. */
    public static final double MAX_STEP_GAP_SECONDS = 5.0;

    private static final String HAVERSINE_STEP = "2 * ? * asin(sqrt(power(sin(radians(lat_deg - plat) / 2), 2)"
            + " + cos(radians(plat)) * cos(radians(lat_deg)) * power(sin(radians(lon_deg - plon) / 2), 2)))";

    private final DataSource dataSource;

    private SampleQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Queries over {@code dataSource}. */
    public static SampleQueries of(DataSource dataSource) {
        return new SampleQueries(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * A player's GNSS fixes in {@code [fromMicros, fromMicros + length)}, in time order.
     *
     * @param fromMicros window start, epoch microseconds (inclusive)
     * @param length window length, e.g. 30 s; positive
     */
    public GpsTrack gnssWindow(MatchRecord match, PlayerId player, long fromMicros, Duration length)
            throws SQLException {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(player, "player");
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("length must be positive, was " + length);
        }
        long toMicros = Math.addExact(fromMicros, length.toNanos() / 1_000L);
        GpsTrack.Builder track = GpsTrack.builder();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT (extract(epoch FROM event_time) * 1000000)::bigint, lat_deg, lon_deg, speed_mps "
                             + "FROM gnss_fix WHERE match_date = ? AND match_key = ? AND player_id = ? "
                             + "AND event_time >= ? AND event_time < ? ORDER BY event_time")) {
            ps.setObject(1, match.matchDate());
            ps.setLong(2, match.matchKey());
            ps.setObject(3, player.value());
            ps.setObject(4, Catalog.timestamptz(fromMicros));
            ps.setObject(5, Catalog.timestamptz(toMicros));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    track.add(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getFloat(4));
                }
            }
        }
        return track.build();
    }

    /** Distance covered by a player in each registered period of the match, in period order. */
    public List<PeriodDistance> distancePerPeriod(MatchRecord match, PlayerId player) throws SQLException {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(player, "player");
        List<PeriodDistance> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "WITH f AS ("
                             + " SELECT p.period, g.lat_deg, g.lon_deg,"
                             + "  lag(g.lat_deg) OVER w AS plat, lag(g.lon_deg) OVER w AS plon"
                             + " FROM match_periods p LEFT JOIN gnss_fix g ON g.match_key = p.match_key"
                             + "  AND g.match_date = ? AND g.player_id = ?"
                             + "  AND g.event_time >= p.starts_at AND g.event_time <= p.ends_at"
                             + " WHERE p.match_key = ?"
                             + " WINDOW w AS (PARTITION BY p.period ORDER BY g.event_time))"
                             + " SELECT period, coalesce(sum(2 * ? * asin(sqrt("
                             + "  power(sin(radians(lat_deg - plat) / 2), 2)"
                             + "  + cos(radians(plat)) * cos(radians(lat_deg)) * power(sin(radians(lon_deg - plon) / 2), 2)"
                             + " ))), 0), count(lat_deg)"
                             + " FROM f GROUP BY period ORDER BY period")) {
            ps.setObject(1, match.matchDate());
            ps.setObject(2, player.value());
            ps.setLong(3, match.matchKey());
            ps.setDouble(4, EARTH_RADIUS_METRES);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new PeriodDistance(rs.getInt(1), rs.getDouble(2), rs.getLong(3)));
                }
            }
        }
        return List.copyOf(result);
    }
    /**
     * Players whose cumulative PlayerLoad or impulse over the first period (kick-off to half-time, both inclusive)
     * exceeded a limit, ordered by player id (PostgreSQL's uuid order: unsigned bytes), with the second in which
     * each limit was passed.
     *
     * @param playerLoadLimit PlayerLoad limit, arbitrary units; {@code Double.POSITIVE_INFINITY} to ignore
     * @param impulseLimitNewtonSeconds impulse limit, N·s (e.g. 18 000 for 18 kN·s); infinity to ignore
     */
    public List<OverLimit> overLimitBeforeHalfTime(MatchRecord match, double playerLoadLimit,
                                                   double impulseLimitNewtonSeconds) throws SQLException {
        Objects.requireNonNull(match, "match");
        if (Double.isNaN(playerLoadLimit) || Double.isNaN(impulseLimitNewtonSeconds)) {
            throw new IllegalArgumentException("limits must not be NaN, were " + playerLoadLimit + " and "
                    + impulseLimitNewtonSeconds);
        }
        List<OverLimit> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            long[] half = period(c, match, 1);
            // Minute sums by hash aggregation, then a running sum over those few rows: no sort of the per-second
            // rows. The period's bounds are bound as constants (not joined) so that the planner prunes to the match
            // day and narrows the scan with the BRIN index on event_time. Loads are non-negative (the sink
            // quarantines the rest), so the running sums only grow and the last minute within the limit gives the
            // sum before the crossing minute.
            try (PreparedStatement ps = c.prepareStatement(
                    "WITH m AS (SELECT player_id, date_trunc('minute', event_time) AS mi,"
                            + " sum(player_load::float8) AS pl, sum(impulse_ns::float8) AS imp"
                            + " FROM load_per_second WHERE match_date = ? AND match_key = ?"
                            + " AND event_time >= ? AND event_time <= ?"
                            + " GROUP BY player_id, date_trunc('minute', event_time)),"
                            + " c AS (SELECT player_id, mi, sum(pl) OVER w AS cpl, sum(imp) OVER w AS cimp FROM m"
                            + " WINDOW w AS (PARTITION BY player_id ORDER BY mi ROWS UNBOUNDED PRECEDING))"
                            + " SELECT player_id, max(cpl), max(cimp),"
                            + " (extract(epoch FROM min(mi) FILTER (WHERE cpl > ?)) * 1000000)::bigint,"
                            + " coalesce(max(cpl) FILTER (WHERE cpl <= ?), 0),"
                            + " (extract(epoch FROM min(mi) FILTER (WHERE cimp > ?)) * 1000000)::bigint,"
                            + " coalesce(max(cimp) FILTER (WHERE cimp <= ?), 0)"
                            + " FROM c GROUP BY player_id HAVING max(cpl) > ? OR max(cimp) > ? ORDER BY player_id")) {
                ps.setObject(1, match.matchDate());
                ps.setLong(2, match.matchKey());
                ps.setObject(3, Catalog.timestamptz(half[0]));
                ps.setObject(4, Catalog.timestamptz(half[1]));
                ps.setDouble(5, playerLoadLimit);
                ps.setDouble(6, playerLoadLimit);
                ps.setDouble(7, impulseLimitNewtonSeconds);
                ps.setDouble(8, impulseLimitNewtonSeconds);
                ps.setDouble(9, playerLoadLimit);
                ps.setDouble(10, impulseLimitNewtonSeconds);
                List<long[]> minutes = new ArrayList<>();
                List<double[]> bases = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long plMinute = rs.getLong(4);
                        plMinute = rs.wasNull() ? OverLimit.NOT_EXCEEDED : plMinute;
                        long impMinute = rs.getLong(6);
                        impMinute = rs.wasNull() ? OverLimit.NOT_EXCEEDED : impMinute;
                        result.add(new OverLimit(PlayerId.of(rs.getObject(1, UUID.class)), rs.getDouble(2),
                                rs.getDouble(3), plMinute, impMinute));
                        minutes.add(new long[] {plMinute, impMinute});
                        bases.add(new double[] {rs.getDouble(5), rs.getDouble(7)});
                    }
                }
                for (int i = 0; i < result.size(); i++) {
                    result.set(i, exactSeconds(c, match, half[1], result.get(i), minutes.get(i), bases.get(i),
                            playerLoadLimit, impulseLimitNewtonSeconds));
                }
            }
        }
        return List.copyOf(result);
    }

    /**
     * Finds the second within each crossing minute at which the running sum passed its limit: one narrow read of
     * the player's rows from the earlier crossing minute to the end of the later one.
     */
    private static OverLimit exactSeconds(Connection c, MatchRecord match, long halfEndMicros, OverLimit coarse,
                                          long[] minute, double[] base, double plLimit, double impLimit)
            throws SQLException {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (long m : minute) {
            if (m != OverLimit.NOT_EXCEEDED) {
                from = Math.min(from, m);
                to = Math.max(to, m + 59_999_999L);
            }
        }
        to = Math.min(to, halfEndMicros);
        long plAt = OverLimit.NOT_EXCEEDED;
        long impAt = OverLimit.NOT_EXCEEDED;
        double pl = base[0];
        double imp = base[1];
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT (extract(epoch FROM event_time) * 1000000)::bigint, player_load, impulse_ns FROM load_per_second"
                        + " WHERE match_date = ? AND match_key = ? AND player_id = ? AND event_time >= ?"
                        + " AND event_time <= ? ORDER BY event_time")) {
            ps.setObject(1, match.matchDate());
            ps.setLong(2, match.matchKey());
            ps.setObject(3, coarse.player().value());
            ps.setObject(4, Catalog.timestamptz(from));
            ps.setObject(5, Catalog.timestamptz(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long t = rs.getLong(1);
                    if (minute[0] != OverLimit.NOT_EXCEEDED && t >= minute[0] && plAt == OverLimit.NOT_EXCEEDED) {
                        pl += rs.getFloat(2);
                        if (pl > plLimit) {
                            plAt = t;
                        }
                    }
                    if (minute[1] != OverLimit.NOT_EXCEEDED && t >= minute[1] && impAt == OverLimit.NOT_EXCEEDED) {
                        imp += rs.getFloat(3);
                        if (imp > impLimit) {
                            impAt = t;
                        }
                    }
                }
            }
        }
        return new OverLimit(coarse.player(), coarse.playerLoad(), coarse.impulseNewtonSeconds(), plAt, impAt);
    }

    /**
     * Distance and time per speed zone of every player in every registered period, ordered by player id and
     * period. See {@link PeriodZones} for how steps are counted.
     *
     * @param zones the speed zones, e.g. {@link SpeedZones#DEFAULT}
     */
    public List<PeriodZones> speedZonesPerPeriod(MatchRecord match, SpeedZones zones) throws SQLException {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(zones, "zones");
        int zoneCount = zones.zoneCount();
        List<PeriodZones> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "WITH f AS (SELECT g.player_id, p.period, g.speed_mps, g.lat_deg, g.lon_deg,"
                             + " lag(g.lat_deg) OVER w AS plat, lag(g.lon_deg) OVER w AS plon,"
                             + " extract(epoch FROM g.event_time - lag(g.event_time) OVER w)::float8 AS dt"
                             + " FROM gnss_fix g JOIN match_periods p ON p.match_key = g.match_key"
                             + " AND g.event_time >= p.starts_at AND g.event_time <= p.ends_at"
                             + " WHERE g.match_date = ? AND g.match_key = ?"
                             + " WINDOW w AS (PARTITION BY g.player_id, p.period ORDER BY g.event_time)),"
                             + " z AS (SELECT player_id, period,"
                             + " CASE WHEN speed_mps = 'NaN' THEN -1 ELSE width_bucket(speed_mps::float8, ?::float8[])"
                             + " END AS zone,"
                             + " CASE WHEN dt IS NULL OR dt > ? THEN 0 ELSE dt END AS dt_s,"
                             + " CASE WHEN dt IS NULL OR dt > ? THEN 0 ELSE " + HAVERSINE_STEP + " END AS step_m"
                             + " FROM f)"
                             + " SELECT player_id, period, zone, count(*), sum(step_m), sum(dt_s) FROM z"
                             + " GROUP BY player_id, period, zone ORDER BY player_id, period, zone")) {
            ps.setObject(1, match.matchDate());
            ps.setLong(2, match.matchKey());
            double[] t = zones.thresholdsMetresPerSecond();
            Object[] boxed = new Object[t.length];
            for (int i = 0; i < t.length; i++) {
                boxed[i] = t[i];
            }
            ps.setArray(3, c.createArrayOf("float8", boxed));
            ps.setDouble(4, MAX_STEP_GAP_SECONDS);
            ps.setDouble(5, MAX_STEP_GAP_SECONDS);
            ps.setDouble(6, EARTH_RADIUS_METRES);
            try (ResultSet rs = ps.executeQuery()) {
                UUID player = null;
                int period = -1;
                long fixes = 0;
                double distance = 0;
                double[] metres = new double[zoneCount];
                double[] seconds = new double[zoneCount];
                while (rs.next()) {
                    UUID p = rs.getObject(1, UUID.class);
                    int per = rs.getInt(2);
                    if (player != null && (!player.equals(p) || per != period)) {
                        result.add(new PeriodZones(PlayerId.of(player), period, fixes, distance, metres, seconds));
                        fixes = 0;
                        distance = 0;
                        metres = new double[zoneCount];
                        seconds = new double[zoneCount];
                    }
                    player = p;
                    period = per;
                    int zone = rs.getInt(3);
                    fixes += rs.getLong(4);
                    double m = rs.getDouble(5);
                    distance += m;
                    if (zone >= 0) {
                        metres[zone] += m;
                        seconds[zone] += rs.getDouble(6);
                    }
                }
                if (player != null) {
                    result.add(new PeriodZones(PlayerId.of(player), period, fixes, distance, metres, seconds));
                }
            }
        }
        return List.copyOf(result);
    }

    /**
     * The area a player covered in {@code [toMicros - window, toMicros]}: the convex hull of the GNSS fixes,
     * projected onto the local tangent plane at the window's first fix (WGS 84), computed here because PostGIS is
     * not available on the embedded server. For "the last 15 minutes" pass the match's end and 15 minutes.
     *
     * @param toMicros window end, epoch microseconds (inclusive)
     * @param window window length, positive
     */
    public AreaCovered areaCovered(MatchRecord match, PlayerId player, long toMicros, Duration window)
            throws SQLException {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        long fromMicros = Math.subtractExact(toMicros, window.toNanos() / 1_000L);
        GpsTrack track = gnssWindow(match, player, fromMicros, Duration.ofNanos((toMicros - fromMicros + 1) * 1_000L));
        int n = track.length();
        if (n == 0) {
            return new AreaCovered(fromMicros, toMicros, 0, 0, 0);
        }
        LocalTangentPlane plane = LocalTangentPlane.of(GeoAnchor.of(track.latDeg(0), track.lonDeg(0), 0));
        double[] x = new double[n];
        double[] y = new double[n];
        double[] out = new double[3];
        for (int i = 0; i < n; i++) {
            plane.toPitch(track.latDeg(i), track.lonDeg(i), 0, out);
            x[i] = out[0];
            y[i] = out[1];
        }
        ConvexHull hull = ConvexHull.of(x, y, n);
        return new AreaCovered(fromMicros, toMicros, n, hull.vertices(), hull.area());
    }

    /** Start and end of a registered period, epoch microseconds. */
    private static long[] period(Connection c, MatchRecord match, int period) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT (extract(epoch FROM starts_at) * 1000000)::bigint, (extract(epoch FROM ends_at) * 1000000)::bigint"
                        + " FROM match_periods WHERE match_key = ? AND period = ?")) {
            ps.setLong(1, match.matchKey());
            ps.setShort(2, (short) period);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("match " + match.matchId() + " has no period " + period);
                }
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }
}
