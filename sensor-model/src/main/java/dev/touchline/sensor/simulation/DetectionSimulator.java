package dev.touchline.sensor.simulation;

/** Placeholder; filled in by its own change. */
final class DetectionSimulator {
    DetectionSimulator(SimulationConfig config, Roster roster) {
    }

    Detections next(MotionBlock block) {
        return new Detections(new int[0], new long[0], new float[0], new float[0], new float[0], new int[0],
                new float[0], new int[0], 0);
    }
}
