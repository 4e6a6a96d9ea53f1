package dev.touchline.cli.demo.pipeline;

import java.util.List;

/**
 * What the GNSS stage measured: per-player codec figures and the physical totals computed from the restored
 * tracks, beside the same totals from the simulator's true speeds (absent for real sessions).
 *
 * @param players one row per player that carried a GNSS unit
 * @param fixes total fixes encoded
 * @param bytes total encoded bytes ({@code .tlg} containers, one per player, headers included)
 * @param allRestoredExactly whether every decoded track equals the codec's documented quantisation of its input
 *                           ({@code GpsCodec.quantise}: micro-degrees, 0.01 m/s), fix for fix
 * @param allBitIdentical whether every decoded track equals its input itself (false when the input sits on a finer
 *                        grid than micro-degrees, as the simulated receiver's 1/6,000,000° does)
 * @param maxPositionChangeMetres largest horizontal change of a fix by the round trip, m
 * @param windowFromMicros start of the 30 s window restored through the seek table, epoch µs
 * @param windowFixes fixes in that window
 * @param windowExact whether the window equals the same slice of the input
 * @param pitch heat map and trajectories from the restored tracks, in pitch coordinates
 */
public record GnssResult(List<PlayerGnss> players, long fixes, long bytes, boolean allRestoredExactly,
                         boolean allBitIdentical, double maxPositionChangeMetres, long windowFromMicros, int windowFixes, boolean windowExact, PitchPictures pitch) {
    /** Copies the list. */
    public GnssResult {
        players = List.copyOf(players);
    }

    /** Bits per fix over every player's container. */
    public double bitsPerFix() {
        return fixes == 0 ? Double.NaN : 8.0 * bytes / fixes;
    }

    /**
     * One player's GNSS figures.
     *
     * @param player who
     * @param fixes fixes encoded
     * @param bytes encoded size
     * @param restoredExactly decode(encode(track)) equals the codec's quantisation of track
     * @param measured totals from the restored Doppler speeds
     * @param truth totals from the simulator's true speeds at 25 Hz, or {@code null} for real sessions
     */
    public record PlayerGnss(PlayerInfo player, int fixes, int bytes, boolean restoredExactly,
                             SpeedProfile.Totals measured, SpeedProfile.@org.jspecify.annotations.Nullable Totals truth) {
    }
}
