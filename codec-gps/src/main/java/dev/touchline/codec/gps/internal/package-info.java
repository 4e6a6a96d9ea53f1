/**
 * Implementation of the GPS container: byte buffers, the header, block and seek-table codecs, the range coder
 * and its context model. Not exported; its classes may change in any release.
 */
@NullMarked
package dev.touchline.codec.gps.internal;

import org.jspecify.annotations.NullMarked;
