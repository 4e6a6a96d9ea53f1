package dev.touchline.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.touchline.tracking.TrackState;
import org.junit.jupiter.api.Test;

class TrackingWorkloadTest {
    @Test
    void oursTracksEveryPlayerAndTheTwoFiltersAgree() {
        // seed 17, as in the benchmark
        TrackingWorkload w = new TrackingWorkload(17, 300);
        for (int f = 0; f < 300; f++) {
            w.stepOurs();
            w.stepOursLagged();
            w.stepBaseline();
            w.stepOurFilters();
            w.stepCommonsMathFilters();
        }
        int confirmed = 0;
        for (int k = 0; k < w.oursOutput().size(); k++) {
            if (w.oursOutput().state(k) == TrackState.CONFIRMED) {
                confirmed++;
            }
        }
        assertEquals(TrackingWorkload.TARGETS, confirmed);
        int laggedConfirmed = 0;
        for (int k = 0; k < w.oursLaggedOutput().size(); k++) {
            if (w.oursLaggedOutput().state(k) == TrackState.CONFIRMED) {
                laggedConfirmed++;
            }
        }
        assertEquals(TrackingWorkload.TARGETS, laggedConfirmed, "the lagged output, 25 frames back");
        for (int i = 0; i < TrackingWorkload.TARGETS; i++) {
            double[] peer = w.peerFilter(i).getStateEstimation();
            assertEquals(peer[0], w.ourFilter(i).x(), 1e-9);
            assertEquals(peer[3], w.ourFilter(i).vy(), 1e-9);
        }
    }
}
