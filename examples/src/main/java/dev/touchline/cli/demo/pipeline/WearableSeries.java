package dev.touchline.cli.demo.pipeline;

/**
 * One instrumented player's fused series as the database stores them. Arrays are owned by this value and are not
 * copied; callers do not modify them.
 *
 * @param player who
 * @param secondStartMicros start of each second with data, epoch µs, increasing
 * @param playerLoad PlayerLoad in each second, arbitrary units
 * @param impulseNewtonSeconds insole impulse in each second (force summed over the six channels times the sample
 *                             interval), N·s; 0 when the session has no insole data
 * @param seconds number of seconds in the three arrays above
 * @param rPeakMicros detected R peaks, epoch µs, increasing
 * @param strikeMicros detected foot strikes, epoch µs, increasing
 * @param strikeBand impact band of each strike, an index into {@link FusionResult#IMPACT_BAND_EDGES_G}
 */
public record WearableSeries(PlayerInfo player, long[] secondStartMicros, float[] playerLoad,
                             float[] impulseNewtonSeconds, int seconds, long[] rPeakMicros, long[] strikeMicros,
                             int[] strikeBand) {
    /** The event kind stored for an impact band, e.g. {@code impact_3_5g}, {@code impact_9g_plus}. */
    public static String bandKind(int band) {
        double[] edges = FusionResult.IMPACT_BAND_EDGES_G;
        long lo = Math.round(edges[band]);
        return band + 1 < edges.length ? "impact_" + lo + "_" + Math.round(edges[band + 1]) + "g"
                : "impact_" + lo + "g_plus";
    }
}
