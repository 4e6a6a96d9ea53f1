package dev.touchline.postgres;

import dev.touchline.sensor.MatchId;
import dev.touchline.sensor.PlayerId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Registers catalogue rows (teams, players, matches with their periods, devices, sessions). Every statement is
 * parameterised: names are stored verbatim, whatever quotes or semicolons they hold. Registration is idempotent:
 * registering the same key again updates the descriptive columns and returns the same key.
 */
public final class Catalog {
    private final DataSource dataSource;

    private Catalog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A catalogue over {@code dataSource}, whose schema is migrated. */
    public static Catalog of(DataSource dataSource) {
        return new Catalog(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** Registers a team by name and returns its key. */
    public long team(String name) throws SQLException {
        requireText(name, "name");
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO teams (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name "
                             + "RETURNING team_key")) {
            ps.setString(1, name);
            return singleLong(ps);
        }
    }

    /**
     * Registers a player.
     *
     * @param id the 16-byte player id
     * @param name display name, stored verbatim
     * @param teamKey the team's key from {@link #team(String)}
     * @param squad the squad, e.g. {@code first_team} or {@code academy}
     */
    public void player(PlayerId id, String name, long teamKey, String squad) throws SQLException {
        Objects.requireNonNull(id, "id");
        requireText(name, "name");
        requireText(squad, "squad");
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO players (player_id, name, team_key, squad) VALUES (?, ?, ?, ?) "
                             + "ON CONFLICT (player_id) DO UPDATE SET name = EXCLUDED.name, "
                             + "team_key = EXCLUDED.team_key, squad = EXCLUDED.squad")) {
            ps.setObject(1, id.value());
            ps.setString(2, name);
            ps.setLong(3, teamKey);
            ps.setString(4, squad);
            ps.executeUpdate();
        }
    }

    /**
     * Registers a match and its periods; the partition day is the UTC date of the first period's start.
     *
     * @param id the caller's match id, stored verbatim
     * @param name display name, stored verbatim
     * @param periodStartMicros start of each period, epoch microseconds, increasing
     * @param periodEndMicros end of each period, epoch microseconds, each after its start
     * @return the match as the sink needs it; it spans the first start to the last end
     */
    public MatchRecord match(MatchId id, String name, long[] periodStartMicros, long[] periodEndMicros)
            throws SQLException {
        Objects.requireNonNull(id, "id");
        requireText(name, "name");
        if (periodStartMicros.length == 0 || periodStartMicros.length != periodEndMicros.length) {
            throw new IllegalArgumentException("periodStartMicros and periodEndMicros must be non-empty and of "
                    + "equal length, were " + periodStartMicros.length + " and " + periodEndMicros.length);
        }
        long start = periodStartMicros[0];
        long end = periodEndMicros[periodEndMicros.length - 1];
        LocalDate day = LocalDate.ofInstant(toInstant(start), ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long key;
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO matches (match_id, name, match_date, starts_at, ends_at) VALUES (?, ?, ?, ?, ?) "
                                + "ON CONFLICT (match_id) DO UPDATE SET name = EXCLUDED.name, "
                                + "match_date = EXCLUDED.match_date, starts_at = EXCLUDED.starts_at, "
                                + "ends_at = EXCLUDED.ends_at RETURNING match_key")) {
                    ps.setString(1, id.value());
                    ps.setString(2, name);
                    ps.setObject(3, day);
                    ps.setObject(4, timestamptz(start));
                    ps.setObject(5, timestamptz(end));
                    key = singleLong(ps);
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO match_periods (match_key, period, starts_at, ends_at) VALUES (?, ?, ?, ?) "
                                + "ON CONFLICT (match_key, period) DO UPDATE SET starts_at = EXCLUDED.starts_at, "
                                + "ends_at = EXCLUDED.ends_at")) {
                    for (int p = 0; p < periodStartMicros.length; p++) {
                        ps.setLong(1, key);
                        ps.setShort(2, (short) (p + 1));
                        ps.setObject(3, timestamptz(periodStartMicros[p]));
                        ps.setObject(4, timestamptz(periodEndMicros[p]));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
                return new MatchRecord(key, id, day, start, end);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * The registered match with this id, as the sink and queries need it, or empty when there is none.
     *
     * @param id the caller's match id, compared verbatim
     */
    public Optional<MatchRecord> findMatch(MatchId id) throws SQLException {
        Objects.requireNonNull(id, "id");
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT match_key, match_date, (extract(epoch FROM starts_at) * 1000000)::bigint, "
                             + "(extract(epoch FROM ends_at) * 1000000)::bigint FROM matches WHERE match_id = ?")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new MatchRecord(rs.getLong(1), id, rs.getObject(2, LocalDate.class), rs.getLong(3),
                        rs.getLong(4)));
            }
        }
    }

    /** Display names of every registered player (as the caller's role may see them), by id. */
    public Map<PlayerId, String> playerNames() throws SQLException {
        Map<PlayerId, String> names = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT player_id, name FROM players ORDER BY player_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.put(PlayerId.of(rs.getObject(1, UUID.class)), rs.getString(2));
            }
        }
        return Collections.unmodifiableMap(names);
    }

    /** Registers a device. */
    public void device(String deviceId, String kind) throws SQLException {
        requireText(deviceId, "deviceId");
        requireText(kind, "kind");
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO devices (device_id, kind) VALUES (?, ?) "
                             + "ON CONFLICT (device_id) DO UPDATE SET kind = EXCLUDED.kind")) {
            ps.setString(1, deviceId);
            ps.setString(2, kind);
            ps.executeUpdate();
        }
    }

    /** Registers that {@code player} wore {@code deviceId} in the match and returns the session key. */
    public long session(MatchRecord match, PlayerId player, String deviceId) throws SQLException {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(player, "player");
        requireText(deviceId, "deviceId");
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO sessions (match_key, player_id, device_id) VALUES (?, ?, ?) "
                             + "ON CONFLICT (match_key, player_id) DO UPDATE SET device_id = EXCLUDED.device_id "
                             + "RETURNING session_key")) {
            ps.setLong(1, match.matchKey());
            ps.setObject(2, player.value());
            ps.setString(3, deviceId);
            return singleLong(ps);
        }
    }

    static Instant toInstant(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L),
                Math.floorMod(epochMicros, 1_000_000L) * 1_000L);
    }

    /** The JDBC value of a {@code timestamptz} parameter, independent of the JVM's time zone. */
    static OffsetDateTime timestamptz(long epochMicros) {
        return OffsetDateTime.ofInstant(toInstant(epochMicros), ZoneOffset.UTC);
    }

    private static long singleLong(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("statement returned no row");
            }
            return rs.getLong(1);
        }
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
    }
}
