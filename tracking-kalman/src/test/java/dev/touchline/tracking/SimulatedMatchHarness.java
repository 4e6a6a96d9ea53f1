package dev.touchline.tracking;

import dev.touchline.sensor.simulation.Detections;
import dev.touchline.sensor.simulation.MatchSimulation;
import dev.touchline.sensor.simulation.MatchSimulator;
import dev.touchline.sensor.simulation.MotionBlock;
import dev.touchline.sensor.simulation.Signal;
import dev.touchline.sensor.simulation.SimulationChunk;
import dev.touchline.sensor.simulation.SimulationConfig;
import dev.touchline.tracking.metrics.MotEvaluator;
import dev.touchline.tracking.metrics.MotResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a tracker over the simulator's detections and scores its confirmed and coasting tracks against the true
 * positions of every player and official. Each half is its own sequence (a tracker is started afresh at
 * kick-off of each period, as TrackEval scores sequences separately); ID switches add up over the halves.
 */
final class SimulatedMatchHarness {
    /** One tracker under test, fed one frame at a time. */
    interface FrameTracker {
        /** Processes a frame; returns whether {@code out} holds a (possibly delayed) frame. */
        boolean process(long timeMicros, int count, double[] x, double[] y, double[] height, int[] team,
                        double[] confidence, TrackFrame out);

        /** Hands out a frame still held back at the end of a sequence; false when none is left. */
        default boolean flush(TrackFrame out) {
            return false;
        }
    }

    /** Ground truth of the frames whose tracks have not come out yet (a tracker may hand them out late). */
    private static final class TruthRing {
        final long[] time = new long[512];
        final int[] count = new int[512];
        final double[][] x = new double[512][64];
        final double[][] y = new double[512][64];
        int next;

        void add(long t, MotionBlock m, int f) {
            int i = next++ % time.length;
            time[i] = t;
            count[i] = m.objectCount();
            for (int o = 0; o < count[i]; o++) {
                x[i][o] = m.x(o, f);
                y[i][o] = m.y(o, f);
            }
        }

        int find(long t) {
            for (int i = 0; i < time.length; i++) {
                if (time[i] == t && count[i] > 0) {
                    return i;
                }
            }
            throw new IllegalStateException("no truth for frame time " + t);
        }
    }

    /** Scores one output frame against its truth. */
    private static void score(TruthRing truth, TrackFrame out, MotEvaluator evaluator, MotEvaluator confirmed,
                              int[] gtIds, int[] trIds, double[] trX, double[] trY) {
        int i = truth.find(out.timeMicros());
        int g = truth.count[i];
        for (int o = 0; o < g; o++) {
            gtIds[o] = o;
        }
        int m = 0;
        for (int k = 0; k < out.size(); k++) {
            if (out.state(k) != TrackState.TENTATIVE) {
                trIds[m] = out.id(k);
                trX[m] = out.x(k);
                trY[m] = out.y(k);
                m++;
            }
        }
        evaluator.addFrame(g, gtIds, truth.x[i], truth.y[i], m, trIds, trX, trY);
        m = 0;
        for (int k = 0; k < out.size(); k++) {
            if (out.state(k) == TrackState.CONFIRMED) {
                trIds[m] = out.id(k);
                trX[m] = out.x(k);
                trY[m] = out.y(k);
                m++;
            }
        }
        confirmed.addFrame(g, gtIds, truth.x[i], truth.y[i], m, trIds, trX, trY);
    }

    /**
     * Per-period results and their duration in seconds; {@code confirmedOnly} scores only the tracks in state
     * confirmed (matched in that frame), which gives the "confirmed-track position RMSE".
     */
    record Outcome(List<MotResult> periods, List<MotResult> confirmedOnly, double seconds) {
        long idSwitches() {
            return periods.stream().mapToLong(MotResult::idSwitches).sum();
        }

        double idSwitchesPer90() {
            return idSwitches() * 5400.0 / seconds;
        }

        /** Detection-weighted mean of a per-period figure. */
        double mean(java.util.function.ToDoubleFunction<MotResult> f) {
            double sum = 0;
            double w = 0;
            for (MotResult r : periods) {
                sum += f.applyAsDouble(r) * r.gtDetections();
                w += r.gtDetections();
            }
            return sum / w;
        }

        double rmse() {
            return rmse(periods);
        }

        double confirmedRmse() {
            return rmse(confirmedOnly);
        }

