/**
 * Tracking players on the pitch plane.
 *
 * <h2>The filter</h2>
 * {@link dev.touchline.tracking.PlayerKalmanFilter} estimates seven states in CDF pitch metres: position
 * {@code (x, y)}, velocity {@code (vx, vy)}, acceleration {@code (ax, ay)} and the player's stature {@code h}.
 * Motion is constant acceleration driven by white-noise jerk; stature is a near-constant random walk observed only
 * when the camera sees the head. The two pitch axes and stature are independent in the model, so the 7 × 7
 * covariance is block diagonal (two 3 × 3 blocks and a scalar) and the code works on those blocks in closed form,
 * with a Joseph-form update, allocating nothing per step.
 *
 * <h2>Association</h2>
 * {@link dev.touchline.tracking.RectangularAssignment} solves the rectangular linear assignment problem with
 * forbidden (gated) pairs on primitive arrays.
 *
 * <h2>The tracker</h2>
 * {@link dev.touchline.tracking.PitchTracker} takes one frame of detections as columns, predicts every track,
 * associates in up to three passes (confirmed tracks with confident detections, the remaining confirmed tracks with
 * low-confidence detections, then tentative tracks), and runs each track through tentative, confirmed, coasting
 * and deleted. {@link dev.touchline.tracking.SortBaselineTracker} is the simple peer it is measured against.
 */
@NullMarked
package dev.touchline.tracking;

import org.jspecify.annotations.NullMarked;
