package dev.touchline.tracking;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A 10-minute simulated match (two 5-minute halves, seed 5, default detection noise: 0.15 m, 5 % misses,
 * occlusions and merges, one false positive per frame). The bounds are what the tracker meets on this seed, with
 * a margin; the 90-minute targets are measured by {@link SimulatedMatchHarness#main}.
 */
class SimulatedMatchTest {
    @Test
    void beatsTheSortBaselineOnASimulatedMatch() {
        var config = SimulatedMatchHarness.config(5, Duration.ofMinutes(10));
        SimulatedMatchHarness.Outcome ours = SimulatedMatchHarness.run(config,
                () -> SimulatedMatchHarness.ours(TrackerConfig.defaults()));
        SimulatedMatchHarness.Outcome baseline = SimulatedMatchHarness.run(config, SimulatedMatchHarness::baseline);
        String report = "ours: " + ours + "\nbaseline: " + baseline;
        assertTrue(ours.idSwitches() <= 0.25 * baseline.idSwitches(), report);
        assertTrue(ours.rmse() <= 0.125, report);
        assertTrue(ours.confirmedRmse() <= 0.12, report);
        assertTrue(ours.rmse() < baseline.rmse(), report);
        assertTrue(ours.mean(dev.touchline.tracking.metrics.MotResult::idf1) >= 0.90, report);
        assertTrue(ours.mean(dev.touchline.tracking.metrics.MotResult::mota) >= 0.98, report);
    }

    /**
     * The same 10 minutes (seed 5) with the output 1 s late, so that identity exchanges decided after two merged
     * players part reach the frames before them: no more switches and no lower IDF1 than immediate output, and
     * the same position error.
     */
    @Test
    void delayedOutputCorrectsIdentitiesWithoutCostingAnything() {
        var config = SimulatedMatchHarness.config(5, Duration.ofMinutes(10));
        SimulatedMatchHarness.Outcome plain = SimulatedMatchHarness.run(config,
                () -> SimulatedMatchHarness.ours(TrackerConfig.defaults()));
        SimulatedMatchHarness.Outcome lagged = SimulatedMatchHarness.run(config,
                () -> SimulatedMatchHarness.lagged(TrackerConfig.defaults(), 25));
        String report = "immediate: " + plain + "\nlagged: " + lagged;
        assertTrue(lagged.idSwitches() <= plain.idSwitches(), report);
        assertTrue(lagged.mean(dev.touchline.tracking.metrics.MotResult::idf1)
                >= plain.mean(dev.touchline.tracking.metrics.MotResult::idf1), report);
        assertTrue(Math.abs(lagged.confirmedRmse() - plain.confirmedRmse()) < 1e-9, report);
    }
}
