package dev.touchline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gps export-parquet} and {@code gps import-parquet} through the CLI. */
class GpsParquetCommandTest {

    /** 900 fixes at 10 Hz, a random walk (seed 23). */
    private static Path writeCsv(Path dir) throws IOException {
        Random r = new Random(23);
        StringBuilder s = new StringBuilder("time_us,lat_deg,lon_deg,speed_m_s\n");
        long t0 = 1_786_802_400_000_000L;
        double lat = -33.856784;
        double lon = 151.215297;
        for (int i = 0; i < 900; i++) {
            lat += r.nextGaussian() * 3e-6;
            lon += r.nextGaussian() * 3e-6;
            s.append(t0 + i * 100_000L).append(',').append(String.format(Locale.ROOT, "%.6f,%.6f,%.2f", lat, lon,
                    Math.abs(r.nextGaussian()) * 3)).append('\n');
        }
        Path csv = dir.resolve("track.csv");
        Files.writeString(csv, s.toString());
        return csv;
    }

    @Test
    void exportThenImportGivesTheSameFixes(@TempDir Path dir) throws IOException {
        Path csv = writeCsv(dir);
        Path tlg = dir.resolve("a.tlg");
        assertEquals(0, CliResult.run("gps", "encode", "--in", csv.toString(), "--format", "csv", "--out",
                tlg.toString()).code());
        for (String compression : new String[] {"snappy", "zstd", "none"}) {
            Path parquet = dir.resolve(compression + ".parquet");
            CliResult exp = CliResult.run("gps", "export-parquet", "--in", tlg.toString(), "--out",
                    parquet.toString(), "--compression", compression, "--json");
            assertEquals(0, exp.code(), exp.err());
            JsonNode e = new ObjectMapper().readTree(exp.out());
            assertEquals(900, e.get("fixes").asInt());
            assertEquals(Files.size(parquet), e.get("bytes").asLong());
            assertEquals("v2-delta", e.get("writer").asText());

            Path back = dir.resolve(compression + ".tlg");
            CliResult imp = CliResult.run("gps", "import-parquet", "--in", parquet.toString(), "--out",
                    back.toString(), "--json");
            assertEquals(0, imp.code(), imp.err());
            assertEquals(900, new ObjectMapper().readTree(imp.out()).get("fixes").asInt());

            Path csvBack = dir.resolve(compression + ".csv");
            assertEquals(0, CliResult.run("gps", "decode", "--in", back.toString(), "--out", csvBack.toString())
                    .code());
            assertEquals(Files.readAllLines(csv), Files.readAllLines(csvBack));
        }
        CliResult legacy = CliResult.run("gps", "export-parquet", "--in", tlg.toString(), "--out",
                dir.resolve("old.parquet").toString(), "--legacy", "--json");
        assertEquals(0, legacy.code(), legacy.err());
        assertEquals("v1-dictionary", new ObjectMapper().readTree(legacy.out()).get("writer").asText());
    }

    @Test
    void damagedParquetExitsThreeAndBadUsageTwo(@TempDir Path dir) throws IOException {
        Path csv = writeCsv(dir);
        Path tlg = dir.resolve("a.tlg");
        assertEquals(0, CliResult.run("gps", "encode", "--in", csv.toString(), "--format", "csv", "--out",
                tlg.toString()).code());
        Path parquet = dir.resolve("a.parquet");
        assertEquals(0, CliResult.run("gps", "export-parquet", "--in", tlg.toString(), "--out", parquet.toString())
                .code());
        byte[] bytes = Files.readAllBytes(parquet);
        Files.write(parquet, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        CliResult bad = CliResult.run("gps", "import-parquet", "--in", parquet.toString(), "--out",
                dir.resolve("b.tlg").toString());
        assertEquals(3, bad.code(), bad.err());
        assertTrue(bad.err().contains("a.parquet"), bad.err());
        CliResult level = CliResult.run("gps", "export-parquet", "--in", tlg.toString(), "--out",
                parquet.toString(), "--level", "40");
        assertEquals(2, level.code(), level.err());
        CliResult missing = CliResult.run("gps", "import-parquet", "--in", dir.resolve("none.parquet").toString(),
                "--out", dir.resolve("c.tlg").toString());
        assertEquals(2, missing.code(), missing.err());
    }
}
