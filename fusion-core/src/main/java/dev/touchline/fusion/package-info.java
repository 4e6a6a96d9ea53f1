/**
 * Wearable signal fusion for Touchline.
 *
 * <p>Sub-packages: {@link dev.touchline.fusion.filter} (Butterworth biquad cascades, causal and zero-phase, and
 * resampling of irregularly time-stamped samples onto a common timeline with gaps flagged) and
 * {@link dev.touchline.fusion.ahrs} (orientation: Madgwick, Mahony and a complementary filter with acceleration
 * rejection and rest-based gyro-bias estimation, quaternions sensor-to-earth in ENU).
 *
 * <p>Bad input data (non-finite samples, time stamps going backwards) raise the one checked exception of this
 * module, {@link dev.touchline.fusion.BadSensorDataException}; programming errors raise
 * {@link java.lang.IllegalArgumentException} naming the parameter, its value and the allowed range.
 */
@NullMarked
package dev.touchline.fusion;

import org.jspecify.annotations.NullMarked;
