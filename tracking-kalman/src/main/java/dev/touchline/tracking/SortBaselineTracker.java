package dev.touchline.tracking;

import java.util.Arrays;

/**
 * The SORT-like peer: a 4-state constant-velocity Kalman filter per track, a Euclidean gate, one
 * {@link RectangularAssignment} per frame on the Euclidean distance, confirmation after a number of hits and
 * deletion after a maximum age. No acceleration, stature, team, confidence passes or occlusion model. Used only
 * to measure {@link PitchTracker} against. Mutable, not thread-safe; allocates nothing per frame in steady state.
 */
public final class SortBaselineTracker {
    private final double gateMetres;
    private final double measurementVariance;
    private final double accelerationDensity;
    private final int confirmHits;
    private final long maxAgeMicros;

    private int capacity;
    // per slot: state (x, vx, y, vy), covariance per axis (p00, p01, p11) × 2
    private double[] st = new double[0];
    private double[] cov = new double[0];
    private int[] id = new int[0];
    private int[] hits = new int[0];
    private boolean[] confirmed = new boolean[0];
    private long[] lastSeen = new long[0];
    private int[] matched = new int[0];
    private int[] slots = new int[0];
    private int live;
    private int nextId = 1;
    private long lastFrame = Long.MIN_VALUE;
    private int[] used = new int[0];
    private int[] rowToCol = new int[0];
    private double[] cost = new double[0];
    private final RectangularAssignment assignment = new RectangularAssignment(32, 32);

    /**
     * A baseline tracker.
     *
     * @param gateMetres largest distance of a match, m, in (0, 100]
     * @param measurementNoiseMetres σ of a detection per axis, m, in (0, 5]
     * @param accelerationNoise σ of the continuous white-noise acceleration (spectral density σ², m²/s³), in (0, 100]
     * @param confirmHits matches that confirm a track, in [1, 1000]
     * @param maxAgeSeconds time a track may go unmatched before deletion, s, in (0, 3600]
     */
    public SortBaselineTracker(double gateMetres, double measurementNoiseMetres, double accelerationNoise,
                               int confirmHits, double maxAgeSeconds) {
        this.gateMetres = Checks.inRangeOpenLow("gateMetres", gateMetres, 0, 100);
        double r = Checks.inRangeOpenLow("measurementNoiseMetres", measurementNoiseMetres, 0, 5);
        this.measurementVariance = r * r;
        double a = Checks.inRangeOpenLow("accelerationNoise", accelerationNoise, 0, 100);
        this.accelerationDensity = a * a;
        this.confirmHits = Checks.inRange("confirmHits", confirmHits, 1, 1000);
        this.maxAgeMicros = Math.round(Checks.inRangeOpenLow("maxAgeSeconds", maxAgeSeconds, 0, 3600) * 1e6);
        grow(32);
    }

    /** The defaults used as the peer: 1 m gate, 0.15 m noise, 3 m/s² acceleration noise, 3 hits, 1 s max age. */
    public static SortBaselineTracker defaults() {
        return new SortBaselineTracker(1.0, 0.15, 3.0, 3, 1.0);
    }

    private void grow(int c) {
        if (c <= capacity) {
            return;
        }
        st = Arrays.copyOf(st, 4 * c);
        cov = Arrays.copyOf(cov, 6 * c);
        id = Arrays.copyOf(id, c);
        hits = Arrays.copyOf(hits, c);
        confirmed = Arrays.copyOf(confirmed, c);
        lastSeen = Arrays.copyOf(lastSeen, c);
        matched = Arrays.copyOf(matched, c);
        slots = Arrays.copyOf(slots, c);
        for (int s = capacity; s < c; s++) {
            slots[s] = s;
        }
        capacity = c;
    }

