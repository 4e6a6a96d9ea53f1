package dev.touchline.sensor.simulation;

import dev.touchline.sensor.PlayerId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulated line-up: players of both teams followed by the officials, in object-index order.
 *
 * <p>Each team has one goalkeeper; the outfield players are split into defenders, midfielders and forwards in
 * the proportions of a 4-4-2. Statures are drawn from N(1.81 m, 0.06 m) for outfield players and N(1.89 m,
 * 0.04 m) for goalkeepers, clipped to [1.65, 1.95] m; outfield top speeds from U(7.6, 9.4) m/s.
 *
 * @param entries every object, index {@code i} has {@code objectIndex == i}
 */
public record Roster(List<RosterEntry> entries) {
    /** Home kit: navy shirt, white shorts (a dark kit). */
    public static final KitColour HOME_KIT = new KitColour(0x1B2A4A, 0xFFFFFF);
    /** Away kit: yellow shirt, blue shorts (a bright kit). */
    public static final KitColour AWAY_KIT = new KitColour(0xF5D400, 0x1F4E9E);
    /** Home goalkeeper kit. */
    public static final KitColour HOME_KEEPER_KIT = new KitColour(0x2E8B57, 0x2E8B57);
    /** Away goalkeeper kit. */
    public static final KitColour AWAY_KEEPER_KIT = new KitColour(0xFF8C00, 0x111111);
    /** Officials' kit. */
    public static final KitColour OFFICIAL_KIT = new KitColour(0x111111, 0x111111);

    /** Copies and checks the entries. */
    public Roster {
        entries = List.copyOf(entries);
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).objectIndex() != i) {
                throw new IllegalArgumentException("roster entry " + i + " has objectIndex "
                        + entries.get(i).objectIndex());
            }
        }
    }

    /**
     * Draws a roster.
     *
     * @param seed the match seed
     * @param players number of players, even, 2 to 22 (half per team, each team with one goalkeeper)
     * @param officials number of officials, 0 to 3 (a referee, then up to two assistant referees)
     */
    public static Roster generate(long seed, int players, int officials) {
        if (players < 2 || players > 22 || players % 2 != 0) {
            throw new IllegalArgumentException("players must be even and in [2, 22], was " + players);
        }
        if (officials < 0 || officials > 3) {
            throw new IllegalArgumentException("officials must be in [0, 3], was " + officials);
        }
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "roster", 0));
        List<RosterEntry> list = new ArrayList<>();
        int perTeam = players / 2;
        for (TeamSide side : new TeamSide[] {TeamSide.HOME, TeamSide.AWAY}) {
            Role[] roles = lineUp(perTeam);
            for (int k = 0; k < perTeam; k++) {
                Role role = roles[k];
                int number = (side == TeamSide.HOME ? 1 : 12) + k;
                boolean keeper = role == Role.GOALKEEPER;
                double stature = keeper ? gaussian(random, 1.89, 0.04) : gaussian(random, 1.81, 0.06);
                stature = Math.round(Math.min(1.95, Math.max(1.65, stature)) * 1000) / 1000.0;
                double top = keeper ? 6.8 + random.nextDouble() * 1.0 : 7.6 + random.nextDouble() * 1.8;
                KitColour kit = side == TeamSide.HOME ? (keeper ? HOME_KEEPER_KIT : HOME_KIT)
                        : (keeper ? AWAY_KEEPER_KIT : AWAY_KIT);
                list.add(new RosterEntry(list.size(), number, PlayerId.nameBased("touchline-sim:" + seed + ":" + number),
                        side, role, k + 1, stature, kit, top));
            }
        }
        for (int k = 0; k < officials; k++) {
            Role role = k == 0 ? Role.REFEREE : Role.ASSISTANT_REFEREE;
            int number = 90 + k;
            double stature = Math.round(Math.min(1.95, Math.max(1.65, gaussian(random, 1.80, 0.05))) * 1000)
                    / 1000.0;
            double top = 6.8 + random.nextDouble() * 0.8;
            list.add(new RosterEntry(list.size(), number, PlayerId.nameBased("touchline-sim:" + seed + ":" + number),
                    TeamSide.OFFICIAL, role, k + 1, stature, OFFICIAL_KIT, top));
        }
        return new Roster(list);
    }

    private static Role[] lineUp(int perTeam) {
        Role[] roles = new Role[perTeam];
        roles[0] = Role.GOALKEEPER;
        int outfield = perTeam - 1;
        int defenders = (int) Math.round(outfield * 0.4);
        int forwards = (int) Math.round(outfield * 0.2);
        int midfielders = outfield - defenders - forwards;
        int i = 1;
        for (int k = 0; k < defenders; k++) {
            roles[i++] = Role.DEFENDER;
        }
        for (int k = 0; k < midfielders; k++) {
            roles[i++] = Role.MIDFIELDER;
        }
        for (int k = 0; k < forwards; k++) {
            roles[i++] = Role.FORWARD;
        }
        return roles;
    }

    private static double gaussian(SplittableRandom random, double mean, double sd) {
        return Randoms.gaussian(random, mean, sd);
    }

    /** Number of objects. */
    public int size() {
        return entries.size();
    }

    /** The entry of one object. */
    public RosterEntry get(int objectIndex) {
        return entries.get(objectIndex);
    }

    /** Number of players (both teams, officials excluded). */
    public int playerCount() {
        int n = 0;
        for (RosterEntry e : entries) {
            if (e.role().isPlayer()) {
                n++;
            }
        }
        return n;
    }
}
