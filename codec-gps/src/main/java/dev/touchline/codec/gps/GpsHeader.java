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
 * @param keyFrameIntervalMicros seek granularity, µs: a seek window starts at a block's first fix and at every fix
 *     that is this far or more after the current window's start
 * @param windowsPerBlock seek windows per entropy block, 1..64 (always 1 in format version 1): the context model
 *     learns across a block's windows, so a seek decodes at most one block
 * @param gapThresholdMicros a time step longer than this starts a new key frame, µs
 * @param speedColumn whether speed is stored (otherwise decoded speed is NaN)
 * @param player the player, if recorded
 * @param device the device, if recorded
 */
public record GpsHeader(int formatVersion, long timeResolutionMicros, long keyFrameIntervalMicros,
                        int windowsPerBlock, long gapThresholdMicros, boolean speedColumn, Optional<PlayerId> player,
                        Optional<DeviceId> device) {
    /** Position quantum: stored positions are whole micro-degrees. */
    public static final int POSITION_DECIMALS = 6;
    /** Speed quantum: stored speeds are whole centimetres per second. */
    public static final int SPEED_DECIMALS = 2;
}
