package dev.touchline.cli.calibration;

import dev.touchline.cli.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A small CSV table with a header row, read whole; numeric fields are parsed with file:line error messages. */
final class CsvTable {
    private final Path path;
    private final List<String> header;
    private final List<String[]> rows = new ArrayList<>();
    private final List<Integer> lineNumbers = new ArrayList<>();

    private CsvTable(Path path, List<String> header) {
        this.path = path;
        this.header = header;
    }

    /** Reads the file; the header must name every required column. */
    static CsvTable read(Path path, String... required) throws BadInputException {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            if (first == null) {
                throw new BadInputException(path + ": empty file, expected a header with " + String.join(",", required));
            }
            List<String> header = Arrays.stream(first.replace("\uFEFF", "").split(",", -1)).map(String::trim).toList();
            for (String column : required) {
                if (!header.contains(column)) {
                    throw new BadInputException(path + ":1: missing column " + column + " (header: " + first
                            + "; expected " + String.join(",", required) + ")");
                }
            }
            CsvTable table = new CsvTable(path, header);
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length != header.size()) {
                    throw new BadInputException(path + ":" + number + ": " + fields.length + " fields, header has "
                            + header.size());
                }
                table.rows.add(fields);
                table.lineNumbers.add(number);
            }
            return table;
        } catch (NoSuchFileException e) {
            throw new BadInputException(path + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(path + ": cannot be read: " + e.getMessage(), e);
        }
    }

    int size() {
        return rows.size();
    }

    int line(int row) {
        return lineNumbers.get(row);
    }

    boolean has(String column) {
        return header.contains(column);
    }

    String text(int row, String column) {
        return rows.get(row)[header.indexOf(column)].trim();
    }

    double number(int row, String column) throws BadInputException {
        String value = text(row, column);
        try {
            double d = Double.parseDouble(value);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException("not finite");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadInputException(path + ":" + line(row) + ": " + column + " '" + value
                    + "' is not a finite number");
        }
    }
}
