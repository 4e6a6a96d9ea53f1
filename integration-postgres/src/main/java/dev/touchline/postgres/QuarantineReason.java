package dev.touchline.postgres;

/** Why the sink refused a row; {@link #code()} is what the quarantine table's {@code reason} column holds. */
public enum QuarantineReason {
    /** A numeric field is NaN or infinite. */
    NAN_VALUE("nan_value"),
    /** A coordinate lies outside its allowed range (latitude, longitude, pitch coordinates, speed). */
    COORDINATE_OUT_OF_RANGE("coordinate_out_of_range"),
    /** A measured value lies outside its plausible range (heart rate, PlayerLoad, impulse, fatigue index). */
    VALUE_OUT_OF_RANGE("value_out_of_range"),
    /** The sample's time lies outside the match's registered span. */
    TIME_OUTSIDE_MATCH("time_outside_match");

    private final String code;

    QuarantineReason(String code) {
        this.code = code;
    }

    /** The stable text stored in {@code quarantine.reason}. */
    public String code() {
        return code;
    }
}
