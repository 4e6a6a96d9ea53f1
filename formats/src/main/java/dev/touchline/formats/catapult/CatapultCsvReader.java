package dev.touchline.formats.catapult;

import dev.touchline.formats.CsvLines;
import dev.touchline.formats.GpsFixCollector;
import dev.touchline.formats.GpsReadResult;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a Catapult GNSS CSV export ({@code Timestamp} in Excel serial days, {@code Longitude}, {@code Latitude};
 * no speed, so speed is NaN). Excel's 1900 date system counts days from 1899-12-30 (its serial 25,569 is
 * 1970-01-01); time stamps are taken as UTC and rounded to the microsecond.
 */
public final class CatapultCsvReader {
    /** Excel serial day of 1970-01-01. */
    public static final double EXCEL_EPOCH_SERIAL = 25_569.0;

    private CatapultCsvReader() {
    }

    /** A reader. */
    public static CatapultCsvReader create() {
        return new CatapultCsvReader();
    }

    /** Epoch microseconds of an Excel serial day number, rounded to the microsecond. */
    public static long excelSerialToMicros(double serialDays) {
        return Math.round((serialDays - EXCEL_EPOCH_SERIAL) * 86_400e6);
    }

    /** Reads a file (plain or {@code .gz}). */
    public GpsReadResult read(Path file) throws IOException {
        try (CsvLines lines = CsvLines.open(file)) {
            return read(lines);
        }
    }

    /** Reads from open lines. */
    public GpsReadResult read(CsvLines lines) throws IOException {
        String[] header = lines.header();
        int time = lines.column(header, "Timestamp");
        int lon = lines.column(header, "Longitude");
        int lat = lines.column(header, "Latitude");
        int width = Math.max(time, Math.max(lat, lon)) + 1;
        GpsFixCollector fixes = new GpsFixCollector(lines.source());
        for (String[] f = lines.next(); f.length > 0; f = lines.next()) {
            lines.requireFields(f, width);
            double serial = lines.number(f[time], "Timestamp");
            if (!Double.isFinite(serial) || Math.abs(serial) > 3_000_000) {
                throw new dev.touchline.formats.FormatException(lines.source(), lines.lineNumber(),
                        "Timestamp '" + f[time] + "' is not an Excel serial day");
            }
            fixes.offer(lines.lineNumber(), excelSerialToMicros(serial), lines.number(f[lat], "Latitude"),
                    lines.number(f[lon], "Longitude"), Float.NaN);
        }
        return fixes.result();
    }
}
