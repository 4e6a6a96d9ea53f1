/**
 * The vocabulary every Touchline module speaks.
 *
 * <h2>Time</h2>
 * Every sample carries {@code long} microseconds since the Unix epoch, UTC ({@code timeMicros}); see
 * {@link dev.touchline.sensor.TimeMicros}. Nominal sample rates ({@link dev.touchline.sensor.SensorSpec}) are
 * metadata: the per-sample time stamps are the truth, and they may jitter or leave gaps.
 *
 * <h2>Units</h2>
 * SI inside: m, s, m/s, m/s², rad/s, N. Degrees only for latitude and longitude. {@link dev.touchline.sensor.Units}
 * converts g, °/s, km/h and yards at API edges, with standard gravity 9.80665 m/s².
 *
 * <h2>Columns</h2>
 * Blocks of samples are columns of primitives with a length: {@link dev.touchline.sensor.GpsTrack},
 * {@link dev.touchline.sensor.TriaxialSeries}, {@link dev.touchline.sensor.ScalarSeries},
 * {@link dev.touchline.sensor.PositionFrames}. Each checks its invariants on construction (equal lengths, time
 * never going backwards, finite values within range) and is immutable: factories copy their input.
 *
 * <h2>Identifiers</h2>
 * {@link dev.touchline.sensor.MatchId}, {@link dev.touchline.sensor.PlayerId} (16 bytes, the RFID or UUID a club
 * already uses) and {@link dev.touchline.sensor.DeviceId}.
 */
@NullMarked
package dev.touchline.sensor;

import org.jspecify.annotations.NullMarked;
