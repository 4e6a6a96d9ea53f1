package dev.touchline.tracking;

import java.util.Objects;

/**
 * A 7-state Kalman filter for one player on the pitch plane: state {@code (x, y, vx, vy, ax, ay, h)} in m, m/s,
 * m/s² and m (stature). Mutable, not thread-safe; {@link #predict}, {@link #predictDecaying} and {@link #update}
 * allocate nothing.
 *
 * <h2>Motion model and its exact discretisation</h2>
 * Each pitch axis is an independent constant-acceleration model {@code (p, v, a)} driven by continuous white-noise
 * jerk of spectral density {@code q = σ² / 0.04 s}, where σ is {@link FilterConfig#accelerationNoise()} (the
 * standard deviation the acceleration's random walk gains over one 25 Hz frame). Over a step of {@code dt} seconds:
 * <pre>
 *     F = | 1  dt  dt²/2 |        Q = q · | dt⁵/20  dt⁴/8  dt³/6 |
 *         | 0  1   dt    |                | dt⁴/8   dt³/3  dt²/2 |
 *         | 0  0   1     |                | dt³/6   dt²/2  dt    |
 * </pre>
 * which is the exact integral {@code Q = ∫₀^dt F(s) G q Gᵀ F(s)ᵀ ds} with {@code G = (0, 0, 1)ᵀ}. Stature is a
 * random walk: {@code F = 1}, {@code Q = σₕ² · dt}. The two axes and stature never share a term, so the covariance
 * stays block diagonal (two 3 × 3 blocks and a scalar) and the code propagates only those blocks; the cross terms
 * of the 7 × 7 matrix are exactly zero.
 *
 * <p>{@link #predictDecaying} is the occlusion model: the acceleration decays as {@code a(t) = a₀ e^(−t/τ)}, so
 * with {@code β = e^(−dt/τ)} the transition is {@code F = [[1, dt, τ(dt − τ(1−β))], [0, 1, τ(1−β)], [0, 0, β]]}
 * (the exact integral of that acceleration), with the same {@code Q}. As τ → ∞ it becomes the model above.
 *
 * <h2>Measurements</h2>
 * Position {@code (x, y)} with per-measurement variances, and optionally stature. The update is sequential per
 * block (exact, because the blocks and the measurement noise are independent) in Joseph form,
 * {@code P⁺ = (I − KH) P (I − KH)ᵀ + K R Kᵀ}, computed on the upper triangle and mirrored, so that {@code P} stays
 * exactly symmetric and positive definite.
 */
public final class PlayerKalmanFilter {
    /** Number of states. */
    public static final int STATES = 7;

    private final FilterConfig config;
    private final double jerkDensity;
    private final double statureDensity;
    /** x, y, vx, vy, ax, ay, h. */
    private final double[] state = new double[STATES];
    /** Row-major 3 × 3 covariance of (x, vx, ax) at 0 and (y, vy, ay) at 9. */
    private final double[] axes = new double[18];
    private double statureVariance;
    private final double[] work = new double[9];

    /** A filter at the origin with the prior covariance; call {@link #initialise} before use. */
    public PlayerKalmanFilter(FilterConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.jerkDensity = config.accelerationNoise() * config.accelerationNoise()
                / FilterConfig.REFERENCE_STEP_SECONDS;
        this.statureDensity = config.statureNoise() * config.statureNoise();
        initialise(0, 0, 1, 1, Double.NaN, 0);
    }

    /** The configuration. */
    public FilterConfig config() {
        return config;
    }

