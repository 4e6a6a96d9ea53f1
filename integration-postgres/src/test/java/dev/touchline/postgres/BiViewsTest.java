package dev.touchline.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariDataSource;
import dev.touchline.sensor.MatchId;
import dev.touchline.sensor.PlayerId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-player-and-minute BI views: exact values on hand-made samples, and which department sees which view
 * (the views run with the caller's rights, so row-level security and grants of the raw tables still apply).
 * One first-team and one academy player; no randomness.
 */
class BiViewsTest {
    private static final long K = 1_786_802_400_000_000L; // 2026-08-15T14:00:00Z, a whole minute
    private static final long S = 1_000_000L;
    private static final double LAT = 51.5;
    private static final double STEP_DEG = 1e-5;
    private static final float[] SPEEDS = {1, 3, 5, 6, 8, 8, 1, 8, 3, 3};
    private static final float[] BPM = {110, 130, 150, 170, 190, 110, 130, 150, 170, 190};
    private static final String DENIED = "42501";
    private static HikariDataSource db;
    private static final PlayerId FIRST = PlayerId.nameBased("bi first team");
    private static final PlayerId ACADEMY = PlayerId.nameBased("bi academy");

    @BeforeAll
    static void setUp() throws SQLException {
        db = EmbeddedDatabase.freshDatabase();
        TouchlineSchema.migrate(db);
        Catalog catalog = Catalog.of(db);
        long team = catalog.team("Club");
        catalog.player(FIRST, "First", team, "first_team");
        catalog.player(ACADEMY, "Young", team, "academy");
        MatchRecord match = catalog.match(MatchId.of("bi"), "BI", new long[] {K}, new long[] {K + 600 * S});
        PostgresSink sink = PostgresSink.builder(db).build();
        for (PlayerId p : new PlayerId[] {FIRST, ACADEMY}) {
            int n = p.equals(FIRST) ? 10 : 5;
            long[] t = new long[n];
            double[] lat = new double[n];
            double[] lon = new double[n];
            float[] pl = new float[n];
            float[] imp = new float[n];
            for (int i = 0; i < n; i++) {
                t[i] = K + i * S;
                lat[i] = LAT + i * STEP_DEG;
                lon[i] = -0.28;
                pl[i] = 0.5f;
                imp[i] = 100;
            }
            sink.writeGnss(PostgresSink.batchIdOf("gnss_fix", match, p, t, n), match, p, t, lat, lon, SPEEDS, n);
            sink.writeLoadPerSecond(match, p, t, pl, imp, n);
            sink.writeHeartRate(match, p, t, BPM, n);
            sink.writeEvents(match, p, "touch", t, 2);
            GnssArchive.of(db).store(match, p, dev.touchline.sensor.GpsTrack.of(t, lat, lon, SPEEDS, n),
                    dev.touchline.codec.gps.GpsCodec.defaults());
        }
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void movementLoadAndHeartRateZonesPerMinute() throws SQLException {
        double d = SampleQueries.EARTH_RADIUS_METRES * Math.toRadians(STEP_DEG);
        String sql = "SELECT distance_m, zone1_m, zone2_m, zone3_m, zone4_m, zone5_m, sprints, player_load, "
                + "impulse_ns, hr_zone1_s, hr_zone2_s, hr_zone3_s, hr_zone4_s, hr_zone5_s, minute = "
                + "'2026-08-15T14:00:00Z'::timestamptz FROM bi_player_minute WHERE player_id = '" + FIRST + "'";
        double[] row = row(Department.PERFORMANCE, sql);
        double[] expected = {9 * d, d, 3 * d, d, d, 3 * d, 2, 5.0, 1000, 1, 2, 2, 2, 2, 1};
        assertEquals(expected.length, row.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], row[i], 1e-9 * (1 + expected[i]), "column " + (i + 1));
        }
    }

    @Test
    void medicalAndPerformanceSeeEveryView() throws SQLException {
        for (Department dep : new Department[] {Department.MEDICAL, Department.PERFORMANCE}) {
            assertEquals(2, count(dep, "SELECT count(*) FROM bi_player_minute"), dep.name());
            assertEquals(2, count(dep, "SELECT count(*) FROM bi_player_minute_movement"), dep.name());
            assertEquals(2, count(dep, "SELECT count(*) FROM bi_player_minute_load"), dep.name());
            assertEquals(2, count(dep, "SELECT count(*) FROM bi_player_minute_heart_rate"), dep.name());
            assertEquals(2, count(dep, "SELECT count(*) FROM gnss_block"), dep.name());
            assertEquals(4, count(dep, "SELECT count(*) FROM touch_event"), dep.name());
        }
    }

    @Test
    void academySeesOnlyItsPlayerThroughEveryView() throws SQLException {
        String only = " WHERE player_id = '" + ACADEMY + "'";
        for (String view : new String[] {"bi_player_minute", "bi_player_minute_movement", "bi_player_minute_load",
                                         "bi_player_minute_heart_rate"}) {
            assertEquals(1, count(Department.ACADEMY, "SELECT count(*) FROM " + view), view);
            assertEquals(1, count(Department.ACADEMY, "SELECT count(*) FROM " + view + only), view);
        }
        assertEquals(1, count(Department.ACADEMY, "SELECT count(*) FROM gnss_block" + only));
        assertEquals(1, count(Department.ACADEMY, "SELECT count(*) FROM gnss_block"), "compressed GNSS too");
        assertEquals(2, count(Department.ACADEMY, "SELECT count(*) FROM touch_event"));
        assertEquals(1, count(Department.ACADEMY, "SELECT sum(sprints) FROM bi_player_minute_movement"),
                "the academy player's 5 fixes hold one sprint start (fix 4)");
    }

    @Test
    void scoutingSeesMovementButNeverHeartRateOrLoad() throws SQLException {
        assertEquals(2, count(Department.SCOUTING, "SELECT count(*) FROM bi_player_minute_movement"));
        assertEquals(2, count(Department.SCOUTING, "SELECT count(*) FROM gnss_block"));
        assertEquals(4, count(Department.SCOUTING, "SELECT count(*) FROM touch_event"));
        for (String view : new String[] {"bi_player_minute", "bi_player_minute_load", "bi_player_minute_heart_rate",
                                         "load_per_second", "heart_rate"}) {
            SQLException e = assertThrows(SQLException.class,
                    () -> count(Department.SCOUTING, "SELECT count(*) FROM " + view), view);
            assertEquals(DENIED, e.getSQLState(), view + ": " + e.getMessage());
        }
    }

    private static long count(Department d, String sql) throws SQLException {
        return (long) row(d, sql)[0];
    }

    /** Runs a query as the department inside a transaction that is rolled back; numbers of the first row. */
    private static double[] row(Department d, String sql) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL ROLE " + d.roleName());
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    int n = rs.getMetaData().getColumnCount();
                    double[] out = new double[n];
                    for (int i = 0; i < n; i++) {
                        Object v = rs.getObject(i + 1);
                        out[i] = v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).doubleValue();
                    }
                    return out;
                }
            } finally {
                c.rollback();
            }
        }
    }
}
