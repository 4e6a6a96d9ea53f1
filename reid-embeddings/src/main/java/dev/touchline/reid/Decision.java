package dev.touchline.reid;

/** What the matcher decided for one query. */
public enum Decision {
    /** Score at or above the accept threshold: the identity is confirmed. */
    MATCH("match"),
    /**
     * Score between the escalate and accept thresholds: keep the tracker's identity and ask for more evidence.
     */
    UNCERTAIN("uncertain"),
    /** Best score below the escalate threshold, or the query lost every candidate to other queries: escalate. */
    ESCALATE("escalate"),
    /** No admissible identity at all (empty gallery, or every identity vetoed by the consistency checks). */
    NEW("new"),
    /** Suppressed as a second detection of a player another query of the same frame already covers. */
    DUPLICATE("duplicate");

    private final String code;

    Decision(String code) {
        this.code = code;
    }

    /** The lower-case code written in CSV files. */
    public String code() {
        return code;
    }
}
