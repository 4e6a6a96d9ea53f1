package dev.touchline.sensor.simulation;

import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.pitch.LocalTangentPlane;
import java.util.SplittableRandom;

/**
 * The GNSS receiver of one player: 10 Hz fixes of the true position plus a Gauss–Markov offset and white noise,
 * converted to latitude/longitude around the stadium and quantised like a real unit's export.
 *
 * <p>Output never depends on how the match is cut into chunks. Fix slots sit on absolute multiples of 100 ms;
 * every slot, whether its fix is dropped or not, advances the error state by the exact time since the previous
 * slot (so the half-time break decorrelates the offset by its full length) and draws the same number of values
 * from the player's random stream.
 */
final class GnssSimulator {
    private static final long SLOT = GnssConfig.FIX_INTERVAL_MICROS;

    private final SimulationConfig config;
    private final GnssConfig gnss;
    private final int objectIndex;
    private final LocalTangentPlane plane;
    private final SplittableRandom random;
    private final GnssErrorState error;
    private final double dropoutProbabilityPerSlot;
    private final double[] truth = new double[6];
    private final double[] geodetic = new double[3];
    private long[] timeMicros = new long[0];
    private double[] latDeg = new double[0];
    private double[] lonDeg = new double[0];
    private float[] speed = new float[0];
    private int dropoutRemaining;

    GnssSimulator(SimulationConfig config, int objectIndex) {
        this.config = config;
        this.gnss = config.gnss();
        this.objectIndex = objectIndex;
        this.plane = LocalTangentPlane.of(config.stadium());
        this.random = new SplittableRandom(Seeds.derive(config.seed(), "gnss", objectIndex));
        this.error = new GnssErrorState(gnss.offsetSigmaMetres(), gnss.correlationTimeMicros());
        this.dropoutProbabilityPerSlot = gnss.dropoutsPerHour() * SLOT / 3_600_000_000.0;
    }

    /**
     * The fixes in {@code [fromMicros, toMicros)}; calls must cover the match in order without overlapping.
     *
     * @param block true motion covering the interval
     * @param fromMicros start, epoch microseconds (inclusive)
     * @param toMicros end, epoch microseconds (exclusive)
     */
    GpsTrack next(MotionBlock block, long fromMicros, long toMicros) {
        long first = -Math.floorDiv(-fromMicros, SLOT) * SLOT;
        int capacity = (int) Math.max(0, (toMicros - first + SLOT - 1) / SLOT);
        ensureCapacity(capacity);
        long periodEnd = config.periodEndMicros(block.period());
        int n = 0;
        for (long t = first; t < toMicros; t += SLOT) {
            if (emitSlot(block, t, periodEnd, n)) {
                n++;
            }
        }
        return n == 0 ? GpsTrack.empty() : GpsTrack.of(timeMicros, latDeg, lonDeg, speed, n);
    }

    /** Simulates one fix slot, writing the fix at {@code index} unless it is dropped; returns whether it wrote. */
    private boolean emitSlot(MotionBlock block, long t, long periodEnd, int index) {
        // Draw order is fixed per slot so that a dropped fix consumes exactly what a kept one does.
        double dropDraw = random.nextDouble();
        error.advance(t, random);
        double whiteX = Randoms.gaussian(random, 0, gnss.whiteNoiseSigmaMetres());
        double whiteY = Randoms.gaussian(random, 0, gnss.whiteNoiseSigmaMetres());
        double speedNoise = Randoms.gaussian(random, 0, gnss.speedNoiseSigmaMetresPerSecond());

        if (dropoutRemaining == 0 && dropDraw < dropoutProbabilityPerSlot
                && t + (GnssConfig.DROPOUT_FIXES - 1) * SLOT < periodEnd) {
            dropoutRemaining = GnssConfig.DROPOUT_FIXES;
        }
        if (dropoutRemaining > 0) {
            dropoutRemaining--;
            return false;
        }

        block.interpolate(objectIndex, t, truth);
        plane.toGeodetic(truth[0] + error.offsetX() + whiteX, truth[1] + error.offsetY() + whiteY, 0.0, geodetic);
        timeMicros[index] = t;
        latDeg[index] = quantise(geodetic[0], gnss.resolutionDeg());
        lonDeg[index] = Math.max(-180.0, Math.min(180.0, quantise(geodetic[1], gnss.resolutionDeg())));
        double s = Math.max(0.0, Math.hypot(truth[2], truth[3]) + speedNoise);
        speed[index] = (float) quantise(s, gnss.speedResolutionMetresPerSecond());
        return true;
    }

    private static double quantise(double value, double step) {
        return step > 0 ? Math.rint(value / step) * step : value;
    }

    private void ensureCapacity(int capacity) {
        if (timeMicros.length < capacity) {
            timeMicros = new long[capacity];
            latDeg = new double[capacity];
            lonDeg = new double[capacity];
            speed = new float[capacity];
        }
    }
}
