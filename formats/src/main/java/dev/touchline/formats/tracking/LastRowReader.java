package dev.touchline.formats.tracking;

import dev.touchline.formats.CsvLines;
import dev.touchline.formats.FormatException;
import dev.touchline.sensor.pitch.PitchDimensions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads a Friends-of-Tracking "Last Row" play: a CSV with columns {@code player, frame, x, y} (others ignored),
 * one row per object per frame, 20 frames per second, {@code x} and {@code y} in pitch units 0–100 along and
 * across the pitch. Positions are converted to CDF metres on the given pitch: {@code x_m = (x/100 − 0.5)·length},
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
        try (CsvLines lines = CsvLines.open(file)) {
            return read(lines);
        }
    }

    /** Reads from already opened lines. */
    public TrackingClip read(CsvLines lines) throws IOException {
        String[] header = lines.header();
        int player = lines.column(header, "player");
        int frame = lines.column(header, "frame");
        int x = lines.column(header, "x");
        int y = lines.column(header, "y");
        int team = optionalColumn(header, "team");
        int needed = Math.max(Math.max(player, frame), Math.max(x, y)) + 1;
        long frameMicros = Math.round(1e6 / FRAME_RATE_HERTZ);
        ClipBuilder clip = new ClipBuilder(lines.source());
        for (String[] f = lines.next(); f.length > 0; f = lines.next()) {
            lines.requireFields(f, needed);
            String teamName = team >= 0 && team < f.length ? f[team] : "";
            if (f[player].isEmpty()) {
                throw new FormatException(lines.source(), lines.lineNumber(), "empty player id");
            }
            int id = clip.object(f[player], teamName, team >= 0 && teamName.isEmpty());
            double n = lines.number(f[frame], "frame");
            if (!(n >= 0) || n != Math.rint(n) || n > Integer.MAX_VALUE) {
                throw new FormatException(lines.source(), lines.lineNumber(), "frame '" + f[frame]
                        + "' is not a whole number >= 0");
            }
            double px = lines.number(f[x], "x");
            double py = lines.number(f[y], "y");
            clip.add(lines.lineNumber(), (int) n, (long) n * frameMicros, id,
                    (px / 100 - 0.5) * pitch.lengthMetres(), (py / 100 - 0.5) * pitch.widthMetres());
        }
        return clip.build(FRAME_RATE_HERTZ);
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
