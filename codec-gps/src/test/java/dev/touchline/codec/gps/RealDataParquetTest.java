package dev.touchline.codec.gps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.touchline.codec.gps.parquet.GpsParquet;
import dev.touchline.codec.gps.parquet.ParquetCompression;
import dev.touchline.codec.gps.parquet.PlayerTrack;
import dev.touchline.sensor.GpsTrack;
import dev.touchline.testdata.RealData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports both real 10 Hz sets to Parquet in every compression and writer mode, reads each back with our reader and
 * with DuckDB, and prints the size in bits per fix (4 columns, whole session, no random access).
 */
@Tag("realdata")
class RealDataParquetTest {

    @Test
    void statsports(@TempDir Path dir) throws IOException, SQLException {
        check("statsports", VendorCsv.statsports(RealData.require("gps/statsports_U16_ID66.csv.gz")), dir);
    }

    @Test
    void catapult(@TempDir Path dir) throws IOException, SQLException {
        check("catapult", VendorCsv.catapult(RealData.require("gps/catapult_U18_ID1.csv.gz")), dir);
    }

    private static void check(String name, GpsTrack track, Path dir) throws IOException, SQLException {
        List<PlayerTrack> tracks = List.of(PlayerTrack.anonymous(track));
        for (ParquetCompression c : ParquetCompression.values()) {
            for (boolean legacy : new boolean[] {false, true}) {
                GpsParquet parquet = GpsParquet.builder().compression(c).legacyWriter(legacy).build();
                Path file = dir.resolve(name + "-" + c + "-" + legacy + ".parquet");
                parquet.writeAll(tracks, file);
                assertEquals(GpsParquetTest.expected(track), parquet.read(file), name + " " + c + " " + legacy);
                GpsParquetDuckDbTest.checkWithDuckDb(file, tracks, c, legacy);
                long bytes = Files.size(file);
                System.out.printf(Locale.ROOT, "%s parquet %s%s: %d fixes, %d bytes, %.3f bits/fix%n", name, c,
                        legacy ? " v1+dictionary" : " v2 DBP", track.length(), bytes, bytes * 8.0 / track.length());
            }
        }
    }
}
