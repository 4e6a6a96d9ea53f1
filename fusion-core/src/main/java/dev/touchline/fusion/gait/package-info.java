/**
 * Foot strikes, impact gating and simple triggers on a tibia-mounted IMU (sensor x along the tibia, up).
 *
 * <p>{@link dev.touchline.fusion.gait.JerkYawGate} is the seed's micro-load rule (jerk &gt; 3.2 g/s and yaw rate
 * &lt; 120 °/s), kept configurable so it can be measured; {@link dev.touchline.fusion.gait.ImpactGate} is the
 * version whose jerk threshold follows the sensor noise and rate and which rejects sideways shakes and
 * yaw-rate bursts; {@link dev.touchline.fusion.gait.StrikeDetector} turns gate decisions into strike times;
 * {@link dev.touchline.fusion.gait.SustainedThresholdTrigger} fires when a value stays above a level for a time.
 */
@NullMarked
package dev.touchline.fusion.gait;

import org.jspecify.annotations.NullMarked;
