package dev.touchline.cli.demo.pipeline;

import dev.touchline.sensor.PlayerId;

/**
 * Who a row of the report is about.
 *
 * @param objectIndex the simulator's object index (or the file order for real sessions)
 * @param label short label for tables and plots, e.g. {@code H7} (home, jersey 7)
 * @param team {@code home}, {@code away} or {@code referee}
 * @param id the 16-byte player id
 */
public record PlayerInfo(int objectIndex, String label, String team, PlayerId id) {
}
