package dev.touchline.tracking;

import java.util.Arrays;

/**
 * The tracks reported for one frame, as columns; reused from frame to frame by {@link PitchTracker#process}.
 * Rows {@code [0, size())} are valid. The arrays grow when a frame has more tracks than ever before.
 */
public final class TrackFrame {
    private long timeMicros;
    private int size;
    private int[] id;
    private double[] x;
    private double[] y;
    private double[] vx;
    private double[] vy;
    private double[] height;
    private TrackState[] state;
    private int[] detection;

    /** An empty frame with room for {@code capacity} tracks. */
    public TrackFrame(int capacity) {
        int c = Math.max(1, capacity);
        id = new int[c];
        x = new double[c];
        y = new double[c];
        vx = new double[c];
        vy = new double[c];
        height = new double[c];
        state = new TrackState[c];
        detection = new int[c];
    }

    void clear(long timeMicros) {
        this.timeMicros = timeMicros;
        this.size = 0;
    }

    void add(int trackId, PlayerKalmanFilter f, TrackState s, int detectionIndex) {
        add(trackId, f.x(), f.y(), f.vx(), f.vy(), f.stature(), s, detectionIndex);
    }

    /** Makes this frame a copy of {@code other}; grows only when {@code other} holds more tracks than ever before. */
    void copyFrom(TrackFrame other) {
        clear(other.timeMicros);
        for (int i = 0; i < other.size; i++) {
            add(other.id[i], other.x[i], other.y[i], other.vx[i], other.vy[i], other.height[i], other.state[i],
                    other.detection[i]);
        }
    }

    /** Exchanges track ids {@code a} and {@code b} in this frame. */
    void exchangeIds(int a, int b) {
        for (int i = 0; i < size; i++) {
            if (id[i] == a) {
                id[i] = b;
            } else if (id[i] == b) {
                id[i] = a;
            }
        }
    }

    void add(int trackId, double px, double py, double pvx, double pvy, double h, TrackState s, int detectionIndex) {
        if (size == id.length) {
            int c = 2 * size;
            id = Arrays.copyOf(id, c);
            x = Arrays.copyOf(x, c);
            y = Arrays.copyOf(y, c);
            vx = Arrays.copyOf(vx, c);
            vy = Arrays.copyOf(vy, c);
            height = Arrays.copyOf(height, c);
            state = Arrays.copyOf(state, c);
            detection = Arrays.copyOf(detection, c);
        }
        id[size] = trackId;
        x[size] = px;
        y[size] = py;
        vx[size] = pvx;
        vy[size] = pvy;
        height[size] = h;
        state[size] = s;
        detection[size] = detectionIndex;
        size++;
    }

    /** Time of the frame, epoch microseconds. */
    public long timeMicros() {
        return timeMicros;
    }

    /** Number of tracks. */
    public int size() {
        return size;
    }

    /** Stable track id of row {@code i}. */
    public int id(int i) {
        return id[i];
    }

    /** Estimated x, m. */
    public double x(int i) {
        return x[i];
    }

    /** Estimated y, m. */
    public double y(int i) {
        return y[i];
    }

    /** Estimated x velocity, m/s. */
    public double vx(int i) {
        return vx[i];
    }

    /** Estimated y velocity, m/s. */
    public double vy(int i) {
        return vy[i];
    }

    /** Estimated stature, m. */
    public double height(int i) {
        return height[i];
    }

    /** Lifecycle state of row {@code i}. */
    public TrackState state(int i) {
        return state[i];
    }

    /** Index of the detection the track was updated with in this frame, or −1 (coasting). */
    public int detection(int i) {
        return detection[i];
    }
}
