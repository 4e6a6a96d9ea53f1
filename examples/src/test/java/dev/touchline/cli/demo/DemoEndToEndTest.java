package dev.touchline.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.cli.TouchlineCli;
import dev.touchline.cli.db.Database;
import dev.touchline.cli.demo.pipeline.DemoPipeline;
import dev.touchline.cli.demo.pipeline.DemoSettings;
import dev.touchline.cli.demo.pipeline.FusionResult;
import dev.touchline.cli.demo.pipeline.GnssResult;
import dev.touchline.cli.demo.pipeline.ParquetResult;
import dev.touchline.cli.demo.pipeline.SessionReport;
import dev.touchline.cli.demo.pipeline.StorageResult;
import dev.touchline.cli.demo.pipeline.TrackingResult;
import dev.touchline.cli.demo.report.Plots;
import dev.touchline.cli.demo.report.ReportWriter;
import dev.touchline.sensor.simulation.MatchSimulation;
import dev.touchline.sensor.simulation.MatchSimulator;
import dev.touchline.sensor.simulation.MotionBlock;
import dev.touchline.sensor.simulation.SimulationChunk;
import dev.touchline.tracking.metrics.MotResult;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 3-minute demo (seed 7, two wearable players) against an embedded PostgreSQL, checked against the simulator's
 * truth; then the same session again through the command line into the same data directory.
 */
class DemoEndToEndTest {
    private static final long SEED = 7;
    private static final double MINUTES = 3;

    @TempDir
    static Path dir;
    private static SessionReport report;
    private static DemoSettings settings;
    private static List<Path> files;
    private static double[] truePathMetres;
    private static long trueFixes;

    @BeforeAll
    static void runDemo() throws Exception {
        DemoSettings d = DemoSettings.defaults(SEED, MINUTES);
        settings = new DemoSettings(SEED, MINUTES, 2, d.cutIntervalSeconds(), d.cutSeconds(),
                d.halfTimeBreakMinutes());
        try (Database db = Database.embedded(dir.resolve("db"), 4)) {
            report = DemoPipeline.run(settings, db.dataSource(), db.description(), DemoPipeline.SILENT);
        }
        files = ReportWriter.write(report, dir.resolve("out"));
        truth();
    }

    /** Path length of every player from the true 25 Hz positions, and the number of GNSS fixes simulated. */
    private static void truth() {
        MatchSimulator sim = MatchSimulator.of(DemoPipeline.simulation(settings));
        int players = sim.roster().playerCount();
        truePathMetres = new double[players];
        try (MatchSimulation run = sim.start()) {
            while (run.hasNext()) {
                SimulationChunk c = run.next();
                MotionBlock m = c.motion();
                for (int o = 0; o < players; o++) {
                    trueFixes += c.gnss().get(o).length();
                    for (int f = 1; f < m.frameCount(); f++) {
                        if (f < m.chunkFrames() + 1) {
                            truePathMetres[o] += Math.hypot(m.x(o, f) - m.x(o, f - 1), m.y(o, f) - m.y(o, f - 1));
                        }
                    }
                }
            }
        }
    }

    @AfterAll
    static void release() {
        report = null;
    }

    @Test
    void everyPlayersDistanceIsWithinTwoPercentOfTheTruePath() {
        GnssResult g = Objects.requireNonNull(report.gnss());
        assertEquals(22, g.players().size());
        for (GnssResult.PlayerGnss p : g.players()) {
            double truth = truePathMetres[p.player().objectIndex()];
            assertTrue(truth > 100, p.player().label() + " moved " + truth + " m");
            double error = p.measured().metres() / truth - 1;
            assertTrue(Math.abs(error) <= 0.02, p.player().label() + ": " + p.measured().metres() + " m against "
                    + truth + " m");
        }
    }