    /**
     * Processes one frame; detections with a non-finite position are ignored, confidence, stature and team are not
     * used.
     *
     * @param timeMicros frame time, epoch µs, after the previous frame's
     * @param count number of detections
     * @param x pitch x, m. Not modified.
     * @param y pitch y, m. Not modified.
     * @param out receives every live track. Modified.
     */
    public void process(long timeMicros, int count, double[] x, double[] y, TrackFrame out) {
        if (timeMicros <= lastFrame) {
            throw new IllegalArgumentException("frame time " + timeMicros + " µs is not after the previous frame's "
                    + lastFrame + " µs");
        }
        double dt = lastFrame == Long.MIN_VALUE ? 0 : (timeMicros - lastFrame) * 1e-6;
        lastFrame = timeMicros;
        if (used.length < count) {
            used = new int[Math.max(count, 2 * used.length)];
        }
        double q00 = accelerationDensity * dt * dt * dt / 3;
        double q01 = accelerationDensity * dt * dt / 2;
        double q11 = accelerationDensity * dt;
        for (int k = 0; k < live; k++) {
            int s = slots[k];
            matched[s] = -1;
            for (int axis = 0; axis < 2; axis++) {
                int o = 4 * s + 2 * axis;
                st[o] += dt * st[o + 1];
                int c = 6 * s + 3 * axis;
                double p00 = cov[c];
                double p01 = cov[c + 1];
                double p11 = cov[c + 2];
                cov[c] = p00 + 2 * dt * p01 + dt * dt * p11 + q00;
                cov[c + 1] = p01 + dt * p11 + q01;
                cov[c + 2] = p11 + q11;
            }
        }
        for (int d = 0; d < count; d++) {
            used[d] = Double.isFinite(x[d]) && Double.isFinite(y[d]) ? 0 : 1;
        }
        if (live > 0 && count > 0) {
            if (cost.length < live * count) {
                cost = new double[Math.max(live * count, 2 * cost.length)];
            }
            if (rowToCol.length < live) {
                rowToCol = new int[Math.max(live, 2 * rowToCol.length)];
            }
            for (int k = 0; k < live; k++) {
                int s = slots[k];
                for (int d = 0; d < count; d++) {
                    double dist = Math.hypot(x[d] - st[4 * s], y[d] - st[4 * s + 2]);
                    cost[k * count + d] = used[d] == 0 && dist <= gateMetres ? dist : RectangularAssignment.FORBIDDEN;
                }
            }
            assignment.solve(cost, live, count, rowToCol);
            for (int k = 0; k < live; k++) {
                if (rowToCol[k] >= 0) {
                    matched[slots[k]] = rowToCol[k];
                    used[rowToCol[k]] = 1;
                }
            }
        }
        for (int k = 0; k < live; k++) {
            int s = slots[k];
            int d = matched[s];
            if (d >= 0) {
                updateAxis(s, 0, x[d]);
                updateAxis(s, 1, y[d]);
                hits[s]++;
                lastSeen[s] = timeMicros;
                if (hits[s] >= confirmHits) {
                    confirmed[s] = true;
                }
            } else if (!confirmed[s] || timeMicros - lastSeen[s] > maxAgeMicros) {
                live--;
                slots[k] = slots[live];
                slots[live] = s;
                k--;
            } else {
                hits[s] = 0;
            }
        }
        for (int d = 0; d < count; d++) {
            if (used[d] == 0) {
                if (live == capacity) {
                    grow(2 * capacity);
                }
                int s = slots[live++];
                st[4 * s] = x[d];
                st[4 * s + 1] = 0;
                st[4 * s + 2] = y[d];
                st[4 * s + 3] = 0;
                for (int axis = 0; axis < 2; axis++) {
                    int c = 6 * s + 3 * axis;
                    cov[c] = measurementVariance;
                    cov[c + 1] = 0;
                    cov[c + 2] = 16;
                }
                id[s] = nextId++;
                hits[s] = 1;
                confirmed[s] = confirmHits <= 1;
                lastSeen[s] = timeMicros;
                matched[s] = d;
            }
        }
        out.clear(timeMicros);
        for (int k = 0; k < live; k++) {
            int s = slots[k];
            TrackState state = !confirmed[s] ? TrackState.TENTATIVE
                    : matched[s] >= 0 ? TrackState.CONFIRMED : TrackState.COASTING;
            out.add(id[s], st[4 * s], st[4 * s + 2], st[4 * s + 1], st[4 * s + 3], Double.NaN, state, matched[s]);
        }
    }

    private void updateAxis(int s, int axis, double z) {
        int o = 4 * s + 2 * axis;
        int c = 6 * s + 3 * axis;
        double p00 = cov[c];
        double p01 = cov[c + 1];
        double p11 = cov[c + 2];
        double sInv = 1 / (p00 + measurementVariance);
        double k0 = p00 * sInv;
        double k1 = p01 * sInv;
        double e = z - st[o];
        st[o] += k0 * e;
        st[o + 1] += k1 * e;
        cov[c] = (1 - k0) * p00;
        cov[c + 1] = (1 - k0) * p01;
        cov[c + 2] = p11 - k1 * p01;
    }
}
