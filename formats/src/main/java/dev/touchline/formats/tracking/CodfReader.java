package dev.touchline.formats.tracking;

import dev.touchline.formats.CsvLines;
import dev.touchline.formats.FormatException;
import dev.touchline.sensor.pitch.PitchDimensions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads SoccerTrack / SportsLabKit CODF CSV: three header rows ({@code TeamID}, {@code PlayerID},
 * {@code Attributes}: one pair of columns {@code x, y} per object), a row starting with {@code frame}, then one row
 * per frame: the frame number and each object's x and y in metres from a corner of the pitch (an empty pair means
 * the object is not on record in that frame). Positions are shifted to CDF (centre origin) on the given pitch.
 * Team id 3 is the ball, as in SportsLabKit. The frame rate is a parameter (SoccerTrack's clips are 25 fps).
 */
public final class CodfReader {
    /** SportsLabKit's team id of the ball. */
    public static final String BALL_TEAM = "3";

    private final PitchDimensions pitch;
    private final double frameRateHertz;

    /**
     * A reader.
     *
     * @param pitch the pitch the corner-origin coordinates refer to
     * @param frameRateHertz frames per second, finite and &gt; 0
     */
    public CodfReader(PitchDimensions pitch, double frameRateHertz) {
        this.pitch = Objects.requireNonNull(pitch, "pitch");
        if (!(frameRateHertz > 0) || Double.isInfinite(frameRateHertz)) {
            throw new IllegalArgumentException("frameRateHertz must be finite and > 0 Hz, was " + frameRateHertz);
        }
        this.frameRateHertz = frameRateHertz;
    }

    /** A reader for the standard 105 × 68 m pitch at 25 fps. */
    public static CodfReader standard() {
        return new CodfReader(PitchDimensions.STANDARD, 25.0);
    }

    /** Reads a file ({@code .gz} is decompressed). */
    public TrackingClip read(Path file) throws IOException {
        try (CsvLines lines = CsvLines.open(file)) {
            return read(lines);
        }
    }

    /** Reads from already opened lines. */
    public TrackingClip read(CsvLines lines) throws IOException {
        String[] teams = expect(lines, lines.header(), "TeamID");
        String[] players = expect(lines, lines.next(), "PlayerID");
        String[] attributes = expect(lines, lines.next(), "Attributes");
        if (teams.length != players.length || teams.length != attributes.length) {
            throw new FormatException(lines.source(), lines.lineNumber(), "header rows have " + teams.length
                    + ", " + players.length + " and " + attributes.length + " fields; expected the same count");
        }
        int columns = teams.length;
        if (columns < 3 || (columns - 1) % 2 != 0) {
            throw new FormatException(lines.source(), lines.lineNumber(), "expected a label and pairs of x, y"
                    + " columns, found " + columns + " fields");
        }
        ClipBuilder clip = new ClipBuilder(lines.source());
        int objects = (columns - 1) / 2;
        int[] ids = new int[objects];
        for (int k = 0; k < objects; k++) {
            int cx = 1 + 2 * k;
            if (!attributes[cx].equalsIgnoreCase("x") || !attributes[cx + 1].equalsIgnoreCase("y")
                    || !teams[cx].equals(teams[cx + 1]) || !players[cx].equals(players[cx + 1])) {
                throw new FormatException(lines.source(), lines.lineNumber(), "columns " + (cx + 1) + " and "
                        + (cx + 2) + " are not an x, y pair of one object");
            }
            ids[k] = clip.object(teams[cx] + "/" + players[cx], teams[cx], BALL_TEAM.equals(teams[cx]));
        }
        String[] f = lines.next();
        if (f.length > 0 && f[0].equalsIgnoreCase("frame")) {
            f = lines.next();
        }
        long frameMicros = Math.round(1e6 / frameRateHertz);
        for (; f.length > 0; f = lines.next()) {
            if (f.length != columns) {
                throw new FormatException(lines.source(), lines.lineNumber(), "row has " + f.length
                        + " fields, expected " + columns);
            }
            double n = lines.number(f[0], "frame");
            if (!(n >= 0) || n != Math.rint(n) || n > Integer.MAX_VALUE) {
                throw new FormatException(lines.source(), lines.lineNumber(), "frame '" + f[0]
                        + "' is not a whole number >= 0");
            }
            for (int k = 0; k < objects; k++) {
                String sx = f[1 + 2 * k];
                String sy = f[2 + 2 * k];
                if (sx.isEmpty() && sy.isEmpty()) {
                    continue;
                }
                double px = lines.number(sx, "x");
                double py = lines.number(sy, "y");
                clip.add(lines.lineNumber(), (int) n, Math.round(n * frameMicros), ids[k],
                        px - pitch.halfLength(), py - pitch.halfWidth());
            }
        }
        return clip.build(frameRateHertz);
    }

    private static String[] expect(CsvLines lines, String[] row, String label) throws FormatException {
        if (row.length == 0 || !row[0].equalsIgnoreCase(label)) {
            throw new FormatException(lines.source(), lines.lineNumber(), "expected a header row starting with '"
                    + label + "'");
        }
        return row;
    }
}
