package dev.touchline.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.MatchId;
import dev.touchline.sensor.PlayerId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rejected rows go to quarantine with their reason; hostile names are stored verbatim. No randomness. */
class QuarantineAndNamesTest {
    private static final long KICKOFF = 1_786_802_400_000_000L; // 2026-08-15T14:00:00Z
    private static final long END = KICKOFF + 2_700_000_000L;
    private static final String HOSTILE_TEAM = "Robert'); DROP TABLE teams; --";
    private static final String HOSTILE_PLAYER = "O'Brien \"The Wall\"; DELETE FROM players WHERE '1'='1";
    private static final String HOSTILE_MATCH = "m'1\"; TRUNCATE gnss_fix; --\\";
    private static final String HOSTILE_DEVICE = "dev$$; SELECT pg_sleep(10); $$";
    private static HikariDataSource db;
    private static MatchRecord match;

    @BeforeAll
    static void setUp() throws SQLException {
        db = EmbeddedDatabase.freshDatabase();
        TouchlineSchema.migrate(db);
        match = Catalog.of(db).match(MatchId.of(HOSTILE_MATCH), HOSTILE_MATCH + " (name)",
                new long[] {KICKOFF}, new long[] {END});
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void badPositionsAreQuarantinedWithReasonsAndTheRestLoaded() throws SQLException {
        int[] frame = {0, 0, 1, 1, 2, 2};
        long[] time = {KICKOFF - 40_000, KICKOFF, KICKOFF + 40_000, KICKOFF + 40_000, KICKOFF + 80_000,
                       KICKOFF + 80_000};
        int[] object = {0, 1, 0, 1, 0, 1};
        float[] x = {1, 2, Float.NaN, 4, 3, 80};
        float[] y = {1, 2, 3, 4, 55, -10};
        UUID batch = UUID.nameUUIDFromBytes(new byte[] {1});
        LoadResult r = PostgresSink.builder(db).build().writePositions(batch, match, frame, time, object, x, y, 6);
        assertEquals(2, r.rowsLoaded());
        assertEquals(4, r.rowsQuarantined());
        assertEquals(List.of("0 time_outside_match " + (KICKOFF - 40_000), "2 nan_value NaN", "4 coordinate_out_of_range 3.0",
                "5 coordinate_out_of_range 80.0"), quarantine(batch, "time_micros", "x_m"));
        assertEquals(2, single("SELECT count(*) FROM optical_position WHERE match_key = ? AND object_id < 2",
                match.matchKey()));
    }

    @Test
    void badGnssFixesAreQuarantinedWithReasonsAndTheRestLoaded() throws SQLException {
        PlayerId player = PlayerId.nameBased(HOSTILE_PLAYER);
        GpsTrack track = GpsTrack.builder()
                .add(KICKOFF - 1, 51.5, -0.28, 3f)
                .add(KICKOFF + 100_000, 51.5, -0.28, Float.NaN)
                .add(KICKOFF + 200_000, 51.5, -0.28, 60f)
                .add(KICKOFF + 300_000, 51.5, -0.28, 4f)
                .add(END + 1, 51.5, -0.28, 4f)
                .build();
        UUID batch = UUID.nameUUIDFromBytes(new byte[] {2});
        LoadResult r = PostgresSink.builder(db).build().writeGnss(batch, match, player, track);
        assertEquals(2, r.rowsLoaded(), "unknown (NaN) speed is allowed");
        assertEquals(3, r.rowsQuarantined());
        assertEquals(List.of("0 time_outside_match 3.0", "2 coordinate_out_of_range 60.0",
                "4 time_outside_match 4.0"), quarantine(batch, "speed_mps", "speed_mps"));
        assertEquals(2, single("SELECT count(*) FROM gnss_fix WHERE match_key = ?", match.matchKey()));
        UUID raw = UUID.nameUUIDFromBytes(new byte[] {3});
        LoadResult nan = PostgresSink.builder(db).build().writeGnss(raw, match, player,
                new long[] {KICKOFF + 500_000, KICKOFF + 400_000, KICKOFF + 600_000},
                new double[] {Double.NaN, 51.5, 91.0}, new double[] {-0.28, -0.28, -0.28}, new float[] {1, 1, 1}, 3);
        assertEquals(1, nan.rowsLoaded());
        assertEquals(List.of("0 nan_value 1.0", "2 coordinate_out_of_range 1.0"),
                quarantine(raw, "speed_mps", "speed_mps"));
        assertEquals(1, single("SELECT count(*) FROM gnss_fix WHERE match_key = ? AND speed_mps = 'NaN'",
                match.matchKey()));
    }

    @Test
    void unsortedBatchesAreWrittenInTimeOrder() throws SQLException {
        int n = 500;
        int[] frame = new int[n];
        long[] time = new long[n];
        int[] object = new int[n];
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int f = (i * 7919) % n; // a fixed permutation of 0..n-1
            frame[i] = f;
            time[i] = KICKOFF + f * 40_000L;
            object[i] = 99;
        }
        LoadResult r = PostgresSink.builder(db).build().writePositions(UUID.nameUUIDFromBytes(new byte[] {4}), match,
                frame, time, object, x, y, n);
        assertEquals(n, r.rowsLoaded());
        List<String> stored = strings("SELECT frame::text FROM optical_position_20260815 WHERE object_id = ? "
                + "ORDER BY ctid", 99);
        assertEquals(n, stored.size());
        for (int i = 0; i < n; i++) {
            assertEquals(Integer.toString(i), stored.get(i), "physical row " + i);
        }
    }

