package dev.touchline.sensor.simulation;

/**
 * A true foot strike of the instrumented (left) leg, as seen by the tibia IMU.
 *
 * @param timeMicros initial contact, epoch microseconds
 * @param peakAccelerationMetresPerSecondSquared peak of the impact transient alone along the tibia, m/s²: the
 *        spike added at the strike, without gravity and swing (the raw sample peak is larger by those)
 * @param speedMetresPerSecond running speed at the strike, m/s
 */
public record FootStrike(long timeMicros, double peakAccelerationMetresPerSecondSquared,
                         double speedMetresPerSecond) {
}
