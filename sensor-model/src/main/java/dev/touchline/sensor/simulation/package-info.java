/**
 * A seeded, deterministic football match simulator with ground truth alongside every signal: Touchline's embedded
 * default data set for tests, benchmarks and the demo.
 *
 * <p>{@link dev.touchline.sensor.simulation.MatchSimulator} is the entry point; a run streams
 * {@link dev.touchline.sensor.simulation.SimulationChunk}s (one second each by default; the chunk length never changes
 * a value), so a 90-minute match never needs to be held in memory. A run's position is a plain
 * {@link dev.touchline.sensor.simulation.SimulationSnapshot} from which an identical run can be rebuilt. Every signal of every object draws from its own random stream derived from the match seed:
 * selecting fewer signals never changes the values of the others.
 */
@NullMarked
package dev.touchline.sensor.simulation;

import org.jspecify.annotations.NullMarked;
