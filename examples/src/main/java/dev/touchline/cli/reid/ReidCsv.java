package dev.touchline.cli.reid;

import dev.touchline.cli.BadInputException;
import dev.touchline.reid.BadReidDataException;
import dev.touchline.reid.Embeddings;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the gallery and query CSV files of {@code touchline reid match}: {@code <id>,time_s,e0,…,e<D-1>} then
 * optionally {@code h,s,v} (hue in degrees, saturation and value in [0, 1]), {@code height_m}, and {@code team}
 * ({@code home}, {@code away}, {@code referee} or empty). Every error names the file and the 1-based line.
 */
final class ReidCsv {
    private static final Set<String> TEAMS = Set.of("", "home", "away", "referee");

    /** One parsed row. */
    record Row(long line, String id, double timeSeconds, float[] embedding, float hue, float sat, float val,
               float heightMetres, String team) {
    }

    /** A parsed file. */
    record Table(int dimension, List<Row> rows) {
    }

    private ReidCsv() {
    }

    static Table read(Path file, String idColumn, boolean queries) throws IOException, BadInputException {
        String name = file.toString();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                throw new BadInputException(name + ":1: empty file, expected a header row");
            }
            String[] cols = header.trim().split(",", -1);
            if (cols.length < 3 || !cols[0].equals(idColumn) || !cols[1].equals("time_s")) {
                throw new BadInputException(name + ":1: header must start with " + idColumn + ",time_s,e0, was '"
                        + header + "'");
            }
            int dim = 0;
            while (2 + dim < cols.length && cols[2 + dim].equals("e" + dim)) {
                dim++;
            }
            if (dim == 0) {
                throw new BadInputException(name + ":1: no embedding columns e0, e1, ...");
            }
            int c = 2 + dim;
            int hsv = -1;
            int height = -1;
            int team = -1;
            if (c + 2 < cols.length && cols[c].equals("h") && cols[c + 1].equals("s") && cols[c + 2].equals("v")) {
                hsv = c;
                c += 3;
            }
            if (c < cols.length && cols[c].equals("height_m")) {
                height = c++;
            }
            if (c < cols.length && cols[c].equals("team")) {
                team = c++;
            }
            if (c != cols.length) {
                throw new BadInputException(name + ":1: unexpected column '" + cols[c] + "' (after e" + (dim - 1)
                        + " come optional h,s,v then height_m then team)");
            }
            List<Row> rows = new ArrayList<>();
            long line = 1;
            String text;
            while ((text = r.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] f = text.split(",", -1);
                if (f.length != cols.length) {
                    throw new BadInputException(name + ":" + line + ": expected " + cols.length + " fields, found "
                            + f.length + " (embedding dimension from the header is " + dim + ")");
                }
                String id = f[0].trim();
                if (id.isEmpty()) {
                    throw new BadInputException(name + ":" + line + ": empty " + idColumn);
                }
                double t = number(f, 1, cols, name, line);
                float[] e = new float[dim];
                for (int i = 0; i < dim; i++) {
                    e[i] = (float) number(f, 2 + i, cols, name, line);
                }
                try {
                    Embeddings.check(e, 0, dim, name, line);
                } catch (BadReidDataException ex) {
                    throw new BadInputException(ex.getMessage().replace(name + ": row " + line, name + ":" + line),
                            ex);
                }
                float h = Float.NaN;
                float s = Float.NaN;
                float v = Float.NaN;
                if (hsv >= 0) {
                    h = (float) number(f, hsv, cols, name, line);
                    s = (float) number(f, hsv + 1, cols, name, line);
                    v = (float) number(f, hsv + 2, cols, name, line);
                    if (!(h >= 0 && h < 360) || !(s >= 0 && s <= 1) || !(v >= 0 && v <= 1)) {
                        throw new BadInputException(name + ":" + line + ": h must be in [0, 360) and s, v in [0, 1],"
                                + " were " + h + ", " + s + ", " + v);
                    }
                }
                float hm = Float.NaN;
                if (height >= 0) {
                    hm = (float) number(f, height, cols, name, line);
                    if (!(hm > 0.5 && hm < 2.5)) {
                        throw new BadInputException(name + ":" + line + ": height_m must be in (0.5, 2.5), was " + hm);
                    }
                }
                String tm = team >= 0 ? f[team].trim() : "";
                if (!TEAMS.contains(tm)) {
                    throw new BadInputException(name + ":" + line + ": team must be home, away, referee or empty, "
                            + "was '" + tm + "'");
                }
                rows.add(new Row(line, id, t, e, h, s, v, hm, tm));
            }
            return new Table(dim, rows);
        }
    }

    private static double number(String[] f, int i, String[] cols, String name, long line) throws BadInputException {
        try {
            double d = Double.parseDouble(f[i].trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadInputException(name + ":" + line + ": column " + cols[i] + ": not a finite number '" + f[i]
                    + "'");
        }
    }
}
