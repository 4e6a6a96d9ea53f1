package dev.touchline.fusion.gait;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.fusion.SimulatedSession;
import dev.touchline.sensor.simulation.FootStrike;
import dev.touchline.sensor.simulation.Signal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Phantom impacts of accelerometer-only detection against the accelerometer–gyroscope consistency tests, on the
 * simulator's truth: 300 s of match play, seed 4242, artefact rates raised to 6 cable whips and 4 knocks per minute
 * (as in {@link GateSimulationTest}). A phantom is a reported foot strike with no true strike of the instrumented
 * leg within ± 50 ms; retention is the share of true strikes reported. The seed claims 38 % fewer phantoms for its
 * accelerometer–gyro phase test than accelerometer-only detection.
 */
class PhantomImpactTest {
    private static SimulatedSession session;

    @BeforeAll
    static void simulate() {
        session = SimulatedSession.simulate(4242, 300, 1000, EnumSet.of(Signal.POSITIONS, Signal.IMU),
                b -> b.cableWhipsPerMinute(6).knocksPerMinute(4));
    }

    record Score(int strikes, int matched, int phantoms, int microPhantoms, int rejected) {
        double retention() {
            return matched / (double) strikes;
        }

        @Override
        public String toString() {
            return String.format("retention %.1f %% (%d of %d), phantoms %d (below 0.5 g: %d), rejected by the gyro %d",
                    100 * retention(), matched, strikes, phantoms, microPhantoms, rejected);
        }
    }

    static Score run(UnaryOperator<ImpactDetector.Builder> config) throws Exception {
        SimulatedSession s = session;
        List<long[]> found = new ArrayList<>();
        List<Double> peaks = new ArrayList<>();
        int[] rejected = new int[1];
        ImpactDetector d = config.apply(ImpactDetector.builder()).build((onset, peak, res, consistent, clipped) -> {
            if (consistent) {
                found.add(new long[] {onset});
                peaks.add(peak);
            } else {
                rejected[0]++;
            }
        });
        int j = 0;
        for (int i = 0; i < s.accT.length; i++) {
            d.acceptAccelerometer(s.accT[i], s.acc[0][i], s.acc[1][i], s.acc[2][i]);
            while (j < s.gyroT.length && s.gyroT[j] <= s.accT[i]) {
                d.acceptGyroscope(s.gyroT[j], s.gyro[0][j], s.gyro[1][j], s.gyro[2][j]);
                j++;
            }
        }
        d.finish();
        boolean[] used = new boolean[found.size()];
        int matched = 0;
        int k = 0;
        for (FootStrike f : s.strikes) {
            while (k < found.size() && found.get(k)[0] < f.timeMicros() - 50_000) {
                k++;
            }
            if (k < found.size() && Math.abs(found.get(k)[0] - f.timeMicros()) <= 50_000) {
                used[k] = true;
                matched++;
                k++;
            }
        }
        int phantoms = 0;
        int micro = 0;
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                phantoms++;
                micro += peaks.get(i) < 0.5 ? 1 : 0;
            }
        }
        return new Score(s.strikes.size(), matched, phantoms, micro, rejected[0]);
    }

    private static ImpactDetector.Builder accelerometerOnly(ImpactDetector.Builder b) {
        return b.yawVeto(false);
    }

    @Test
    void consistencyTestsAgainstAccelerometerOnly() throws Exception {
        Score acc = run(PhantomImpactTest::accelerometerOnly);
        Score accNoAxial = run(b -> accelerometerOnly(b).axialRatio(0));
        Score yaw = run(b -> b);
        Score swing = run(b -> accelerometerOnly(b).swingPhase(2, 1, 60));
        Score jump = run(b -> accelerometerOnly(b).maxRateJumpDegreesPerSecond(40));
        Score all = run(b -> b.swingPhase(2, 1, 60).maxRateJumpDegreesPerSecond(40));
        System.out.println("phantom impacts (seed 4242, 300 s, 6 whips + 4 knocks per minute):");
        System.out.println("  accelerometer only, no axial test:   " + accNoAxial);
        System.out.println("  accelerometer only (jerk + axial):   " + acc);
        System.out.println("  + yaw veto (seed's 120 deg/s):       " + yaw);
        System.out.println("  + swing phase (60 deg/s):            " + swing);
        System.out.println("  + rate jump (40 deg/s):              " + jump);
        System.out.println("  + yaw veto, swing phase, rate jump:  " + all);
        Score noAxialJump = run(b -> accelerometerOnly(b).axialRatio(0).maxRateJumpDegreesPerSecond(40));
        Score noAxialAll = run(b -> b.axialRatio(0).swingPhase(2, 1, 60).maxRateJumpDegreesPerSecond(40));
        System.out.println("  no axial test, + rate jump (40):     " + noAxialJump);
        System.out.println("  no axial test, + all gyro tests:     " + noAxialAll);
        for (double limit : new double[] {20, 40, 80, 160}) {
            System.out.println("  rate jump " + limit + " deg/s alone: " + run(b -> accelerometerOnly(b)
                    .maxRateJumpDegreesPerSecond(limit)));
        }
        System.out.printf("  phantom reduction of all tests against accelerometer only: %.0f %%%n",
                100.0 * (acc.phantoms() - all.phantoms()) / acc.phantoms());
        // measured, not tuned to a claim: what the gyro adds must show, without losing strikes
        // measured (seed 4242): accelerometer only 7 phantoms (the other foot's landings, half a stride after a
        // strike), all removed by the swing-phase test; without the axial test 34, most of them artefacts
        assertTrue(acc.phantoms() >= 5, "accelerometer-only detection has phantoms to remove: " + acc);
        assertTrue(swing.phantoms() <= 0.5 * acc.phantoms() && swing.retention() >= 0.99, swing + " vs " + acc);
        assertTrue(all.phantoms() <= 0.5 * acc.phantoms(), all + " vs " + acc);
        assertTrue(all.retention() >= 0.96, all.toString());
        assertTrue(noAxialAll.phantoms() <= 0.5 * accNoAxial.phantoms(), noAxialAll + " vs " + accNoAxial);
    }

    @Test
    void microShocksBelowHalfAG() throws Exception {
        // a gate low enough for micro-shocks (25 g/s floor): accelerometer only against the gyro tests
        Score acc = run(b -> accelerometerOnly(b).minimumJerkGPerSecond(25));
        Score all = run(b -> b.minimumJerkGPerSecond(25).swingPhase(2, 1, 60).maxRateJumpDegreesPerSecond(40));
        System.out.println("micro-shock gate (25 g/s): accelerometer only: " + acc);
        System.out.println("micro-shock gate (25 g/s): with the gyro tests: " + all);
        assertTrue(all.phantoms() <= acc.phantoms(), all + " vs " + acc);
        assertTrue(all.retention() >= acc.retention() - 0.03, all + " vs " + acc);
    }
}
