package dev.touchline.sensor.simulation;

import java.util.Arrays;

/**
 * Insole force samples of both feet, three regions each (heel, midfoot, forefoot), in newtons, as columns.
 */
public final class FsrSamples {
    /** Number of channels: left heel, left mid, left fore, right heel, right mid, right fore. */
    public static final int CHANNELS = 6;
    /** Channel names as written in CSV headers. */
    public static final String[] CHANNEL_NAMES = {"left_heel_n", "left_mid_n", "left_fore_n", "right_heel_n",
        "right_mid_n", "right_fore_n"};

    private final long[] timeMicros;
    private final float[][] channels;

    /**
     * Samples from the first {@code length} values (copied).
     *
     * @param channels {@link #CHANNELS} arrays of forces in N, each ≥ 0
     */
    public FsrSamples(long[] timeMicros, float[][] channels, int length) {
        if (channels.length != CHANNELS) {
            throw new IllegalArgumentException("FsrSamples needs " + CHANNELS + " channels, got " + channels.length);
        }
        this.timeMicros = Arrays.copyOf(timeMicros, length);
        this.channels = new float[CHANNELS][];
        for (int c = 0; c < CHANNELS; c++) {
            this.channels[c] = Arrays.copyOf(channels[c], length);
            for (int i = 0; i < length; i++) {
                float v = this.channels[c][i];
                if (!(v >= 0 && v < Float.POSITIVE_INFINITY)) {
                    throw new IllegalArgumentException("FsrSamples: " + CHANNEL_NAMES[c] + "[" + i + "] is " + v
                            + ", expected a finite force >= 0 N");
                }
            }
        }
        for (int i = 1; i < length; i++) {
            if (this.timeMicros[i] < this.timeMicros[i - 1]) {
                throw new IllegalArgumentException("FsrSamples: timeMicros goes backwards at index " + i);
            }
        }
    }

    /** The samples with no rows. */
    public static FsrSamples empty() {
        return new FsrSamples(new long[0], new float[CHANNELS][0], 0);
    }

    /** Number of samples. */
    public int length() {
        return timeMicros.length;
    }

    /** Time stamp of sample {@code i}, epoch microseconds. */
    public long timeMicros(int i) {
        return timeMicros[i];
    }

    /** Force of channel {@code c} at sample {@code i}, N. */
    public float force(int c, int i) {
        return channels[c][i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FsrSamples other && Arrays.equals(timeMicros, other.timeMicros)
                && Arrays.deepEquals(channels, other.channels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(timeMicros) + Arrays.deepHashCode(channels);
    }

    @Override
    public String toString() {
        return "FsrSamples[" + length() + " samples]";
    }
}
