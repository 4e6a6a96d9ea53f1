package dev.touchline.reid;

/**
 * A veto on a (query, identity) pair from evidence other than appearance, such as kit colour or stature. A vetoed
 * pair is never assigned, whatever its cosine score.
 */
@FunctionalInterface
public interface ConsistencyCheck {
    /**
     * Whether the query may be the player.
     *
     * @param frame the frame, not modified
     * @param query index of the query in the frame
     * @param playerId the gallery identity's player id
     * @return false to veto the pair
     */
    boolean admissible(QueryFrame frame, int query, int playerId);

    /** A check that vetoes a pair when either this or {@code other} does. */
    default ConsistencyCheck and(ConsistencyCheck other) {
        return (f, q, p) -> admissible(f, q, p) && other.admissible(f, q, p);
    }
}
