/**
 * Evaluation harness pieces: {@link dev.touchline.tracking.eval.DetectionSynthesizer} turns ground-truth
 * trajectories (from real tracking data or any other source) into the detections a camera system would give,
 * with the same kinds of error as the simulator's detector, so that trackers can be compared on real motion at an
 * equal, known noise.
 */
@NullMarked
package dev.touchline.tracking.eval;

import org.jspecify.annotations.NullMarked;
