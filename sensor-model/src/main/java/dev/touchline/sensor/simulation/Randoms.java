package dev.touchline.sensor.simulation;

import java.util.SplittableRandom;

/** Distributions the simulator draws from, on {@link SplittableRandom} (which has no Gaussian on Java 17). */
final class Randoms {
    private Randoms() {
    }

    /** A standard normal draw (Box–Muller, one of the pair). */
    static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** A normal draw with the given mean and standard deviation. */
    static double gaussian(SplittableRandom random, double mean, double sd) {
        return mean + sd * gaussian(random);
    }

    /** An exponential draw with the given mean. */
    static double exponential(SplittableRandom random, double mean) {
        return -mean * Math.log(1.0 - random.nextDouble());
    }

    /** A uniform draw in [lo, hi). */
    static double uniform(SplittableRandom random, double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    /** Whether an event of the given probability happens. */
    static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }
}
