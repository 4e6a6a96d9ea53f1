package dev.touchline.cli.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fast CSV writer for numeric columns: formats numbers straight into a byte buffer (no {@code String.format},
 * no per-value objects), so that hundreds of megabytes of samples can be written in seconds. Not thread-safe.
 */
public final class CsvWriter implements Closeable {
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L};

    private final Path path;
    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private final byte[] digits = new byte[24];
    private int position;
    private boolean lineStart = true;
    private long rows;

    private CsvWriter(Path path, OutputStream out) {
        this.path = path;
        this.out = out;
    }

    /** Creates (or truncates) a file and writes its header row. */
    public static CsvWriter create(Path path, String header) throws IOException {
        Path parent = path.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        CsvWriter w = new CsvWriter(path, Files.newOutputStream(path));
        w.raw(header);
        w.newlineRaw();
        return w;
    }

    /** The file being written. */
    public Path path() {
        return path;
    }

    /** Data rows written so far (the header is not counted). */
    public long rows() {
        return rows;
    }

    /** Appends a fixed-point number with {@code decimals} digits after the point (0 to 9), rounded half up. */
    public CsvWriter fixed(double value, int decimals) throws IOException {
        separator();
        if (Double.isNaN(value)) {
            return this; // empty field: unknown
        }
        long scaled = Math.round(value * POW10[decimals]);
        if (scaled < 0) {
            put((byte) '-');
            scaled = -scaled;
        }
        long whole = scaled / POW10[decimals];
        long frac = scaled % POW10[decimals];
        digitsOf(whole);
        if (decimals > 0) {
            put((byte) '.');
            for (int d = decimals - 1; d >= 0; d--) {
                put((byte) ('0' + (frac / POW10[d]) % 10));
            }
        }
        return this;
    }

    /** Appends an integer. */
    public CsvWriter integer(long value) throws IOException {
        separator();
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                raw(Long.toString(value));
                return this;
            }
            put((byte) '-');
            value = -value;
        }
        digitsOf(value);
        return this;
    }

    /** Appends a double in its shortest exact decimal form (round-trips through {@link Double#parseDouble}). */
    public CsvWriter exact(double value) throws IOException {
        separator();
        if (!Double.isNaN(value)) {
            raw(Double.toString(value));
        }
        return this;
    }

    /** Appends a text field; quotes it when it contains a comma, quote or line break. */
    public CsvWriter text(String value) throws IOException {
        separator();
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (quote) {
            raw('"' + value.replace("\"", "\"\"") + '"');
        } else {
            raw(value);
        }
        return this;
    }

    /** Appends an empty field. */
    public CsvWriter empty() throws IOException {
        separator();
        return this;
    }

    /** Ends the current row. */
    public void endRow() throws IOException {
        newlineRaw();
        rows++;
    }

    private void separator() throws IOException {
        if (!lineStart) {
            put((byte) ',');
        }
        lineStart = false;
    }

    private void newlineRaw() throws IOException {
        put((byte) '\n');
        lineStart = true;
    }

    private void digitsOf(long value) throws IOException {
        int n = 0;
        do {
            digits[n++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        while (n > 0) {
            put(digits[--n]);
        }
    }

    private void raw(String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            put(b);
        }
    }

    private void put(byte b) throws IOException {
        if (position == buffer.length) {
            out.write(buffer, 0, position);
            position = 0;
        }
        buffer[position++] = b;
    }

    @Override
    public void close() throws IOException {
        try {
            out.write(buffer, 0, position);
            position = 0;
        } finally {
            out.close();
        }
    }
}
