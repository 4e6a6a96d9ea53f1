/**
 * A player's whole wearable session in one streaming pipeline.
 *
 * <p>{@link dev.touchline.fusion.session.SessionPipeline} takes a tibia accelerometer, gyroscope and PPG at their
 * own rates and time stamps, checks them, aligns them (accelerometer read at the gyro times with its filter's group
 * delay compensated; PPG onto a common 100 Hz grid), and runs orientation (with gravity-free earth-frame
 * acceleration), impact gating with g-band counts, and PlayerLoad, reporting to a
 * {@link dev.touchline.fusion.session.SessionListener}. It allocates nothing per sample.
 */
@NullMarked
package dev.touchline.fusion.session;

import org.jspecify.annotations.NullMarked;
