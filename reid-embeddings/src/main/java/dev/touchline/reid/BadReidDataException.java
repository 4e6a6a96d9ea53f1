package dev.touchline.reid;

import java.io.IOException;

/**
 * Input data this module cannot use: an embedding of the wrong dimension, a NaN or all-zero vector, an unknown
 * player id, a malformed CSV row. The message names the source (file or stream) and the row (1-based line or
 * 0-based index, as stated).
 */
public final class BadReidDataException extends IOException {
    private static final long serialVersionUID = 1L;

    /** An error whose message names the source and row. */
    public BadReidDataException(String message) {
        super(message);
    }

    /** An error whose message names the source and row, with its cause. */
    public BadReidDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
