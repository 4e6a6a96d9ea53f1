/**
 * Battery run time of a wearable from its components' average currents.
 *
 * <p>A {@link dev.touchline.sensor.power.PowerBudget} adds up the average current of each
 * {@link dev.touchline.sensor.power.Component} (mA) and divides the {@link dev.touchline.sensor.power.Battery}'s
 * usable charge (mAh) by it. Components are described by how their current depends on rate and duty cycle: a fixed
 * draw, a sensor that is active for a while per sample, a PPG front end whose LEDs pulse per sample, a radio that
 * spends a charge per connection event, a processor that is busy part of the time. Supply losses are not modelled;
 * put a regulator's quiescent current in as a fixed component and fold its efficiency into the battery's usable
 * fraction.
 *
 * <pre>{@code
 * PowerBudget budget = PowerBudget.builder()
 *         .battery(Battery.of(120))
 *         .add(TypicalComponents.imu6AxisFullRate())
 *         .add(TypicalComponents.ppg(20, 1, 200e-6, 500))
 *         .add(TypicalComponents.bleStreaming())
 *         .add(TypicalComponents.cortexM4(0.25))
 *         .build();
 * Duration runTime = budget.runTime();
 * }</pre>
 *
 * <p>{@link dev.touchline.sensor.power.TypicalComponents} holds typical datasheet currents of common part classes.
 * They are typical values, not guaranteed ones: a product's own measurements always win.
 */
@NullMarked
package dev.touchline.sensor.power;

import org.jspecify.annotations.NullMarked;
