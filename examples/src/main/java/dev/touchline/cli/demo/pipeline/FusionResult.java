package dev.touchline.cli.demo.pipeline;

import java.util.List;

/**
 * What the wearable fusion stage measured, per instrumented player. Truth counts are zero for real sessions,
 * whose files carry no truth.
 *
 * @param players one row per instrumented player
 */
public record FusionResult(List<PlayerFusion> players) {
    /** Impact bands' lower edges, g, for {@link PlayerFusion#impactsPerBand()}. */
    public static final double[] IMPACT_BAND_EDGES_G = {0, 3, 5, 7, 9};

    /** Copies the list. */
    public FusionResult {
        players = List.copyOf(players);
    }

    /**
     * One player's fused figures.
     *
     * @param player who
     * @param minuteStartSeconds start of each minute, seconds since the first sample
     * @param playerLoadPerMinute PlayerLoad per minute (arbitrary units), aligned with minuteStartSeconds
     * @param playerLoadTotal PlayerLoad over the session
     * @param inclinationPerMinuteDeg mean angle of the shank (sensor x) from vertical per minute, from the
     *                                Madgwick 6-D orientation, degrees; NaN for a minute without gyro data
     * @param strikesDetected strikes found by the impact gate and strike detector
     * @param strikesTrue true strikes (0 for real data)
     * @param strikesMatched detected strikes within 50 ms of a true one
     * @param impactsPerBand detected strikes per peak-acceleration band, {@link #IMPACT_BAND_EDGES_G}
     * @param acceptedSampleFraction share of accelerometer samples the micro-load gate let through
     * @param artefactsTrue labelled artefacts (cable whips and knocks) in the truth
     * @param artefactsRejected labelled artefacts with no accepted sample inside them
     * @param beatsDetected R peaks found in the ECG
     * @param beatsTrue true R peaks
     * @param beatsMatched detected R peaks within 75 ms of a true one
     * @param heartRatePerMinute heart rate from the detected R peaks per minute, bpm
     * @param trueHeartRatePerMinute heart rate from the true R peaks per minute, bpm (NaN for real data)
     * @param patBeats beats with a pulse arrival time
     * @param patMedianMillis median PAT, ms
     * @param patMeanAbsErrorMillis mean |PAT − true PAT| over beats matched to the truth, ms (NaN for real data)
     */
    public record PlayerFusion(PlayerInfo player, double[] minuteStartSeconds, double[] playerLoadPerMinute,
                               double playerLoadTotal, double[] inclinationPerMinuteDeg, int strikesDetected,
                               int strikesTrue, int strikesMatched, int[] impactsPerBand,
                               double acceptedSampleFraction, int artefactsTrue, int artefactsRejected,
                               int beatsDetected, int beatsTrue, int beatsMatched, double[] heartRatePerMinute,
                               double[] trueHeartRatePerMinute, int patBeats, double patMedianMillis,
                               double patMeanAbsErrorMillis) {
    }
}
