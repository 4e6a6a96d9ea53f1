package dev.touchline.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariDataSource;
import dev.touchline.sensor.MatchId;
import dev.touchline.sensor.PlayerId;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Players over a cumulative PlayerLoad or impulse limit before half-time, on hand-made per-second load: three
 * players, two 61-second periods. No randomness.
 */
class OverLimitQueryTest {
    private static final long K = 1_786_802_400_000_000L; // 2026-08-15T14:00:00Z
    private static final long S = 1_000_000L;
    private static final PlayerId A = PlayerId.nameBased("over a");
    private static final PlayerId B = PlayerId.nameBased("over b");
    private static final PlayerId C = PlayerId.nameBased("over c");
    private static HikariDataSource db;
    private static MatchRecord match;

    @BeforeAll
    static void setUp() throws SQLException {
        db = EmbeddedDatabase.freshDatabase();
        TouchlineSchema.migrate(db);
        match = Catalog.of(db).match(MatchId.of("over"), "Over", new long[] {K, K + 120 * S},
                new long[] {K + 60 * S, K + 180 * S});
        PostgresSink sink = PostgresSink.builder(db).build();
        // per second in period 1: A 1.0 AU and 500 N·s, B 0.4 AU and 100 N·s, C 0.125 AU and 400 N·s
        write(sink, A, 1.0f, 500f, 1.0f, 500f);
        // B is far over in the second half, which must not count
        write(sink, B, 0.4f, 100f, 50f, 10_000f);
        write(sink, C, 0.125f, 400f, 0f, 0f);
    }

    private static void write(PostgresSink sink, PlayerId p, float pl1, float imp1, float pl2, float imp2)
            throws SQLException {
        int n = 122;
        long[] t = new long[n];
        float[] pl = new float[n];
        float[] imp = new float[n];
        for (int i = 0; i < 61; i++) {
            t[i] = K + i * S;
            pl[i] = pl1;
            imp[i] = imp1;
            t[61 + i] = K + (120 + i) * S;
            pl[61 + i] = pl2;
            imp[61 + i] = imp2;
        }
        sink.writeLoadPerSecond(match, p, t, pl, imp, n);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void listsThePlayersOverEitherLimitWithTheSecondTheyPassedIt() throws SQLException {
        List<OverLimit> over = SampleQueries.of(db).overLimitBeforeHalfTime(match, 30, 18_000);
        // PostgreSQL orders uuid by unsigned bytes, as their hex text sorts (Java's UUID.compareTo is signed)
        List<PlayerId> expectedOrder = A.toString().compareTo(C.toString()) < 0 ? List.of(A, C) : List.of(C, A);
        assertEquals(expectedOrder, over.stream().map(OverLimit::player).toList());
        OverLimit a = over.get(expectedOrder.indexOf(A));
        assertEquals(61.0, a.playerLoad(), 1e-9);
        assertEquals(30_500.0, a.impulseNewtonSeconds(), 1e-9);
        assertEquals(K + 30 * S, a.playerLoadExceededAtMicros(), "31 seconds of 1.0 exceed 30");
        assertEquals(K + 36 * S, a.impulseExceededAtMicros(), "37 seconds of 500 exceed 18 000");
        OverLimit c = over.get(expectedOrder.indexOf(C));
        assertEquals(61 * 0.125, c.playerLoad(), 1e-9);
        assertFalse(c.playerLoadExceeded());
        assertEquals(OverLimit.NOT_EXCEEDED, c.playerLoadExceededAtMicros());
        assertEquals(K + 45 * S, c.impulseExceededAtMicros(), "46 seconds of 400 exceed 18 000");
    }

    @Test
    void aLimitCanBeIgnoredWithInfinity() throws SQLException {
        List<OverLimit> over = SampleQueries.of(db).overLimitBeforeHalfTime(match, 30, Double.POSITIVE_INFINITY);
        assertEquals(List.of(A), over.stream().map(OverLimit::player).toList());
        assertEquals(3, SampleQueries.of(db).overLimitBeforeHalfTime(match, 0, Double.POSITIVE_INFINITY).size());
        assertThrows(IllegalArgumentException.class,
                () -> SampleQueries.of(db).overLimitBeforeHalfTime(match, Double.NaN, 1));
    }
}
