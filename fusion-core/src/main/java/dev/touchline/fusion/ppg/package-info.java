/**
 * PPG timing: {@link dev.touchline.fusion.ppg.PulseArrival} measures the pulse arrival time from ECG R peaks to the
 * PPG pulse foot by one of three {@link dev.touchline.fusion.ppg.Fiducial fiducials}, respecting gaps of
 * duty-cycled capture; {@link dev.touchline.fusion.ppg.PulseDetector} finds pulses without an ECG (heart rate
 * from the PPG alone).
 */
@NullMarked
package dev.touchline.fusion.ppg;

import org.jspecify.annotations.NullMarked;