    /**
     * Starts a track at a measured position, at rest, with the configured prior spread of velocity and
     * acceleration.
     *
     * @param x measured x, m
     * @param y measured y, m
     * @param varianceX variance of x, m², positive
     * @param varianceY variance of y, m², positive
     * @param height measured stature, m, or NaN for the prior
     * @param heightVariance variance of the stature measurement, m² (ignored when {@code height} is NaN)
     */
    public void initialise(double x, double y, double varianceX, double varianceY, double height,
                           double heightVariance) {
        checkPosition(x, y, varianceX, varianceY);
        java.util.Arrays.fill(state, 0);
        java.util.Arrays.fill(axes, 0);
        state[0] = x;
        state[1] = y;
        double vv = config.initialSpeedStd() * config.initialSpeedStd();
        double aa = config.initialAccelerationStd() * config.initialAccelerationStd();
        axes[0] = varianceX;
        axes[4] = vv;
        axes[8] = aa;
        axes[9] = varianceY;
        axes[13] = vv;
        axes[17] = aa;
        if (Double.isNaN(height)) {
            state[6] = config.priorStature();
            statureVariance = config.priorStatureStd() * config.priorStatureStd();
        } else {
            checkHeight(height, heightVariance);
            state[6] = height;
            statureVariance = heightVariance;
        }
    }

    /**
     * Restarts position, velocity and acceleration from a measured position as {@link #initialise} does, but keeps
     * the stature estimate: a player found again after the motion model lost them.
     *
     * @param x measured x, m
     * @param y measured y, m
     * @param varianceX variance of x, m², positive
     * @param varianceY variance of y, m², positive
     */
    public void reacquire(double x, double y, double varianceX, double varianceY) {
        double stature = state[6];
        double variance = statureVariance;
        initialise(x, y, varianceX, varianceY, Double.NaN, 0);
        state[6] = stature;
        statureVariance = variance;
    }

    /**
     * Propagates the constant-acceleration model over {@code dt} seconds.
     *
     * @param dt step, s, finite and ≥ 0
     */
    public void predict(double dt) {
        checkDt(dt);
        double f01 = dt;
        double f02 = 0.5 * dt * dt;
        propagate(dt, f01, f02, dt, 1.0);
    }

