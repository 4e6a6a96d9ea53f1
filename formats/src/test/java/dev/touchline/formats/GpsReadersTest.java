package dev.touchline.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.formats.catapult.CatapultCsvReader;
import dev.touchline.formats.csv.GpsCsvReader;
import dev.touchline.formats.statsports.StatSportsCsvReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The three GNSS CSV readers on small inline files (written here, not copied from any real export). */
class GpsReadersTest {
    private static CsvLines lines(String text) {
        return new CsvLines(new BufferedReader(new StringReader(text)), "inline.csv");
    }

    @Test
    void statsportsTakesTheDateFromTheCallerAndConvertsKmh() throws IOException {
        String text = "Player Id, Player Display Name, Time, Elapsed Time (s), Lat, Lon,  Speed km/h, X, HR\n"
                + "1,A,10:00:00.00,0,50.0,7.0,3.6,0,0\n"
                + "1,A,10:00:00.10,0.1,50.000001,7.0,7.2,0,0\n";
        GpsReadResult r = StatSportsCsvReader.onDate(LocalDate.of(2024, 3, 1)).read(lines(text));
        long day = LocalDate.of(2024, 3, 1).toEpochDay() * 86_400_000_000L;
        assertEquals(2, r.track().length());
        assertEquals(day + 36_000_000_000L, r.track().timeMicros(0));
        assertEquals(day + 36_000_100_000L, r.track().timeMicros(1));
        assertEquals(1.0f, r.track().speedMetresPerSecond(0), 1e-6f);
        assertEquals(36_000_000_000L, StatSportsCsvReader.onEpochDay().read(lines(text)).track().timeMicros(0));
    }

    @Test
    void invalidFixesAreRejectedWithReasonsAndTheRestIsKept() throws IOException {
        String text = GpsCsvReader.HEADER + "\n"
                + "1000,50.0,7.0,1.5\n"
                + "2000,NaN,7.0,1.5\n"
                + "3000,91.0,7.0,1.5\n"
                + "4000,50.0,-180.5,1.5\n"
                + "5000,50.0,7.0,\n"
                + "4500,50.0,7.0,1.0\n"
                + "6000,50.0,7.0,-2\n"
                + "7000,-33.9,151.2,0\n";
        GpsReadResult r = GpsCsvReader.create().read(lines(text));
        assertEquals(3, r.track().length());
        assertTrue(Float.isNaN(r.track().speedMetresPerSecond(1)));
        assertEquals(5, r.rejected().size());
        assertEquals(3, r.rejected().get(0).line());
        assertTrue(r.rejected().get(0).reason().contains("latitude"), r.rejected().get(0).reason());
        assertTrue(r.rejected().get(3).reason().contains("backwards"), r.rejected().get(3).reason());
        assertTrue(r.rejected().get(4).reason().contains("speed"), r.rejected().get(4).reason());
    }

    @Test
    void malformedRowsFailNamingFileAndLine() {
        FormatException e = assertThrows(FormatException.class, () -> GpsCsvReader.create()
                .read(lines(GpsCsvReader.HEADER + "\n1000,50.0,7.0,1\nabc,50,7,1\n")));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("inline.csv:3:"), e.getMessage());
        e = assertThrows(FormatException.class, () -> CatapultCsvReader.create()
                .read(lines("Timestamp, Longitude, Latitude\n44519.5,-9.1\n")));
        assertEquals(2, e.line());
        e = assertThrows(FormatException.class, () -> StatSportsCsvReader.onEpochDay()
                .read(lines("Time, Lat, Lon, Speed km/h\n25:00:00.0,1,2,3\n")));
        assertTrue(e.getMessage().contains("inline.csv:2"), e.getMessage());
        e = assertThrows(FormatException.class, () -> GpsCsvReader.create().read(lines("")));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void catapultExcelSerialDaysBecomeEpochMicros() throws IOException {
        assertEquals(0L, CatapultCsvReader.excelSerialToMicros(25_569.0));
        GpsReadResult r = CatapultCsvReader.create()
                .read(lines("Timestamp, Longitude, Latitude\n25569.5,-9.5,41.7\n"));
        assertEquals(43_200_000_000L, r.track().timeMicros(0));
        assertEquals(41.7, r.track().latDeg(0));
        assertEquals(-9.5, r.track().lonDeg(0));
        assertTrue(Float.isNaN(r.track().speedMetresPerSecond(0)));
    }
}
