/**
 * Readers of multi-player tracking data (ground-truth trajectories of every player and the ball) into
 * {@link dev.touchline.formats.tracking.TrackingClip}: positions in CDF metres (origin at the centre spot, x along
 * the pitch, y across it) with one object id per player or ball.
 *
 * <ul>
 *   <li>{@link dev.touchline.formats.tracking.LastRowReader}: Friends-of-Tracking "Last Row" CSV, pitch units
 *       0–100 on each axis, 20 fps.</li>
 *   <li>{@link dev.touchline.formats.tracking.CodfReader}: SoccerTrack / SportsLabKit CODF CSV (three header rows
 *       TeamID, PlayerID, Attributes; x and y in metres from a corner).</li>
 *   <li>{@link dev.touchline.formats.tracking.SportecPositionsReader}: Sportec Solutions / DFL positional XML
 *       (one FrameSet per person and game section, centre origin, metres, 25 Hz).</li>
 * </ul>
 * Every reader fails with {@link dev.touchline.formats.FormatException} naming the file and line.
 */
@NullMarked
package dev.touchline.formats.tracking;

import org.jspecify.annotations.NullMarked;
