package dev.touchline.cli.track;

import dev.touchline.cli.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a CSV file with a header row, line by line; finds columns by name, ignores extra columns, and turns
 * unreadable values into {@link BadInputException}s naming the file and line. Quoted fields may contain commas.
 */
final class CsvRows implements AutoCloseable {
    private final Path path;
    private final BufferedReader reader;
    private final List<String> header;
    private final List<String> fields = new ArrayList<>();
    private long line = 1;

    CsvRows(Path path) throws IOException, BadInputException {
        this.path = path;
        this.reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        String first = reader.readLine();
        if (first == null) {
            reader.close();
            throw new BadInputException(path + ":1: empty file, expected a header row");
        }
        List<String> h = new ArrayList<>();
        split(first.startsWith("\uFEFF") ? first.substring(1) : first, h);
        List<String> trimmed = new ArrayList<>();
        for (String s : h) {
            trimmed.add(s.trim().toLowerCase(Locale.ROOT));
        }
        this.header = trimmed;
    }

    /** Index of a column, or −1 when absent. */
    int column(String name) {
        return header.indexOf(name);
    }

    /** Index of a required column. */
    int required(String name) throws BadInputException {
        int c = column(name);
        if (c < 0) {
            throw new BadInputException(path + ":1: missing column " + name + " (header: " + String.join(",", header)
                    + ")");
        }
        return c;
    }

    /** Advances to the next non-blank row; false at the end. */
    boolean next() throws IOException {
        String s;
        do {
            s = reader.readLine();
            line++;
            if (s == null) {
                return false;
            }
        } while (s.isBlank());
        fields.clear();
        split(s, fields);
        return true;
    }

    /** Current line number (1 is the header). */
    long line() {
        return line;
    }

    /** Where the current row is, for messages. */
    String where() {
        return path + ":" + line;
    }

    /** The raw field, or "" when the row is short or the column absent. */
    String text(int column) {
        return column < 0 || column >= fields.size() ? "" : fields.get(column).trim();
    }

    /** A number; an empty field gives {@code empty}; "NaN" is allowed. */
    double number(int column, String name, double empty) throws BadInputException {
        String t = text(column);
        if (t.isEmpty()) {
            return empty;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new BadInputException(where() + ": " + name + " is not a number: '" + t + "'", e);
        }
    }

    /** A required integer. */
    long integer(int column, String name) throws BadInputException {
        String t = text(column);
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new BadInputException(where() + ": " + name + " is not an integer: '" + t + "'", e);
        }
    }

    private static void split(String s, List<String> out) {
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    b.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    b.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
