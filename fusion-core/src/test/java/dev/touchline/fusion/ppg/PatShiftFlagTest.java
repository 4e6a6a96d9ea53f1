package dev.touchline.fusion.ppg;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.fusion.SimulatedSession;
import dev.touchline.sensor.simulation.Beat;
import dev.touchline.sensor.simulation.Signal;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PAT shift flag against the simulator's labelled shift episodes (5–7 ms for 10–30 beats): 600 s of match
 * play, seed 77, one episode per minute on average. PAT measured from the true R peaks by the second-derivative
 * foot, so the flag is judged with a realistic PAT error but without QRS errors.
 */
class PatShiftFlagTest {
    private static SimulatedSession session;
    private static List<Beat> beats;
    private static double[] measured;

    @BeforeAll
    static void simulate() throws Exception {
        session = SimulatedSession.simulate(77, 600, 1000, EnumSet.of(Signal.POSITIONS, Signal.ECG, Signal.PPG),
                b -> b.patShiftEpisodesPerMinute(1));
        beats = session.beats.stream().filter(b -> b.rPeakMicros() > session.ppgT[0] + 500_000
                && b.pulseArrivalMicros() < session.ppgT[session.ppgT.length - 1] - 500_000).toList();
        long[] r = beats.stream().mapToLong(Beat::rPeakMicros).toArray();
        measured = new double[r.length];
        new PulseArrival(100, 350, 15).estimate(session.ppgT, session.ppg, session.ppgT.length, 500, r, r.length,
                Fiducial.SECOND_DERIVATIVE_MAXIMUM, measured);
    }

    record Score(int episodes, int detected, int quietBeats, int falseBeats, int falseRuns, double hours) {
        @Override
        public String toString() {
            return String.format("episodes detected %d of %d; false alarms: %d of %d beats outside episodes (%.2f %%),"
                    + " %d alarm runs = %.1f per hour", detected, episodes, falseBeats, quietBeats,
                    100.0 * falseBeats / quietBeats, falseRuns, falseRuns / hours);
        }
    }

    /** Scores per-beat flags; a flag up to `lag` beats after an episode still belongs to it (the window lags). */
    static Score score(Supplier<PatShiftFlag> factory, double[] pat, int lag) {
        return score(factory, pat, null, lag);
    }

    /** As above; with rr (ms per beat) the flag is heart-rate compensated. */
    static Score score(Supplier<PatShiftFlag> factory, double[] pat, double[] rr, int lag) {
        PatShiftFlag flag = factory.get();
        boolean[] flagged = new boolean[pat.length];
        for (int i = 0; i < pat.length; i++) {
            flagged[i] = rr == null ? flag.accept(pat[i]) : flag.accept(pat[i], rr[i]);
        }
        int episodes = 0;
        int detected = 0;
        int quiet = 0;
        int falseBeats = 0;
        int runs = 0;
        int sinceEpisode = Integer.MAX_VALUE / 2;
        boolean inRun = false;
        for (int i = 0; i < pat.length; i++) {
            boolean shifted = beats.get(i).patShift();
            if (shifted && (i == 0 || !beats.get(i - 1).patShift())) {
                episodes++;
                boolean any = false;
                for (int k = i; k < pat.length
                        && (k < i + 1 || beats.get(k - 1).patShift() || k - lastShifted(k) <= lag); k++) {
                    any |= flagged[k];
                    if (!beats.get(k).patShift() && k - lastShifted(k) > lag) {
                        break;
                    }
                }
                detected += any ? 1 : 0;
            }
            sinceEpisode = shifted ? 0 : sinceEpisode + 1;
            if (!shifted && sinceEpisode > lag) {
                quiet++;
                if (flagged[i]) {
                    falseBeats++;
                    if (!inRun) {
                        runs++;
                    }
                }
                inRun = flagged[i];
            } else {
                inRun = false;
            }
        }
        double hours = (beats.get(beats.size() - 1).rPeakMicros() - beats.get(0).rPeakMicros()) / 3.6e9;
        return new Score(episodes, detected, quiet, falseBeats, runs, hours);
    }

