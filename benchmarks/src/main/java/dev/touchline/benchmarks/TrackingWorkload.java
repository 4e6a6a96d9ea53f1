package dev.touchline.benchmarks;

import dev.touchline.tracking.FilterConfig;
import dev.touchline.tracking.FixedLagTracker;
import dev.touchline.tracking.PitchTracker;
import dev.touchline.tracking.PlayerKalmanFilter;
import dev.touchline.tracking.SortBaselineTracker;
import dev.touchline.tracking.TrackFrame;
import dev.touchline.tracking.TrackerConfig;
import java.util.SplittableRandom;
import org.apache.commons.math3.filter.DefaultMeasurementModel;
import org.apache.commons.math3.filter.DefaultProcessModel;
import org.apache.commons.math3.filter.KalmanFilter;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;

/**
 * A fixed loop of 25 Hz frames with {@link #TARGETS} players (smooth random motion, 0.15 m noise, heights, team
 * labels, confidence 0.6–0.99) and {@link #FALSE_POSITIVES} false positives per frame (anywhere on the pitch,
 * confidence 0.1–0.5), and one step of each contender per call: our tracker, the SORT-like baseline, our filter
 * alone and commons-math3's {@link KalmanFilter} alone (same 7-state model, detections given to their own filter).
 * After the last frame the loop starts again with time moving on, so trackers stay in steady state.
 */
public final class TrackingWorkload {
    /** Players per frame. */
    public static final int TARGETS = 23;
    /** False positives per frame. */
    public static final int FALSE_POSITIVES = 5;
    private static final long FRAME_MICROS = 40_000L;
    private static final double DT = 0.04;

    private final int frames;
    private final double[][] x;
    private final double[][] y;
    private final double[][] h;
    private final int[][] team;
    private final double[][] conf;
    private final int n = TARGETS + FALSE_POSITIVES;
    private final PitchTracker ours = new PitchTracker(TrackerConfig.defaults());
    /** Ours with the output 25 frames (1 s) late, so that identity exchanges reach the frames before them. */
    private final FixedLagTracker oursLagged = new FixedLagTracker(TrackerConfig.defaults(), 25);
    private final TrackFrame outOursLagged = new TrackFrame(64);
    private final SortBaselineTracker baseline = SortBaselineTracker.defaults();
    private final TrackFrame outOurs = new TrackFrame(64);
    private final TrackFrame outBaseline = new TrackFrame(64);
    private final PlayerKalmanFilter[] filters = new PlayerKalmanFilter[TARGETS];
    private final KalmanFilter[] peers = new KalmanFilter[TARGETS];
    private final double[][] measurement = new double[TARGETS][2];
    /** Per contender (0 ours, 1 baseline, 2 ours lagged): next frame and the time offset of the current loop. */
    private final int[] next = new int[3];
    private final long[] loopOffsetMicros = new long[3];
    /** Next frame of our filters (0) and of commons-math3's (1). */
    private final int[] nextFilterFrame = new int[2];

