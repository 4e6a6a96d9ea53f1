package dev.touchline.sensor.simulation;

import java.util.SplittableRandom;

/**
 * The slowly varying GNSS position offset: an independent first-order Gauss–Markov process on each horizontal
 * pitch axis, discretised exactly for any step, so that the offset's statistics do not depend on how often it is
 * sampled. Over a step of {@code dt} it decays by {@code φ = exp(−dt/τ)} and gains fresh noise of variance
 * {@code σ²(1 − φ²)}, which keeps the stationary variance at {@code σ²}. The first sample is drawn from the
 * stationary distribution. Not thread-safe.
 */
final class GnssErrorState {
    private final double sigmaMetres;
    private final double correlationTimeMicros;
    private long lastMicros;
    private boolean started;
    private double offsetX;
    private double offsetY;

    /**
     * @param sigmaMetres stationary standard deviation per axis, metres
     * @param correlationTimeMicros correlation time τ, microseconds, &gt; 0
     */
    GnssErrorState(double sigmaMetres, long correlationTimeMicros) {
        this.sigmaMetres = sigmaMetres;
        this.correlationTimeMicros = correlationTimeMicros;
    }

    /**
     * Moves the offset to time {@code timeMicros}, drawing exactly two standard normals from {@code random}.
     *
     * @param timeMicros epoch microseconds, not earlier than the previous call
     */
    void advance(long timeMicros, SplittableRandom random) {
        double phi = started ? Math.exp(-(timeMicros - lastMicros) / correlationTimeMicros) : 0.0;
        double innovation = sigmaMetres * Math.sqrt(1 - phi * phi);
        offsetX = phi * offsetX + innovation * Randoms.gaussian(random);
        offsetY = phi * offsetY + innovation * Randoms.gaussian(random);
        lastMicros = timeMicros;
        started = true;
    }

    /** Offset on the pitch x axis, metres. */
    double offsetX() {
        return offsetX;
    }

    /** Offset on the pitch y axis, metres. */
    double offsetY() {
        return offsetY;
    }
}
