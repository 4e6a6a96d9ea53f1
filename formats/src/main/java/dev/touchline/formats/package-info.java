/**
 * Shared pieces of the format readers: the result of reading a GNSS file ({@link
 * dev.touchline.formats.GpsReadResult}, valid track plus {@link dev.touchline.formats.RejectedFix rejected rows}
 * with reasons), the fix validation every reader applies ({@link dev.touchline.formats.GpsFixCollector}), CSV line
 * handling and the checked {@link dev.touchline.formats.FormatException} that names file and line. One sub-package
 * per format.
 */
@NullMarked
package dev.touchline.formats;

import org.jspecify.annotations.NullMarked;
