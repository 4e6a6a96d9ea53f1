/**
 * IIR filtering and resampling.
 *
 * <p>{@link dev.touchline.fusion.filter.Butterworth} designs low-, high- and band-pass filters as cascades of
 * {@link dev.touchline.fusion.filter.Biquad} sections (bilinear transform with pre-warped cut-offs).
 * {@link dev.touchline.fusion.filter.BiquadCascade} runs one causally, sample by sample, without allocation, and
 * hands out its state as a snapshot; {@link dev.touchline.fusion.filter.ZeroPhase} runs one forward and backward
 * for offline use (no delay, squared magnitude). {@link dev.touchline.fusion.filter.Resampler} puts samples with
 * their own time stamps (jitter, gaps) onto a regular timeline after anti-alias low-passing, flagging gaps instead
 * of bridging them.
 */
@NullMarked
package dev.touchline.fusion.filter;

import org.jspecify.annotations.NullMarked;
