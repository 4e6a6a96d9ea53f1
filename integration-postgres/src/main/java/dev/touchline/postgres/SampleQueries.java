package dev.touchline.postgres;

import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.PlayerId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Typed questions over the stored samples. Every query names the partition day and the match, so PostgreSQL
 * prunes to one partition and uses the BRIN index on {@code event_time}; every value is a bound parameter.
 */
public final class SampleQueries {
    /** Mean Earth radius (IUGG) in metres, used by the haversine distance. */
    public static final double EARTH_RADIUS_METRES = 6_371_008.8;

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
}
