package dev.touchline.postgres;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** One batch of rows of one raw table, read by index straight from the caller's columns. */
interface RowSource {
    /** The raw table. */
    String table();

    /** The column list of the COPY statement, in encoding order. */
    String columns();

    int length();

    /** Epoch microseconds of row {@code i}. */
    long timeMicros(int i);

    /**
     * Why row {@code i} must be quarantined by this table's own rules (non-finite or out-of-range values), or null.
     * The sink adds the rule common to every table: a time outside the match.
     */
    @Nullable QuarantineReason check(int i);

    /** Writes row {@code i} as one COPY row. */
    void encode(int i, MatchRecord match, BinaryCopyEncoder out) throws SQLException;

    /** Row {@code i} as a JSON object, for the quarantine table (only called for rejected rows). */
    String json(int i);

    /** Appends a JSON number, or the string "NaN"/"Infinity"/"-Infinity" that JSON itself cannot hold. */
    static void number(StringBuilder json, String key, double value) {
        json.append('"').append(key).append("\":");
        if (Double.isFinite(value)) {
            json.append(value);
        } else {
            json.append('"').append(value).append('"');
        }
    }
}
