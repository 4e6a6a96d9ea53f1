package dev.touchline.cli.demo.pipeline;

/**
 * What a demo run depends on; equal settings give an identical report (timings and database sizes aside).
 *
 * @param seed simulator seed
 * @param minutes playing time, both halves together
 * @param wearablePlayers players with the high-rate wearables (IMU, ECG, PPG)
 * @param cutIntervalSeconds time between camera cuts within a half
 * @param cutSeconds length of each cut
 * @param halfTimeBreakMinutes break between the halves (no samples)
 */
public record DemoSettings(long seed, double minutes, int wearablePlayers, double cutIntervalSeconds,
                           double cutSeconds, double halfTimeBreakMinutes) {
    /** Default wearable players: enough to show every signal, few enough for a 90-minute run in 2 minutes. */
    public static final int DEFAULT_WEARABLE_PLAYERS = 4;

    /** Checks ranges. */
    public DemoSettings {
        if (!(minutes >= 1 && minutes <= 120)) {
            throw new IllegalArgumentException("minutes must be 1..120, got " + minutes);
        }
        if (wearablePlayers < 0 || wearablePlayers > 22) {
            throw new IllegalArgumentException("wearablePlayers must be 0..22, got " + wearablePlayers);
        }
        if (!(cutSeconds >= 0 && cutIntervalSeconds > cutSeconds)) {
            throw new IllegalArgumentException("cutIntervalSeconds (" + cutIntervalSeconds
                    + ") must exceed cutSeconds (" + cutSeconds + ") ≥ 0");
        }
        if (!(halfTimeBreakMinutes >= 0 && halfTimeBreakMinutes <= 60)) {
            throw new IllegalArgumentException("halfTimeBreakMinutes must be 0..60, got " + halfTimeBreakMinutes);
        }
    }

    /**
     * The defaults for {@code minutes} of play and a seed: 4 wearables, a 15-minute break, and a 3 s camera cut
     * every 5 minutes of each half (every third of a half when halves are shorter than 15 minutes, so a short demo
     * still shows re-identification).
     */
    public static DemoSettings defaults(long seed, double minutes) {
        double halfSeconds = minutes * 30;
        double interval = Math.min(300, halfSeconds / 3);
        return new DemoSettings(seed, minutes, DEFAULT_WEARABLE_PLAYERS, interval, Math.min(3, interval / 4), 15);
    }

    /** The match id the session is stored under. */
    public String matchId() {
        return "demo-seed" + seed + "-" + String.valueOf(minutes).replace('.', '_') + "min-w" + wearablePlayers;
    }
}
