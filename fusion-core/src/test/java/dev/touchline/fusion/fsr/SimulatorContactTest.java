package dev.touchline.fusion.fsr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.fusion.BadSensorDataException;
import dev.touchline.sensor.simulation.Foot;
import dev.touchline.sensor.simulation.FootContact;
import dev.touchline.sensor.simulation.FsrSamples;
import dev.touchline.sensor.simulation.StrikePattern;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The detector against the simulator's true contacts, seeds 11, 12, 13 and 14, 240 s each. A true contact is
 * detected when a detected step of the same foot starts within 60 ms of it; contacts the detector reports as
 * standing (the foot never unloaded) are counted apart.
 */
class SimulatorContactTest {
    private static final long[] SEEDS = {11, 12, 13, 14};
    private static final double SECONDS = 240;
    private static final long MATCH_MICROS = 60_000;

    @Test
    void contactsAgreeWithTheSimulatorsTruth() throws BadSensorDataException {
        int truthCount = 0;
        int truthInStance = 0;
        int matched = 0;
        int detectedSteps = 0;
        int patternAgree = 0;
        List<Double> onErr = new ArrayList<>();
        List<Double> offErr = new ArrayList<>();
        List<Double> peakErr = new ArrayList<>();
        List<Double> rateErr = new ArrayList<>();
        int[][] confusion = new int[3][3];
        double worstSymmetryError = 0;
        for (long seed : SEEDS) {
            SimulatedInsoles sim = SimulatedInsoles.simulate(seed, SECONDS);
            List<FsrContact> found = new ArrayList<>();
            ContactSummary summary = new ContactSummary();
            FootContactDetector d = FootContactDetector.builder().build(c -> {
                found.add(c);
                summary.onContact(c);
            });
            for (FsrSamples b : sim.blocks) {
                d.accept(b);
            }
            d.flush();
            double[] truePeak = new double[2];
            int[] trueN = new int[2];
            for (FootContact t : sim.truth) {
                int f = t.foot() == Foot.LEFT ? 0 : 1;
                if (!inStance(found, f == 0, t)) {
                    truePeak[f] += t.peakForceNewtons();
                    trueN[f]++;
                }
            }
            double trueSi = ContactSummary.symmetryPercent(truePeak[0] / trueN[0], truePeak[1] / trueN[1]);
            double si = summary.peakForceSymmetryPercent();
            System.out.printf("  seed %d: peak-force symmetry index %.2f %% (all true steps %.2f %%), impulse SI"
                    + " %.2f %%, contact-time SI %.2f %%, rearfoot share L-R %.1f points%n", seed, si, trueSi,
                    summary.impulseSymmetryPercent(), summary.contactTimeSymmetryPercent(),
                    summary.rearfootShareDifferencePoints());
            double[] pairTrue = new double[2];
            double[] pairFound = new double[2];
            boolean[] used = new boolean[found.size()];
            for (FsrContact c : found) {
                if (!c.stance()) {
                    detectedSteps++;
                }
            }
            for (FootContact t : sim.truth) {
                boolean left = t.foot() == Foot.LEFT;
                if (inStance(found, left, t)) {
                    truthInStance++;
                    continue;
                }
                truthCount++;
                int best = -1;
                long bestErr = Long.MAX_VALUE;
                for (int i = 0; i < found.size(); i++) {
                    FsrContact c = found.get(i);
                    long e = Math.abs(c.onMicros() - t.onMicros());
                    if (!used[i] && !c.stance() && c.left() == left && e <= MATCH_MICROS && e < bestErr) {
                        best = i;
                        bestErr = e;
                    }
                }
                if (best < 0) {
                    continue;
                }
                used[best] = true;
                matched++;
                FsrContact c = found.get(best);
                double tc = (t.offMicros() - t.onMicros()) / 1e6;
                if (tc <= 0.28 && !Double.isNaN(c.loadingRateNewtonsPerSecond())) {
                    // Contacts this short are running ones: a plain half sine, whose 20-80 % slope is known.
                    double rise = (Math.asin(0.8) - Math.asin(0.2)) / Math.PI * tc;
                    double expected = 0.6 * t.peakForceNewtons() / rise;
                    rateErr.add((c.loadingRateNewtonsPerSecond() - expected) / expected);
                }
                pairTrue[left ? 0 : 1] += t.peakForceNewtons();
                pairFound[left ? 0 : 1] += c.peakNewtons();
                onErr.add((c.onMicros() - t.onMicros()) / 1e3);
                offErr.add((c.offMicros() - t.offMicros()) / 1e3);
                peakErr.add((c.peakNewtons() - t.peakForceNewtons()) / t.peakForceNewtons());
                int want = t.pattern().ordinal();
                int got = c.strike().ordinal();
                confusion[want][got]++;
                if (want == got) {
                    patternAgree++;
                }
            }
            // Same steps on both sides, so this is the detector's error and not which steps were counted.
            double pairSiError = Math.abs(ContactSummary.symmetryPercent(pairFound[0], pairFound[1])
                    - ContactSummary.symmetryPercent(pairTrue[0], pairTrue[1]));
            worstSymmetryError = Math.max(worstSymmetryError, pairSiError);
        }
        int extra = detectedSteps - matched;
        double rate = (double) matched / truthCount;
        double extraRate = (double) extra / truthCount;
        double agree = (double) patternAgree / matched;
        System.out.printf("FSR contacts, seeds 11-14, %.0f s each: %d true steps (+%d inside standing), %d detected"
                + " steps, matched %d (%.2f %%), extra %d (%.2f %%)%n", SECONDS, truthCount, truthInStance,
                detectedSteps, matched, 100 * rate, extra, 100 * extraRate);
        System.out.printf("  on bias %.2f ms sd %.2f ms (p95 |err| %.1f ms); off bias %.2f ms sd %.2f ms"
                + " (median %.2f ms, within 10 ms %.2f %%, p95 |err| %.1f ms)%n", mean(onErr), sd(onErr),
                p95abs(onErr), mean(offErr), sd(offErr), median(offErr), 100 * within(offErr, 10),
                p95abs(offErr));
        System.out.printf("  peak force error mean %.2f %%, p95 |err| %.2f %%; strike pattern agreement %.2f %%%n",
                100 * mean(peakErr), 100 * p95abs(peakErr), 100 * agree);
        for (StrikePattern p : StrikePattern.values()) {
            int[] row = confusion[p.ordinal()];
            System.out.printf("  true %-8s -> rearfoot %d, midfoot %d, forefoot %d%n", p, row[0], row[1], row[2]);
        }
        assertTrue(truthCount > 1000, "enough true steps: " + truthCount);
        assertTrue(rate >= 0.985, "detection rate " + rate);
        // Extras are mostly the simulator's standing load between slow steps: the foot is loaded, no step is true.
        assertTrue(extraRate <= 0.04, "extra contacts " + extraRate);
        assertTrue(Math.abs(mean(onErr)) <= 3 && sd(onErr) <= 4, "on timing");
        // A step that ends in standing keeps the foot loaded past the true toe-off: a heavy tail, so median and share.
        assertTrue(Math.abs(median(offErr)) <= 2 && within(offErr, 10) >= 0.95, "off timing");
        assertTrue(Math.abs(mean(peakErr)) <= 0.03 && p95abs(peakErr) <= 0.05, "peak force");
        assertTrue(agree >= 0.97, "strike pattern agreement " + agree);
        System.out.printf("  loading rate of running contacts (true contact <= 280 ms, n = %d): error mean %.2f %%,"
                + " p95 |err| %.2f %%%n", rateErr.size(), 100 * mean(rateErr), 100 * p95abs(rateErr));
        System.out.printf("  peak-force symmetry index over matched steps: worst error %.2f points%n",
                worstSymmetryError);
        assertTrue(rateErr.size() > 200 && Math.abs(mean(rateErr)) <= 0.02 && p95abs(rateErr) <= 0.06,
                "loading rate");
        assertTrue(worstSymmetryError <= 0.5, "peak-force symmetry index error " + worstSymmetryError);
    }

    private static boolean inStance(List<FsrContact> found, boolean left, FootContact t) {
        for (FsrContact c : found) {
            if (c.stance() && c.left() == left && c.onMicros() <= t.offMicros() && t.onMicros() <= c.offMicros()) {
                return true;
            }
        }
        return false;
    }

    static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length == 0 ? Double.NaN : 0.5 * (a[(a.length - 1) / 2] + a[a.length / 2]);
    }

    static double within(List<Double> v, double limit) {
        return v.stream().filter(x -> Math.abs(x) <= limit).count() / (double) v.size();
    }

    static double sd(List<Double> v) {
        double m = mean(v);
        return Math.sqrt(v.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / Math.max(1, v.size() - 1));
    }

    static double p95abs(List<Double> v) {
        double[] a = v.stream().mapToDouble(x -> Math.abs(x)).sorted().toArray();
        return a.length == 0 ? Double.NaN : a[(int) Math.floor(0.95 * (a.length - 1))];
    }
}