    @Test
    void hostileNamesAreStoredVerbatim() throws SQLException {
        Catalog catalog = Catalog.of(db);
        long team = catalog.team(HOSTILE_TEAM);
        PlayerId player = PlayerId.nameBased(HOSTILE_PLAYER);
        catalog.player(player, HOSTILE_PLAYER, team, "academy'; --");
        catalog.device(HOSTILE_DEVICE, "gnss'");
        long session = catalog.session(match, player, HOSTILE_DEVICE);
        assertEquals(team, catalog.team(HOSTILE_TEAM), "registering again returns the same key");
        assertEquals(session, catalog.session(match, player, HOSTILE_DEVICE));
        assertEquals(List.of(HOSTILE_TEAM + "|" + HOSTILE_PLAYER + "|academy'; --|" + HOSTILE_MATCH + "|"
                        + HOSTILE_DEVICE + "|gnss'"),
                strings("SELECT t.name || '|' || p.name || '|' || p.squad || '|' || m.match_id || '|' || d.device_id "
                        + "|| '|' || d.kind FROM sessions s JOIN players p USING (player_id) JOIN teams t USING "
                        + "(team_key) JOIN matches m USING (match_key) JOIN devices d USING (device_id) "
                        + "WHERE s.session_key = ?", session));
        assertEquals(1, single("SELECT count(*) FROM matches WHERE match_id = ?", HOSTILE_MATCH));
        assertEquals(match, catalog.findMatch(MatchId.of(HOSTILE_MATCH)).orElseThrow(), "found by its verbatim id");
        assertTrue(catalog.findMatch(MatchId.of(HOSTILE_MATCH + " ")).isEmpty());
        assertEquals(HOSTILE_PLAYER, catalog.playerNames().get(player));
        assertTrue(single("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", "teams") == 1);
    }

    private static List<String> quarantine(UUID batch, String timeKey, String valueKey) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT row_index, reason, row_data ->> ?, row_data ->> ? "
                     + "FROM quarantine WHERE batch_id = ? ORDER BY row_index")) {
            ps.setString(1, valueKey);
            ps.setString(2, timeKey);
            ps.setObject(3, batch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String value = rs.getInt(1) + " " + rs.getString(2) + " ";
                    out.add(rs.getString(2).equals("time_outside_match") && !timeKey.equals(valueKey)
                            ? value + rs.getString(4) : value + rs.getString(3));
                }
            }
        }
        return out;
    }

    private static long single(String sql, Object parameter) throws SQLException {
        List<String> s = strings(sql, parameter);
        return Long.parseLong(s.get(0));
    }

    private static List<String> strings(String sql, Object parameter) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
