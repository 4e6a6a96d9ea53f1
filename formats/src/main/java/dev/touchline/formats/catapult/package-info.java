/** Catapult GNSS CSV exports: Excel serial-day time stamps, longitude and latitude in degrees, no speed. */
@NullMarked
package dev.touchline.formats.catapult;

import org.jspecify.annotations.NullMarked;
