package dev.touchline.tracking.eval;

import dev.touchline.sensor.pitch.PitchDimensions;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Synthetic detections from true positions, frame by frame, erring as the simulator's detector does: Gaussian
 * position noise, misses, geometric occlusion from a camera 25 m beyond the middle of the bottom touchline (of two
 * objects closer than the occlusion distance the further is hidden; below half of it the two are one detection at
 * their midpoint), and false positives (half near a random object, 0.8–3 m away, half anywhere on the pitch).
 * Confidence follows the simulator: 0.6–0.99 clean, 0.45–0.8 for an occluder, 0.3–0.6 for a merged detection,
 * 0.1–0.5 for false positives. No stature is observed (NaN). Rows come out in random order. Deterministic for a
 * seed. Mutable, not thread-safe; allocates only when a frame has more objects than any before.
 */
public final class DetectionSynthesizer {
    private static final double CAMERA_SETBACK_METRES = 25;
    private static final int CLEAN = 0;
    private static final int OCCLUDER = 1;
    private static final int HIDDEN = 2;
    private static final int MERGED = 3;
    private static final int ABSORBED = 4;

    private final DetectionNoise noise;
    private final PitchDimensions pitch;
    private final SplittableRandom random;
    private int[] status = new int[32];
    private int[] partner = new int[32];

    /**
     * A synthesizer.
     *
     * @param noise the errors
     * @param pitch the pitch (false positives fall on it; the camera stands beyond its bottom touchline)
     * @param seed random seed
     */
    public DetectionSynthesizer(DetectionNoise noise, PitchDimensions pitch, long seed) {
        this.noise = Objects.requireNonNull(noise, "noise");
        this.pitch = Objects.requireNonNull(pitch, "pitch");
        this.random = new SplittableRandom(seed);
    }

    /** Largest number of rows {@link #frame} can write for {@code objects} objects: size the output arrays so. */
    public static int capacity(int objects) {
        return objects + 64;
    }

    /**
     * The detections of one frame.
     *
     * @param n number of objects in the frame
     * @param x their true x, m. Not modified.
     * @param y their true y, m. Not modified.
     * @param team their team code, or −1 when unknown. Not modified.
     * @param outX detection x, m. Modified.
     * @param outY detection y, m. Modified.
     * @param outHeight stature, always NaN. Modified.
     * @param outTeam team label (−1 for false positives). Modified.
     * @param outConfidence confidence in [0, 1]. Modified.
     * @param outTruth index of the object detected (the nearer one for a merged detection), −1 for a false
     *                 positive. Modified.
     * @return the number of detections written, at most {@link #capacity(int) capacity(n)}
     */
    public int frame(int n, double[] x, double[] y, int[] team, double[] outX, double[] outY, double[] outHeight,
                     int[] outTeam, double[] outConfidence, int[] outTruth) {
        if (n < 0 || x.length < n || y.length < n || team.length < n) {
            throw new IllegalArgumentException("n " + n + " is negative or exceeds an input column's length");
        }
        int cap = capacity(n);
        if (outX.length < cap || outY.length < cap || outHeight.length < cap || outTeam.length < cap
                || outConfidence.length < cap || outTruth.length < cap) {
            throw new IllegalArgumentException("output columns must hold capacity(" + n + ") = " + cap + " rows");
        }
        if (status.length < n) {
            status = new int[Math.max(n, 2 * status.length)];
            partner = new int[status.length];
        }
        occlusion(n, x, y);
        int rows = 0;
        for (int o = 0; o < n; o++) {
            int s = status[o];
            if (s == HIDDEN || s == ABSORBED || random.nextDouble() < noise.missProbability()) {
                continue;
            }
            double px = x[o];
            double py = y[o];
            double conf;
            if (s == MERGED) {
                px = 0.5 * (px + x[partner[o]]);
                py = 0.5 * (py + y[partner[o]]);
                conf = uniform(0.3, 0.6);
            } else if (s == OCCLUDER) {
                conf = uniform(0.45, 0.8);
            } else {
                conf = uniform(0.6, 0.99);
            }
            int t = team[o];
            if (t >= 0 && t <= 1 && random.nextDouble() < noise.teamLabelErrorProbability()) {
                t = 1 - t;
            }
            outX[rows] = px + gaussian() * noise.positionNoiseMetres();
            outY[rows] = py + gaussian() * noise.positionNoiseMetres();
            outHeight[rows] = Double.NaN;
            outTeam[rows] = t;
            outConfidence[rows] = conf;
            outTruth[rows] = o;
            rows++;
        }
        int fp = Math.min(poisson(noise.falsePositivesPerFrame()), cap - rows);
        for (int k = 0; k < fp; k++) {
            if (n > 0 && random.nextBoolean()) {
                int o = random.nextInt(n);
                double r = uniform(0.8, 3.0);
                double a = uniform(0, 2 * Math.PI);
                outX[rows] = x[o] + r * Math.cos(a);
                outY[rows] = y[o] + r * Math.sin(a);
            } else {
                outX[rows] = uniform(-pitch.halfLength(), pitch.halfLength());
                outY[rows] = uniform(-pitch.halfWidth(), pitch.halfWidth());
            }
            outHeight[rows] = Double.NaN;
            outTeam[rows] = random.nextInt(3) - 1;
            outConfidence[rows] = uniform(0.1, 0.5);
            outTruth[rows] = -1;
            rows++;
        }
        for (int i = rows - 1; i > 0; i--) {
            swap(i, random.nextInt(i + 1), outX, outY, outHeight, outTeam, outConfidence, outTruth);
        }
        return rows;
    }

    private void occlusion(int n, double[] x, double[] y) {
        java.util.Arrays.fill(status, 0, n, CLEAN);
        double reach = noise.occlusionMetres();
        if (reach <= 0) {
            return;
        }
        double reach2 = reach * reach;
        double cameraY = -pitch.halfWidth() - CAMERA_SETBACK_METRES;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = x[j] - x[i];
                double dy = y[j] - y[i];
                double d2 = dx * dx + dy * dy;
                if (d2 >= reach2) {
                    continue;
                }
                double ci = x[i] * x[i] + (y[i] - cameraY) * (y[i] - cameraY);
                double cj = x[j] * x[j] + (y[j] - cameraY) * (y[j] - cameraY);
                int near = ci <= cj ? i : j;
                int far = ci <= cj ? j : i;
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

    private static void swap(int i, int j, double[] x, double[] y, double[] h, int[] t, double[] c, int[] truth) {
        double dx = x[i];
        x[i] = x[j];
        x[j] = dx;
        double dy = y[i];
        y[i] = y[j];
        y[j] = dy;
        double dh = h[i];
        h[i] = h[j];
        h[j] = dh;
        int ti = t[i];
        t[i] = t[j];
        t[j] = ti;
        double dc = c[i];
        c[i] = c[j];
        c[j] = dc;
        int tr = truth[i];
        truth[i] = truth[j];
        truth[j] = tr;
    }

    private double uniform(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** Box–Muller, one value per call (the second is dropped: simplicity over speed here). */
    private double gaussian() {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

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
}
