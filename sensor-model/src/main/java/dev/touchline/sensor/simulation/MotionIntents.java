package dev.touchline.sensor.simulation;

import java.util.SplittableRandom;

/**
 * What each object means to do next: a speed level (stand, walk, jog, run, high-speed run, sprint) chosen by a
 * Markov chain, held for a random duration, with a speed in m/s drawn within the level's band.
 *
 * <p>The chain's weights and the durations are tuned so that outfield players cover 9–13 km per 90 minutes with
 * 5–10 % of it above 5.5 m/s, like published match data; after a high-speed run or a sprint a player always
 * recovers at a walk or jog.
 */
final class MotionIntents {
    static final int STAND = 0;
    static final int WALK = 1;
    static final int JOG = 2;
    static final int RUN = 3;
    static final int HIGH_SPEED = 4;
    static final int SPRINT = 5;

    /** Kinds of mover, each with its own chain. */
    static final int DEFENDER = 0;
    static final int KEEPER = 1;
    static final int REFEREE = 2;
    static final int MIDFIELDER = 3;
    static final int FORWARD = 4;

    /** Relative chance of choosing each level, per kind of mover. */
    private static final double[][] WEIGHTS = {
        {0.24, 0.40, 0.25, 0.085, 0.033, 0.024},
        {0.48, 0.44, 0.07, 0.01, 0.0, 0.0},
        {0.22, 0.42, 0.25, 0.08, 0.025, 0.015},
        // Midfielders cover the most ground; forwards, who are often called to press or receive, the least.
        {0.20, 0.40, 0.28, 0.09, 0.033, 0.022},
        {0.31, 0.40, 0.20, 0.075, 0.03, 0.024},
    };
    /** Mean time a level is held, s. */
    private static final double[] MEAN_DURATION = {4.0, 6.0, 5.0, 3.0, 2.5, 5.0};
    /** Speed band of each level, m/s (high-speed and sprint are further capped by the object's top speed). */
    private static final double[] LOW = {0.0, 1.0, 2.2, 4.0, 5.6, 0};
    private static final double[] HIGH = {0.4, 1.9, 3.8, 5.4, 7.0, 0};
    /** Share of sprints that go flat out. */
    private static final double FLAT_OUT = 0.4;

    final int[] level;
    final int[] framesLeft;
    final double[] speed;
    /** Whether the object has reached its top speed in this period; until it has, every sprint is flat out. */
    final boolean[] reachedTop;
    private final int[] kind;
    private final double[] vmax;

    MotionIntents(int[] kind, double[] vmax) {
        int n = kind.length;
        this.kind = kind.clone();
        this.vmax = vmax.clone();
        level = new int[n];
        framesLeft = new int[n];
        speed = new double[n];
        reachedTop = new boolean[n];
    }

    /** Starts everyone standing, due to choose within the first second. */
    void reset(SplittableRandom random) {
        for (int o = 0; o < level.length; o++) {
            level[o] = STAND;
            reachedTop[o] = false;
            speed[o] = 0;
            framesLeft[o] = 1 + random.nextInt(25);
        }
    }

    /** Counts one frame down; returns true when object {@code o} must choose a new intent. */
    boolean tick(int o) {
        return --framesLeft[o] <= 0;
    }

    /** Ends the current intent at the next tick. */
    void expire(int o) {
        framesLeft[o] = 1;
    }

    /** Chooses the next level, its duration and speed. */
    void choose(int o, SplittableRandom random) {
        double[] w = WEIGHTS[kind[o]];
        int prev = level[o];
        int next;
        if (prev >= HIGH_SPEED) {
            next = random.nextDouble() < 0.6 ? WALK : JOG;
        } else {
            double total = 0;
            for (double v : w) {
                total += v;
            }
            double pick = random.nextDouble() * total;
            next = w.length - 1;
            for (int k = 0; k < w.length; k++) {
                pick -= w[k];
                if (pick < 0) {
                    next = k;
                    break;
                }
            }
        }
        level[o] = next;
        double seconds = 0.8 + Randoms.exponential(random, MEAN_DURATION[next]);
        framesLeft[o] = (int) Math.round(seconds / MotionState.DT);
        double top = vmax[o];
        double v;
        if (next == SPRINT) {
            v = random.nextDouble() < FLAT_OUT || !reachedTop[o] ? top : top * Randoms.uniform(random, 0.88, 0.99);
        } else {
            v = Math.min(Randoms.uniform(random, LOW[next], HIGH[next]), 0.92 * top);
        }
        speed[o] = v;
    }
}