    @Test
    void gnssRoundTripIsExactAndTheRowsInPostgresAreExact() {
        GnssResult g = Objects.requireNonNull(report.gnss());
        StorageResult s = Objects.requireNonNull(report.storage());
        assertTrue(g.allRestoredExactly());
        assertTrue(g.windowExact());
        assertTrue(g.windowFixes() >= 250, "30 s at 10 Hz, was " + g.windowFixes());
        // the codec stores micro-degrees: a fix moves by at most half a micro-degree of latitude (5.6 cm) and of
        // longitude (3.5 cm at 51.6° N), 6.6 cm together
        assertTrue(g.maxPositionChangeMetres() <= 0.067, String.valueOf(g.maxPositionChangeMetres()));
        assertEquals(trueFixes, g.fixes());
        assertEquals(trueFixes, s.gnssRowsOffered());
        assertEquals(trueFixes, s.gnssRowsStored());
        // a coasting track that drifts past the sink's limits (|x| > 70 m, |y| > 50 m) is quarantined, not lost
        assertEquals(s.positionRowsOffered(), s.positionRowsStored() + s.quarantined());
        assertTrue(s.positionRowsStored() > 3 * 60 * 25 * 20, "about 25 tracks at 25 Hz, was "
                + s.positionRowsStored());
        assertEquals(0, s.batchesAlreadyLoaded());
        assertTrue(s.windowExact());
        assertEquals(44, s.distances().size(), "22 players, two periods");
        assertEquals(22, s.gnssBlocksOffered());
        assertEquals(22, s.gnssBlocksStored(), "one compressed container per player");
    }

