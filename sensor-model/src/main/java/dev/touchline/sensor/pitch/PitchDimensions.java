package dev.touchline.sensor.pitch;

/**
 * Size of a pitch. CDF coordinates put the origin at the centre spot, so x ∈ [−length/2, length/2] and
 * y ∈ [−width/2, width/2].
 *
 * @param lengthMetres touchline length in metres (goal to goal), 20 to 130 (IFAB allows 90 to 120 for
 *                     international matches; the wider range admits futsal and small-sided games)
 * @param widthMetres goal-line width in metres, 10 to 100
 */
public record PitchDimensions(double lengthMetres, double widthMetres) {
    /** The common 105 × 68 m pitch. */
    public static final PitchDimensions STANDARD = new PitchDimensions(105.0, 68.0);

    /** Validates both sides. */
    public PitchDimensions {
        if (!(lengthMetres >= 20 && lengthMetres <= 130)) {
            throw new IllegalArgumentException("lengthMetres must be in [20, 130], was " + lengthMetres);
        }
        if (!(widthMetres >= 10 && widthMetres <= 100)) {
            throw new IllegalArgumentException("widthMetres must be in [10, 100], was " + widthMetres);
        }
    }

    /** A pitch of the given size in metres. */
    public static PitchDimensions of(double lengthMetres, double widthMetres) {
        return new PitchDimensions(lengthMetres, widthMetres);
    }

    /** Half the length, metres: the x of the right-hand goal line. */
    public double halfLength() {
        return lengthMetres / 2;
    }

    /** Half the width, metres: the y of the top touchline. */
    public double halfWidth() {
        return widthMetres / 2;
    }

    /** Whether a CDF point lies on the pitch, lines included, with a margin in metres around it. */
    public boolean contains(double xMetres, double yMetres, double marginMetres) {
        return Math.abs(xMetres) <= halfLength() + marginMetres && Math.abs(yMetres) <= halfWidth() + marginMetres;
    }
}
