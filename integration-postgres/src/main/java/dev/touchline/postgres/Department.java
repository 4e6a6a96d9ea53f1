package dev.touchline.postgres;

/**
 * The department roles created by the migrations. Grant a department to a login role
 * ({@code GRANT touchline_academy TO alice}) to give that user the department's view of the data.
 */
public enum Department {
    /** Every row and column, heart rate included, and every BI view. */
    MEDICAL("touchline_medical"),
    /** Every row and column. */
    PERFORMANCE("touchline_performance"),
    /**
     * Only academy players' rows (players, wearable samples, compressed GNSS and every BI view over them); no
     * optical positions.
     */
    ACADEMY("touchline_academy"),
    /**
     * GNSS (raw and compressed), optical positions, touches and the movement BI view of every player; never heart
     * rate, load, fatigue, squad, or the BI views that hold them.
     */
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
