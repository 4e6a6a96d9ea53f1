/**
 * Sensor calibration. {@link dev.touchline.fusion.calibration.SixPositionCalibration} fits an accelerometer's
 * scale, misalignment and offset from six static poses; {@link dev.touchline.fusion.calibration.AccelerometerCalibration}
 * applies the inverse model, with a temperature-drift hook taken from sensor-model's
 * {@link dev.touchline.sensor.bias.BiasModel} (the flat-surface zero procedure lives there too:
 * {@link dev.touchline.sensor.bias.FlatSurfaceZero}). Gyro bias while running is estimated by the orientation
 * filters' rest detection ({@link dev.touchline.fusion.ahrs.ComplementaryFilter},
 * {@link dev.touchline.fusion.ahrs.InertialLowPassFilter}).
 */
@NullMarked
package dev.touchline.fusion.calibration;

import org.jspecify.annotations.NullMarked;
