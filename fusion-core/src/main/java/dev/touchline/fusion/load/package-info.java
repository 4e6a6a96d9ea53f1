/**
 * Load metrics. {@link dev.touchline.fusion.load.PlayerLoadMeter} computes Catapult's PlayerLoad (PL, PL-2D,
 * PL-vertical) per second, per minute and accumulated, streaming, after a recorded low-pass and resampling to
 * 100 Hz so the figure does not depend on the sensor's sample rate.
 */
@NullMarked
package dev.touchline.fusion.load;

import org.jspecify.annotations.NullMarked;
