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

/**
 * {@code touchline ingest} of a simulated session (seed 3, 1 minute, 4 players, 1 wearable player, 30 s break),
 * then {@code touchline query} in later commands against the same embedded database directory.
 */
class IngestQueryCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void ingestThenQueryTheSameDataDirectory(@TempDir Path dir) throws IOException {
        Path session = dir.resolve("session");
        String db = dir.resolve("db").toString();
        CliResult sim = CliResult.run("simulate", "--seed", "3", "--minutes", "1", "--players", "4",
                "--wearable-players", "1", "--half-time-break-minutes", "0.5",
                "--signals", "positions,gnss,imu,ecg,fsr", "--out", session.toString(), "--json", "-q");
        assertEquals(0, sim.code(), sim.err());
        JsonNode files = JSON.readTree(sim.out()).get("rows");
        long gnss = 0;
        long beats = 0;
        for (var e : files.properties()) {
            if (e.getKey().startsWith("gps/")) {
                gnss += e.getValue().asLong();
            }
            if (e.getKey().startsWith("truth/rpeaks/")) {
                beats += e.getValue().asLong();
            }
        }
        assertTrue(gnss > 2_000, "4 players at 10 Hz for 60 s, was " + gnss);

        CliResult ingest = CliResult.run("ingest", "--session", session.toString(), "--data-dir", db, "--json");
        assertEquals(0, ingest.code(), ingest.err());
        JsonNode report = JSON.readTree(ingest.out());
        JsonNode tables = report.get("tables");
        assertEquals(gnss, tables.get("gnss_fix").get("loaded").asLong());
        assertEquals(0, tables.get("gnss_fix").get("quarantined").asLong());
        assertEquals(files.get("positions.csv").asLong(), tables.get("optical_position").get("loaded").asLong());
        JsonNode hr = tables.get("heart_rate");
        assertEquals(beats - 2, hr.get("loaded").asLong() + hr.get("quarantined").asLong(),
                "one rate per beat after the first of each half");
        assertEquals(0, hr.get("quarantined").asLong(), "simulated beats are plausible");
        assertEquals(60, tables.get("load_per_second").get("loaded").asLong(), "one row per second of play");
        assertEquals(4, report.get("gnss_blocks").asInt(), "one compressed container per GNSS file");
        assertTrue(report.get("rows_per_s").asLong() > 0);
        long touches = tables.get("touch_event").get("loaded").asLong();
        assertTrue(touches > 0, "the ball is played in a minute");

