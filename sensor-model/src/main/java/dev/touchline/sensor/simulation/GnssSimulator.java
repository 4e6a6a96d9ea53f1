package dev.touchline.sensor.simulation;

import dev.touchline.sensor.GpsTrack;

/** Placeholder; filled in by its own change. */
final class GnssSimulator {
    GnssSimulator(SimulationConfig config, int objectIndex) {
    }

    GpsTrack next(MotionBlock block, long fromMicros, long toMicros) {
        return GpsTrack.empty();
    }
}
