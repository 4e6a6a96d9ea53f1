package dev.touchline.fusion.gait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.fusion.SimulatedSession;
import dev.touchline.sensor.simulation.FootStrike;
import dev.touchline.sensor.simulation.Signal;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed's gate and the noise-aware gate measured against simulator truth: 300 s of match play, seed 4242, with
 * artefact rates raised to 6 cable whips and 4 knocks per minute so the rates rest on enough events.
 */
class GateSimulationTest {
    private static SimulatedSession session;

    @BeforeAll
    static void simulate() {
        session = SimulatedSession.simulate(4242, 300, 1000, EnumSet.of(Signal.POSITIONS, Signal.IMU),
                b -> b.cableWhipsPerMinute(6).knocksPerMinute(4));
    }

    private static boolean[] run(JerkYawGate gate) throws Exception {
        SimulatedSession s = session;
        boolean[] accepted = new boolean[s.accT.length];
        gate.apply(s.accT, s.acc[0], s.acc[1], s.acc[2], s.accT.length, s.gyroT, s.gyro[0], s.gyroT.length,
                accepted);
        return accepted;
    }

    private static boolean[] run(ImpactGate gate) throws Exception {
        SimulatedSession s = session;
        boolean[] accepted = new boolean[s.accT.length];
        gate.apply(s.accT, s.acc[0], s.acc[1], s.acc[2], s.accT.length, s.gyroT, s.gyro[0], s.gyroT.length,
                accepted);
        return accepted;
    }

    @Test
    void seedGateIsAtTheNoiseFloor() throws Exception {
        GateScores seed = GateScores.of(session, run(JerkYawGate.seed()));
        System.out.println("seed gate (3.2 g/s, 120 deg/s): " + seed);
        assertTrue(seed.strikes() > 200 && seed.whips() > 15 && seed.knocks() > 8, seed.toString());
        // measured honestly: the seed's 94 % whip rejection does not hold, quiet samples pass the jerk test
        assertTrue(seed.quietAcceptance() > 0.3, seed.toString());
        assertTrue(seed.whipRejection() < 0.5, seed.toString());
    }

    @Test
    void noiseAwareGateKeepsStrikesAndRejectsArtefacts() throws Exception {
        ImpactGate gate = ImpactGate.builder().build();
        GateScores ours = GateScores.of(session, run(gate));
        System.out.printf("impact gate (threshold %.1f g/s; 8 x noise RMS = %.2f g/s): %s%n",
                gate.jerkThresholdGPerSecond(), 8 * gate.noiseJerkRmsGPerSecond(), ours);
        // measured: 98.0 % of all strikes (the 6 lost ones fall inside an artefact's yaw veto), 100 % of isolated
        // ones; 100 % of whips and knocks rejected; 0.2 % of quiet samples accepted
        assertTrue(ours.strikeRetention() >= 0.97, ours.toString());
        assertTrue(ours.isolatedStrikeRetention() >= 0.99, ours.toString());
        assertTrue(ours.whipRejection() >= 0.94, ours.toString());
        assertTrue(ours.knockRejection() >= 0.9, ours.toString());
        assertTrue(ours.quietAcceptance() <= 0.01, ours.toString());
    }

    @Test
    void strikesFromTheImpactGateMatchTheTruth() throws Exception {
        boolean[] accepted = run(ImpactGate.builder().build());
        long[] found = new long[10_000];
        int n = new StrikeDetector(0.25).detect(session.accT, accepted, session.accT.length, found);
        int matched = 0;
        double sum = 0;
        double sumSq = 0;
        int j = 0;
        for (FootStrike f : session.strikes) {
            while (j < n && found[j] < f.timeMicros() - 50_000) {
                j++;
            }
            if (j < n && Math.abs(found[j] - f.timeMicros()) <= 50_000) {
                double e = (found[j] - f.timeMicros()) / 1000.0;
                sum += e;
                sumSq += e * e;
                matched++;
                j++;
            }
        }
        double rate = matched / (double) session.strikes.size();
        double mean = sum / matched;
        double sd = Math.sqrt(sumSq / matched - mean * mean);
        int falsePositives = n - matched;
        System.out.printf("strike detection: %d of %d (%.1f %%), %d extra, timing error %.2f +- %.2f ms%n", matched,
                session.strikes.size(), 100 * rate, falsePositives, mean, sd);
        // measured: 289 of 295 (98.0 %, the misses are next to artefacts), 7 extra, +4.15 ± 0.80 ms
        assertTrue(rate >= 0.97, "detection rate " + rate);
        assertTrue(falsePositives <= 0.05 * session.strikes.size(), "extra detections " + falsePositives);
        assertTrue(Math.abs(mean) <= 5, "mean timing error " + mean + " ms");
    }

    @Test
    void sustainedTriggerFiresOncePerEpisode() throws Exception {
        SustainedThresholdTrigger trigger = new SustainedThresholdTrigger(0.7, 500_000, 20_000);
        int fired = 0;
        long firedAt = 0;
        for (int i = 0; i < 3000; i++) { // 1 kHz: above from 1.0 s to 1.8 s, then below
            double v = i >= 1000 && i < 1800 ? 0.9 : 0.2;
            if (trigger.accept(i * 1000L, v)) {
                fired++;
                firedAt = i * 1000L;
            }
        }
        assertEquals(1, fired);
        assertEquals(1_500_000L, firedAt);
        SustainedThresholdTrigger short400 = new SustainedThresholdTrigger(0.7, 500_000, 20_000);
        for (int i = 0; i < 3000; i++) {
            assertTrue(!short400.accept(i * 1000L, i >= 1000 && i < 1400 ? 0.9 : 0.2));
        }
    }
}