        CliResult again = CliResult.run("ingest", "--session", session.toString(), "--data-dir", db);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("rows/s"), again.out());

        CliResult thin = CliResult.run("ingest", "--session", session.toString(), "--data-dir", db, "--match-id",
                "sim-3-1hz", "--gnss-interval-ms", "1000", "--json");
        assertEquals(0, thin.code(), thin.err());
        long seconds = 0;
        for (var e : files.properties()) {
            if (e.getKey().startsWith("gps/")) {
                seconds += Files.readAllLines(session.resolve(e.getKey())).stream().skip(1)
                        .mapToLong(l -> Long.parseLong(l.split(",")[0]) / 1_000_000L).distinct().count();
            }
        }
        assertEquals(seconds, JSON.readTree(thin.out()).get("tables").get("gnss_fix").get("loaded").asLong(),
                "the first fix of each second");
        assertTrue(seconds * 8 < gnss, "10 Hz thinned to 1 Hz");

        String player = firstPlayerUuid(session);
        CliResult zones = CliResult.run("query", "zones", "--match", "sim-3", "--data-dir", db, "--json");
        assertEquals(0, zones.code(), zones.err());
        JsonNode z = JSON.readTree(zones.out());
        assertEquals(8, z.size(), "4 players x 2 periods");
        long fixes = 0;
        for (JsonNode row : z) {
            fixes += row.get("fixes").asLong();
            double zoneSum = 0;
            for (int k = 0; k < 5; k++) {
                zoneSum += row.get("zone" + k + "_m").asDouble();
            }
            assertEquals(row.get("distance_m").asDouble(), zoneSum, 1e-6 * (1 + zoneSum));
        }
        assertEquals(gnss, fixes, "a reloaded session adds no rows");

        CliResult window = CliResult.run("query", "window", "--match", "sim-3", "--player", player, "--from-s", "5",
                "--data-dir", db);
        assertEquals(0, window.code(), window.err());
        List<String> lines = window.out().lines().toList();
        assertEquals("time_us,lat_deg,lon_deg,speed_m_s", lines.get(0));
        assertEquals(251, lines.size(), "header and 25 s of 10 Hz fixes (the half ends at 30 s)");
        long kickoff = JSON.readTree(sim.out()).get("kickoff_time_us").asLong();
        List<String> source = Files.readAllLines(session.resolve("gps/" + firstPlayerNumber(session) + ".csv"))
                .stream().skip(1).filter(l -> Long.parseLong(l.split(",")[0]) >= kickoff + 5_000_000L).limit(250)
                .toList();
        for (int i = 0; i < 250; i++) {
            String[] got = lines.get(i + 1).split(",");
            String[] want = source.get(i).split(",");
            for (int c = 0; c < 4; c++) {
                assertEquals(Double.parseDouble(want[c]), Double.parseDouble(got[c]), 1e-9, "row " + i + " col " + c);
            }
            assertEquals(want[1], got[1], "latitude printed exactly as simulate wrote it");
        }

        CliResult over = CliResult.run("query", "over-limit", "--match", "sim-3", "--impulse-n-s", "1",
                "--data-dir", db, "--json");
        assertEquals(0, over.code(), over.err());
        JsonNode o = JSON.readTree(over.out());
        assertEquals(1, o.size(), "the one wearable player passes 1 N·s");
        assertTrue(o.get(0).get("impulse_exceeded_s").asDouble() < 2, o.toString());

        String[] first = Files.readAllLines(session.resolve("roster.csv")).get(1).split(",");
        CliResult area = CliResult.run("query", "area", "--match", "sim-3", "--player", first[2] + " #" + first[4],
                "--data-dir", db, "--json");
        assertEquals(0, area.code(), area.err());
        JsonNode a = JSON.readTree(area.out()).get(0);
        assertEquals(player, a.get("player_id").asText(), "found by its registered name, e.g. home #1");
        assertEquals(files.get("gps/" + firstPlayerNumber(session) + ".csv").asLong(), a.get("fixes").asLong(),
                "the whole 1-minute match lies in the last 15 minutes");
        assertTrue(a.get("area_m2").asDouble() > 0);
    }

    @Test
    void badUsageAndBadInputHaveTheirExitCodes(@TempDir Path dir) throws IOException {
        CliResult noQuery = CliResult.run("query");
        assertEquals(TouchlineCli.EXIT_USAGE, noQuery.code(), noQuery.err());
        CliResult noMatch = CliResult.run("query", "zones", "--data-dir", dir.resolve("db").toString());
        assertEquals(TouchlineCli.EXIT_USAGE, noMatch.code(), noMatch.err());
        CliResult notASession = CliResult.run("ingest", "--session", dir.toString(), "--data-dir",
                dir.resolve("db").toString());
        assertEquals(TouchlineCli.EXIT_USAGE, notASession.code(), notASession.err());
        assertTrue(notASession.err().contains("session.json"), notASession.err());
        Files.writeString(dir.resolve("session.json"), "{\"seed\": 1}");
        CliResult bad = CliResult.run("ingest", "--session", dir.toString(), "--data-dir",
                dir.resolve("db").toString());
        assertEquals(TouchlineCli.EXIT_BAD_INPUT, bad.code(), bad.err());
        assertTrue(bad.err().contains("kickoff_time_us"), bad.err());
    }

    private static String firstPlayerUuid(Path session) throws IOException {
        return Files.readAllLines(session.resolve("roster.csv")).get(1).split(",")[1];
    }

    private static String firstPlayerNumber(Path session) throws IOException {
        return Files.readAllLines(session.resolve("roster.csv")).get(1).split(",")[0];
    }
}
