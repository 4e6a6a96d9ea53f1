/**
 * Multi-object tracking metrics in metric space, following TrackEval's definitions.
 *
 * <p>A ground-truth object and a track at distance {@code d} metres have similarity
 * {@code sim = max(0, 1 − d / 2 m)}, so that a match at TrackEval's default threshold α = 0.5 means the two are
 * at most 1 m apart. {@link dev.touchline.tracking.metrics.MotEvaluator} collects frames and computes CLEAR MOT
 * (MOTA, MOTP, ID switches, fragmentations), the identity metrics (IDF1, IDP, IDR) and HOTA (DetA, AssA, LocA
 * averaged over α = 0.05, 0.10, …, 0.95).
 */
@NullMarked
package dev.touchline.tracking.metrics;

import org.jspecify.annotations.NullMarked;
