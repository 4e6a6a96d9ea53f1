package dev.touchline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {


    @Test
    void shortMatchWritesEveryFileWithHeadersAndConsistentRowCounts(@TempDir Path dir) throws IOException {
        // seed 5, 1 minute, 4 players, 1 wearable player
        CliResult r = CliResult.run("simulate", "--seed", "5", "--minutes", "1", "--players", "4",
                "--wearable-players", "1",
                "--out", dir.toString(), "--json", "-q");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(4, json.get("players").asInt());
        JsonNode rows = json.get("rows");
        // 4 players + 3 officials at 25 Hz for 60 s
        assertEquals(7L * 25 * 60, rows.get("positions.csv").asLong());
        assertEquals(25L * 60, rows.get("ball.csv").asLong());
        assertEquals(7, json.get("player_stats").size());
        assertEquals("frame,time_s,player_id,team,x_m,y_m,speed_m_s", firstLine(dir.resolve("positions.csv")));
        assertEquals("frame,time_s,x_m,y_m,height_m,team,confidence", firstLine(dir.resolve("detections.csv")));
        assertEquals("frame,time_s,x_m,y_m,height_m,team,confidence,player_id",
                firstLine(dir.resolve("detections_truth.csv")));
        assertEquals("time_us,lat_deg,lon_deg,speed_m_s", firstLine(dir.resolve("gps/1.csv")));
        assertEquals("time_s,acc_x_m_s2,acc_y_m_s2,acc_z_m_s2", firstLine(dir.resolve("imu/2.csv")));
        assertEquals("time_s,gyr_x_rad_s,gyr_y_rad_s,gyr_z_rad_s", firstLine(dir.resolve("gyro/2.csv")));
        assertTrue(Files.exists(dir.resolve("roster.csv")));
        assertTrue(Files.exists(dir.resolve("session.json")));
        for (var e : rows.properties()) {
            try (var lines = Files.lines(dir.resolve(e.getKey()))) {
                assertEquals(e.getValue().asLong() + 1, lines.count(), e.getKey());
            }
        }
    }

    @Test
    void signalsOptionLimitsTheFiles(@TempDir Path dir) {
        CliResult r = CliResult.run("simulate", "--minutes", "0.5", "--signals", "positions", "--out",
                dir.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(dir.resolve("positions.csv")));
        assertFalse(Files.exists(dir.resolve("detections.csv")));
        assertFalse(Files.exists(dir.resolve("gps")));
        assertFalse(Files.exists(dir.resolve("imu")));
    }

    @Test
    void sameSeedGivesIdenticalFiles(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, CliResult.run("simulate", "--seed", "3", "--minutes", "0.5", "--out", a.toString(),
                "-q").code());
        assertEquals(0, CliResult.run("simulate", "--seed", "3", "--minutes", "0.5", "--out", b.toString(),
                "-q").code());
        for (String f : List.of("positions.csv", "detections_truth.csv", "gps/5.csv", "imu/2.csv", "ppg/13.csv",
                "roster.csv")) {
            assertEquals(-1L, Files.mismatch(a.resolve(f), b.resolve(f)), f);
        }
    }

    @Test
    void badArgumentsExitWithTwoAndOneLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        List<String[]> cases = List.of(
                new String[] {"simulate", "--minutes", "-5", "--out", dir.toString()},
                new String[] {"simulate", "--unknown", "--out", dir.toString()},
                new String[] {"simulate", "--players", "23", "--out", dir.toString()},
                new String[] {"simulate", "--signals", "gps", "--out", dir.toString()},
                new String[] {"simulate", "--out", file.resolve("sub").toString()},
                new String[] {"simulate"});
        for (String[] args : cases) {
            CliResult r = CliResult.run(args);
            assertEquals(TouchlineCli.EXIT_USAGE, r.code(), String.join(" ", args));
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("touchline simulate: "), r.err());
        }
    }

    private static String firstLine(Path p) throws IOException {
        try (var lines = Files.lines(p)) {
            return lines.findFirst().orElse("");
        }
    }
}
