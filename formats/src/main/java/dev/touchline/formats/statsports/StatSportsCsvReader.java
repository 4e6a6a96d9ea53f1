package dev.touchline.formats.statsports;

import dev.touchline.formats.CsvLines;
import dev.touchline.formats.FormatException;
import dev.touchline.formats.GpsFixCollector;
import dev.touchline.formats.GpsReadResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Reads a STATSports GNSS export (columns {@code Time} as time of day {@code HH:MM:SS.ss}, {@code Lat}, {@code Lon},
 * {@code Speed km/h}; others ignored). The file carries no date: the reader takes it as a parameter (default the
 * Unix epoch day, 1970-01-01) and interprets the time of day as UTC. A time of day that falls by more than 12 h is
 * taken as a session crossing midnight and moves to the next day.
 */
public final class StatSportsCsvReader {
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final long HALF_DAY = MICROS_PER_DAY / 2;
    private final long dayStartMicros;

    private StatSportsCsvReader(LocalDate date) {
        this.dayStartMicros = Math.multiplyExact(date.toEpochDay(), MICROS_PER_DAY);
    }

    /** A reader that puts the fixes on {@code date} (UTC). */
    public static StatSportsCsvReader onDate(LocalDate date) {
        return new StatSportsCsvReader(date);
    }

    /** A reader that puts the fixes on the Unix epoch day. */
    public static StatSportsCsvReader onEpochDay() {
        return new StatSportsCsvReader(LocalDate.EPOCH);
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
        int time = lines.column(header, "Time");
        int lat = lines.column(header, "Lat");
        int lon = lines.column(header, "Lon");
        int speed = lines.column(header, "Speed km/h");
        int width = Math.max(Math.max(time, lat), Math.max(lon, speed)) + 1;
        GpsFixCollector fixes = new GpsFixCollector(lines.source());
        long day = dayStartMicros;
        long previousOfDay = Long.MIN_VALUE;
        for (String[] f = lines.next(); f.length > 0; f = lines.next()) {
            lines.requireFields(f, width);
            long ofDay = timeOfDay(lines, f[time]);
            if (previousOfDay != Long.MIN_VALUE && ofDay < previousOfDay - HALF_DAY) {
                day += MICROS_PER_DAY;
            }
            previousOfDay = ofDay;
            double kmh = lines.number(f[speed], "Speed km/h");
            fixes.offer(lines.lineNumber(), day + ofDay, lines.number(f[lat], "Lat"), lines.number(f[lon], "Lon"),
                    (float) (kmh / 3.6));
        }
        return fixes.result();
    }

    private static long timeOfDay(CsvLines lines, String text) throws FormatException {
        String[] parts = text.split(":");
        try {
            if (parts.length != 3) {
                throw new NumberFormatException("expected HH:MM:SS.ss");
            }
            int h = Integer.parseInt(parts[0]);
            int m = Integer.parseInt(parts[1]);
            double s = Double.parseDouble(parts[2]);
            if (h < 0 || h > 23 || m < 0 || m > 59 || !(s >= 0 && s < 61)) {
                throw new NumberFormatException("field out of range");
            }
            return (h * 3600L + m * 60L) * 1_000_000L + Math.round(s * 1e6);
        } catch (NumberFormatException e) {
            throw new FormatException(lines.source(), lines.lineNumber(), "Time '" + text
                    + "' is not a time of day HH:MM:SS.ss (" + e.getMessage() + ")", e);
        }
    }
}
