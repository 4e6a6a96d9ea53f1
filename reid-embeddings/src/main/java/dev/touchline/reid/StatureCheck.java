package dev.touchline.reid;

import java.util.Objects;

/**
 * Vetoes a pair when the tracker's stature estimate of the query differs from the player's roster stature by
 * more than a tolerance (default ±4 cm). A query without an estimate, or a player without a roster stature,
 * passes.
 */
public final class StatureCheck implements ConsistencyCheck {
    /** Default tolerance: 4 cm. */
    public static final double DEFAULT_TOLERANCE_METRES = 0.04;

    private final RosterIndex roster;
    private final double toleranceMetres;

    /**
     * A stature check.
     *
     * @param roster statures by player id
     * @param toleranceMetres allowed absolute difference in metres, > 0
     */
    public StatureCheck(RosterIndex roster, double toleranceMetres) {
        this.roster = Objects.requireNonNull(roster, "roster");
        if (!(toleranceMetres > 0 && toleranceMetres < 1)) {
            throw new IllegalArgumentException("toleranceMetres must be in (0, 1), was " + toleranceMetres);
        }
        this.toleranceMetres = toleranceMetres;
    }

    @Override
    public boolean admissible(QueryFrame frame, int query, int playerId) {
        float est = frame.stature(query);
        double ref = roster.statureMetres(playerId);
        return Float.isNaN(est) || Double.isNaN(ref) || Math.abs(est - ref) <= toleranceMetres;
    }
}
