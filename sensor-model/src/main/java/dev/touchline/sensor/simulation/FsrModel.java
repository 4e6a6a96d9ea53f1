package dev.touchline.sensor.simulation;

import java.util.SplittableRandom;

/**
 * FSR insoles: the gait's vertical force of each foot split over heel, midfoot and forefoot. During a contact the
 * split moves along the foot in an order set by the strike pattern: a rearfoot strike loads the heel first and
 * rolls off the forefoot, a forefoot strike loads the forefoot first with the heel touching briefly mid-stance, a
 * midfoot strike starts under the midfoot. A standing foot carries its static share 45 % heel, 20 % midfoot, 35 %
 * forefoot. Sensor noise is 1 N plus 1 % of the load; forces never go below zero.
 *
 * <p>Draws from the {@code "fsr"} stream, one Gaussian per channel and sample.
 */
final class FsrModel {
    private final SplittableRandom random;
    private final double[] split = new double[3];

    FsrModel(long seed, RosterEntry player) {
        this.random = new SplittableRandom(Seeds.derive(seed, "fsr", player.objectIndex()));
    }

    /**
     * Forces of the six channels at time t.
     *
     * @param out receives left heel, mid, fore, right heel, mid, fore in N at {@code out[c][i]}. Modified.
     */
    void sample(long t, GaitModel gait, float[][] out, int i) {
        for (int foot = 0; foot < 2; foot++) {
            double stand = gait.standingForce(foot);
            double dynamic = gait.contactForce(foot, t);
            double u = gait.contactProgress(foot, t);
            if (u >= 0) {
                regions(gait.pattern(foot), u, split);
            }
            for (int r = 0; r < 3; r++) {
                double staticShare = r == 0 ? 0.45 : r == 1 ? 0.2 : 0.35;
                double f = stand * staticShare + (u >= 0 ? dynamic * split[r] : 0);
                f += (1 + 0.01 * f) * Randoms.gaussian(random);
                out[3 * foot + r][i] = (float) Math.max(0, f);
            }
        }
    }

    /** Fractions of the contact force under heel, midfoot and forefoot at progress u through the contact. */
    static void regions(StrikePattern pattern, double u, double[] out3) {
        double heel;
        double mid;
        double fore;
        switch (pattern) {
            case REARFOOT -> {
                heel = bump(u, 0.12, 0.2, 1);
                mid = bump(u, 0.45, 0.25, 0.5);
                fore = bump(u, 0.8, 0.22, 1);
            }
            case MIDFOOT -> {
                heel = bump(u, 0.3, 0.25, 0.4);
                mid = bump(u, 0.35, 0.3, 1);
                fore = bump(u, 0.75, 0.25, 1);
            }
            default -> {
                heel = bump(u, 0.5, 0.2, 0.25);
                mid = bump(u, 0.45, 0.3, 0.4);
                fore = bump(u, 0.3, 0.35, 1);
            }
        }
        double sum = heel + mid + fore;
        out3[0] = heel / sum;
        out3[1] = mid / sum;
        out3[2] = fore / sum;
    }

    private static double bump(double u, double centre, double width, double height) {
        double d = (u - centre) / width;
        return height * Math.exp(-d * d) + 1e-9;
    }
}
