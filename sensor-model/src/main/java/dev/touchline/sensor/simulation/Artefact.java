package dev.touchline.sensor.simulation;

/**
 * A labelled IMU artefact.
 *
 * @param startMicros first affected sample, epoch microseconds
 * @param endMicros end of the artefact (exclusive), epoch microseconds
 * @param kind what caused it
 * @param peakAccelerationMetresPerSecondSquared largest added acceleration, m/s²
 * @param peakYawRateRadiansPerSecond largest added rotation rate about the shank's long axis, rad/s
 */
public record Artefact(long startMicros, long endMicros, ArtefactKind kind,
                       double peakAccelerationMetresPerSecondSquared, double peakYawRateRadiansPerSecond) {
}
