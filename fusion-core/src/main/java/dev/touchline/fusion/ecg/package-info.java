/**
 * ECG timing: {@link dev.touchline.fusion.ecg.QrsDetector} (a streaming Pan–Tompkins-family QRS detector with
 * search-back, T-wave discrimination and adaptive thresholds) and {@link dev.touchline.fusion.ecg.BeatComparison}
 * (beat-by-beat sensitivity and positive predictivity with the EC57 150 ms tolerance).
 */
@NullMarked
package dev.touchline.fusion.ecg;

import org.jspecify.annotations.NullMarked;
