package dev.touchline.formats;

import java.io.IOException;

/** An input file this module cannot read: the message names the file and the line (1-based) where it failed. */
public final class FormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;

    /** A failure in {@code source} at 1-based {@code line} (0 when it concerns the whole file). */
    public FormatException(String source, long line, String message) {
        super(source + (line > 0 ? ":" + line : "") + ": " + message);
        this.source = source;
        this.line = line;
    }

    /** The same, caused by {@code cause}. */
    public FormatException(String source, long line, String message, Throwable cause) {
        super(source + (line > 0 ? ":" + line : "") + ": " + message, cause);
        this.source = source;
        this.line = line;
    }

    /** The file (or stream name) that failed. */
    public String source() {
        return source;
    }

    /** The 1-based line that failed, 0 for the whole file. */
    public long line() {
        return line;
    }
}
