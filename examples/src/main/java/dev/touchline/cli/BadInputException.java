package dev.touchline.cli;

/** Input data the CLI cannot use; the message names the file and line. Exit code 3. */
public final class BadInputException extends Exception {
    private static final long serialVersionUID = 1L;

    /** An error with a message naming the file and line. */
    public BadInputException(String message) {
        super(message);
    }

    /** An error with a message naming the file and line, and its cause. */
    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
