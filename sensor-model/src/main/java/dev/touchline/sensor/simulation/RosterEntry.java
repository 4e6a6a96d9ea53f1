package dev.touchline.sensor.simulation;

import dev.touchline.sensor.PlayerId;

/**
 * One simulated object: a player or an official.
 *
 * @param objectIndex index of the object in every simulated block, 0-based and dense
 * @param playerNumber the number written in CSV {@code player_id} columns: 1–11 home, 12–22 away, 90+ officials
 *                     (with fewer players the numbering stays dense per team)
 * @param id the 16-byte identity (name-based UUID of the match seed and number)
 * @param side team
 * @param role role
 * @param jerseyNumber shirt number, 1–99
 * @param statureMetres standing height in metres, 1.65–1.95 for players
 * @param kit the kit worn
 * @param maxSpeedMetresPerSecond this object's top running speed in m/s
 */
public record RosterEntry(int objectIndex, int playerNumber, PlayerId id, TeamSide side, Role role,
                          int jerseyNumber, double statureMetres, KitColour kit, double maxSpeedMetresPerSecond) {
    /** Checks the ranges. */
    public RosterEntry {
        if (objectIndex < 0) {
            throw new IllegalArgumentException("objectIndex must be >= 0, was " + objectIndex);
        }
        if (jerseyNumber < 1 || jerseyNumber > 99) {
            throw new IllegalArgumentException("jerseyNumber must be in [1, 99], was " + jerseyNumber);
        }
        if (!(statureMetres >= 1.4 && statureMetres <= 2.2)) {
            throw new IllegalArgumentException("statureMetres must be in [1.4, 2.2], was " + statureMetres);
        }
        if (!(maxSpeedMetresPerSecond > 0 && maxSpeedMetresPerSecond <= 12.5)) {
            throw new IllegalArgumentException("maxSpeedMetresPerSecond must be in (0, 12.5], was "
                    + maxSpeedMetresPerSecond);
        }
    }
}
