package dev.touchline.codec.gps.internal;

import java.util.Arrays;

/**
 * A table of adaptive bit probabilities (12-bit, probability of a zero bit). Each entry counts how often it has
 * been used and moves towards the observed bit by 1/2, 1/4, ... down to 1/16: roughly a
 * Krichevsky–Trofimov estimate at first and an exponential forgetting window later. The fast start matters because
 * the model is reset at every key frame (every 30 s, ~300 fixes) to keep blocks independently decodable.
 */
public final class AdaptiveBits {
    /** Probability precision in bits. */
    public static final int PROB_BITS = 12;
    private static final int ONE = 1 << PROB_BITS;
    private static final byte[] SHIFT_BY_COUNT = {1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4};
    private static final int MAX_COUNT = SHIFT_BY_COUNT.length - 1;

    private final short[] probability;
    private final byte[] count;

    /** {@code size} states, all at one half. */
    public AdaptiveBits(int size) {
        probability = new short[size];
        count = new byte[size];
        reset();
    }

    /** Back to the initial state (all probabilities one half, nothing seen). */
    public void reset() {
        Arrays.fill(probability, (short) (ONE / 2));
        Arrays.fill(count, (byte) 0);
    }

    int probability(int index) {
        return probability[index];
    }

    void update(int index, int bit) {
        int c = count[index];
        int shift = SHIFT_BY_COUNT[c];
        int p = probability[index];
        // p stays within [1, ONE - 1] for every shift >= 1, so a coded bit never gets probability zero.
        p = bit == 0 ? p + ((ONE - p) >> shift) : p - (p >> shift);
        probability[index] = (short) p;
        if (c < MAX_COUNT) {
            count[index] = (byte) (c + 1);
        }
    }
}
