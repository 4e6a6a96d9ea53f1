package dev.touchline.postgres;

/**
 * The department roles created by the migrations. Grant a department to a login role
 * ({@code GRANT touchline_academy TO alice}) to give that user the department's view of the data.
 */
public enum Department {
    /** Every row and column, heart rate included. */
    MEDICAL("touchline_medical"),
    /** Every row and column. */
    PERFORMANCE("touchline_performance"),
    /** Only academy players' rows (players and wearable samples); no optical positions. */
    ACADEMY("touchline_academy"),
    /** GNSS, optical positions and touches of every player; never heart rate, load, fatigue or squad. */
    SCOUTING("touchline_scouting");

    private final String roleName;

    Department(String roleName) {
        this.roleName = roleName;
    }

    /** The PostgreSQL role, a constant of this enum (never built from input). */
    public String roleName() {
        return roleName;
    }
}
