package dev.touchline.formats.tracking;

import java.util.Objects;

/**
 * One tracked object of a clip: a player, official or the ball.
 *
 * @param name the source's identifier of the object (player id, person id)
 * @param team the source's team label, empty when the source gives none
 * @param ball whether this object is the ball
 */
public record TrackedObject(String name, String team, boolean ball) {
    /** Checks the components are not null. */
    public TrackedObject {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(team, "team");
    }
}