    private static int lastShifted(int k) {
        for (int j = k; j >= 0; j--) {
            if (beats.get(j).patShift()) {
                return j;
            }
        }
        return -1_000_000;
    }

    @Test
    void flagAgainstLabelledEpisodes() {
        double[] truth = beats.stream().mapToDouble(Beat::patMillis).toArray();
        Score seedOnTruth = score(PatShiftFlag::seed, truth, 5);
        Score seedMeasured = score(PatShiftFlag::seed, measured, 5);
        Score wideMeasured = score(() -> new PatShiftFlag(8, 60, 3.5, 10), measured, 8);
        System.out.println("PAT shift flag (seed 77, 600 s, 1 episode per minute):");
        System.out.println("  seed rule (5-7 ms, 5 vs 30 beats) on true PAT:     " + seedOnTruth);
        System.out.println("  seed rule on measured PAT:                         " + seedMeasured);
        System.out.println("  3.5-10 ms, 8 vs 60 beats, on measured PAT:        " + wideMeasured);
        assertTrue(seedOnTruth.episodes() >= 5, seedOnTruth.toString());
        // what the rule can do at all, on true PAT: most episodes are seen
        assertTrue(seedOnTruth.detected() >= 0.5 * seedOnTruth.episodes(), seedOnTruth.toString());
        // on measured PAT the false-alarm share stays small (measured, printed above)
        assertTrue(seedMeasured.falseBeats() <= 0.1 * seedMeasured.quietBeats(), seedMeasured.toString());
    }

    @Test
    void heartRateCompensationCutsFalseAlarms() {
        double[] truth = beats.stream().mapToDouble(Beat::patMillis).toArray();
        double[] rr = new double[beats.size()];
        rr[0] = Double.NaN;
        for (int i = 1; i < rr.length; i++) {
            rr[i] = (beats.get(i).rPeakMicros() - beats.get(i - 1).rPeakMicros()) / 1000.0;
        }
        Score plainTruth = score(PatShiftFlag::seed, truth, 5);
        Score compTruth = score(PatShiftFlag::seed, truth, rr, 5);
        Score plain = score(PatShiftFlag::seed, measured, 5);
        Score comp = score(PatShiftFlag::seed, measured, rr, 5);
        System.out.println("PAT shift flag, seed rule, heart-rate compensated (seed 77, 600 s):");
        System.out.println("  true PAT,     plain:       " + plainTruth);
        System.out.println("  true PAT,     compensated: " + compTruth);
        System.out.println("  measured PAT, plain:       " + plain);
        System.out.println("  measured PAT, compensated: " + comp);
        assertTrue(comp.falseBeats() < plain.falseBeats(), comp + " vs " + plain);
        assertTrue(compTruth.falseBeats() < plainTruth.falseBeats(), compTruth + " vs " + plainTruth);
        assertTrue(comp.detected() >= plain.detected() - 1, comp + " vs " + plain);
    }

    @Test
    void flagsAShiftAndNotSteadyBeats() {
        PatShiftFlag f = PatShiftFlag.seed();
        for (int i = 0; i < 60; i++) {
            assertFalse(f.accept(200 + (i % 3) * 0.5), "steady beat " + i);
        }
        assertFalse(f.accept(Double.NaN));
        boolean any = false;
        for (int i = 0; i < 5; i++) {
            any |= f.accept(206);
        }
        assertTrue(any, "a 6 ms shift over five beats is flagged");
        PatShiftFlag g = PatShiftFlag.seed();
        for (int i = 0; i < 35; i++) {
            g.accept(200);
        }
        boolean big = false;
        for (int i = 0; i < 5; i++) {
            big |= g.accept(230);
        }
        assertFalse(big, "a 30 ms change is outside the 5-7 ms rule");
    }
}
