package dev.touchline.sensor.simulation;

/**
 * Where a simulation run stands, as a plain value: the seed and the number of chunks already produced. With the
 * same config, {@link MatchSimulator#resume(SimulationSnapshot)} continues exactly where the run was.
 *
 * @param seed the match seed of the run
 * @param chunksProduced chunks already produced, ≥ 0
 */
public record SimulationSnapshot(long seed, long chunksProduced) {
    /** Checks the count. */
    public SimulationSnapshot {
        if (chunksProduced < 0) {
            throw new IllegalArgumentException("chunksProduced must be >= 0, was " + chunksProduced);
        }
    }
}
