package dev.touchline.calibration;

import java.util.Objects;

/**
 * A surveyed point of the venue and where it appears in the image.
 *
 * @param id  the landmark's name, unique within one calibration (used in error messages)
 * @param xM  pitch x, metres
 * @param yM  pitch y, metres
 * @param zM  height above the pitch, metres (0 for points on the grass)
 * @param uPx image column, pixels (to the right)
 * @param vPx image row, pixels (down)
 */
public record Landmark(String id, double xM, double yM, double zM, double uPx, double vPx) {
    /** Checks only that the id is present; values are checked by the calibrator, which reports bad input data. */
    public Landmark {
        Objects.requireNonNull(id, "id");
    }

    /** True when all five coordinates are finite numbers. */
    public boolean isFinite() {
        return Double.isFinite(xM) && Double.isFinite(yM) && Double.isFinite(zM)
                && Double.isFinite(uPx) && Double.isFinite(vPx);
    }
}
