/**
 * STATSports GNSS CSV exports: time of day without a date (the reader takes the date), latitude/longitude in
 * degrees, speed in km/h (converted to m/s).
 */
@NullMarked
package dev.touchline.formats.statsports;

import org.jspecify.annotations.NullMarked;
