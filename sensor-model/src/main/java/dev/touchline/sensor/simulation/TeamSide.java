package dev.touchline.sensor.simulation;

/** Which side an object belongs to. */
public enum TeamSide {
    /** The home team; attacks towards +x in the first half. */
    HOME("home"),
    /** The away team; attacks towards −x in the first half. */
    AWAY("away"),
    /** Referee and assistant referees. */
    OFFICIAL("referee");

    private final String code;

    TeamSide(String code) {
        this.code = code;
    }

    /** The lower-case code written in CSV files ({@code home}, {@code away}, {@code referee}). */
    public String code() {
        return code;
    }
}
