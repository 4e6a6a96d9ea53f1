package dev.touchline.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariDataSource;
import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.MatchId;
import dev.touchline.sensor.PlayerId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each department sees exactly its rows and columns and gets a permission error (SQLSTATE 42501) otherwise.
 * Two first-team players and one academy player, 10 GNSS fixes and 4 heart-rate samples each. No randomness.
 */
class DepartmentRolesTest {
    private static final long KICKOFF = 1_786_802_400_000_000L;
    private static final String DENIED = "42501";
    private static HikariDataSource db;
    private static PlayerId academy;

    @BeforeAll
    static void setUp() throws SQLException {
        db = EmbeddedDatabase.freshDatabase();
        TouchlineSchema.migrate(db);
        Catalog catalog = Catalog.of(db);
        long team = catalog.team("Club");
        MatchRecord match = catalog.match(MatchId.of("roles"), "Roles", new long[] {KICKOFF},
                new long[] {KICKOFF + 600_000_000L});
        PostgresSink sink = PostgresSink.builder(db).build();
        String[] squads = {"first_team", "first_team", "academy"};
        for (int p = 0; p < squads.length; p++) {
            PlayerId id = PlayerId.nameBased("player " + p);
            catalog.player(id, "Player " + p, team, squads[p]);
            if (squads[p].equals("academy")) {
                academy = id;
            }
            GpsTrack.Builder track = GpsTrack.builder();
            for (int i = 0; i < 10; i++) {
                track.add(KICKOFF + i * 100_000L, 51.5, -0.28, 2f);
            }
            sink.writeGnss(UUID.nameUUIDFromBytes(("roles " + p).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    match, id, track.build());
            try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO heart_rate (match_date, match_key, player_id, event_time, bpm) "
                            + "SELECT ?, ?, ?, ? + make_interval(secs => g), 150 FROM generate_series(1, 4) g")) {
                ps.setObject(1, match.matchDate());
                ps.setLong(2, match.matchKey());
                ps.setObject(3, id.value());
                ps.setObject(4, Catalog.timestamptz(KICKOFF));
                ps.executeUpdate();
            }
        }
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void medicalAndPerformanceSeeEverything() throws SQLException {
        for (Department d : new Department[] {Department.MEDICAL, Department.PERFORMANCE}) {
            assertEquals(30, count(d, "SELECT count(*) FROM gnss_fix"), d.name());
            assertEquals(12, count(d, "SELECT count(*) FROM heart_rate"), d.name());
            assertEquals(3, count(d, "SELECT count(squad) FROM players"), d.name());
            assertEquals(0, count(d, "SELECT count(*) FROM optical_position"), d.name());
        }
    }

    @Test
    void academySeesOnlyAcademyPlayers() throws SQLException {
        assertEquals(1, count(Department.ACADEMY, "SELECT count(*) FROM players"));
        assertEquals(10, count(Department.ACADEMY, "SELECT count(*) FROM gnss_fix"));
        assertEquals(4, count(Department.ACADEMY, "SELECT count(*) FROM heart_rate"));
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement();
                 PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM gnss_fix WHERE player_id <> ?")) {
                s.execute("SET LOCAL ROLE " + Department.ACADEMY.roleName());
                ps.setObject(1, academy.value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(0, rs.getLong(1), "no first-team rows");
                }
            } finally {
                c.rollback();
            }
        }
        assertDenied(Department.ACADEMY, "SELECT count(*) FROM optical_position");
        assertDenied(Department.ACADEMY, "SELECT count(*) FROM gnss_fix_20260815");
    }

    @Test
    void scoutingNeverSeesHeartRateOrSquad() throws SQLException {
        assertEquals(30, count(Department.SCOUTING, "SELECT count(*) FROM gnss_fix"));
        assertEquals(3, count(Department.SCOUTING, "SELECT count(name) FROM players"));
        assertDenied(Department.SCOUTING, "SELECT count(*) FROM heart_rate");
        assertDenied(Department.SCOUTING, "SELECT count(*) FROM fatigue_index_per_second");
        assertDenied(Department.SCOUTING, "SELECT count(squad) FROM players");
        assertDenied(Department.SCOUTING, "SELECT count(*) FROM heart_rate_20260815");
    }

    @Test
    void noDepartmentMayWrite() {
        for (Department d : Department.values()) {
            assertDenied(d, "DELETE FROM gnss_fix");
        }
    }

    private static void assertDenied(Department d, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> count(d, sql), d + ": " + sql);
        assertEquals(DENIED, e.getSQLState(), d + ": " + sql + ": " + e.getMessage());
    }

    /** Runs a query as the department inside a transaction that is rolled back. */
    private static long count(Department d, String sql) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL ROLE " + d.roleName());
                if (sql.startsWith("DELETE")) {
                    return s.executeUpdate(sql);
                }
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    return rs.getLong(1);
                }
            } finally {
                c.rollback();
            }
        }
    }
}
