package dev.touchline.sensor;

import java.util.Arrays;

/**
 * Positions of tracked objects on the pitch, one row per object per frame, in CDF coordinates (metres, origin at
 * the centre spot, x towards the right-hand goal, y towards the top touchline). Rows are ordered by frame; a frame
 * may have no rows. Immutable; the factories copy the arrays they are given.
 *
 * <p>Checked on construction: equal column lengths, frame numbers and time stamps never going backwards, object
 * ids ≥ 0, finite coordinates.
 */
public final class PositionFrames {
    private static final String NAME = "PositionFrames";

    private final int[] frame;
    private final long[] timeMicros;
    private final int[] objectId;
    private final float[] x;
    private final float[] y;

    private PositionFrames(int[] frame, long[] timeMicros, int[] objectId, float[] x, float[] y) {
        this.frame = frame;
        this.timeMicros = timeMicros;
        this.objectId = objectId;
        this.x = x;
        this.y = y;
    }

    /**
     * Rows from the first {@code length} values of each column (copied).
     *
     * @param frame frame number of each row, never decreasing
     * @param timeMicros epoch microseconds of each row's frame, never decreasing
     * @param objectId the tracked object (player, referee, ball) of each row, ≥ 0
     * @param x pitch x in metres
     * @param y pitch y in metres
     */
    public static PositionFrames of(int[] frame, long[] timeMicros, int[] objectId, float[] x, float[] y,
                                    int length) {
        Columns.checkCount(NAME, length, Math.min(Math.min(Math.min(frame.length, timeMicros.length),
                Math.min(objectId.length, x.length)), y.length));
        PositionFrames p = new PositionFrames(Arrays.copyOf(frame, length), Arrays.copyOf(timeMicros, length),
                Arrays.copyOf(objectId, length), Arrays.copyOf(x, length), Arrays.copyOf(y, length));
        for (int i = 0; i < length; i++) {
            if (i > 0 && p.frame[i] < p.frame[i - 1]) {
                throw new IllegalArgumentException(NAME + ": frame goes backwards at index " + i + " ("
                        + p.frame[i - 1] + " then " + p.frame[i] + ")");
            }
            if (p.objectId[i] < 0) {
                throw new IllegalArgumentException(NAME + ": objectId[" + i + "] is " + p.objectId[i]
                        + ", expected >= 0");
            }
        }
        Columns.checkTimeOrder(NAME, p.timeMicros, length);
        Columns.checkFinite(NAME, "x", p.x, length);
        Columns.checkFinite(NAME, "y", p.y, length);
        return p;
    }

    /** Number of rows. */
    public int length() {
        return frame.length;
    }

    /** Frame number of row {@code i}. */
    public int frame(int i) {
        return frame[i];
    }

    /** Time stamp of row {@code i}, epoch microseconds. */
    public long timeMicros(int i) {
        return timeMicros[i];
    }

    /** Object id of row {@code i}. */
    public int objectId(int i) {
        return objectId[i];
    }

    /** Pitch x of row {@code i}, metres. */
    public float x(int i) {
        return x[i];
    }

    /** Pitch y of row {@code i}, metres. */
    public float y(int i) {
        return y[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PositionFrames other && Arrays.equals(frame, other.frame)
                && Arrays.equals(timeMicros, other.timeMicros) && Arrays.equals(objectId, other.objectId)
                && Arrays.equals(x, other.x) && Arrays.equals(y, other.y);
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(frame);
        h = 31 * h + Arrays.hashCode(timeMicros);
        h = 31 * h + Arrays.hashCode(objectId);
        h = 31 * h + Arrays.hashCode(x);
        return 31 * h + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "PositionFrames[" + length() + " rows]";
    }
}
