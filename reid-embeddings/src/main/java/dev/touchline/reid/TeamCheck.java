package dev.touchline.reid;

import dev.touchline.sensor.simulation.Roster;
import dev.touchline.sensor.simulation.RosterEntry;
import dev.touchline.sensor.simulation.TeamSide;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Restricts a query with a known team (the tracker's team classification, {@link QueryFrame#team(int)}) to the
 * identities of that team: a home query may only be a home player, a referee query only an official. A query
 * without a team, or a player whose team is not known, passes. Immutable.
 */
public final class TeamCheck implements ConsistencyCheck {
    private final Map<Integer, TeamSide> sides;

    private TeamCheck(Map<Integer, TeamSide> sides) {
        this.sides = Map.copyOf(sides);
    }

    /** A check from explicit player teams, keyed by player id. */
    public static TeamCheck of(Map<Integer, TeamSide> sidesByPlayerId) {
        return new TeamCheck(Objects.requireNonNull(sidesByPlayerId, "sidesByPlayerId"));
    }

    /** A check from a roster, keyed by player number. */
    public static TeamCheck of(Roster roster) {
        Map<Integer, TeamSide> m = new HashMap<>();
        for (RosterEntry e : roster.entries()) {
            m.put(e.playerNumber(), e.side());
        }
        return new TeamCheck(m);
    }

    /** The team of a player, empty if unknown. */
    public java.util.Optional<TeamSide> side(int playerId) {
        return java.util.Optional.ofNullable(sides.get(playerId));
    }

    @Override
    public boolean admissible(QueryFrame frame, int query, int playerId) {
        if (!frame.hasTeam(query)) {
            return true;
        }
        TeamSide p = sides.get(playerId);
        return p == null || p == frame.team(query);
    }
}
