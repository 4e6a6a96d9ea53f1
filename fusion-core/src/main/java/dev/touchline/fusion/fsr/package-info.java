/**
 * FSR insoles: foot contacts from six force channels (heel, midfoot and forefoot of each foot, N).
 *
 * <p>{@link dev.touchline.fusion.fsr.FootContactDetector} is a streaming detector: per foot it switches on and off
 * by a hysteresis threshold on the summed force, drops contacts shorter than a minimum and merges contacts
 * separated by less than a minimum flight, and reports each contact as a
 * {@link dev.touchline.fusion.fsr.FsrContact}: times, duration, peak vertical force, impulse, loading rate and the
 * strike pattern (which region carries the first load). Its state is a plain snapshot value
 * ({@link dev.touchline.fusion.fsr.FootContactDetector.State}) from which an identical detector can be rebuilt.
 */
@NullMarked
package dev.touchline.fusion.fsr;

import org.jspecify.annotations.NullMarked;
