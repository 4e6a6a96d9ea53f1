package dev.touchline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackCommandTest {


    @Test
    void simulateTrackEvaluate(@TempDir Path dir) throws IOException {
        // seed 5, 2 minutes of positions and detections (one minute per half, no break)
        CliResult sim = CliResult.run("simulate", "--seed", "5", "--minutes", "2", "--half-time-break-minutes", "0",
                "--signals", "positions,detections", "--out", dir.toString(), "-q");
        assertEquals(0, sim.code(), sim.err());
        Path tracks = dir.resolve("tracks.csv");
        CliResult track = CliResult.run("track", "--in", dir.resolve("detections.csv").toString(), "--out",
                tracks.toString(),
                "--json");
        assertEquals(0, track.code(), track.err());
        JsonNode summary = new ObjectMapper().readTree(track.out());
        assertEquals(25 * 120, summary.get("frames").asLong());
        assertEquals(0, summary.get("skipped_detections").asLong());
        List<String> lines = Files.readAllLines(tracks);
        assertEquals("frame,time_s,track_id,x_m,y_m,vx_m_s,vy_m_s,height_m,state", lines.get(0));
        assertEquals(summary.get("rows").asLong() + 1, lines.size());
        assertTrue(lines.stream().skip(1).allMatch(l -> l.endsWith(",confirmed") || l.endsWith(",coasting")
                || l.endsWith(",tentative")));

        CliResult eval = CliResult.run("track", "eval", "--truth", dir.resolve("positions.csv").toString(), "--tracks",
                tracks.toString(), "--json");
        assertEquals(0, eval.code(), eval.err());
        JsonNode m = new ObjectMapper().readTree(eval.out());
        assertEquals(120.0, m.get("seconds").asDouble(), 1e-6);
        // scored as one sequence: the second half's kick-off restarts every track, so IDF1 is about halved
        assertTrue(m.get("mota").asDouble() > 0.9, eval.out());
        assertTrue(m.get("idf1").asDouble() > 0.4, eval.out());
        assertTrue(m.get("hota").asDouble() > 0.55, eval.out());
        assertTrue(m.get("rmse_m").asDouble() < 0.15, eval.out());

        CliResult text = CliResult.run("track", "eval", "--truth", dir.resolve("positions.csv").toString(), "--tracks",
                tracks.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("MOTA") && text.out().contains("IDSW"), text.out());
    }

    @Test
    void lagFramesWritesTheSameFramesLateWithIdentitiesCorrected(@TempDir Path dir) throws IOException {
        // seed 7, 2 minutes: the same rows with --lag-frames 0 and with the default lag of 25 frames once track ids
        // are set aside, every frame written once and in order, and no more ID switches
        CliResult sim = CliResult.run("simulate", "--seed", "7", "--minutes", "2", "--half-time-break-minutes", "0",
                "--signals", "positions,detections", "--out", dir.toString(), "-q");
        assertEquals(0, sim.code(), sim.err());
        Path plain = dir.resolve("plain.csv");
        Path lagged = dir.resolve("lagged.csv");
        String in = dir.resolve("detections.csv").toString();
        assertEquals(0, CliResult.run("track", "--in", in, "--out", plain.toString(), "--lag-frames", "0").code());
        CliResult run = CliResult.run("track", "--in", in, "--out", lagged.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(withoutIds(plain), withoutIds(lagged));
        long[] switches = new long[2];
        int i = 0;
        for (Path tracks : List.of(plain, lagged)) {
            CliResult eval = CliResult.run("track", "eval", "--truth", dir.resolve("positions.csv").toString(),
                    "--tracks", tracks.toString(), "--json");
            assertEquals(0, eval.code(), eval.err());
            switches[i++] = new ObjectMapper().readTree(eval.out()).get("idsw").asLong();
        }
        assertTrue(switches[1] <= switches[0], "IDSW plain " + switches[0] + ", lagged " + switches[1]);
        assertEquals(2, CliResult.run("track", "--in", in, "--out", lagged.toString(), "--lag-frames", "-1")
                .code());
    }

    /** The rows with the track_id column removed, in file order. */
    private static List<String> withoutIds(Path tracks) throws IOException {
        return Files.readAllLines(tracks).stream().map(l -> {
            String[] c = l.split(",", -1);
            return c[0] + "," + c[1] + "," + String.join(",", java.util.Arrays.copyOfRange(c, 3, c.length));
        }).toList();
    }

    @Test
    void framesOutOfOrderAreBadInputNamingTheLine(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("d.csv");
        Files.writeString(in, "frame,time_s,x_m,y_m\n1,0.04,0,0\n2,0.08,0.1,0\n1,0.04,0,0\n");
        CliResult r = CliResult.run("track", "--in", in.toString(), "--out", dir.resolve("t.csv").toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("d.csv:4") && r.err().contains("out of order"), r.err());
    }

    @Test
    void duplicateTimeIsBadInput(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("d.csv");
        Files.writeString(in, "frame,time_s,x_m,y_m\n1,0.04,0,0\n2,0.04,0.1,0\n");
        CliResult r = CliResult.run("track", "--in", in.toString(), "--out", dir.resolve("t.csv").toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("d.csv:3"), r.err());
    }

    @Test
    void nanAndFarOutsideRowsAreSkippedAndEmptyFramesAllowed(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("d.csv");
        Files.writeString(in, "frame,time_s,x_m,y_m,height_m,team,confidence,extra\n"
                + "1,0.04,1,1,1.80,home,0.9,x\n"
                + "1,0.04,NaN,1,,,0.9,x\n"
                + "2,0.08,,,,,,\n"
                + "3,0.12,1.1,1,,away,0.9,x\n"
                + "3,0.12,400,1,,,0.9,x\n");
        CliResult r = CliResult.run("track", "--in", in.toString(), "--out", dir.resolve("t.csv").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode s = new ObjectMapper().readTree(r.out());
        assertEquals(3, s.get("frames").asLong());
        assertEquals(4, s.get("detections").asLong());
        assertEquals(2, s.get("skipped_detections").asLong());
    }

    @Test
    void configFileIsReadAndCheckedForUnknownKeys(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("d.csv");
        Files.writeString(in, "frame,time_s,x_m,y_m\n1,0.04,0,0\n");
        Path good = dir.resolve("good.json");
        Files.writeString(good, "{\"gateMode\": \"fixed\", \"confirmHits\": 1, \"filter\": {\"accelerationNoise\": 0.5}}");
        CliResult ok = CliResult.run("track", "--in", in.toString(), "--out", dir.resolve("t.csv").toString(),
                "--config",
                good.toString());
        assertEquals(0, ok.code(), ok.err());
        // confirmHits 1: the single detection confirms its track at once
        assertTrue(Files.readString(dir.resolve("t.csv")).contains(",confirmed"));
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"gateChiSqare\": 9}");
        CliResult r = CliResult.run("track", "--in", in.toString(), "--out", dir.resolve("t.csv").toString(),
                "--config",
                bad.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("unknown key gateChiSqare"), r.err());
    }
}
