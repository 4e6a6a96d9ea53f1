/**
 * Orientation estimation (AHRS) from gyroscope, accelerometer and optionally magnetometer samples.
 *
 * <p>All filters implement {@link dev.touchline.fusion.ahrs.OrientationFilter}: quaternions rotate sensor vectors
 * into the earth frame ENU (x east, y north, z up); gyro rad/s, accelerometer m/s², per-sample dt; updates allocate
 * nothing. {@link dev.touchline.fusion.ahrs.MadgwickFilter} (6-D and 9-D, with the magnetometer objective in its
 * correct form), {@link dev.touchline.fusion.ahrs.MahonyFilter} (PI on the cross-product error) and
 * {@link dev.touchline.fusion.ahrs.ComplementaryFilter} (acceleration rejection, over-range recovery, rest detection
 * with gyro-bias estimation, heading-only magnetometer correction). {@link dev.touchline.fusion.ahrs.Quaternions}
 * holds the conventions, including the inclination error used by the tests.
 */
@NullMarked
package dev.touchline.fusion.ahrs;

import org.jspecify.annotations.NullMarked;
