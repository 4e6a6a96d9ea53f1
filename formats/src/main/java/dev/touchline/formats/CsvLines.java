package dev.touchline.formats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Line-by-line reading of the simple comma-separated exports handled here (no quoted fields), with the helpers the
 * readers share: opening plain or gzip files, finding header columns, parsing numbers with file:line errors.
 */
public final class CsvLines implements AutoCloseable {
    private final BufferedReader reader;
    private final String source;
    private long line;

    /** Lines of {@code reader}, named {@code source} in errors. */
    public CsvLines(BufferedReader reader, String source) {
        this.reader = reader;
        this.source = source;
    }

    /** Lines of a file; a name ending in {@code .gz} is read through gzip. */
    public static CsvLines open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            if (file.getFileName().toString().endsWith(".gz")) {
                in = new GZIPInputStream(in);
            }
        } catch (IOException e) {
            in.close();
            throw new FormatException(file.toString(), 0, "not a gzip file: " + e.getMessage(), e);
        }
        return new CsvLines(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
                file.toString());
    }

    /** The source name used in errors. */
    public String source() {
        return source;
    }

    /** 1-based number of the line last read. */
    public long lineNumber() {
        return line;
    }

    /** The fields of the next non-blank line, trimmed; an empty array at the end of input. */
    public String[] next() throws IOException {
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            line++;
            if (!text.isBlank()) {
                String[] fields = text.split(",", -1);
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = fields[i].trim();
                }
                return fields;
            }
        }
        return new String[0];
    }

    /** The header row; fails when the file is empty. */
    public String[] header() throws IOException {
        String[] header = next();
        if (header.length == 0) {
            throw new FormatException(source, 0, "empty file: no header row");
        }
        if (header.length > 0 && header[0].startsWith("\uFEFF")) {
            header[0] = header[0].substring(1);
        }
        return header;
    }

    /** The index of the column named {@code name} (case-insensitive), failing with the header's line. */
    public int column(String[] header, String name) throws FormatException {
        for (int i = 0; i < header.length; i++) {
            if (header[i].toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        throw new FormatException(source, line, "no column '" + name + "' in the header");
    }

    /** Checks a data row has at least {@code count} fields. */
    public void requireFields(String[] fields, int count) throws FormatException {
        if (fields.length < count) {
            throw new FormatException(source, line, "row has " + fields.length + " fields, expected at least "
                    + count);
        }
    }

    /** A decimal number; an empty field is NaN. */
    public double number(String field, String what) throws FormatException {
        if (field.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new FormatException(source, line, what + " '" + field + "' is not a number", e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
