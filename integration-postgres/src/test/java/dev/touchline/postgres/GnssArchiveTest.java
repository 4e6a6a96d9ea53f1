package dev.touchline.postgres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.touchline.codec.gps.CorruptGpsDataException;
import dev.touchline.codec.gps.GpsCodec;
import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.PlayerId;
import dev.touchline.sensor.simulation.MatchSimulation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compressed GNSS containers stored per player and restored for any time range, exactly at the codec's
 * quantisation. Simulated 2-minute match, seed 8; ranges drawn with seed 8.
 */
class GnssArchiveTest {
    private static final long SEED = 8L;
    private static final GpsCodec CODEC = GpsCodec.builder().keyFrameInterval(Duration.ofSeconds(10)).build();
    private static HikariDataSource db;
    private static MatchRecord match;
    private static PlayerId whole;
    private static PlayerId split;
    private static GpsTrack wholeTrack;
    private static GpsTrack splitTrack;

    @BeforeAll
    static void setUp() throws SQLException {
        db = EmbeddedDatabase.freshDatabase();
        TouchlineSchema.migrate(db);
        SimulatedMatch sim = new SimulatedMatch(SEED, Duration.ofMinutes(2));
        match = sim.register(db, "archive");
        GpsTrack[] tracks = new GpsTrack[sim.simulator.roster().size()];
        java.util.Arrays.fill(tracks, GpsTrack.empty());
        try (MatchSimulation run = sim.simulator.start()) {
            while (run.hasNext()) {
                var chunk = run.next();
                for (int o = 0; o < tracks.length; o++) {
                    tracks[o] = tracks[o].concat(chunk.gnss().get(o));
                }
            }
        }
        int first = -1;
        int second = -1;
        for (int o = 0; o < tracks.length && second < 0; o++) {
            if (!tracks[o].isEmpty()) {
                if (first < 0) {
                    first = o;
                } else {
                    second = o;
                }
            }
        }
        whole = sim.simulator.roster().get(first).id();
        split = sim.simulator.roster().get(second).id();
        wholeTrack = tracks[first];
        splitTrack = tracks[second];
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void anyTimeRangeRestoresExactlyAtTheQuantisation() throws Exception {
        GnssArchive archive = GnssArchive.of(db);
        StoredGnssBlock stored = archive.store(match, whole, wholeTrack, CODEC);
        assertFalse(stored.alreadyStored());
        assertEquals(wholeTrack.length(), stored.fixes());
        assertTrue(stored.bytes() < wholeTrack.length() * 8, "compressed below 8 bytes a fix, was " + stored.bytes());
        assertTrue(archive.store(match, whole, wholeTrack, CODEC).alreadyStored(), "storing again writes nothing");
        int half = splitTrack.length() / 2;
        archive.store(match, split, splitTrack.slice(0, half), CODEC);
        archive.store(match, split, splitTrack.slice(half, splitTrack.length()), CODEC);
        assertEquals(3, count());

        GpsTrack wholeQ = CODEC.quantise(wholeTrack);
        GpsTrack splitQ = CODEC.quantise(splitTrack.slice(0, half)).concat(
                CODEC.quantise(splitTrack.slice(half, splitTrack.length())));
        assertEquals(wholeQ, archive.restore(match, whole, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2));
        assertEquals(splitQ, archive.restore(match, split, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2));
        SplittableRandom random = new SplittableRandom(SEED);
        long start = wholeTrack.timeMicros(0) - 2_000_000;
        long span = wholeTrack.timeMicros(wholeTrack.length() - 1) - start + 4_000_000;
        for (int k = 0; k < 40; k++) {
            long from = start + random.nextLong(span);
            long to = from + random.nextLong(60_000_000);
            assertEquals(expected(wholeQ, from, to), archive.restore(match, whole, from, to), "range " + k);
            assertEquals(expected(splitQ, from, to), archive.restore(match, split, from, to), "split range " + k);
        }
        long exact = wholeQ.timeMicros(100);
        GpsTrack one = archive.restore(match, whole, exact, exact);
        assertEquals(1, one.length());
        assertEquals(wholeQ.latDeg(100), one.latDeg(0));
    }

    @Test
    void corruptContainersAreRefused() {
        byte[] bytes = CODEC.encode(wholeTrack.slice(0, 50));
        byte[] bad = bytes.clone();
        bad[bad.length - 3] ^= 0x40;
        GnssArchive archive = GnssArchive.of(db);
        assertThrows(CorruptGpsDataException.class, () -> archive.store(match, whole, bad));
        assertThrows(CorruptGpsDataException.class, () -> archive.store(match, whole, new byte[] {1, 2, 3}));
        assertArrayEquals(bytes, CODEC.encode(wholeTrack.slice(0, 50)), "encoding is deterministic");
    }

    private static GpsTrack expected(GpsTrack q, long from, long to) {
        int a = 0;
        while (a < q.length() && q.timeMicros(a) < from) {
            a++;
        }
        int b = a;
        while (b < q.length() && q.timeMicros(b) <= to) {
            b++;
        }
        return q.slice(a, b);
    }

    private static long count() throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM gnss_block WHERE match_key = ?")) {
            ps.setLong(1, match.matchKey());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