    /**
     * A workload of {@code frames} frames from a seed.
     *
     * @param seed random seed
     * @param frames frames in the loop, ≥ 2
     */
    public TrackingWorkload(long seed, int frames) {
        if (frames < 2) {
            throw new IllegalArgumentException("frames must be >= 2, was " + frames);
        }
        this.frames = frames;
        SplittableRandom rnd = new SplittableRandom(seed);
        x = new double[frames][n];
        y = new double[frames][n];
        h = new double[frames][n];
        team = new int[frames][n];
        conf = new double[frames][n];
        double[] px = new double[TARGETS];
        double[] py = new double[TARGETS];
        double[] vx = new double[TARGETS];
        double[] vy = new double[TARGETS];
        double[] stature = new double[TARGETS];
        for (int i = 0; i < TARGETS; i++) {
            px[i] = -45 + 90 * rnd.nextDouble();
            py[i] = -30 + 60 * rnd.nextDouble();
            stature[i] = 1.65 + 0.3 * rnd.nextDouble();
        }
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < TARGETS; i++) {
                vx[i] = 0.98 * vx[i] + 0.3 * gaussian(rnd);
                vy[i] = 0.98 * vy[i] + 0.3 * gaussian(rnd);
                px[i] = Math.max(-52, Math.min(52, px[i] + DT * vx[i]));
                py[i] = Math.max(-33, Math.min(33, py[i] + DT * vy[i]));
                x[f][i] = px[i] + 0.15 * gaussian(rnd);
                y[f][i] = py[i] + 0.15 * gaussian(rnd);
                h[f][i] = rnd.nextDouble() < 0.8 ? stature[i] + 0.03 * gaussian(rnd) : Double.NaN;
                team[f][i] = i % 2;
                conf[f][i] = 0.6 + 0.39 * rnd.nextDouble();
            }
            for (int k = TARGETS; k < n; k++) {
                x[f][k] = -52 + 104 * rnd.nextDouble();
                y[f][k] = -34 + 68 * rnd.nextDouble();
                h[f][k] = Double.NaN;
                team[f][k] = -1;
                conf[f][k] = 0.1 + 0.4 * rnd.nextDouble();
            }
        }
        FilterConfig fc = TrackerConfig.defaults().filter();
        double r = 0.15 * 0.15;
        double rh = 0.03 * 0.03;
        for (int i = 0; i < TARGETS; i++) {
            filters[i] = new PlayerKalmanFilter(fc);
            filters[i].initialise(x[0][i], y[0][i], r, r, Double.NaN, rh);
            peers[i] = commonsMathFilter(filters[i], r);
        }
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    /** The same constant-acceleration model, fixed dt 40 ms, position measurements, in commons-math3. */
    private static KalmanFilter commonsMathFilter(PlayerKalmanFilter start, double r) {
        double q = start.config().accelerationNoise() * start.config().accelerationNoise()
                / FilterConfig.REFERENCE_STEP_SECONDS;
        double[][] a = new double[7][7];
        double[][] qm = new double[7][7];
        double[][] fb = {{1, DT, DT * DT / 2}, {0, 1, DT}, {0, 0, 1}};
        double[][] qb = {
                {Math.pow(DT, 5) / 20, Math.pow(DT, 4) / 8, Math.pow(DT, 3) / 6},
                {Math.pow(DT, 4) / 8, Math.pow(DT, 3) / 3, DT * DT / 2},
                {Math.pow(DT, 3) / 6, DT * DT / 2, DT}};
        for (int axis = 0; axis < 2; axis++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    a[axis + 2 * i][axis + 2 * j] = fb[i][j];
                    qm[axis + 2 * i][axis + 2 * j] = q * qb[i][j];
                }
            }
        }
        a[6][6] = 1;
        double qh = start.config().statureNoise() * start.config().statureNoise();
        qm[6][6] = qh * DT;
        double[] s = new double[7];
        start.state(s);
        double[] flat = new double[49];
        start.covariance(flat);
        double[][] p = new double[7][7];
        for (int i = 0; i < 7; i++) {
            System.arraycopy(flat, 7 * i, p[i], 0, 7);
        }
        double[][] hm = new double[2][7];
        hm[0][0] = 1;
        hm[1][1] = 1;
        return new KalmanFilter(new DefaultProcessModel(new Array2DRowRealMatrix(a), null,
                new Array2DRowRealMatrix(qm), new ArrayRealVector(s), new Array2DRowRealMatrix(p)),
                new DefaultMeasurementModel(new Array2DRowRealMatrix(hm),
                        new Array2DRowRealMatrix(new double[][] {{r, 0}, {0, r}})));
    }

    private long time(int contender, int f) {
        return 1_800_000_000_000_000L + loopOffsetMicros[contender] + f * FRAME_MICROS;
    }

    /** The frame to process now; the loop offset moves on only when the following call wraps round. */
    private int advance(int contender) {
        if (next[contender] == frames) {
            next[contender] = 0;
            loopOffsetMicros[contender] += frames * FRAME_MICROS;
        }
        return next[contender]++;
    }

    /** One frame of our tracker on the same input the baseline sees; returns the number of tracks. */
    public int stepOurs() {
        int f = advance(0);
        ours.process(time(0, f), n, x[f], y[f], h[f], team[f], conf[f], outOurs);
        return outOurs.size();
    }

    /** One frame of our tracker with its output 1 s late; returns the number of tracks handed out. */
    public int stepOursLagged() {
        int f = advance(2);
        return oursLagged.process(time(2, f), n, x[f], y[f], h[f], team[f], conf[f], outOursLagged)
                ? outOursLagged.size() : 0;
    }

    /** One frame of the SORT-like baseline; returns the number of tracks. */
    public int stepBaseline() {
        int f = advance(1);
        baseline.process(time(1, f), n, x[f], y[f], outBaseline);
        return outBaseline.size();
    }

    /** Predict and update our filter of each of the 23 players with its own detection; returns a position sum. */
    public double stepOurFilters() {
        int f = nextFilterFrame(0);
        double sum = 0;
        for (int i = 0; i < TARGETS; i++) {
            PlayerKalmanFilter k = filters[i];
            k.predict(DT);
            k.update(x[f][i], y[f][i], 0.0225, 0.0225, Double.NaN, 0.0009);
            sum += k.x();
        }
        return sum;
    }

    /** The same with commons-math3's filter; returns a position sum. */
    public double stepCommonsMathFilters() {
        int f = nextFilterFrame(1);
        double sum = 0;
        for (int i = 0; i < TARGETS; i++) {
            KalmanFilter k = peers[i];
            k.predict();
            measurement[i][0] = x[f][i];
            measurement[i][1] = y[f][i];
            k.correct(measurement[i]);
            sum += k.getStateEstimationVector().getEntry(0);
        }
        return sum;
    }

    private int nextFilterFrame(int contender) {
        int f = nextFilterFrame[contender]++;
        if (nextFilterFrame[contender] == frames) {
            nextFilterFrame[contender] = 0;
        }
        return f;
    }

    /** Our filter of player {@code i}, for tests. */
    PlayerKalmanFilter ourFilter(int i) {
        return filters[i];
    }

    /** The commons-math3 filter of player {@code i}, for tests. */
    KalmanFilter peerFilter(int i) {
        return peers[i];
    }

    /** The lagged tracker's output of the last {@link #stepOursLagged()}, for tests. */
    TrackFrame oursLaggedOutput() {
        return outOursLagged;
    }

    /** Our tracker's output of the last {@link #stepOurs()}, for tests. */
    TrackFrame oursOutput() {
        return outOurs;
    }
}
