package dev.touchline.sensor.simulation;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Simulated optical detections, per 25 Hz frame, from the true positions of every player and official (the ball
 * is not detected): Gaussian position noise, misses, occlusion, false positives, heights only when the head is
 * seen, and kit recognition that now and then gives the wrong team or none.
 *
 * <p>Occlusion is geometric: a camera stands above the bottom touchline's middle; of two objects closer than the
 * occlusion distance the one further from it is hidden, and when they nearly touch the detector sees one blob at
 * their midpoint. Confidence carries the difference: 0.6–0.99 for clean detections, 0.45–0.8 for one that hides
 * another, 0.3–0.6 for a merged blob and 0.1–0.5 for false positives. Rows of a frame come in random order, as a
 * detector's would.
 */
final class DetectionSimulator {
    private static final int CLEAN = 0;
    private static final int OCCLUDER = 1;
    private static final int HIDDEN = 2;
    private static final int MERGED = 3;
    private static final int ABSORBED = 4;
    /** Where the camera stands, beyond the bottom touchline, m from it. */
    private static final double CAMERA_SETBACK = 25;

    private final DetectionConfig cfg;
    private final SplittableRandom random;
    private final int n;
    private final double hl;
    private final double hw;
    private final double cameraY;
    private final double[] stature;
    private final int[] team;
    private final int[] status;
    private final int[] partner;
    private final int playerCount;
    private final int[] players;
    private int[] frame = new int[0];
    private long[] time = new long[0];
    private float[] x = new float[0];
    private float[] y = new float[0];
    private float[] height = new float[0];
    private int[] label = new int[0];
    private float[] confidence = new float[0];
    private int[] truth = new int[0];
    private int rows;

    DetectionSimulator(SimulationConfig config, Roster roster) {
        this.cfg = config.detections();
        this.random = new SplittableRandom(Seeds.derive(config.seed(), "detections", 0));
        this.n = roster.size();
        this.hl = config.pitch().halfLength();
        this.hw = config.pitch().halfWidth();
        this.cameraY = -hw - CAMERA_SETBACK;
        this.stature = new double[n];
        this.team = new int[n];
        this.status = new int[n];
        this.partner = new int[n];
        int count = 0;
        for (int o = 0; o < n; o++) {
            stature[o] = roster.get(o).statureMetres();
            team[o] = roster.get(o).side().ordinal();
            if (roster.get(o).role().isPlayer()) {
                count++;
            }
        }
        this.playerCount = count;
        this.players = new int[count];
        int k = 0;
        for (int o = 0; o < n; o++) {
            if (roster.get(o).role().isPlayer()) {
                players[k++] = o;
            }
        }
    }

    /** Detections of the chunk's own frames (not the look-ahead frame), ordered by frame. */
    Detections next(MotionBlock block) {
        rows = 0;
        ensure(block.chunkFrames() * (n + 4 + (int) Math.ceil(3 * cfg.falsePositivesPerFrame())));
        for (int f = 0; f < block.chunkFrames(); f++) {
            int first = rows;
            occlusion(block, f);
            for (int o = 0; o < n; o++) {
                detect(block, f, o);
            }
            int fp = poisson(cfg.falsePositivesPerFrame());
            for (int k = 0; k < fp; k++) {
                falsePositive(block, f);
            }
            shuffle(first, rows);
        }
        return new Detections(frame, time, x, y, height, label, confidence, truth, rows);
    }

    private void occlusion(MotionBlock b, int f) {
        Arrays.fill(status, CLEAN);
        double reach = cfg.occlusionDistanceMetres();
        if (reach <= 0) {
            return;
        }
        double reach2 = reach * reach;
        for (int i = 0; i < n; i++) {
            double xi = b.x(i, f);
            double yi = b.y(i, f);
            for (int j = i + 1; j < n; j++) {
                double dx = b.x(j, f) - xi;
                double dy = b.y(j, f) - yi;
                double d2 = dx * dx + dy * dy;
                if (d2 >= reach2) {
                    continue;
                }
                boolean iNearer = camera(b, i, f) <= camera(b, j, f);
                int near = iNearer ? i : j;
                int far = iNearer ? j : i;
                if (d2 < reach2 / 4 && status[near] <= OCCLUDER && status[far] <= OCCLUDER) {
                    status[near] = MERGED;
                    partner[near] = far;
                    status[far] = ABSORBED;
                } else {
                    if (status[far] == CLEAN || status[far] == OCCLUDER) {
                        status[far] = HIDDEN;
                    }
                    if (status[near] == CLEAN) {
                        status[near] = OCCLUDER;
                    }
                }
            }
        }
    }