    /**
     * Propagates the occlusion model (constant velocity with acceleration decaying over {@code tau}) over
     * {@code dt} seconds.
     *
     * @param dt step, s, finite and ≥ 0
     * @param tau acceleration decay time constant, s, positive
     */
    public void predictDecaying(double dt, double tau) {
        checkDt(dt);
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("tau must be finite and > 0 s, was " + tau);
        }
        double beta = Math.exp(-dt / tau);
        double oneMinusBeta = -Math.expm1(-dt / tau);
        double f12 = tau * oneMinusBeta;
        double f02 = tau * (dt - f12);
        propagate(dt, dt, f02, f12, beta);
    }

    private void propagate(double dt, double f01, double f02, double f12, double f22) {
        double dt2 = dt * dt;
        double dt3 = dt2 * dt;
        double q00 = jerkDensity * dt3 * dt2 / 20;
        double q01 = jerkDensity * dt2 * dt2 / 8;
        double q02 = jerkDensity * dt3 / 6;
        double q11 = jerkDensity * dt3 / 3;
        double q12 = jerkDensity * dt2 / 2;
        double q22 = jerkDensity * dt;
        for (int axis = 0; axis < 2; axis++) {
            int p = axis;
            double pos = state[p];
            double vel = state[p + 2];
            double acc = state[p + 4];
            state[p] = pos + f01 * vel + f02 * acc;
            state[p + 2] = vel + f12 * acc;
            state[p + 4] = f22 * acc;
            int o = 9 * axis;
            // M = F P (rows of F: (1, f01, f02), (0, 1, f12), (0, 0, f22))
            for (int j = 0; j < 3; j++) {
                double p0 = axes[o + j];
                double p1 = axes[o + 3 + j];
                double p2 = axes[o + 6 + j];
                work[j] = p0 + f01 * p1 + f02 * p2;
                work[3 + j] = p1 + f12 * p2;
                work[6 + j] = f22 * p2;
            }
            // P = M Fᵀ + Q, upper triangle then mirrored
            for (int i = 0; i < 3; i++) {
                double m0 = work[3 * i];
                double m1 = work[3 * i + 1];
                double m2 = work[3 * i + 2];
                double c0 = m0 + f01 * m1 + f02 * m2;
                double c1 = m1 + f12 * m2;
                double c2 = f22 * m2;
                if (i == 0) {
                    axes[o] = c0;
                    axes[o + 1] = c1;
                    axes[o + 2] = c2;
                } else if (i == 1) {
                    axes[o + 4] = c1;
                    axes[o + 5] = c2;
                } else {
                    axes[o + 8] = c2;
                }
            }
            axes[o] += q00;
            axes[o + 1] += q01;
            axes[o + 2] += q02;
            axes[o + 4] += q11;
            axes[o + 5] += q12;
            axes[o + 8] += q22;
            axes[o + 3] = axes[o + 1];
            axes[o + 6] = axes[o + 2];
            axes[o + 7] = axes[o + 5];
        }
        statureVariance += statureDensity * dt;
    }

    /**
     * Corrects with a position measurement and, when {@code height} is not NaN, a stature measurement.
     *
     * @param x measured x, m
     * @param y measured y, m
     * @param varianceX variance of x, m², positive
     * @param varianceY variance of y, m², positive
     * @param height measured stature, m, or NaN when the head was not seen
     * @param heightVariance variance of the stature measurement, m², positive (ignored when {@code height} is NaN)
     */
    public void update(double x, double y, double varianceX, double varianceY, double height,
                       double heightVariance) {
        checkPosition(x, y, varianceX, varianceY);
        updateAxis(0, x, varianceX);
        updateAxis(1, y, varianceY);
        if (!Double.isNaN(height)) {
            checkHeight(height, heightVariance);
            double s = statureVariance + heightVariance;
            double k = statureVariance / s;
            state[6] += k * (height - state[6]);
            double a = 1 - k;
            statureVariance = a * statureVariance * a + k * heightVariance * k;
        }
    }

    private void updateAxis(int axis, double z, double r) {
        int o = 9 * axis;
        double s = axes[o] + r;
        double k0 = axes[o] / s;
        double k1 = axes[o + 3] / s;
        double k2 = axes[o + 6] / s;
        double innovation = z - state[axis];
        state[axis] += k0 * innovation;
        state[axis + 2] += k1 * innovation;
        state[axis + 4] += k2 * innovation;
        // M = (I − K H) P: row i is P_i − K_i P_0
        double p00 = axes[o];
        double p01 = axes[o + 1];
        double p02 = axes[o + 2];
        for (int i = 0; i < 3; i++) {
            double ki = i == 0 ? k0 : i == 1 ? k1 : k2;
            work[3 * i] = axes[o + 3 * i] - ki * p00;
            work[3 * i + 1] = axes[o + 3 * i + 1] - ki * p01;
            work[3 * i + 2] = axes[o + 3 * i + 2] - ki * p02;
        }
        // P⁺_ij = M_ij − M_i0 K_j + r K_i K_j, upper triangle then mirrored
        for (int i = 0; i < 3; i++) {
            double ki = i == 0 ? k0 : i == 1 ? k1 : k2;
            double mi0 = work[3 * i];
            for (int j = i; j < 3; j++) {
                double kj = j == 0 ? k0 : j == 1 ? k1 : k2;
                axes[o + 3 * i + j] = work[3 * i + j] - mi0 * kj + r * ki * kj;
            }
        }
        axes[o + 3] = axes[o + 1];
        axes[o + 6] = axes[o + 2];
        axes[o + 7] = axes[o + 5];
    }

    /**
     * Squared Mahalanobis distance of a position measurement from the predicted position, using the innovation
     * covariance {@code diag(Pxx + varianceX, Pyy + varianceY)}.
     */
    public double mahalanobisSquared(double x, double y, double varianceX, double varianceY) {
        double ex = x - state[0];
        double ey = y - state[1];
        return ex * ex / (axes[0] + varianceX) + ey * ey / (axes[9] + varianceY);
    }

    /** Natural log of the determinant of the position innovation covariance, for likelihood costs. */
    public double logInnovationDeterminant(double varianceX, double varianceY) {
        return Math.log((axes[0] + varianceX) * (axes[9] + varianceY));
    }

    /** Estimated x, m. */
    public double x() {
        return state[0];
    }

    /** Estimated y, m. */
    public double y() {
        return state[1];
    }

    /** Estimated x velocity, m/s. */
    public double vx() {
        return state[2];
    }

    /** Estimated y velocity, m/s. */
    public double vy() {
        return state[3];
    }

    /** Estimated x acceleration, m/s². */
    public double ax() {
        return state[4];
    }

    /** Estimated y acceleration, m/s². */
    public double ay() {
        return state[5];
    }

    /** Estimated stature, m. */
    public double stature() {
        return state[6];
    }

    /** Variance of the stature estimate, m². */
    public double statureVariance() {
        return statureVariance;
    }

    /** Exchanges the stature estimate and its variance with {@code other}'s (two tracks exchanging identities). */
    void swapStature(PlayerKalmanFilter other) {
        double h = state[6];
        state[6] = other.state[6];
        other.state[6] = h;
        double v = statureVariance;
        statureVariance = other.statureVariance;
        other.statureVariance = v;
    }

    /** Variance of x, m². */
    public double varianceX() {
        return axes[0];
    }

    /** Variance of y, m². */
    public double varianceY() {
        return axes[9];
    }

    /**
     * Copies the state vector {@code (x, y, vx, vy, ax, ay, h)} into {@code out[0..6]}.
     *
     * @param out modified
     */
    public void state(double[] out) {
        System.arraycopy(state, 0, out, 0, STATES);
    }

    /**
     * Writes the full 7 × 7 covariance, row-major in state order {@code (x, y, vx, vy, ax, ay, h)}, into
     * {@code out[0..48]}.
     *
     * @param out modified
     */
    public void covariance(double[] out) {
        java.util.Arrays.fill(out, 0, STATES * STATES, 0);
        for (int axis = 0; axis < 2; axis++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    out[(axis + 2 * i) * STATES + axis + 2 * j] = axes[9 * axis + 3 * i + j];
                }
            }
        }
        out[STATES * STATES - 1] = statureVariance;
    }

    /**
     * Makes this filter an exact copy of {@code other}'s state and covariance (the configuration stays this
     * filter's). Allocates nothing.
     *
     * @param other not modified
     */
    public void copyFrom(PlayerKalmanFilter other) {
        System.arraycopy(other.state, 0, state, 0, STATES);
        System.arraycopy(other.axes, 0, axes, 0, axes.length);
        statureVariance = other.statureVariance;
    }

    /** The state and covariance as a plain value. */
    public FilterSnapshot snapshot() {
        double[] p = new double[STATES * STATES];
        covariance(p);
        return new FilterSnapshot(state, p);
    }

    /**
     * Restores the state and covariance from a snapshot (of a filter with any config).
     *
     * @throws IllegalArgumentException when the covariance couples the x axis, the y axis and stature (this model
     *                                  keeps them independent)
     */
    public void restore(FilterSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        double[] p = snapshot.covariance();
        for (int i = 0; i < STATES; i++) {
            for (int j = 0; j < STATES; j++) {
                boolean sameBlock = i == 6 || j == 6 ? i == j : i % 2 == j % 2;
                if (!sameBlock && p[i * STATES + j] != 0) {
                    throw new IllegalArgumentException("snapshot covariance entry (" + i + ", " + j + ") is "
                            + p[i * STATES + j] + ", expected 0: the axes and stature are independent here");
                }
            }
        }
        snapshot.state(state);
        for (int axis = 0; axis < 2; axis++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    axes[9 * axis + 3 * i + j] = p[(axis + 2 * i) * STATES + axis + 2 * j];
                }
            }
        }
        statureVariance = p[STATES * STATES - 1];
    }

    private static void checkDt(double dt) {
        if (!(dt >= 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("dt must be finite and >= 0 s, was " + dt);
        }
    }

    private static void checkPosition(double x, double y, double varianceX, double varianceY) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("position must be finite, was (" + x + ", " + y + ")");
        }
        if (!(varianceX > 0) || !(varianceY > 0) || Double.isInfinite(varianceX) || Double.isInfinite(varianceY)) {
            throw new IllegalArgumentException("position variances must be finite and > 0 m², were ("
                    + varianceX + ", " + varianceY + ")");
        }
    }

    private static void checkHeight(double height, double variance) {
        if (!Double.isFinite(height) || !(variance > 0) || Double.isInfinite(variance)) {
            throw new IllegalArgumentException("height must be finite with variance finite and > 0 m², was "
                    + height + " with variance " + variance);
        }
    }
}
