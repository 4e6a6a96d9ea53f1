package dev.touchline.reid;

import dev.touchline.sensor.simulation.KitColour;
import dev.touchline.sensor.simulation.Roster;
import dev.touchline.sensor.simulation.RosterEntry;
import java.util.HashMap;
import java.util.Map;

/**
 * What the consistency checks know about each player id: the kit worn and the roster stature. Player ids are the
 * roster's player numbers (1–11 home, 12–22 away, 90+ officials in the simulator).
 */
public final class RosterIndex {
    private final Map<Integer, KitColour> kits;
    private final Map<Integer, Double> statures;

    private RosterIndex(Map<Integer, KitColour> kits, Map<Integer, Double> statures) {
        this.kits = Map.copyOf(kits);
        this.statures = Map.copyOf(statures);
    }

    /** The index of a roster, keyed by player number. */
    public static RosterIndex of(Roster roster) {
        Map<Integer, KitColour> k = new HashMap<>();
        Map<Integer, Double> s = new HashMap<>();
        for (RosterEntry e : roster.entries()) {
            k.put(e.playerNumber(), e.kit());
            s.put(e.playerNumber(), e.statureMetres());
        }
        return new RosterIndex(k, s);
    }

    /** An index from explicit tables (a player may lack a kit or a stature; its checks then always pass). */
    public static RosterIndex of(Map<Integer, KitColour> kits, Map<Integer, Double> staturesMetres) {
        return new RosterIndex(kits, staturesMetres);
    }

    /** Whether the index knows the player. */
    public boolean knows(int playerId) {
        return kits.containsKey(playerId) || statures.containsKey(playerId);
    }

    /** The kit of a player, empty if unknown. */
    public java.util.Optional<KitColour> kit(int playerId) {
        return java.util.Optional.ofNullable(kits.get(playerId));
    }

    /** The roster stature of a player in metres, NaN if unknown. */
    public double statureMetres(int playerId) {
        Double s = statures.get(playerId);
        return s == null ? Double.NaN : s;
    }

    /** How many players of the index wear a kit (the kit's share of the roster). */
    public int countWearing(KitColour kit) {
        int n = 0;
        for (KitColour k : kits.values()) {
            if (k.equals(kit)) {
                n++;
            }
        }
        return n;
    }

    /** The distinct kits, in a stable order (by shirt colour). */
    public KitColour[] distinctKits() {
        return kits.values().stream().distinct()
                .sorted(java.util.Comparator.comparingInt(KitColour::shirtRgb)
                        .thenComparingInt(KitColour::shortsRgb))
                .toArray(KitColour[]::new);
    }

    /**
     * Checks that every identity of a gallery is a known player.
     *
     * @param source name of the gallery's source, quoted in the error
     * @throws BadReidDataException naming the first unknown player id and its slot
     */
    public void requireKnown(EmbeddingGallery gallery, String source) throws BadReidDataException {
        for (int s = 0; s < gallery.size(); s++) {
            int id = gallery.playerId(s);
            if (!knows(id)) {
                throw new BadReidDataException(source + ": unknown player id " + id + " (gallery slot " + s
                        + ") is not in the roster");
            }
        }
    }
}
