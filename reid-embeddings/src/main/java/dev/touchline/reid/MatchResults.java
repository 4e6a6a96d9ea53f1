package dev.touchline.reid;

/**
 * The matcher's decisions for one frame, as columns indexed by query; reused from frame to frame. Not
 * thread-safe.
 */
public final class MatchResults {
    private int size;
    private final int[] playerId;
    private final float[] score;
    private final Decision[] decision;
    private final int[] duplicateOf;

    /** Results for frames of up to {@code capacity} queries. */
    public MatchResults(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        playerId = new int[capacity];
        score = new float[capacity];
        decision = new Decision[capacity];
        duplicateOf = new int[capacity];
    }

    /** Maximum number of queries. */
    public int capacity() {
        return playerId.length;
    }

    /** Number of queries decided. */
    public int size() {
        return size;
    }

    /**
     * The player id decided (MATCH, UNCERTAIN, DUPLICATE), or the best candidate (ESCALATE), or -1 (NEW, and
     * ESCALATE with no candidate).
     */
    public int playerId(int q) {
        return playerId[q];
    }

    /** The cosine score behind the decision, NaN for NEW. */
    public float score(int q) {
        return score[q];
    }

    /** The decision. */
    public Decision decision(int q) {
        return decision[q];
    }

    /** For a DUPLICATE, the index of the query kept in its place; -1 otherwise. */
    public int duplicateOf(int q) {
        return duplicateOf[q];
    }

    void reset(int n) {
        size = n;
    }

    void set(int q, int player, float s, Decision d, int dupOf) {
        playerId[q] = player;
        score[q] = s;
        decision[q] = d;
        duplicateOf[q] = dupOf;
    }
}
