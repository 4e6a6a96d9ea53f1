package dev.touchline.formats.csv;

import dev.touchline.formats.CsvLines;
import dev.touchline.formats.FormatException;
import dev.touchline.formats.GpsFixCollector;
import dev.touchline.formats.GpsReadResult;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads Touchline's generic GNSS CSV: header {@code time_us,lat_deg,lon_deg,speed_m_s} (exactly these columns, in
 * this order), epoch microseconds, degrees, m/s (empty or NaN for unknown speed).
 */
public final class GpsCsvReader {
    /** The header row. */
    public static final String HEADER = "time_us,lat_deg,lon_deg,speed_m_s";

    private GpsCsvReader() {
    }

    /** A reader. */
    public static GpsCsvReader create() {
        return new GpsCsvReader();
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
        if (!String.join(",", header).equals(HEADER)) {
            throw new FormatException(lines.source(), lines.lineNumber(), "header is '" + String.join(",", header)
                    + "', expected '" + HEADER + "'");
        }
        GpsFixCollector fixes = new GpsFixCollector(lines.source());
        for (String[] f = lines.next(); f.length > 0; f = lines.next()) {
            if (f.length != 4) {
                throw new FormatException(lines.source(), lines.lineNumber(), "row has " + f.length
                        + " fields, expected 4");
            }
            long time;
            try {
                time = Long.parseLong(f[0]);
            } catch (NumberFormatException e) {
                throw new FormatException(lines.source(), lines.lineNumber(), "time_us '" + f[0]
                        + "' is not an integer", e);
            }
            fixes.offer(lines.lineNumber(), time, lines.number(f[1], "lat_deg"), lines.number(f[2], "lon_deg"),
                    (float) lines.number(f[3], "speed_m_s"));
        }
        return fixes.result();
    }
}
