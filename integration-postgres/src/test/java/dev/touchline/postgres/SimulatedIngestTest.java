package dev.touchline.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.PlayerId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Loads a 2-minute simulated match (seed 8, GNSS + optical positions) and checks exact counts and read-back. */
class SimulatedIngestTest {
    private static final long SEED = 8L;
    private static HikariDataSource db;
    private static SimulatedMatch sim;
    private static MatchRecord match;
    private static PostgresSink sink;

    @BeforeAll
    static void load() throws SQLException {
        db = EmbeddedDatabase.freshDatabase();
        TouchlineSchema.migrate(db);
        sim = new SimulatedMatch(SEED, Duration.ofMinutes(2));
        match = sim.register(db, "sim-" + SEED);
        sink = PostgresSink.builder(db).build();
        sim.load(sink, match);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void storesExactlyTheRowsOffered() throws SQLException {
        assertTrue(sim.gnssRows > 10_000, "a 2-minute match of 22 players at 10 Hz, was " + sim.gnssRows);
        assertTrue(sim.positionRows > 50_000, "25 fps of every object, was " + sim.positionRows);
        assertEquals(sim.gnssRows, count("SELECT count(*) FROM gnss_fix WHERE match_key = ?"));
        assertEquals(sim.positionRows, count("SELECT count(*) FROM optical_position WHERE match_key = ?"));
        assertEquals(0, count("SELECT count(*) FROM quarantine q JOIN ingest_batch b USING (batch_id) "
                + "WHERE b.match_key = ?"));
        assertEquals(sim.results.size(), count("SELECT count(*) FROM ingest_batch WHERE match_key = ?"));
        for (LoadResult r : sim.results) {
            assertEquals(1, r.attempts());
            assertFalse(r.alreadyLoaded());
        }
        assertEquals(sim.gnssRows, count("SELECT count(*) FROM gnss_fix_" + match.matchDate().toString()
                .replace("-", "") + " WHERE match_key = ?"), "rows land in the match day's partition");
    }

    @Test
    void reloadingTheSameBatchesWritesNothing() throws SQLException {
        long gnss = sim.gnssRows;
        long positions = sim.positionRows;
        SimulatedMatch again = new SimulatedMatch(SEED, Duration.ofMinutes(2));
        again.load(sink, match);
        assertEquals(sim.results.size(), again.results.size());
        for (LoadResult r : again.results) {
            assertTrue(r.alreadyLoaded(), r.toString());
        }
        assertEquals(gnss, count("SELECT count(*) FROM gnss_fix WHERE match_key = ?"));
        assertEquals(positions, count("SELECT count(*) FROM optical_position WHERE match_key = ?"));
    }

    @Test
    void thirtySecondWindowReturnsTheStoredFixesExactly() throws SQLException {
        PlayerId player = sim.simulator.roster().get(sim.firstTrackObject).id();
        GpsTrack all = sim.firstTrack;
        long from = sim.config.periodStartMicros(1) + 10_000_000L;
        long to = from + 30_000_000L;
        int a = 0;
        while (all.timeMicros(a) < from) {
            a++;
        }
        int b = a;
        while (b < all.length() && all.timeMicros(b) < to) {
            b++;
        }
        GpsTrack window = SampleQueries.of(db).gnssWindow(match, player, from, Duration.ofSeconds(30));
        assertTrue(window.length() > 200, "10 Hz over 30 s, was " + window.length());
        assertEquals(all.slice(a, b), window);
    }

    @Test
    void distancePerPeriodMatchesHaversineOverTheTrack() throws SQLException {
        PlayerId player = sim.simulator.roster().get(sim.firstTrackObject).id();
        List<PeriodDistance> periods = SampleQueries.of(db).distancePerPeriod(match, player);
        assertEquals(2, periods.size());
        GpsTrack all = sim.firstTrack;
        for (PeriodDistance p : periods) {
            long start = sim.config.periodStartMicros(p.period());
            long end = sim.config.periodEndMicros(p.period());
            double metres = 0;
            long fixes = 0;
            int previous = -1;
            for (int i = 0; i < all.length(); i++) {
                long t = all.timeMicros(i);
                if (t < start || t > end) {
                    continue;
                }
                fixes++;
                if (previous >= 0) {
                    metres += haversine(all.latDeg(previous), all.lonDeg(previous), all.latDeg(i), all.lonDeg(i));
                }
                previous = i;
            }
            assertEquals(fixes, p.fixes(), "fixes in period " + p.period());
            assertTrue(metres > 50, "a player moves in a minute, was " + metres);
            assertEquals(metres, p.metres(), 1e-6 * metres, "period " + p.period());
        }
    }

    @Test
    void speedZonesPerPeriodMatchAJavaComputationOverTheTrack() throws SQLException {
        PlayerId player = sim.simulator.roster().get(sim.firstTrackObject).id();
        SpeedZones zones = SpeedZones.ofKilometresPerHour(7.2, 14.4, 19.8);
        List<PeriodZones> all = SampleQueries.of(db).speedZonesPerPeriod(match, zones);
        assertEquals(2 * sim.simulator.roster().entries().stream().filter(e -> e.role().isPlayer()).count(),
                all.size(), "every player with GNSS, both periods");
        List<PeriodDistance> distances = SampleQueries.of(db).distancePerPeriod(match, player);
        GpsTrack track = sim.firstTrack;
        for (PeriodZones z : all.stream().filter(p -> p.player().equals(player)).toList()) {
            long start = sim.config.periodStartMicros(z.period());
            long end = sim.config.periodEndMicros(z.period());
            double[] metres = new double[zones.zoneCount()];
            double[] seconds = new double[zones.zoneCount()];
            int previous = -1;
            long fixes = 0;
            for (int i = 0; i < track.length(); i++) {
                long t = track.timeMicros(i);
                if (t < start || t > end) {
                    continue;
                }
                fixes++;
                int zone = zones.zoneOf(track.speedMetresPerSecond(i));
                if (previous >= 0 && zone >= 0) {
                    double dt = (t - track.timeMicros(previous)) / 1e6;
                    if (dt <= SampleQueries.MAX_STEP_GAP_SECONDS) {
                        metres[zone] += haversine(track.latDeg(previous), track.lonDeg(previous), track.latDeg(i),
                                track.lonDeg(i));
                        seconds[zone] += dt;
                    }
                }
                previous = i;
            }
            assertEquals(fixes, z.fixes());
            assertEquals(4, z.zoneCount());
            double sum = 0;
            for (int k = 0; k < z.zoneCount(); k++) {
                assertEquals(metres[k], z.zoneMetres(k), 1e-6 * (1 + metres[k]), "zone " + k + " m");
                assertEquals(seconds[k], z.zoneSeconds(k), 1e-6, "zone " + k + " s");
                sum += z.zoneMetres(k);
            }
            assertTrue(metres[0] > 0 && metres[1] > 0, "walking and jogging occur in a minute");
            assertEquals(distances.get(z.period() - 1).metres(), z.distanceMetres(), 1e-6 * z.distanceMetres(),
                    "no gap in the simulated track: the same distance as distancePerPeriod");
            assertEquals(z.distanceMetres(), sum, 1e-6 * sum, "speed is never unknown here");
        }
    }

    @Test
    void areaCoveredIsTheHullOfTheWindowsFixes() throws SQLException {
        PlayerId player = sim.simulator.roster().get(sim.firstTrackObject).id();
        long to = sim.config.periodEndMicros(2);
        AreaCovered area = SampleQueries.of(db).areaCovered(match, player, to, Duration.ofSeconds(40));
        GpsTrack track = sim.firstTrack;
        int inWindow = 0;
        double minLat = 90;
        double maxLat = -90;
        double minLon = 180;
        double maxLon = -180;
        for (int i = 0; i < track.length(); i++) {
            long t = track.timeMicros(i);
            if (t >= to - 40_000_000L && t <= to) {
                inWindow++;
                minLat = Math.min(minLat, track.latDeg(i));
                maxLat = Math.max(maxLat, track.latDeg(i));
                minLon = Math.min(minLon, track.lonDeg(i));
                maxLon = Math.max(maxLon, track.lonDeg(i));
            }
        }
        assertEquals(inWindow, area.fixes());
        assertTrue(area.hullVertices() >= 3, "a moving player spans an area");
        // The hull lies inside the latitude/longitude bounding box, whose area is computed independently.
        double box = haversine(minLat, minLon, maxLat, minLon) * haversine(minLat, minLon, minLat, maxLon);
        assertTrue(area.areaSquareMetres() > 1 && area.areaSquareMetres() <= box * 1.001,
                area + " vs bounding box " + box + " m²");
        AreaCovered none = SampleQueries.of(db).areaCovered(match, player, sim.config.periodStartMicros(1) - 1,
                Duration.ofMinutes(15));
        assertEquals(0, none.fixes());
        assertEquals(0.0, none.areaSquareMetres());
    }

    private static double haversine(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * SampleQueries.EARTH_RADIUS_METRES * Math.asin(Math.sqrt(h));
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, match.matchKey());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
