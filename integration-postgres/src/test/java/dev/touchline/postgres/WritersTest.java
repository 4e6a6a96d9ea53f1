package dev.touchline.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
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

/**
 * The heart-rate, load-per-second, fatigue and event writers: exact row counts, quarantine reasons, reloads that
 * write nothing, stored values read back. Fixed values, no randomness.
 */
class WritersTest {
    private static final long KICKOFF = 1_786_802_400_000_000L; // 2026-08-15T14:00:00Z
    private static final long END = KICKOFF + 600_000_000L;
    private static HikariDataSource db;
    private static MatchRecord match;
    private static PostgresSink sink;
    private static final PlayerId ALICE = PlayerId.nameBased("writers alice");
    private static final PlayerId BOB = PlayerId.nameBased("writers bob");

    @BeforeAll
    static void setUp() throws SQLException {
        db = EmbeddedDatabase.freshDatabase();
        TouchlineSchema.migrate(db);
        match = Catalog.of(db).match(MatchId.of("writers"), "Writers", new long[] {KICKOFF}, new long[] {END});
        sink = PostgresSink.builder(db).build();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void heartRateRowsAreLoadedAndBadOnesQuarantined() throws SQLException {
        long[] t = {KICKOFF + 1_000_000, KICKOFF + 2_000_000, KICKOFF + 1_500_000, KICKOFF + 3_000_000,
                    KICKOFF - 1, KICKOFF + 4_000_000, KICKOFF + 5_000_000};
        float[] bpm = {150, 151.5f, Float.NaN, 300, 140, 19, 180};
        LoadResult r = sink.writeHeartRate(match, ALICE, t, bpm, t.length);
        assertEquals(3, r.rowsLoaded());
        assertEquals(4, r.rowsQuarantined());
        assertEquals(List.of("2 nan_value", "3 value_out_of_range", "4 time_outside_match", "5 value_out_of_range"),
                reasons(r.batchId()));
        assertEquals(List.of("150", "151.5", "180"), strings("SELECT bpm::text FROM heart_rate WHERE player_id = ? "
                + "ORDER BY event_time", ALICE.value()));
        LoadResult again = sink.writeHeartRate(match, ALICE, t, bpm, t.length);
        assertTrue(again.alreadyLoaded());
        assertEquals(r.batchId(), again.batchId());
        assertEquals(3, count("SELECT count(*) FROM heart_rate WHERE player_id = ?", ALICE.value()));
    }

    @Test
    void heartRateFromBeatsIsSixtyOverTheInterval() throws SQLException {
        PlayerId p = PlayerId.nameBased("writers beats");
        long[] beats = {KICKOFF + 10_000_000, KICKOFF + 10_500_000, KICKOFF + 11_000_000, KICKOFF + 11_400_000,
                        KICKOFF + 11_410_000};
        LoadResult r = sink.writeHeartRateFromBeats(match, p, beats, beats.length);
        assertEquals(3, r.rowsLoaded(), "4 intervals, the last (10 ms, 6000 bpm) quarantined");
        assertEquals(1, r.rowsQuarantined());
        assertEquals(List.of("120", "120", "150"), strings("SELECT bpm::text FROM heart_rate WHERE player_id = ? "
                + "ORDER BY event_time", p.value()));
        assertEquals(List.of("3 value_out_of_range"), reasons(r.batchId()));
    }

    @Test
    void loadPerSecondRowsAreLoadedAndBadOnesQuarantined() throws SQLException {
        int n = 10;
        long[] t = new long[n];
        float[] pl = new float[n];
        float[] imp = new float[n];
        for (int i = 0; i < n; i++) {
            t[i] = KICKOFF + i * 1_000_000L;
            pl[i] = 0.25f * i;
            imp[i] = 1000f + i;
        }
        pl[3] = Float.NaN;
        imp[5] = -1;
        pl[7] = 101;
        imp[8] = 20_001;
        t[9] = END + 1;
        UUID batch = UUID.nameUUIDFromBytes("load alice".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        LoadResult r = sink.writeLoadPerSecond(batch, match, ALICE, t, pl, imp, n);
        assertEquals(5, r.rowsLoaded());
        assertEquals(5, r.rowsQuarantined());
        assertEquals(List.of("3 nan_value", "5 value_out_of_range", "7 value_out_of_range", "8 value_out_of_range",
                "9 time_outside_match"), reasons(batch));
        assertEquals(List.of("0|1000", "0.25|1001", "0.5|1002", "1|1004", "1.5|1006"),
                strings("SELECT player_load::text || '|' || impulse_ns::text FROM load_per_second "
                        + "WHERE player_id = ? ORDER BY event_time", ALICE.value()));
        assertTrue(sink.writeLoadPerSecond(batch, match, ALICE, t, pl, imp, n).alreadyLoaded());
        assertEquals(5, count("SELECT count(*) FROM load_per_second WHERE player_id = ?", ALICE.value()));
    }

    @Test
    void fatigueIndexMustLieBetweenZeroAndOne() throws SQLException {
        long[] t = {KICKOFF, KICKOFF + 1_000_000, KICKOFF + 2_000_000, KICKOFF + 3_000_000};
        float[] f = {0, 0.5f, 1.01f, 1};
        LoadResult r = sink.writeFatigueIndex(match, BOB, t, f, 4);
        assertEquals(3, r.rowsLoaded());
        assertEquals(List.of("2 value_out_of_range"), reasons(r.batchId()));
        assertEquals(3, count("SELECT count(*) FROM fatigue_index_per_second WHERE player_id = ?", BOB.value()));
    }

    @Test
    void eventsKeepTheirKindsVerbatim() throws SQLException {
        String hostile = "pass'); DROP TABLE touch_event; --";
        PlayerId[] players = {ALICE, BOB};
        int[] who = {1, 0, 1, 0};
        long[] t = {KICKOFF + 3_000_000, KICKOFF + 1_000_000, KICKOFF + 2_000_000, END + 5};
        String[] kinds = {"touch", hostile};
        int[] kind = {0, 1, 0, 0};
        UUID batch = UUID.nameUUIDFromBytes("events".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        LoadResult r = sink.writeEvents(batch, match, players, who, t, kinds, kind, 4);
        assertEquals(3, r.rowsLoaded());
        assertEquals(List.of("3 time_outside_match"), reasons(batch));
        List<String> stored = strings("SELECT kind FROM touch_event WHERE match_key = ? ORDER BY event_time",
                match.matchKey());
        assertEquals(List.of(hostile, "touch", "touch"), stored);
        LoadResult single = sink.writeEvents(match, ALICE, "shot", new long[] {KICKOFF + 9_000_000}, 1);
        assertEquals(1, single.rowsLoaded());
        assertFalse(single.alreadyLoaded());
        assertEquals(4, count("SELECT count(*) FROM touch_event WHERE match_key = ?", match.matchKey()));
        assertThrows(IllegalArgumentException.class, () -> sink.writeEvents(batch, match, players,
                new int[] {2}, new long[] {KICKOFF}, kinds, new int[] {0}, 1));
        assertThrows(IllegalArgumentException.class, () -> sink.writeEvents(batch, match, players,
                new int[] {0}, new long[] {KICKOFF}, new String[] {""}, new int[] {0}, 1));
    }

    private static List<String> reasons(UUID batch) throws SQLException {
        return strings("SELECT row_index || ' ' || reason FROM quarantine WHERE batch_id = ? ORDER BY row_index",
                batch);
    }

    private static long count(String sql, Object parameter) throws SQLException {
        return Long.parseLong(strings(sql, parameter).get(0));
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
