package dev.touchline.sensor.simulation;

/**
 * One true heart beat: the ECG R peak and the pulse's arrival at the PPG site.
 *
 * @param rPeakMicros R peak, epoch microseconds
 * @param pulseArrivalMicros foot of the PPG pulse, epoch microseconds
 * @param patMillis pulse arrival time, milliseconds
 * @param patShift whether this beat belongs to a labelled PAT shift episode
 */
public record Beat(long rPeakMicros, long pulseArrivalMicros, double patMillis, boolean patShift) {
}
