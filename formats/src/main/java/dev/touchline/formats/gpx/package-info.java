/** GPX 1.1 track points: position, time and an optional extension speed. */
@NullMarked
package dev.touchline.formats.gpx;

import org.jspecify.annotations.NullMarked;
