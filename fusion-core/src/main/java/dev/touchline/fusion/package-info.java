/**
 * Wearable signal fusion for Touchline.
 *
 * <p>Sub-packages: {@link dev.touchline.fusion.filter} (Butterworth biquad cascades, causal and zero-phase, and
 * resampling of irregularly time-stamped samples onto a common timeline with gaps flagged) and
 * {@link dev.touchline.fusion.ahrs} (orientation: Madgwick, Mahony and a complementary filter with acceleration
 * rejection and rest-based gyro-bias estimation, a quasi-inertial low-pass filter for sustained running, quaternions
 * sensor-to-earth in ENU, gravity-free acceleration), {@link dev.touchline.fusion.gait} (impacts, foot strikes, g-bands,
 * the seed's micro-load gate and a noise-aware one with gyro consistency tests), {@link dev.touchline.fusion.load}
 * (PlayerLoad), {@link dev.touchline.fusion.ecg} and {@link dev.touchline.fusion.ppg} (R peaks, pulses, PAT and its
 * shift flag; WFDB records are read by the {@code formats} module),
 * {@link dev.touchline.fusion.calibration} (six-position accelerometer calibration, temperature drift) and
 * {@link dev.touchline.fusion.session} (a player's whole session in one streaming pipeline).
 *
 * <p>Bad input data (non-finite samples, time stamps going backwards) raise the one checked exception of this
 * module, {@link dev.touchline.fusion.BadSensorDataException}; programming errors raise
 * {@link java.lang.IllegalArgumentException} naming the parameter, its value and the allowed range.
 */
@NullMarked
package dev.touchline.fusion;

import org.jspecify.annotations.NullMarked;
