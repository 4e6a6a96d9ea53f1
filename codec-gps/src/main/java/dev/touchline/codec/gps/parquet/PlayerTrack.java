package dev.touchline.codec.gps.parquet;

import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.PlayerId;
import java.util.Objects;
import java.util.Optional;

/**
 * One player's track in a Parquet file that may hold several players.
 *
 * @param player the player, or empty where the track is anonymous (the {@code player_id} column is then null)
 * @param track the fixes
 */
public record PlayerTrack(Optional<PlayerId> player, GpsTrack track) {
    /** Checks that neither component is null. */
    public PlayerTrack {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(track, "track");
    }

    /** The track of {@code player}. */
    public static PlayerTrack of(PlayerId player, GpsTrack track) {
        return new PlayerTrack(Optional.of(player), track);
    }

    /** A track with no player id. */
    public static PlayerTrack anonymous(GpsTrack track) {
        return new PlayerTrack(Optional.empty(), track);
    }
}
