package dev.touchline.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.fusion.session.SessionListener;
import dev.touchline.fusion.session.SessionPipeline;
import org.junit.jupiter.api.Test;

class SessionWorkloadTest {
    @Test
    void oneMinuteSessionRunsThroughThePipeline() throws Exception {
        SessionWorkload w = new SessionWorkload(90, 1); // seed 90, as in the benchmark, one minute
        assertEquals(60_000, w.accelerometerSamples(), 50);
        assertEquals(60L * (1000 + 200 + 500), w.samples(), 100);
        long[] ppg = new long[1];
        SessionPipeline p = w.run(new SessionListener() {
            @Override
            public void onPpg(long t, double v) {
                ppg[0]++;
            }
        });
        assertTrue(p.playerLoad() > 0, "PlayerLoad " + p.playerLoad());
        assertEquals(w.gyroT.length, p.orientationUpdates() + p.unalignedGyroSamples());
        assertEquals(6000, ppg[0], 5);
        // a second pass gives the same figures: the workload does not change its input
        assertEquals(p.playerLoad(), w.run(new SessionListener() { }).playerLoad(), 0);
    }
}
