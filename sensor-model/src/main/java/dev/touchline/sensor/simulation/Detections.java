package dev.touchline.sensor.simulation;

import java.util.Arrays;

/**
 * Simulated optical detections of one chunk, one row per detection, ordered by frame, in CDF pitch metres.
 * Each row keeps the object it came from ({@link #truthObject(int)}, −1 for a false positive), which a real
 * detector would not know: writers put it only in the truth file.
 */
public final class Detections {
    /** Team code of a detection whose kit was not recognised. */
    public static final int TEAM_UNKNOWN = -1;

    private final int[] frame;
    private final long[] timeMicros;
    private final float[] x;
    private final float[] y;
    private final float[] heightMetres;
    private final int[] team;
    private final float[] confidence;
    private final int[] truthObject;

    /**
     * Rows from the first {@code length} values of each column (copied).
     *
     * @param heightMetres estimated stature, NaN when the head was not seen
     * @param team {@link TeamSide#ordinal()} of the recognised kit, or {@link #TEAM_UNKNOWN}
     * @param confidence detector confidence in [0, 1]
     * @param truthObject the object index, or −1 for a false positive
     */
    public Detections(int[] frame, long[] timeMicros, float[] x, float[] y, float[] heightMetres, int[] team,
                      float[] confidence, int[] truthObject, int length) {
        this.frame = Arrays.copyOf(frame, length);
        this.timeMicros = Arrays.copyOf(timeMicros, length);
        this.x = Arrays.copyOf(x, length);
        this.y = Arrays.copyOf(y, length);
        this.heightMetres = Arrays.copyOf(heightMetres, length);
        this.team = Arrays.copyOf(team, length);
        this.confidence = Arrays.copyOf(confidence, length);
        this.truthObject = Arrays.copyOf(truthObject, length);
        for (int i = 0; i < length; i++) {
            if (i > 0 && (this.frame[i] < this.frame[i - 1] || this.timeMicros[i] < this.timeMicros[i - 1])) {
                throw new IllegalArgumentException("Detections: row " + i + " goes back in time");
            }
            if (!Float.isFinite(this.x[i]) || !Float.isFinite(this.y[i])) {
                throw new IllegalArgumentException("Detections: row " + i + " has a non-finite position");
            }
            if (!(this.confidence[i] >= 0 && this.confidence[i] <= 1)) {
                throw new IllegalArgumentException("Detections: confidence[" + i + "] is " + this.confidence[i]
                        + ", expected a value in [0, 1]");
            }
            if (this.team[i] < TEAM_UNKNOWN || this.team[i] >= TeamSide.values().length) {
                throw new IllegalArgumentException("Detections: team[" + i + "] is " + this.team[i]);
            }
        }
    }

    /** Number of detections. */
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

    /** Pitch x of row {@code i}, metres. */
    public float x(int i) {
        return x[i];
    }

    /** Pitch y of row {@code i}, metres. */
    public float y(int i) {
        return y[i];
    }

    /** Estimated stature of row {@code i}, metres; NaN when unknown. */
    public float heightMetres(int i) {
        return heightMetres[i];
    }

    /** Recognised team of row {@code i}: a {@link TeamSide} ordinal or {@link #TEAM_UNKNOWN}. */
    public int team(int i) {
        return team[i];
    }

    /** Detector confidence of row {@code i}, in [0, 1]. */
    public float confidence(int i) {
        return confidence[i];
    }

    /** Object index row {@code i} came from, or −1 for a false positive. */
    public int truthObject(int i) {
        return truthObject[i];
    }
}
