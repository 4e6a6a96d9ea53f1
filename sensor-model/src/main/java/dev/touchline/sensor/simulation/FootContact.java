package dev.touchline.sensor.simulation;

/**
 * A true ground contact seen by the FSR insoles.
 *
 * @param foot which foot
 * @param onMicros initial contact, epoch microseconds
 * @param offMicros toe-off, epoch microseconds
 * @param pattern strike pattern
 * @param peakForceNewtons peak total vertical force of the contact, N
 */
public record FootContact(Foot foot, long onMicros, long offMicros, StrikePattern pattern,
                          double peakForceNewtons) {
}
