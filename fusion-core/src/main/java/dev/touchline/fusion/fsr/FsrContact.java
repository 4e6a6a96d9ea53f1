package dev.touchline.fusion.fsr;

/**
 * One ground contact of one foot seen by an FSR insole.
 *
 * @param left true for the left foot, false for the right
 * @param onMicros initial contact: where the summed force crosses the on threshold (interpolated), epoch µs
 * @param offMicros toe-off: where it falls below the off threshold (interpolated), epoch µs
 * @param peakNewtons largest summed vertical force during the contact, N
 * @param impulseNewtonSeconds integral of the summed force from on to off (trapezoids), N·s
 * @param loadingRateNewtonsPerSecond mean slope between 20 % and 80 % of the first force peak, N/s; NaN when the
 *        rise could not be measured (contact started loaded, or the rise was longer than the detector's buffer)
 * @param strike which region carried most of the load in the first milliseconds of the contact
 * @param stance true when the contact lasted longer than the detector's longest step: the player stood, this is
 *        not a step
 * @param truncated true when the contact was cut by a gap in the data or by the start or end of the stream, so
 *        its times and totals are partial
 */
public record FsrContact(boolean left, long onMicros, long offMicros, double peakNewtons,
                         double impulseNewtonSeconds, double loadingRateNewtonsPerSecond, Strike strike,
                         boolean stance, boolean truncated) {
    /** Contact time, µs. */
    public long durationMicros() {
        return offMicros - onMicros;
    }
}
