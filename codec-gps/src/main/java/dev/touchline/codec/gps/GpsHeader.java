package dev.touchline.codec.gps;

import dev.touchline.sensor.DeviceId;
import dev.touchline.sensor.PlayerId;
import java.util.Optional;

/**
 * What a container's header says: format version, quantisation, key-frame interval, column set and the optional
 * ids of the player and device.
 *
 * @param formatVersion container format version
 * @param timeResolutionMicros time quantum, µs: stored times are multiples of it
 * @param keyFrameIntervalMicros longest span of a block from its key frame, µs (the seek granularity)
 * @param gapThresholdMicros a time step longer than this starts a new key frame, µs
 * @param speedColumn whether speed is stored (otherwise decoded speed is NaN)
 * @param player the player, if recorded
 * @param device the device, if recorded
 */
public record GpsHeader(int formatVersion, long timeResolutionMicros, long keyFrameIntervalMicros,
                        long gapThresholdMicros, boolean speedColumn, Optional<PlayerId> player,
                        Optional<DeviceId> device) {
    /** Position quantum: stored positions are whole micro-degrees. */
    public static final int POSITION_DECIMALS = 6;
    /** Speed quantum: stored speeds are whole centimetres per second. */
    public static final int SPEED_DECIMALS = 2;
}
