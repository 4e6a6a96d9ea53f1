package dev.touchline.cli.fusion;

import dev.touchline.cli.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads named numeric columns of a CSV file with a header row into primitive arrays; other columns are ignored.
 * Errors name the file and the line.
 */
final class NumericCsv {
    final double[][] columns;
    final int rows;

    private NumericCsv(double[][] columns, int rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /** Whether the file's header has the column. */
    static boolean hasColumn(Path file, String name) throws IOException, BadInputException {
        return header(file).contains(name);
    }

    private static List<String> header(Path file) throws IOException, BadInputException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            if (line == null) {
                throw new BadInputException(file + ": empty file, expected a header row");
            }
            return Arrays.stream(line.split(",", -1)).map(String::strip).toList();
        }
    }

    static NumericCsv read(Path file, String... names) throws IOException, BadInputException {
        List<String> header = header(file);
        int[] index = new int[names.length];
        for (int k = 0; k < names.length; k++) {
            index[k] = header.indexOf(names[k]);
            if (index[k] < 0) {
                throw new BadInputException(file + " line 1: no column " + names[k] + " in header " + header);
            }
        }
        double[][] cols = new double[names.length][1024];
        int n = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.readLine();
            String line;
            int lineNo = 1;
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
                    if (!Double.isFinite(v)) {
                        throw new BadInputException(file + " line " + lineNo + ": " + names[k] + " is not finite: "
                                + f[index[k]]);
                    }
                    cols[k][n] = v;
                }
                if (n > 0 && cols[0][n] <= cols[0][n - 1]) {
                    throw new BadInputException(file + " line " + lineNo + ": " + names[0] + " " + cols[0][n]
                            + " does not increase over the previous row (" + cols[0][n - 1] + ")");
                }
                n++;
            }
        }
        if (n < 2) {
            throw new BadInputException(file + ": needs at least 2 data rows, found " + n);
        }
        return new NumericCsv(cols, n);
    }
}