    @Test
    void theParquetExportHoldsEveryFixAndDuckDbReadsIt() throws Exception {
        ParquetResult p = Objects.requireNonNull(report.parquet());
        assertTrue(p.roundTripExact());
        assertEquals(22, p.players());
        assertEquals(trueFixes, p.fixes());
        Path file = dir.resolve("parquet-check.parquet");
        Files.write(file, p.bytes());
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT player_id) FROM read_parquet('"
                     + file.toString().replace("'", "''") + "')")) {
            rs.next();
            assertEquals(trueFixes, rs.getLong(1));
            assertEquals(22, rs.getLong(2));
        }
    }

    @Test
    void wearableRowsInPostgresAreExact() {
        StorageResult s = Objects.requireNonNull(report.storage());
        FusionResult f = Objects.requireNonNull(report.fusion());
        assertEquals(3, s.wearableRows().size());
        long beats = 0;
        long strikes = 0;
        for (FusionResult.PlayerFusion p : f.players()) {
            beats += p.beatsDetected();
            strikes += p.strikesDetected();
        }
        for (StorageResult.TableRows t : s.wearableRows()) {
            assertEquals(t.offered(), t.stored() + t.quarantined(), t.toString());
            assertTrue(t.stored() > 0, t.toString());
            switch (t.table()) {
                // one row per beat after the first of each half: two halves per player
                case "heart_rate" -> assertEquals(beats - 2L * f.players().size(), t.offered(), t.toString());
                case "touch_event" -> {
                    assertEquals(strikes, t.offered(), t.toString());
                    assertEquals(0, t.quarantined(), t.toString());
                }
                // a second with data for each wearable player: 3 minutes of play each, give or take the edges
                case "load_per_second" -> assertTrue(Math.abs(t.offered() - 180L * f.players().size())
                        <= 4L * f.players().size(), t.toString());
                default -> throw new AssertionError("unexpected table " + t.table());
            }
        }
    }

    @Test
    void trackingAndReidentificationHoldIdentitiesThroughTheCuts() {
        TrackingResult t = Objects.requireNonNull(report.tracking());
        assertEquals(2, t.periods().size());
        assertEquals(4, t.cuts(), "two cuts in each 90 s half");
        // measured: IDSW 3, IDF1 0.96, HOTA 0.90 (seed 7)
        assertTrue(t.idSwitches() <= 12, "IDSW " + t.idSwitches());
        assertTrue(t.weighted(MotResult::idf1) >= 0.85, "IDF1 " + t.weighted(MotResult::idf1));
        assertTrue(t.weighted(MotResult::hota) >= 0.8, "HOTA " + t.weighted(MotResult::hota));
        assertTrue(t.tracksIdentifiedCorrectly() >= 0.9 * t.tracksIdentified(), t.toString());
        assertTrue(t.tracksIdentified() >= 0.9 * 25 * t.segments(), "each stretch re-identifies nearly everybody: "
                + t);
        assertTrue(Objects.requireNonNull(report.calibration()).heldOutMedianMetres() <= 0.2);
    }

    @Test
    void wearablesFindStrikesAndBeats() {
        FusionResult f = Objects.requireNonNull(report.fusion());
        assertEquals(2, f.players().size());
        for (FusionResult.PlayerFusion p : f.players()) {
            assertTrue(p.strikesMatched() >= 0.95 * p.strikesTrue(), p.toString());
            assertTrue(p.beatsMatched() >= 0.98 * p.beatsTrue(), p.toString());
            assertTrue(p.playerLoadTotal() > 0);
            assertTrue(p.patMeanAbsErrorMillis() < 20, String.valueOf(p.patMeanAbsErrorMillis()));
            // minutes run from the first sample; the second half starts off that grid, so it adds one
            assertTrue(p.minuteStartSeconds().length >= 3, String.valueOf(p.minuteStartSeconds().length));
        }
    }

    @Test
    void reportStatesSeedVersionsAndFigures() throws Exception {
        String md = Files.readString(dir.resolve("out/report.md"));
        String html = Files.readString(dir.resolve("out/report.html"));
        assertTrue(md.contains("Seed **7**"), md);
        assertTrue(md.contains("| postgresql | 15."), md);
        assertTrue(md.contains("| java |"), md);
        assertTrue(md.contains("**IDSW " + report.tracking().idSwitches() + "**"), md);
        assertTrue(html.contains("<b>IDSW " + report.tracking().idSwitches() + "</b>"));
        assertTrue(md.contains("stored " + report.storage().gnssRowsStored()), md);
        for (String plot : Plots.all(report.gnss(), report.fusion()).keySet()) {
            assertTrue(md.contains("](" + plot + ")"), plot);
            assertTrue(html.contains("src=\"" + plot + "\""), plot);
        }
        assertTrue(!md.contains("TODO"));
    }

    @Test
    void everyPlotIsRenderedAndNotBlank() throws Exception {
        List<String> names = List.copyOf(Plots.all(report.gnss(), report.fusion()).keySet());
        assertEquals(8, names.size(), names.toString());
        for (String name : names) {
            Path file = dir.resolve("out").resolve(name);
            assertTrue(files.contains(file), name);
            BufferedImage image = ImageIO.read(file.toFile());
            assertTrue(image.getWidth() >= 800 && image.getHeight() >= 400, name + " is " + image.getWidth() + "x"
                    + image.getHeight());
            assertTrue(lumaStandardDeviation(image) > 10, name + " looks blank");
            assertTrue(distinctColours(image) >= 8, name + " has too few colours");
        }
    }

    private static double lumaStandardDeviation(BufferedImage image) {
        double sum = 0;
        double sq = 0;
        long n = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                double l = 0.299 * ((rgb >> 16) & 255) + 0.587 * ((rgb >> 8) & 255) + 0.114 * (rgb & 255);
                sum += l;
                sq += l * l;
                n++;
            }
        }
        double mean = sum / n;
        return Math.sqrt(sq / n - mean * mean);
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    @Test
    void aSecondRunIntoTheSameDataDirectoryWritesNothingTwice() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TouchlineCli.run(new String[] {"demo", "--minutes", "3", "--seed", "7", "--wearable-players",
            "2", "--out", dir.resolve("out2").toString(), "--data-dir", dir.resolve("db").toString(), "-q"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        String md = Files.readString(dir.resolve("out2/report.md"));
        StorageResult first = report.storage();
        assertTrue(md.contains("GNSS rows offered " + first.gnssRowsOffered() + ", stored "
                + first.gnssRowsStored()), md);
        assertTrue(md.contains(first.batches() + " batches, " + first.batches() + " of them already loaded"), md);
        assertTrue(out.toString().contains("report: "), out.toString());
    }
}