    private double camera(MotionBlock b, int o, int f) {
        double dx = b.x(o, f);
        double dy = b.y(o, f) - cameraY;
        return dx * dx + dy * dy;
    }

    private void detect(MotionBlock b, int f, int o) {
        int s = status[o];
        if (s == HIDDEN || s == ABSORBED || Randoms.chance(random, cfg.missProbability())) {
            return;
        }
        double px = b.x(o, f);
        double py = b.y(o, f);
        double conf;
        if (s == MERGED) {
            int p = partner[o];
            px = 0.5 * (px + b.x(p, f));
            py = 0.5 * (py + b.y(p, f));
            conf = Randoms.uniform(random, 0.3, 0.6);
        } else if (s == OCCLUDER) {
            conf = Randoms.uniform(random, 0.45, 0.8);
        } else {
            conf = Randoms.uniform(random, 0.6, 0.99);
        }
        double sigma = cfg.positionNoiseMetres();
        px += Randoms.gaussian(random, 0, sigma);
        py += Randoms.gaussian(random, 0, sigma);
        double h = Float.NaN;
        if (Randoms.chance(random, cfg.headVisibleProbability())) {
            h = stature[o] + Randoms.gaussian(random, 0, cfg.heightNoiseMetres());
        }
        int t = team[o];
        double u = random.nextDouble();
        if (u < cfg.unknownTeamProbability()) {
            t = Detections.TEAM_UNKNOWN;
        } else if (u < cfg.unknownTeamProbability() + cfg.teamLabelErrorProbability()) {
            t = (t + 1 + random.nextInt(TeamSide.values().length - 1)) % TeamSide.values().length;
        }
        add(b, f, px, py, h, t, conf, o);
    }

    private void falsePositive(MotionBlock b, int f) {
        double px;
        double py;
        if (playerCount > 0 && random.nextBoolean()) {
            // Clutter near players: shadows, limbs, a second box on one body.
            int o = players[random.nextInt(playerCount)];
            double r = Randoms.uniform(random, 0.8, 3.0);
            double a = Randoms.uniform(random, 0, 2 * Math.PI);
            px = b.x(o, f) + r * Math.cos(a);
            py = b.y(o, f) + r * Math.sin(a);
        } else {
            px = Randoms.uniform(random, -hl, hl);
            py = Randoms.uniform(random, -hw, hw);
        }
        double h = random.nextDouble() < 0.3 ? Randoms.uniform(random, 1.0, 2.0) : Float.NaN;
        int t = random.nextInt(TeamSide.values().length + 1) - 1;
        add(b, f, px, py, h, t, Randoms.uniform(random, 0.1, 0.5), -1);
    }

    private void add(MotionBlock b, int f, double px, double py, double h, int t, double conf, int object) {
        if (rows == frame.length) {
            ensure(2 * rows + 64);
        }
        frame[rows] = b.frameNumber(f);
        time[rows] = b.timeMicros(f);
        x[rows] = (float) px;
        y[rows] = (float) py;
        height[rows] = (float) h;
        label[rows] = t;
        confidence[rows] = (float) conf;
        truth[rows] = object;
        rows++;
    }

    /** Knuth's multiplication method; fine for the small means used here. */
    private int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        double limit = Math.exp(-mean);
        double p = random.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= random.nextDouble();
            k++;
        }
        return k;
    }

    private void shuffle(int from, int to) {
        for (int i = to - 1; i > from; i--) {
            int j = from + random.nextInt(i - from + 1);
            swap(i, j);
        }
    }

    private void swap(int i, int j) {
        float fx = x[i];
        x[i] = x[j];
        x[j] = fx;
        float fy = y[i];
        y[i] = y[j];
        y[j] = fy;
        float fh = height[i];
        height[i] = height[j];
        height[j] = fh;
        int tl = label[i];
        label[i] = label[j];
        label[j] = tl;
        float fc = confidence[i];
        confidence[i] = confidence[j];
        confidence[j] = fc;
        int to = truth[i];
        truth[i] = truth[j];
        truth[j] = to;
    }

    private void ensure(int capacity) {
        if (frame.length >= capacity) {
            return;
        }
        frame = Arrays.copyOf(frame, capacity);
        time = Arrays.copyOf(time, capacity);
        x = Arrays.copyOf(x, capacity);
        y = Arrays.copyOf(y, capacity);
        height = Arrays.copyOf(height, capacity);
        label = Arrays.copyOf(label, capacity);
        confidence = Arrays.copyOf(confidence, capacity);
        truth = Arrays.copyOf(truth, capacity);
    }
}
