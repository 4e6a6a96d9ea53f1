package dev.touchline.formats.tracking;

import dev.touchline.formats.FormatException;
import dev.touchline.sensor.pitch.PitchDimensions;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads a Friends-of-Tracking "Last Row" play: a CSV with columns {@code player, frame, x, y} (others ignored),
 * one row per object per frame, 20 frames per second (quoted fields such as {@code "(54.1, 176.2)"} allowed),
 * {@code x} and {@code y} in pitch units 0–100 along and across the pitch. Positions are converted to CDF metres on the given pitch: {@code x_m = (x/100 − 0.5)·length},
 * {@code y_m = (y/100 − 0.5)·width} (the source's y direction is kept). The row whose {@code team} column is empty
 * is the ball. Frame {@code n} is at {@code n × 50 ms} from the clip's start (the source has no clock).
 */
public final class LastRowReader {
    /** The source's frame rate, Hz. */
    public static final double FRAME_RATE_HERTZ = 20.0;

    private final PitchDimensions pitch;

    /** A reader mapping pitch units onto {@code pitch}. */
    public LastRowReader(PitchDimensions pitch) {
        this.pitch = Objects.requireNonNull(pitch, "pitch");
    }

    /** A reader for the standard 105 × 68 m pitch. */
    public static LastRowReader standard() {
        return new LastRowReader(PitchDimensions.STANDARD);
    }

    /** Reads a file ({@code .gz} is decompressed). */
    public TrackingClip read(Path file) throws IOException {
        try (QuotedCsvLines lines = QuotedCsvLines.open(file)) {
            return read(lines);
        }
    }

    /** Reads CSV text from {@code reader} (not closed), named {@code source} in errors. */
    public TrackingClip read(BufferedReader reader, String source) throws IOException {
        return read(new QuotedCsvLines(reader, source));
    }

    private TrackingClip read(QuotedCsvLines lines) throws IOException {
        String[] header = lines.next();
        if (header.length == 0) {
            throw new FormatException(lines.source(), 0, "empty file: no header row");
        }
        int player = column(lines, header, "player");
        int frame = column(lines, header, "frame");
        int x = column(lines, header, "x");
        int y = column(lines, header, "y");
        int team = optionalColumn(header, "team");
        int needed = Math.max(Math.max(player, frame), Math.max(x, y)) + 1;
        long frameMicros = Math.round(1e6 / FRAME_RATE_HERTZ);
        ClipBuilder clip = new ClipBuilder(lines.source());
        for (String[] f = lines.next(); f.length > 0; f = lines.next()) {
            if (f.length < needed) {
                throw new FormatException(lines.source(), lines.lineNumber(), "row has " + f.length
                        + " fields, expected at least " + needed);
            }
            String teamName = team >= 0 && team < f.length ? f[team] : "";
            if (f[player].isEmpty()) {
                throw new FormatException(lines.source(), lines.lineNumber(), "empty player id");
            }
            int id = clip.object(f[player], teamName, team >= 0 && teamName.isEmpty());
            double n = number(lines, f[frame], "frame");
            if (!(n >= 0) || n != Math.rint(n) || n > Integer.MAX_VALUE) {
                throw new FormatException(lines.source(), lines.lineNumber(), "frame '" + f[frame]
                        + "' is not a whole number >= 0");
            }
            double px = number(lines, f[x], "x");
            double py = number(lines, f[y], "y");
            clip.add(lines.lineNumber(), (int) n, (long) n * frameMicros, id,
                    (px / 100 - 0.5) * pitch.lengthMetres(), (py / 100 - 0.5) * pitch.widthMetres());
        }
        return clip.build(FRAME_RATE_HERTZ);
    }

    private static int column(QuotedCsvLines lines, String[] header, String name) throws FormatException {
        int i = optionalColumn(header, name);
        if (i < 0) {
            throw new FormatException(lines.source(), lines.lineNumber(), "no column '" + name + "' in the header");
        }
        return i;
    }

    private static double number(QuotedCsvLines lines, String field, String what) throws FormatException {
        if (field.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new FormatException(lines.source(), lines.lineNumber(), what + " '" + field + "' is not a number",
                    e);
        }
    }

    private static int optionalColumn(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