        private static double rmse(List<MotResult> results) {
            double sum = 0;
            double n = 0;
            for (MotResult r : results) {
                sum += r.rmseMetres() * r.rmseMetres() * r.truePositives();
                n += r.truePositives();
            }
            return Math.sqrt(sum / n);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "IDSW %d (%.1f per 90 min), IDF1 %.4f, MOTA %.4f, HOTA %.4f, DetA %.4f, AssA %.4f, RMSE %.4f m"
                            + " (confirmed tracks only %.4f m), frag %d, minutes %.1f",
                    idSwitches(), idSwitchesPer90(), mean(MotResult::idf1), mean(MotResult::mota),
                    mean(MotResult::hota), mean(MotResult::detA), mean(MotResult::assA), rmse(), confirmedRmse(),
                    periods.stream().mapToLong(MotResult::fragmentations).sum(), seconds / 60);
        }
    }

    private SimulatedMatchHarness() {
    }

    static SimulationConfig config(long seed, Duration match) {
        return SimulationConfig.builder().seed(seed).matchDuration(match)
                .signals(EnumSet.of(Signal.POSITIONS, Signal.DETECTIONS)).chunkDuration(Duration.ofSeconds(10))
                .build();
    }

    static Outcome run(SimulationConfig config, Supplier<FrameTracker> trackers) {
        List<MotResult> results = new ArrayList<>();
        List<MotResult> confirmedResults = new ArrayList<>();
        MotEvaluator confirmedEvaluator = null;
        double[] x = new double[256];
        double[] y = new double[256];
        double[] h = new double[256];
        int[] team = new int[256];
        double[] conf = new double[256];
        TrackFrame out = new TrackFrame(64);
        int[] gtIds = new int[64];
        TruthRing truth = new TruthRing();
        int[] trIds = new int[256];
        double[] trX = new double[256];
        double[] trY = new double[256];
        int period = -1;
        FrameTracker tracker = null;
        MotEvaluator evaluator = null;
        long frames = 0;
        try (MatchSimulation sim = MatchSimulator.of(config).start()) {
            while (sim.hasNext()) {
                SimulationChunk chunk = sim.next();
                MotionBlock motion = chunk.motion();
                Detections det = chunk.detections();
                if (chunk.period() != period) {
                    if (evaluator != null) {
                        while (tracker.flush(out)) {
                            score(truth, out, evaluator, confirmedEvaluator, gtIds, trIds, trX, trY);
                        }
                        results.add(evaluator.evaluate());
                        confirmedResults.add(confirmedEvaluator.evaluate());
                    }
                    period = chunk.period();
                    tracker = trackers.get();
                    evaluator = new MotEvaluator();
                    confirmedEvaluator = new MotEvaluator();
                }
                int row = 0;
                for (int f = 0; f < motion.chunkFrames(); f++) {
                    int frameNumber = motion.frameNumber(f);
                    int n = 0;
                    while (row < det.length() && det.frame(row) < frameNumber) {
                        row++;
                    }
                    while (row < det.length() && det.frame(row) == frameNumber) {
                        x[n] = det.x(row);
                        y[n] = det.y(row);
                        h[n] = det.heightMetres(row);
                        team[n] = det.team(row);
                        conf[n] = det.confidence(row);
                        n++;
                        row++;
                    }
                    truth.add(motion.timeMicros(f), motion, f);
                    if (tracker.process(motion.timeMicros(f), n, x, y, h, team, conf, out)) {
                        score(truth, out, evaluator, confirmedEvaluator, gtIds, trIds, trX, trY);
                    }
                    frames++;
                }
            }
        }
        if (evaluator != null) {
            while (tracker.flush(out)) {
                score(truth, out, evaluator, confirmedEvaluator, gtIds, trIds, trX, trY);
            }
            results.add(evaluator.evaluate());
            confirmedResults.add(confirmedEvaluator.evaluate());
        }
        return new Outcome(results, confirmedResults, frames * MotionBlock.FRAME_MICROS * 1e-6);
    }

    static FrameTracker ours(TrackerConfig config) {
        PitchTracker t = new PitchTracker(config);
        return (time, n, x, y, h, team, conf, out) -> {
            t.process(time, n, x, y, h, team, conf, out);
            return true;
        };
    }

    /** Ours with its output {@code lagFrames} late, so that identity exchanges reach the frames before them. */
    static FrameTracker lagged(TrackerConfig config, int lagFrames) {
        FixedLagTracker t = new FixedLagTracker(config, lagFrames);
        return new FrameTracker() {
            @Override
            public boolean process(long time, int n, double[] x, double[] y, double[] h, int[] team, double[] conf,
                                   TrackFrame out) {
                return t.process(time, n, x, y, h, team, conf, out);
            }

            @Override
            public boolean flush(TrackFrame out) {
                return t.flush(out);
            }
        };
    }

    static FrameTracker baseline() {
        SortBaselineTracker t = SortBaselineTracker.defaults();
        return (time, n, x, y, h, team, conf, out) -> {
            t.process(time, n, x, y, out);
            return true;
        };
    }

    /**
     * Runs a whole simulated match with both trackers: {@code [seed [minutes]]}. With {@code -Dsweep=a=1;b=2/c=3}
     * it runs one config per {@code /}-separated variant instead (keys in {@link #parse}), output 25 frames late
     * ({@code -Dlag=N} frames; 0 for immediate output).
     */
    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 5;
        int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 90;
        SimulationConfig config = config(seed, Duration.ofMinutes(minutes));
        String sweep = System.getProperty("sweep");
        if (sweep != null) {
            int lag = Integer.getInteger("lag", 25);
            for (String variant : sweep.split("/")) {
                TrackerConfig c = parse(variant);
                System.out.println(variant + ": " + run(config, () -> lag > 0 ? lagged(c, lag) : ours(c)));
            }
            return;
        }
        System.out.println("ours, output 1 s late (FixedLagTracker, 25 frames): "
                + run(config, () -> lagged(TrackerConfig.defaults(), 25)));
        System.out.println("ours, immediate output (PitchTracker): "
                + run(config, () -> ours(TrackerConfig.defaults())));
        System.out.println("fixed:    " + run(config, () -> ours(TrackerConfig.builder().gateMode(GateMode.FIXED)
                .build())));
        System.out.println("baseline: " + run(config, SimulatedMatchHarness::baseline));
    }

    /** A config from {@code key=value;...} with keys sigma, chi2, gate, hits, age, decay, switch, team, stature. */
    static TrackerConfig parse(String spec) {
        TrackerConfig.Builder b = TrackerConfig.builder();
        FilterConfig.Builder fb = FilterConfig.builder();
        for (String kv : spec.split(";")) {
            if (kv.isBlank()) {
                continue;
            }
            String[] p = kv.split("=");
            double v = Double.parseDouble(p[1]);
            switch (p[0]) {
                case "sigma" -> fb.accelerationNoise(v);
                case "chi2" -> b.gateChiSquare(v);
                case "gate" -> b.maxGateMetres(v);
                case "hits" -> b.confirmHits((int) v);
                case "age" -> b.maxAgeSeconds(v);
                case "decay" -> b.accelerationDecaySeconds(v);
                case "switch" -> b.occlusionSwitchSeconds(v);
                case "team" -> b.teamConstraint(v != 0);
                case "stature" -> b.statureConstraint(v != 0);
                case "high" -> b.highConfidence(v);
                case "low" -> b.lowConfidence(v);
                case "shared" -> b.sharedDetectionRadiusMetres(v);
                case "teamcost" -> b.teamMismatchCost(v);
                case "hgate" -> b.statureCostCap(v);
                case "follow" -> b.followNoiseMetres(v);
                case "reacq" -> b.reacquireSpeedMetresPerSecond(v);
                case "reacqbase" -> b.reacquireBaseMetres(v);
                case "amb" -> b.ambiguityMargin(v);
                case "review" -> b.separationReviewSeconds(v);
                case "swapmargin" -> b.separationSwapMargin(v);
                case "near" -> b.separationProximityMetres(v);
                case "motion" -> b.separationMotionWeight(v);
                case "anchor" -> b.reacquireFromLastSeen(v != 0);
                case "fromstart" -> b.relabelFromEntanglementStart(v != 0);
                case "lowalive" -> b.lowConfidenceKeepsAlive(v != 0);
                case "teamgate" -> b.teamGate(v != 0);
                case "lowteam" -> b.lowConfidenceTeamGate(v != 0);
                case "fixed" -> b.gateMode(v != 0 ? GateMode.FIXED : GateMode.MAHALANOBIS);
                default -> throw new IllegalArgumentException(p[0]);
            }
        }
        return b.filter(fb.build()).build();
    }
}
