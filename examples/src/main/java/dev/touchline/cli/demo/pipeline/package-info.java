/**
 * The demo pipeline as stages. Streaming stages take the simulator's chunks one at a time (so a 90-minute match
 * never has to fit in memory as raw 1 kHz signals) and hand back one immutable result each when the session ends:
 * {@link dev.touchline.cli.demo.pipeline.GnssResult}, {@link dev.touchline.cli.demo.pipeline.FusionResult},
 * {@link dev.touchline.cli.demo.pipeline.CalibrationResult}, {@link dev.touchline.cli.demo.pipeline.TrackingResult},
 * {@link dev.touchline.cli.demo.pipeline.StorageResult}; {@link dev.touchline.cli.demo.pipeline.DemoPipeline}
 * runs them in order and collects them in a {@link dev.touchline.cli.demo.pipeline.SessionReport}.
 */
@NullMarked
package dev.touchline.cli.demo.pipeline;

import org.jspecify.annotations.NullMarked;
