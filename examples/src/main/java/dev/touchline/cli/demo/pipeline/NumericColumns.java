package dev.touchline.cli.demo.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Named numeric columns of a CSV file with a header row, as primitive arrays. Errors are
 * {@link SessionDataException}s naming the file and line.
 */
final class NumericColumns {
    final double[][] columns;
    final int rows;

    private NumericColumns(double[][] columns, int rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /** Columns already in memory (e.g. a WFDB record's); the arrays are taken, not copied. */
    static NumericColumns of(double[][] columns, int rows) {
        return new NumericColumns(columns, rows);
    }

    static NumericColumns read(Path file, String... names) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null) {
                throw new SessionDataException(file + ": empty file, expected a header row");
            }
            List<String> header = Arrays.stream(first.split(",", -1)).map(String::strip).toList();
            int[] index = new int[names.length];
            for (int k = 0; k < names.length; k++) {
                index[k] = header.indexOf(names[k]);
                if (index[k] < 0) {
                    throw new SessionDataException(file + " line 1: no column " + names[k] + " in " + header);
                }
            }
            double[][] cols = new double[names.length][4096];
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
                    for (int k = 0; k < cols.length; k++) {
                        cols[k] = Arrays.copyOf(cols[k], n * 2);
                    }
                }
                for (int k = 0; k < names.length; k++) {
                    if (index[k] >= f.length) {
                        throw new SessionDataException(file + " line " + lineNo + ": missing column " + names[k]);
                    }
                    try {
                        cols[k][n] = Double.parseDouble(f[index[k]].strip());
                    } catch (NumberFormatException e) {
                        throw new SessionDataException(file + " line " + lineNo + ": " + names[k] + " '"
                                + f[index[k]] + "' is not a number");
                    }
                }
                n++;
            }
            for (int k = 0; k < cols.length; k++) {
                cols[k] = Arrays.copyOf(cols[k], n);
            }
            return new NumericColumns(cols, n);
        }
    }
}
