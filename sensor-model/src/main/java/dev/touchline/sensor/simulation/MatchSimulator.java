package dev.touchline.sensor.simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of the match simulator: a seeded, deterministic football session with ground truth alongside every
 * signal. The same config always produces the same values, chunk by chunk, whichever signals are selected.
 *
 * <pre>{@code
 * MatchSimulator simulator = MatchSimulator.of(SimulationConfig.builder().seed(7).build());
 * try (MatchSimulation run = simulator.start()) {
 *     while (run.hasNext()) {
 *         SimulationChunk chunk = run.next();   // one second of every signal
 *     }
 * }
 * }</pre>
 */
public final class MatchSimulator {
    private final SimulationConfig config;
    private final Roster roster;
    private final int[] wearableObjects;

    private MatchSimulator(SimulationConfig config) {
        this.config = config;
        this.roster = Roster.generate(config.seed(), config.players(), config.officials());
        this.wearableObjects = chooseWearables(roster, config.wearablePlayers());
    }

    /** A simulator for the given config. */
    public static MatchSimulator of(SimulationConfig config) {
        return new MatchSimulator(config);
    }

    /** The config. */
    public SimulationConfig config() {
        return config;
    }

    /** The line-up: players of both teams, then officials. */
    public Roster roster() {
        return roster;
    }

    /**
     * Object indices of the players wearing the high-rate sensors: outfield players, alternating home and away
     * in roster order.
     */
    public int[] wearableObjects() {
        return wearableObjects.clone();
    }

    /** Number of chunks the whole match produces. */
    public long chunkCount() {
        return 2 * MatchSimulation.chunksPerHalf(config);
    }

    /** Starts a new run from kick-off; each run is independent and produces the same values. */
    public MatchSimulation start() {
        return new MatchSimulation(this);
    }

    /**
     * Rebuilds a run at the point a snapshot was taken: its next chunk is the one the snapshotted run would have
     * produced next. The generators' random streams cannot be exported, so the run is replayed from kick-off:
     * resuming costs as much time as producing the chunks skipped, and no memory.
     *
     * @throws IllegalArgumentException when the snapshot comes from another seed or lies beyond the match
     */
    public MatchSimulation resume(SimulationSnapshot snapshot) {
        if (snapshot.seed() != config.seed()) {
            throw new IllegalArgumentException("snapshot of seed " + snapshot.seed() + " cannot resume seed "
                    + config.seed());
        }
        if (snapshot.chunksProduced() > chunkCount()) {
            throw new IllegalArgumentException("snapshot at chunk " + snapshot.chunksProduced() + " lies beyond the "
                    + chunkCount() + " chunks of the match");
        }
        MatchSimulation run = start();
        for (long i = 0; i < snapshot.chunksProduced(); i++) {
            run.next();
        }
        return run;
    }

    private static int[] chooseWearables(Roster roster, int wanted) {
        List<Integer> home = new ArrayList<>();
        List<Integer> away = new ArrayList<>();
        for (RosterEntry e : roster.entries()) {
            if (e.role().isOutfield()) {
                (e.side() == TeamSide.HOME ? home : away).add(e.objectIndex());
            }
        }
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; chosen.size() < wanted && (i < home.size() || i < away.size()); i++) {
            if (i < home.size()) {
                chosen.add(home.get(i));
            }
            if (i < away.size() && chosen.size() < wanted) {
                chosen.add(away.get(i));
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }
}
