package dev.touchline.codec.gps.internal;

/**
 * Binary range coder in the style of LZMA's (32-bit range, carry propagation through a cached byte), with 12-bit
 * probabilities whose adaptation rate starts fast and slows down as a context sees more bits (see
 * {@link AdaptiveBits}), so that a model reset at every key frame learns within a few dozen fixes.
 */
public final class RangeEncoder {
    private static final long TOP = 1L << 24;
    private ByteSink out;
    private long low;
    private int range;
    private int cache;
    private long cacheSize;

    /** An encoder that must be {@link #start started} before use. */
    public RangeEncoder() {
        this.out = new ByteSink(16);
    }

    /** Starts a new code stream appended to {@code sink}. */
    public void start(ByteSink sink) {
        out = sink;
        low = 0;
        range = -1;
        cache = 0;
        cacheSize = 1;
    }

    /** Codes one bit with probability state {@code index} of {@code bits} (which is updated). */
    public void encode(AdaptiveBits bits, int index, int bit) {
        int p = bits.probability(index);
        int bound = (range >>> AdaptiveBits.PROB_BITS) * p;
        if (bit == 0) {
            range = bound;
        } else {
            low += bound & 0xFFFFFFFFL;
            range -= bound;
        }
        bits.update(index, bit);
        while (Integer.compareUnsigned(range, (int) TOP) < 0) {
            range <<= 8;
            shiftLow();
        }
    }

    /** Codes {@code count} low bits of {@code value} with probability one half each, most significant first. */
    public void encodeDirect(int value, int count) {
        for (int i = count - 1; i >= 0; i--) {
            range >>>= 1;
            if (((value >>> i) & 1) != 0) {
                low += range & 0xFFFFFFFFL;
            }
            while (Integer.compareUnsigned(range, (int) TOP) < 0) {
                range <<= 8;
                shiftLow();
            }
        }
    }

    /** Flushes the pending state; the stream can then be decoded by {@link RangeDecoder}. */
    public void finish() {
        for (int i = 0; i < 5; i++) {
            shiftLow();
        }
    }

    private void shiftLow() {
        if (low < 0xFF000000L || low > 0xFFFFFFFFL) {
            int carry = (int) (low >>> 32);
            int temp = cache;
            do {
                out.write(temp + carry);
                temp = 0xFF;
            } while (--cacheSize != 0);
            cache = (int) ((low >>> 24) & 0xFF);
        }
        cacheSize++;
        low = (low & 0x00FFFFFFL) << 8;
    }
}
