package dev.touchline.sensor.simulation;

/** A simulated object's role, which shapes how it moves. */
public enum Role {
    /** Goalkeeper: stays near the own goal, 4–6 km per match. */
    GOALKEEPER,
    /** Defender. */
    DEFENDER,
    /** Midfielder: covers the most ground. */
    MIDFIELDER,
    /** Forward. */
    FORWARD,
    /** Referee: follows play, 9–12 km per match. */
    REFEREE,
    /** Assistant referee: runs along one touchline, level with the second-last defender. */
    ASSISTANT_REFEREE;

    /** Whether this role is an outfield player (not a goalkeeper, not an official). */
    public boolean isOutfield() {
        return this == DEFENDER || this == MIDFIELDER || this == FORWARD;
    }

    /** Whether this role is a player of either team. */
    public boolean isPlayer() {
        return this != REFEREE && this != ASSISTANT_REFEREE;
    }
}
