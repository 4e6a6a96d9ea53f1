package dev.touchline.sensor.simulation;

import dev.touchline.sensor.GpsTrack;
import java.util.List;

/**
 * Everything simulated over one chunk of match time, {@code [startMicros, endMicros)}. Signals that were not
 * selected are empty.
 *
 * @param period match period, 1 or 2
 * @param startMicros chunk start, epoch microseconds (inclusive)
 * @param endMicros chunk end, epoch microseconds (exclusive)
 * @param motion true kinematics of every object at 25 Hz
 * @param detections optical detections derived from the truth
 * @param gnss fixes of each object, indexed by object (officials carry no GNSS: empty)
 * @param wearables wearable signals of the instrumented players, in {@link MatchSimulator#wearableObjects()} order
 */
public record SimulationChunk(int period, long startMicros, long endMicros, MotionBlock motion,
                              Detections detections, List<GpsTrack> gnss, List<WearableChunk> wearables) {
    /** Copies the lists. */
    public SimulationChunk {
        gnss = List.copyOf(gnss);
        wearables = List.copyOf(wearables);
    }
}
