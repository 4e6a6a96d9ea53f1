package dev.touchline.fusion;

import java.io.IOException;

/**
 * Input data that cannot be processed honestly: a non-finite sample, time stamps going backwards, a rate far from
 * its nominal value, a malformed file. The message names the source (file, line or sample index) and the value.
 */
public final class BadSensorDataException extends IOException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message naming the source and the offending value. */
    public BadSensorDataException(String message) {
        super(message);
    }

    /** An exception with a message and the underlying cause. */
    public BadSensorDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
