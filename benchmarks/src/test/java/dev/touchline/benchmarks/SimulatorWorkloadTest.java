package dev.touchline.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.sensor.simulation.Signal;
import dev.touchline.sensor.simulation.SimulationConfig;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class SimulatorWorkloadTest {

    @Test
    void countsOnePositionPerObjectPerFrame() {
        // seed 1, 10 s, positions only: 22 players + 3 officials at 25 Hz
        SimulationConfig c = SimulationConfig.builder().seed(1).matchDuration(Duration.ofSeconds(10))
                .signals(EnumSet.of(Signal.POSITIONS)).build();
        assertEquals(25L * 25 * 10, SimulatorWorkload.run(c));
    }

    @Test
    void everySignalAddsSamples() {
        // seed 1, 10 s: all signals must produce more than positions alone
        SimulationConfig all = SimulationConfig.builder().seed(1).matchDuration(Duration.ofSeconds(10)).build();
        assertTrue(SimulatorWorkload.run(all) > 25L * 25 * 10);
    }
}
