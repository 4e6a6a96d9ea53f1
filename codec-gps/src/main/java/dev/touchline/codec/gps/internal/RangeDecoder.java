package dev.touchline.codec.gps.internal;

/**
 * Decoder for {@link RangeEncoder}'s streams over a slice of a byte array. Reading past the slice yields zero
 * bytes rather than failing: the caller bounds the work by the fix count and validates every decoded value, so a
 * truncated or hostile stream produces wrong values (caught by those checks) but never an exception or a hang.
 */
public final class RangeDecoder {
    private byte[] in = new byte[0];
    private int position;
    private int end;
    private int range;
    private int code;

    /** Starts decoding {@code length} bytes of {@code bytes} from {@code offset}. */
    public void start(byte[] bytes, int offset, int length) {
        in = bytes;
        position = offset;
        end = offset + length;
        range = -1;
        code = 0;
        for (int i = 0; i < 5; i++) {
            code = (code << 8) | next();
        }
    }

    /** Whether the decoder has read beyond its slice (by more than the coder's 4-byte look-ahead). */
    public boolean overran() {
        return position > end + 4;
    }

    private int next() {
        int p = position++;
        return p < end ? in[p] & 0xFF : 0;
    }

    /** Decodes one bit with probability state {@code index} of {@code bits} (which is updated). */
    public int decode(AdaptiveBits bits, int index) {
        int p = bits.probability(index);
        int bound = (range >>> AdaptiveBits.PROB_BITS) * p;
        int bit;
        if (Integer.compareUnsigned(code, bound) < 0) {
            range = bound;
            bit = 0;
        } else {
            code -= bound;
            range -= bound;
            bit = 1;
        }
        bits.update(index, bit);
        while (Integer.compareUnsigned(range, 1 << 24) < 0) {
            range <<= 8;
            code = (code << 8) | next();
        }
        return bit;
    }

    /** Decodes {@code count} equiprobable bits, most significant first. */
    public int decodeDirect(int count) {
        int value = 0;
        for (int i = 0; i < count; i++) {
            range >>>= 1;
            int bit = Integer.compareUnsigned(code, range) >= 0 ? 1 : 0;
            if (bit != 0) {
                code -= range;
            }
            value = (value << 1) | bit;
            while (Integer.compareUnsigned(range, 1 << 24) < 0) {
                range <<= 8;
                code = (code << 8) | next();
            }
        }
        return value;
    }
}
