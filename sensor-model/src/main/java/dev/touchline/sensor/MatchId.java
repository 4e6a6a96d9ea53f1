package dev.touchline.sensor;

/**
 * Identifies a match or training session.
 *
 * @param value printable identifier, 1 to 64 characters, no control characters
 */
public record MatchId(String value) {
    /** Validates the identifier. */
    public MatchId {
        Ids.checkPrintable("MatchId", value, 64);
    }

    /** A match id from its printable form. */
    public static MatchId of(String value) {
        return new MatchId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
