package dev.touchline.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FsrWorkloadTest {
    @Test
    void twoMinuteStreamGivesTheSimulatedContacts() throws Exception {
        FsrWorkload w = new FsrWorkload(250, 2); // seed 250, as in the benchmark, two minutes
        assertEquals(120 * 250, w.samples(), 10);
        long[] r = w.run();
        System.out.printf("FSR workload (seed 250, 2 min): %d samples, %d contacts found, %d true%n", w.samples(),
                r[0], w.trueContacts());
        assertTrue(w.trueContacts() > 100, "true contacts " + w.trueContacts());
        // the detector finds 99 % of the simulator's contacts with about 3 % extra (SimulatorContactTest)
        assertEquals(w.trueContacts(), r[0], 0.08 * w.trueContacts());
        double meanMs = r[1] / 1000.0 / r[0];
        assertTrue(meanMs > 100 && meanMs < 1500, "mean contact " + meanMs + " ms");
        // a second pass gives the same figures: the workload does not change its input
        assertArrayEquals(r, w.run());
    }
}
