/**
 * Sensor bias: how far a resting sensor's output sits from the truth, and how to measure it.
 *
 * <p>{@link dev.touchline.sensor.bias.BiasModel} describes the bias of a three-axis sensor as an offset per axis at a
 * reference temperature plus a linear temperature coefficient (m/s² and m/s² per °C for accelerometers, rad/s and
 * rad/s per °C for gyroscopes). MEMS datasheets quote accelerometer zero-g drift of about 0.1–0.2 mg/K
 * (BMI160, LSM6DS3), which is the default scale here.
 *
 * <p>{@link dev.touchline.sensor.bias.FlatSurfaceZero} is the field procedure that measures the offset: lay the
 * device still on a flat surface for at least 15 s, then subtract the expected gravity vector from the mean. It
 * refuses windows that are too short and flags windows in which the device moved.
 */
@NullMarked
package dev.touchline.sensor.bias;

import org.jspecify.annotations.NullMarked;
