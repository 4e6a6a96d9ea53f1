/**
 * Pitch geometry in CDF coordinates: origin at the centre spot, metres, x along the length towards the right-hand
 * goal, y towards the top touchline as drawn, z up. {@link dev.touchline.sensor.pitch.PitchDimensions} gives the
 * size (105 × 68 m by default) and {@link dev.touchline.sensor.pitch.GeoAnchor} where the pitch lies on the Earth.
 */
@NullMarked
package dev.touchline.sensor.pitch;

import org.jspecify.annotations.NullMarked;
