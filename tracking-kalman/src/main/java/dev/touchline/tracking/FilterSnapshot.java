package dev.touchline.tracking;

import java.util.Arrays;

/**
 * The state of a {@link PlayerKalmanFilter} as a plain value: the state vector {@code (x, y, vx, vy, ax, ay, h)}
 * and the row-major 7 × 7 covariance. Immutable: arrays are copied in and out.
 */
public final class FilterSnapshot {
    private final double[] state;
    private final double[] covariance;

    /**
     * A snapshot from copies of the arrays.
     *
     * @param state 7 values, finite
     * @param covariance 49 values, finite, symmetric
     */
    public FilterSnapshot(double[] state, double[] covariance) {
        if (state.length != PlayerKalmanFilter.STATES) {
            throw new IllegalArgumentException("state must have 7 values, had " + state.length);
        }
        if (covariance.length != PlayerKalmanFilter.STATES * PlayerKalmanFilter.STATES) {
            throw new IllegalArgumentException("covariance must have 49 values, had " + covariance.length);
        }
        for (double v : state) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("state must be finite, was " + Arrays.toString(state));
            }
        }
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                double v = covariance[7 * i + j];
                if (!Double.isFinite(v) || v != covariance[7 * j + i]) {
                    throw new IllegalArgumentException("covariance must be finite and symmetric, entry (" + i
                            + ", " + j + ") was " + v);
                }
            }
        }
        this.state = state.clone();
        this.covariance = covariance.clone();
    }

    /** A copy of the state vector. */
    public double[] state() {
        return state.clone();
    }

    /**
     * Copies the state vector into {@code out[0..6]}.
     *
     * @param out modified
     */
    public void state(double[] out) {
        System.arraycopy(state, 0, out, 0, state.length);
    }

    /** A copy of the row-major covariance. */
    public double[] covariance() {
        return covariance.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FilterSnapshot s && Arrays.equals(state, s.state)
                && Arrays.equals(covariance, s.covariance);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(state) + Arrays.hashCode(covariance);
    }

    @Override
    public String toString() {
        return "FilterSnapshot[state=" + Arrays.toString(state) + "]";
    }
}
