package dev.touchline.calibration;

/**
 * Inner corners of a chessboard found in an image, row-major: corner {@code row * cols + col}, with {@code cols}
 * corners along each row as the detector was asked. The numbering is right-handed in the image (the row direction
 * is the column direction turned by +90° with x right and y down). Every rectangular board looks the same after a
 * half turn, so two numberings remain valid; the detector picks the one whose corner 0 is nearer the image's
 * top-left. That is a convention, not a measurement: a square board's quarter turns are refused by the detector
 * only in the sense that {@code cols} must equal {@code rows} and the same rule applies.
 *
 * @param cols inner corners per row
 * @param rows inner corners per column
 * @param u    column coordinates, pixels, in the detector's pixel-centre convention
 * @param v    row coordinates, pixels
 */
public record ChessboardCorners(int cols, int rows, double[] u, double[] v) {
    /** Copies the arrays and checks their length is cols × rows. */
    public ChessboardCorners {
        if (cols < 2 || rows < 2 || u.length != cols * rows || v.length != cols * rows) {
            throw new IllegalArgumentException("need cols, rows >= 2 and cols*rows coordinates; got " + cols + "x"
                    + rows + " with " + u.length + " and " + v.length);
        }
        u = u.clone();
        v = v.clone();
    }

    /** Returns a copy. */
    @Override
    public double[] u() {
        return u.clone();
    }

    /** Returns a copy. */
    @Override
    public double[] v() {
        return v.clone();
    }
}
