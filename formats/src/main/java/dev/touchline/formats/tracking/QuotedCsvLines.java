package dev.touchline.formats.tracking;

import dev.touchline.formats.FormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * CSV lines whose fields may be quoted (RFC 4180 within one line: {@code "a, b"} is one field, {@code ""} inside
 * quotes is a quote). Last Row files carry such fields ({@code "(54.1, 176.2)"}). Fields are trimmed; blank lines
 * are skipped; errors name the source and the 1-based line.
 */
final class QuotedCsvLines implements AutoCloseable {
    private final BufferedReader reader;
    private final String source;
    private long line;

    QuotedCsvLines(BufferedReader reader, String source) {
        this.reader = reader;
        this.source = source;
    }

    static QuotedCsvLines open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            if (file.getFileName().toString().endsWith(".gz")) {
                in = new GZIPInputStream(in);
            }
        } catch (IOException e) {
            in.close();
            throw new FormatException(file.toString(), 0, "not a gzip file: " + e.getMessage(), e);
        }
        return new QuotedCsvLines(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
                file.toString());
    }

    String source() {
        return source;
    }

    long lineNumber() {
        return line;
    }

    /** The next non-blank line's fields; an empty array at the end of input. */
    String[] next() throws IOException {
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            line++;
            if (!text.isBlank()) {
                return split(text);
            }
        }
        return new String[0];
    }

    private String[] split(String text) throws FormatException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new FormatException(source, line, "unterminated quoted field");
        }
        fields.add(field.toString().trim());
        if (!fields.isEmpty() && fields.get(0).startsWith("\uFEFF")) {
            fields.set(0, fields.get(0).substring(1));
        }
        return fields.toArray(new String[0]);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
