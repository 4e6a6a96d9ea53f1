package dev.touchline.calibration;

import java.io.IOException;

/**
 * Bad calibration input: landmarks with NaN or infinite coordinates, duplicate landmarks, landmarks that lie on one
 * plane where a 3-D model needs depth, or too few landmarks for the model. The message names the landmark (or the
 * file and line, when the input came from a file) and, where there is one, the alternative that would work.
 */
public class CalibrationException extends IOException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message that names the offending landmark or file position. */
    public CalibrationException(String message) {
        super(message);
    }

    /** An exception with a message and the underlying cause. */
    public CalibrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
