package dev.touchline.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.touchline.calibration.Landmark;
import dev.touchline.cli.TouchlineCli;
import dev.touchline.cli.demo.pipeline.BroadcastCamera;
import dev.touchline.formats.fit.FitActivityReader;
import dev.touchline.sensor.pitch.PitchDimensions;
import dev.touchline.testdata.RealData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code touchline process} on a directory written by {@code touchline simulate} (seed 4) and on a real FIT file. */
class ProcessCommandTest {
    private static int run(StringWriter out, StringWriter err, String... args) {
        return TouchlineCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void processesASimulatedSessionDirectory(@TempDir Path dir) throws Exception {
        Path session = dir.resolve("session");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, "simulate", "--seed", "4", "--minutes", "2", "--wearable-players", "1",
                "--signals", "positions,detections,gnss,imu,ecg,ppg", "--out", session.toString(), "--quiet"), err.toString());
        StringBuilder csv = new StringBuilder("id,x_m,y_m,z_m,u_px,v_px\n");
        for (Landmark l : BroadcastCamera.master(PitchDimensions.STANDARD).landmarks(0.5, 4)) {
            csv.append(String.format(Locale.ROOT, "%s,%f,%f,%f,%f,%f%n", l.id(), l.xM(), l.yM(), l.zM(), l.uPx(),
                    l.vPx()));
        }
        Files.writeString(session.resolve("landmarks.csv"), csv.toString());
        out = new StringWriter();
        err = new StringWriter();
        int code = run(out, err, "process", "--session", session.toString(), "--out", dir.resolve("report").toString(),
                "--data-dir", dir.resolve("db").toString(), "--quiet");
        assertEquals(0, code, err.toString());
        String md = Files.readString(dir.resolve("report/report.md"));
        assertTrue(md.contains("round trip is **exact for every player**"), md);
        // the tracker on detections.csv, scored against positions.csv (no re-identification: measured IDF1 ~0.9)
        Matcher tracking = Pattern.compile("Scored against positions.csv: \\*\\*IDSW (\\d+)\\*\\*, IDF1 ([0-9.]+)")
                .matcher(md);
        assertTrue(tracking.find(), md);
        assertTrue(Double.parseDouble(tracking.group(2)) >= 0.8, tracking.group());
        assertTrue(md.matches("(?s).*tracked positions offered (\\d+), stored \\1.*"), md);
        assertTrue(!md.contains("tracked positions offered 0,"), md);
        assertTrue(md.contains("Held-out ground error"), md);
        assertTrue(md.contains(" rows, equal to the restored track"), md);
        assertTrue(Files.size(dir.resolve("report/heatmap.png")) > 10_000);
        assertTrue(Files.size(dir.resolve("report/heart_rate.png")) > 10_000);
        // every player's distance against the simulator's own summary (true 25 Hz positions) within 2 %
        JsonNode players = new ObjectMapper().readTree(session.resolve("session.json").toFile()).path("player_stats");
        int checked = 0;
        for (JsonNode p : players) {
            String label = (p.path("team").asText().equals("home") ? "H" : "A") + p.path("player_id").asInt();
            Matcher m = Pattern.compile("\\| " + label + " \\| ([0-9.]+) \\|").matcher(md);
            if (!p.has("distance_m") || !m.find()) {
                continue;
            }
            double km = Double.parseDouble(m.group(1));
            double truth = p.path("distance_m").asDouble() / 1000;
            assertTrue(Math.abs(km / truth - 1) <= 0.02, label + ": " + km + " km against " + truth + " km");
            checked++;
        }
        assertEquals(22, checked, "every player checked; session.json: " + players);
    }

    @Test
    @Tag("realdata")
    void processesARealFitFile(@TempDir Path dir) throws Exception {
        Path fit = RealData.require("gps/garmin-edge-500-activity.fit");
        Path session = dir.resolve("session");
        Files.createDirectories(session.resolve("gps"));
        Files.copy(fit, session.resolve("gps/rider.fit"));
        long fixes = FitActivityReader.create().read(fit).gps().track().length();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "process", "--session", session.toString(), "--out", dir.resolve("report").toString(),
                "--data-dir", dir.resolve("db").toString(), "--quiet");
        assertEquals(0, code, err.toString());
        String md = Files.readString(dir.resolve("report/report.md"));
        assertTrue(fixes > 1000, "fixes " + fixes);
        assertTrue(md.contains("GNSS rows offered " + fixes + ", stored " + fixes), md);
        assertTrue(md.contains("no imu/ files"), md);
        assertTrue(md.contains("| rider |"), md);
    }
}
