package dev.touchline.cli.io;

import dev.touchline.cli.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Named numeric columns of a CSV file with a header row, as primitive arrays; other columns are ignored. Errors
 * name the file and the line. The arrays are handed out as they are: callers read them and do not modify them.
 */
public final class NumericCsv {
    /** One array per requested column, in the order requested, each holding {@link #rows} values. */
    public final double[][] columns;
    /** Number of data rows. */
    public final int rows;

    private NumericCsv(double[][] columns, int rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /** Columns already in memory (e.g. a WFDB record's); the arrays are taken, not copied. */
    public static NumericCsv of(double[][] columns, int rows) {
        return new NumericCsv(columns, rows);
    }

    /** Reads the named columns; any number, NaN included, is accepted, and a file may have no data rows. */
    public static NumericCsv read(Path file, String... names) throws IOException, BadInputException {
        return read(file, false, names);
    }

    /**
     * Reads a time series: the first named column is time and must increase from row to row, every value must be
     * finite, and there must be at least 2 data rows.
     */
    public static NumericCsv readSeries(Path file, String... names) throws IOException, BadInputException {
        return read(file, true, names);
    }

    private static List<String> header(Path file, BufferedReader in) throws IOException, BadInputException {
        String line = in.readLine();
        if (line == null) {
            throw new BadInputException(file + ": empty file, expected a header row");
        }
        return Arrays.stream(line.split(",", -1)).map(String::strip).toList();
    }

    private static NumericCsv read(Path file, boolean series, String... names) throws IOException, BadInputException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> header = header(file, in);
            int[] index = new int[names.length];
            for (int k = 0; k < names.length; k++) {
                index[k] = header.indexOf(names[k]);
                if (index[k] < 0) {
                    throw new BadInputException(file + " line 1: no column " + names[k] + " in header " + header);
                }
            }
            double[][] cols = new double[names.length][1024];
            int n = 0;
            int lineNo = 1;
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (n == cols[0].length) {
                    for (int k = 0; k < names.length; k++) {
                        cols[k] = Arrays.copyOf(cols[k], 2 * n);
                    }
                }
                for (int k = 0; k < names.length; k++) {
                    if (index[k] >= f.length) {
                        throw new BadInputException(file + " line " + lineNo + ": missing column " + names[k]);
                    }
                    double v;
                    try {
                        v = Double.parseDouble(f[index[k]].strip());
                    } catch (NumberFormatException e) {
                        throw new BadInputException(file + " line " + lineNo + ": " + names[k] + " is not a number: '"
                                + f[index[k]] + "'");
                    }
                    if (series && !Double.isFinite(v)) {
                        throw new BadInputException(file + " line " + lineNo + ": " + names[k] + " is not finite: "
                                + f[index[k]]);
                    }
                    cols[k][n] = v;
                }
                if (series && n > 0 && cols[0][n] <= cols[0][n - 1]) {
                    throw new BadInputException(file + " line " + lineNo + ": " + names[0] + " " + cols[0][n]
                            + " does not increase over the previous row (" + cols[0][n - 1] + ")");
                }
                n++;
            }
            if (series && n < 2) {
                throw new BadInputException(file + ": needs at least 2 data rows, found " + n);
            }
            for (int k = 0; k < names.length; k++) {
                cols[k] = Arrays.copyOf(cols[k], n);
            }
            return new NumericCsv(cols, n);
        }
    }
}
