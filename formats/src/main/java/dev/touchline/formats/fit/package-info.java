/**
 * FIT activity files: a decoder of our own for the {@code record} messages (time, position in semicircles, speed,
 * heart rate) with definition messages, developer fields, compressed timestamps and the file CRC-16.
 */
@NullMarked
package dev.touchline.formats.fit;

import org.jspecify.annotations.NullMarked;
