package dev.touchline.benchmarks;

import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.simulation.MatchSimulation;
import dev.touchline.sensor.simulation.MatchSimulator;
import dev.touchline.sensor.simulation.MotionBlock;
import dev.touchline.sensor.simulation.SimulationChunk;
import dev.touchline.sensor.simulation.SimulationConfig;
import dev.touchline.sensor.simulation.WearableChunk;

/** The work the simulator benchmark measures: a whole run, counting every sample it produces. */
public final class SimulatorWorkload {
    private SimulatorWorkload() {
    }

    /**
     * Runs the simulator to the end and returns the number of samples produced: true positions (one per object
     * per frame), detections, GNSS fixes, accelerometer, gyroscope, temperature, ECG, PPG and FSR samples (an FSR
     * sample of six channels counts once).
     */
    public static long run(SimulationConfig config) {
        long samples = 0;
        try (MatchSimulation run = MatchSimulator.of(config).start()) {
            while (run.hasNext()) {
                SimulationChunk c = run.next();
                MotionBlock m = c.motion();
                samples += (long) m.chunkFrames() * m.objectCount();
                samples += c.detections().length();
                for (GpsTrack g : c.gnss()) {
                    samples += g.length();
                }
                for (WearableChunk w : c.wearables()) {
                    samples += w.accelerometer().length() + w.gyroscope().length() + w.temperature().length()
                            + w.ecg().length() + w.ppg().length() + w.fsr().length();
                }
            }
        }
        return samples;
    }
}
