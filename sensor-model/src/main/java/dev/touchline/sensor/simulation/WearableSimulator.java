package dev.touchline.sensor.simulation;

import dev.touchline.sensor.ScalarSeries;
import dev.touchline.sensor.SensorKind;
import dev.touchline.sensor.SensorSpec;
import dev.touchline.sensor.TriaxialSeries;
import java.util.List;

/** Placeholder; filled in by its own change. */
final class WearableSimulator {
    private final RosterEntry player;

    WearableSimulator(SimulationConfig config, RosterEntry player) {
        this.player = player;
    }

    WearableChunk next(MotionBlock block, long fromMicros, long toMicros) {
        SensorSpec acc = SensorSpec.builder(SensorKind.ACCELEROMETER).build();
        SensorSpec any = SensorSpec.builder(SensorKind.ECG).build();
        TriaxialSeries empty3 = TriaxialSeries.of(acc, new long[0], new float[0], new float[0], new float[0], 0);
        ScalarSeries empty1 = ScalarSeries.of(any, new long[0], new float[0], 0);
        return new WearableChunk(player.objectIndex(), empty3, empty3, empty1, empty1, empty1, FsrSamples.empty(),
                List.of(), List.of(), List.of(), List.of());
    }
}
