package dev.touchline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpsCommandTest {

    /** 1,200 fixes at 10 Hz from 2026-08-15T14:00:00Z, a random walk (seed 11), plus one invalid row. */
    private static Path writeCsv(Path dir) throws IOException {
        Random r = new Random(11);
        StringBuilder s = new StringBuilder("time_us,lat_deg,lon_deg,speed_m_s\n");
        long t0 = 1_786_802_400_000_000L;
        double lat = 51.556021;
        double lon = -0.279519;
        for (int i = 0; i < 1200; i++) {
            lat += r.nextGaussian() * 3e-6;
            lon += r.nextGaussian() * 3e-6;
            s.append(t0 + i * 100_000L).append(',').append(String.format(Locale.ROOT, "%.6f,%.6f,%.2f", lat, lon,
                    Math.abs(r.nextGaussian()) * 3)).append('\n');
            if (i == 500) {
                s.append(t0 + i * 100_000L + 50_000).append(",95.0,0.0,1.0\n");
            }
        }
        Path csv = dir.resolve("track.csv");
        Files.writeString(csv, s.toString());
        return csv;
    }

    @Test
    void encodeStatsAndDecodeRoundTripTheCsv(@TempDir Path dir) throws IOException {
        Path csv = writeCsv(dir);
        Path tlg = dir.resolve("track.tlg");
        CliResult enc = CliResult.run("gps", "encode", "--in", csv.toString(), "--format", "csv", "--out",
                tlg.toString(),
                "--level", "5", "--json");
        assertEquals(0, enc.code(), enc.err());
        JsonNode e = new ObjectMapper().readTree(enc.out());
        assertEquals(1200, e.get("fixes").asInt());
        assertEquals(1, e.get("rejected").asInt());

        CliResult stats = CliResult.run("gps", "stats", tlg.toString(), "--json");
        assertEquals(0, stats.code(), stats.err());
        JsonNode s = new ObjectMapper().readTree(stats.out());
        assertEquals(1200, s.get("fixes").asLong());
        assertEquals(Files.size(tlg), s.get("bytes").asLong());
        assertEquals(2, s.get("blocks").asInt(), "two entropy blocks of two 30 s seek windows");
        assertEquals(2, s.get("windows_per_block").asInt());
        assertEquals(30.0, s.get("seek_window_s").asDouble(), 1e-9);
        assertEquals(119.9, s.get("duration_s").asDouble(), 1e-9);
        assertEquals(3, s.get("format_version").asInt());

        Path back = dir.resolve("back.csv");
        CliResult dec = CliResult.run("gps", "decode", "--in", tlg.toString(), "--out", back.toString());
        assertEquals(0, dec.code(), dec.err());
        List<String> original = Files.readAllLines(csv);
        original.remove(502);
        assertEquals(original, Files.readAllLines(back));

        Path range = dir.resolve("range.csv");
        CliResult part = CliResult.run("gps", "decode", "--in", tlg.toString(), "--out", range.toString(), "--from",
                "2026-08-15T14:00:10Z", "--to", "2026-08-15T14:00:19.95Z");
        assertEquals(0, part.code(), part.err());
        List<String> lines = Files.readAllLines(range);
        assertEquals(101, lines.size());
        assertTrue(lines.get(1).startsWith("1786802410000000,"), lines.get(1));
    }

    @Test
    void formatVersionOptionWritesOlderVersionsAndRejectsUnknownOnes(@TempDir Path dir) throws IOException {
        Path csv = writeCsv(dir);
        for (int version = 1; version <= 3; version++) {
            Path tlg = dir.resolve("v" + version + ".tlg");
            CliResult enc = CliResult.run("gps", "encode", "--in", csv.toString(), "--format", "csv", "--out",
                    tlg.toString(), "--format-version", Integer.toString(version));
            assertEquals(0, enc.code(), enc.err());
            CliResult stats = CliResult.run("gps", "stats", tlg.toString(), "--json");
            assertEquals(0, stats.code(), stats.err());
            assertEquals(version, new ObjectMapper().readTree(stats.out()).get("format_version").asInt());
            Path back = dir.resolve("v" + version + ".csv");
            assertEquals(0, CliResult.run("gps", "decode", "--in", tlg.toString(), "--out", back.toString()).code());
            List<String> original = Files.readAllLines(csv);
            original.remove(502);
            assertEquals(original, Files.readAllLines(back), "version " + version);
        }
        CliResult bad = CliResult.run("gps", "encode", "--in", csv.toString(), "--format", "csv", "--out",
                dir.resolve("v4.tlg").toString(), "--format-version", "4");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("--format-version 4"), bad.err());
    }

    @Test
    void corruptContainerExitsThreeAndMissingFileTwo(@TempDir Path dir) throws IOException {
        Path csv = writeCsv(dir);
        Path tlg = dir.resolve("t.tlg");
        assertEquals(0, CliResult.run("gps", "encode", "--in", csv.toString(), "--format", "csv", "--out",
                tlg.toString())
                .code());
        byte[] bytes = Files.readAllBytes(tlg);
        bytes[bytes.length / 4] ^= 0x10; // inside the first of the two blocks
        Files.write(tlg, bytes);
        CliResult bad = CliResult.run("gps", "stats", tlg.toString());
        assertEquals(0, bad.code(), "stats reads header, index and the last block only: " + bad.err());
        CliResult decode = CliResult.run("gps", "decode", "--in", tlg.toString(), "--out",
                dir.resolve("x.csv").toString());
        assertEquals(3, decode.code(), decode.err());
        assertTrue(decode.err().contains("byte"), decode.err());
        CliResult missing = CliResult.run("gps", "stats", dir.resolve("none.tlg").toString());
        assertEquals(2, missing.code(), missing.err());
        CliResult badCsv = CliResult.run("gps", "encode", "--in", tlg.toString(), "--format", "csv", "--out",
                dir.resolve("y.tlg").toString());
        assertEquals(3, badCsv.code(), badCsv.err());
    }
}
