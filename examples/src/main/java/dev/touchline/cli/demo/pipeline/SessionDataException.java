package dev.touchline.cli.demo.pipeline;

import java.io.IOException;

/** A session directory's file is not what {@code touchline process} expects; the message names file and line. */
public final class SessionDataException extends IOException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message naming the file and line. */
    public SessionDataException(String message) {
        super(message);
    }
}
