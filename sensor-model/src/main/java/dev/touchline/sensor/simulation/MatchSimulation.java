package dev.touchline.sensor.simulation;

import dev.touchline.sensor.GpsTrack;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * One run of a {@link MatchSimulator}: an iterator of chunks from kick-off to the final whistle. Only the
 * current chunk is held in memory, so a 90-minute match streams in constant space. Not thread-safe.
 */
public final class MatchSimulation implements Iterator<SimulationChunk>, AutoCloseable {
    private final SimulationConfig config;
    private final Roster roster;
    private final int[] wearableObjects;
    private final MotionModel motion;
    private final DetectionSimulator detections;
    private final GnssSimulator[] gnss;
    private final WearableSimulator[] wearables;
    private final long chunksPerHalf;
    private long chunkIndex;
    private boolean closed;

    MatchSimulation(MatchSimulator simulator) {
        this.config = simulator.config();
        this.roster = simulator.roster();
        this.wearableObjects = simulator.wearableObjects();
        this.motion = new MotionModel(config, roster);
        this.detections = new DetectionSimulator(config, roster);
        this.gnss = new GnssSimulator[roster.size()];
        for (int o = 0; o < roster.size(); o++) {
            if (roster.get(o).role().isPlayer()) {
                gnss[o] = new GnssSimulator(config, o);
            }
        }
        this.wearables = new WearableSimulator[wearableObjects.length];
        for (int k = 0; k < wearableObjects.length; k++) {
            wearables[k] = new WearableSimulator(config, roster.get(wearableObjects[k]));
        }
        this.chunksPerHalf = chunksPerHalf(config);
    }

    @Override
    public boolean hasNext() {
        return !closed && chunkIndex < 2 * chunksPerHalf;
    }

    @Override
    public SimulationChunk next() {
        if (!hasNext()) {
            throw new NoSuchElementException(closed ? "simulation closed" : "match over");
        }
        int period = chunkIndex < chunksPerHalf ? 1 : 2;
        long inHalf = chunkIndex - (period - 1) * chunksPerHalf;
        long start = config.periodStartMicros(period) + inHalf * config.chunkMicros();
        long end = Math.min(start + config.chunkMicros(), config.periodEndMicros(period));
        int frames = Math.toIntExact((end - start) / MotionBlock.FRAME_MICROS);
        boolean lookahead = inHalf + 1 < chunksPerHalf;
        chunkIndex++;

        MotionBlock block = motion.next(period, start, frames, lookahead);
        Detections dets = config.produces(Signal.DETECTIONS) ? detections.next(block) : emptyDetections();
        List<GpsTrack> fixes = new ArrayList<>(roster.size());
        for (int o = 0; o < roster.size(); o++) {
            fixes.add(gnss[o] != null && config.produces(Signal.GNSS) ? gnss[o].next(block, start, end)
                    : GpsTrack.empty());
        }
        List<WearableChunk> worn = new ArrayList<>(wearables.length);
        for (WearableSimulator w : wearables) {
            worn.add(w.next(block, start, end));
        }
        return new SimulationChunk(period, start, end, block, dets, fixes, worn);
    }

    /** Chunks produced so far. */
    public long chunksProduced() {
        return chunkIndex;
    }

    /**
     * Where this run stands, as a plain value: {@link MatchSimulator#resume(SimulationSnapshot)} rebuilds an
     * identical run from it.
     */
    public SimulationSnapshot snapshot() {
        return new SimulationSnapshot(config.seed(), chunkIndex);
    }

    /** Chunks in one half: the last one may be shorter than the configured chunk length. */
    static long chunksPerHalf(SimulationConfig config) {
        return Math.floorDiv(config.halfDurationMicros() + config.chunkMicros() - 1, config.chunkMicros());
    }

    /** The roster of this run. */
    public Roster roster() {
        return roster;
    }

    @Override
    public void close() {
        closed = true;
    }

    private static Detections emptyDetections() {
        return new Detections(new int[0], new long[0], new float[0], new float[0], new float[0], new int[0],
                new float[0], new int[0], 0);
    }
}
