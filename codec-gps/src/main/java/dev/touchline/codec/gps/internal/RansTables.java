package dev.touchline.codec.gps.internal;

import dev.touchline.codec.gps.CorruptGpsDataException;
import java.util.Arrays;

/**
 * Format version 3's static frequency tables: per column and context, the normalised frequencies (summing to
 * {@value #TOTAL}) of the residual tokens, plus the derived encode arrays and the one-lookup decode table. A residual
 * {@code r} is the token {@code 0} when zero, otherwise {@code 2k − 1} (positive) or {@code 2k} (negative) where
 * {@code k} is the bit length of {@code |r|}; the {@code k − 1} bits below the leading one travel raw. The context of
 * a column's token is the class of its previous residual ({@value #PREV_CLASSES}) × the class of a neighbouring
 * column's latest residual ({@value #CROSS_CLASSES}), exactly as in version 2's model.
 *
 * <p>Immutable once built; shared by any number of coders.
 */
public final class RansTables {
    /** Probability precision of the rANS coder, bits. */
    public static final int PROB_BITS = 11;
    /** Sum of the frequencies of every table. */
    public static final int TOTAL = 1 << PROB_BITS;
    /** Largest residual bit length (deltas of deltas of int16 values need 17). */
    public static final int MAX_BITS = 17;
    /** Bits below a magnitude's leading one that go into its token rather than raw. */
    public static final int TOKEN_MANTISSA_BITS = 2;
    /** Tokens: zero, then per bit length 1..{@value #MAX_BITS} and sign the leading bits' sub-tokens. */
    public static final int SYMBOLS;
    /** Stride of a context's entries in {@link #freq} and {@link #cum}. */
    public static final int SLOTS = 128;
    /** First token of each bit length (positive sub-tokens, then negative). */
    private static final int[] FIRST_TOKEN = new int[MAX_BITS + 2];
    /**
     * Per token: the magnitude's leading bits (bits 0–7), the number of raw bits below them (bits 8–12), the
     * residual's previous-context class (bits 13–15) and cross-context class (bits 16–17), and the sign (bit 31): a
     * decoder's whole view of a token in one load. Token 0 (zero) is all zeros.
     */
    static final int[] TOKEN_INFO = new int[SLOTS];
    /** Per token: the bit length k of the magnitude it stands for (0 for token 0). */
    private static final int[] TOKEN_BITS = new int[SLOTS];
    /** Classes of the same column's previous residual: 0, 1, 2–3, 4–7, 8–15, 16+. */
    public static final int PREV_CLASSES = 6;
    /** Classes of the neighbouring column's residual: 0, 1, 2–3, 4+ (the time column: its phase). */
    public static final int CROSS_CLASSES = 4;
    /** Contexts of one column. */
    public static final int COLUMN_CONTEXTS = PREV_CLASSES * CROSS_CLASSES;
    /** Contexts of all four columns (time, latitude, longitude, speed). */
    public static final int CONTEXTS = 4 * COLUMN_CONTEXTS;
    /** Largest serialised table set, bytes (a bound for untrusted length fields). */
    public static final int MAX_SERIALISED_BYTES = 4 * COLUMN_CONTEXTS * (1 + (5 * SLOTS + 7) / 8);

    private static final int[] PREV_CLASS = new int[18];
    private static final int[] CROSS_CLASS = {0, 1, 2, 2, 3};

    static {
        for (int bits = 0; bits < PREV_CLASS.length; bits++) {
            PREV_CLASS[bits] = Math.min(bits, PREV_CLASSES - 1);
        }
        int next = 1;
        for (int k = 1; k <= MAX_BITS; k++) {
            FIRST_TOKEN[k] = next;
            int m = Math.min(k - 1, TOKEN_MANTISSA_BITS);
            int subs = 1 << m;
            for (int negative = 0; negative < 2; negative++) {
                for (int sub = 0; sub < subs; sub++) {
                    int prefix = 1 << m | sub;
                    TOKEN_BITS[next] = k;
                    TOKEN_INFO[next++] = prefix | (k - 1 - m) << 8 | Math.min(k, PREV_CLASSES - 1) << 13
                            | Math.min(k, CROSS_CLASSES - 1) << 16 | negative << 31;
                }
            }
        }
        SYMBOLS = next;
    }

    /** Frequency of token {@code s} in context {@code c} at {@code c * SLOTS + s}. */
    final int[] freq;
    /** Cumulative frequency below token {@code s} in context {@code c}, same indexing. */
    final int[] cum;
    /**
     * Decode entries, {@link #TOTAL} per context starting at {@link #base}: token (7 bits) | frequency (12 bits,
     * from bit 7) | slot − cumulative frequency (11 bits, from bit 19).
     */
    final int[] decode;
    /** 1 / frequency, for the encoder's division (0 where the frequency is 0). */
    final double[] inverse;
    /** Offset of each context's decode entries; contexts never used share one table. */
    final int[] base;
    /** 5-bit weight code per token, what is serialised. */
    private final byte[] codes;
    /** Highest used token + 1 per context (0: unused). */
    private final int[] used;

    private RansTables(int[] freq, int[] used, byte[] codes) {
        this.codes = codes;
        this.freq = freq;
        this.used = used;
        this.cum = new int[freq.length];
        this.inverse = new double[freq.length];
        for (int i = 0; i < freq.length; i++) {
            inverse[i] = freq[i] == 0 ? 0 : 1.0 / freq[i];
        }
        this.base = new int[CONTEXTS];
        int distinct = 1;
        for (int c = 0; c < CONTEXTS; c++) {
            if (used[c] > 0) {
                distinct++;
            }
        }
        this.decode = new int[distinct * TOTAL];
        // Region 0: all of the range to token 0, for contexts the stream never uses (a corrupt stream may).
        for (int slot = 0; slot < TOTAL; slot++) {
            decode[slot] = TOTAL << 7 | slot << 19;
        }
        int region = 1;
        for (int c = 0; c < CONTEXTS; c++) {
            int sum = 0;
            for (int s = 0; s < SLOTS; s++) {
                cum[c * SLOTS + s] = sum;
                if (freq[c * SLOTS + s] < 0) {
                    throw new IllegalStateException("negative frequency in context " + c);
                }
                sum += freq[c * SLOTS + s];
            }
            // Normalisation guarantees this for any weight codes (RansTablesTest); the decode table relies on it.
            if (sum != TOTAL) {
                throw new IllegalStateException("context " + c + " sums to " + sum + ", not " + TOTAL);
            }
            if (used[c] == 0) {
                base[c] = 0;
                continue;
            }
            int at = region++ * TOTAL;
            base[c] = at;
            for (int s = 0; s < used[c]; s++) {
                int f = freq[c * SLOTS + s];
                int start = cum[c * SLOTS + s];
                for (int slot = start; slot < start + f; slot++) {
                    decode[at + slot] = s | f << 7 | (slot - start) << 19;
                }
            }
        }
    }

    /** The token of a residual, {@code |residual| < 2^17}. */
    public static int token(int residual) {
        if (residual == 0) {
            return 0;
        }
        int magnitude = Math.abs(residual);
        int k = 32 - Integer.numberOfLeadingZeros(magnitude);
        int m = Math.min(k - 1, TOKEN_MANTISSA_BITS);
        int sub = (magnitude >>> (k - 1 - m)) & ((1 << m) - 1);
        return FIRST_TOKEN[k] + (residual < 0 ? 1 << m : 0) + sub;
    }

    /** Raw bits below a token's leading bits. */
    public static int rawBits(int token) {
        return (TOKEN_INFO[token] >>> 8) & 31;
    }

    /** The same-column context class of a residual, 0..5. */
    public static int previousClass(int residual) {
        return PREV_CLASS[Math.min(17, 32 - Integer.numberOfLeadingZeros(Math.abs(residual)))];
    }

    /** The cross-column context class of a residual, 0..3. */
    public static int crossClass(int residual) {
        return CROSS_CLASS[Math.min(4, Math.abs(residual))];
    }

    /** The first context of column {@code column} (0 time, 1 latitude, 2 longitude, 3 speed). */
    public static int columnBase(int column) {
        return column * COLUMN_CONTEXTS;
    }

    /** Weight of each 5-bit code: 0 absent, then 2^((q − 1) / 2) rounded, q = 1..31 (steps of √2). */
    private static final int[] WEIGHT = new int[32];

    static {
        for (int q = 1; q < 32; q++) {
            WEIGHT[q] = (int) Math.round(Math.pow(2, (q - 1) / 2.0));
        }
    }

    /**
     * Tables from token counts: each token's count becomes a 5-bit weight code (the largest count 31, steps of
     * √2 below it), which is what a stream stores; the frequencies follow from the codes alone.
     *
     * @param counts count of token {@code s} in context {@code c} at {@code c * SLOTS + s}. Not modified.
     * @param everyToken give every token of every context a non-zero frequency (for a table that must code any
     *     residual); otherwise only counted tokens get one and contexts with no counts stay unused
     */
    public static RansTables fromCounts(long[] counts, boolean everyToken) {
        byte[] codes = new byte[CONTEXTS * SLOTS];
        for (int c = 0; c < CONTEXTS; c++) {
            codesOf(counts, c * SLOTS, codes, c * SLOTS, everyToken);
        }
        return fromCodes(codes);
    }

    /** One context's 5-bit weight codes from its counts at {@code from}, written to {@code codes} at {@code to}. */
    private static void codesOf(long[] counts, int from, byte[] codes, int to, boolean everyToken) {
        long max = 0;
        for (int s = 0; s < SYMBOLS; s++) {
            max = Math.max(max, counts[from + s]);
        }
        for (int s = 0; s < SYMBOLS; s++) {
            long n = counts[from + s];
            int q = 0;
            if (n > 0) {
                double halfSteps = 2 * Math.log((double) max / n) / Math.log(2);
                q = (int) Math.max(1, 31 - Math.round(halfSteps));
            } else if (everyToken) {
                q = 1;
            }
            codes[to + s] = (byte) q;
        }
    }

    /**
     * Tables fitted to a <em>sample</em> of a stream (the tokens a streaming encoder counted in the blocks it held
     * back) that should also code the rest of the stream. As {@link #fromCounts}, and in addition, per stored column:
     * in every context the sample used, every token whose bit length is at most the column's largest in the sample
     * plus {@code marginBits} gets a non-zero weight (tokens below a context's highest counted one cost no table
     * bytes, the others 5 bits each), and contexts the sample never used get the column's overall weights over the
     * same tokens. A later residual whose token still has no weight cannot be coded with these tables (see
     * {@link #codable}); nor can any residual of a column the sample never coded (constant in every sampled block).
     *
     * @param counts count of token {@code s} in context {@code c} at {@code c * SLOTS + s}. Not modified.
     * @param columns stored columns, 3 or 4
     * @param marginBits bit lengths beyond the sample's largest that stay codable, 0..{@value #MAX_BITS}
     */
    public static RansTables forStream(long[] counts, int columns, int marginBits) {
        byte[] codes = new byte[CONTEXTS * SLOTS];
        long[] column = new long[SLOTS];
        byte[] columnCodes = new byte[SLOTS];
        for (int col = 0; col < columns; col++) {
            java.util.Arrays.fill(column, 0);
            int bits = 0;
            boolean any = false;
            for (int c = col * COLUMN_CONTEXTS; c < (col + 1) * COLUMN_CONTEXTS; c++) {
                codesOf(counts, c * SLOTS, codes, c * SLOTS, false);
                for (int s = 0; s < SYMBOLS; s++) {
                    long n = counts[c * SLOTS + s];
                    if (n > 0) {
                        column[s] += n;
                        bits = Math.max(bits, TOKEN_BITS[s]);
                        any = true;
                    }
                }
            }
            if (!any) {
                // A column the sample never coded (constant in every held block): left to the fallback.
                continue;
            }
            codesOf(column, 0, columnCodes, 0, true);
            int cover = Math.min(MAX_BITS, bits + marginBits);
            int top = cover == MAX_BITS ? SYMBOLS : FIRST_TOKEN[cover + 1];
            for (int c = col * COLUMN_CONTEXTS; c < (col + 1) * COLUMN_CONTEXTS; c++) {
                boolean used = false;
                for (int s = 0; s < SYMBOLS && !used; s++) {
                    used = counts[c * SLOTS + s] > 0;
                }
                for (int s = 0; s < top; s++) {
                    int at = c * SLOTS + s;
                    codes[at] = (byte) Math.max(1, used ? codes[at] : columnCodes[s]);
                }
            }
        }
        return fromCodes(codes);
    }

    /** Whether token {@code token} of context {@code context} has a non-zero frequency (can be coded). */
    public boolean codable(int context, int token) {
        return freq[context * SLOTS + token] != 0;
    }

    private static RansTables fromCodes(byte[] codes) {
        int[] freq = new int[CONTEXTS * SLOTS];
        int[] used = new int[CONTEXTS];
        for (int c = 0; c < CONTEXTS; c++) {
            int at = c * SLOTS;
            long sum = 0;
            int top = 0;
            for (int s = 0; s < SYMBOLS; s++) {
                int q = codes[at + s];
                sum += WEIGHT[q];
                if (q != 0) {
                    top = s + 1;
                }
            }
            used[c] = top;
            if (top == 0) {
                freq[at] = TOTAL;
                continue;
            }
            int total = 0;
            int largest = at;
            for (int s = 0; s < top; s++) {
                int w = WEIGHT[codes[at + s]];
                int f = w == 0 ? 0 : (int) Math.max(1, (2L * w * TOTAL + sum) / (2 * sum));
                freq[at + s] = f;
                total += f;
                if (f > freq[largest]) {
                    largest = at + s;
                }
            }
            // Rounding leaves the sum a little off TOTAL; the most frequent token absorbs it.
            int fix = TOTAL - total;
            if (freq[largest] + fix >= 1) {
                freq[largest] += fix;
            } else {
                // Only when very many tokens were rounded up to 1 (a hostile or freak table): take the excess one
                // unit at a time from the currently largest frequency, which stays above 1 because the at most
                // SYMBOLS tokens need only SYMBOLS of the TOTAL units.
                while (fix < 0) {
                    int big = at;
                    for (int s = 0; s < top; s++) {
                        if (freq[at + s] > freq[big]) {
                            big = at + s;
                        }
                    }
                    freq[big]--;
                    fix++;
                }
            }
        }
        return new RansTables(freq, used, codes);
    }

    /** Estimated bits to code {@code counts} with these tables (tokens only; raw bits are the same for all). */
    public double cost(long[] counts) {
        double bits = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                int f = freq[i];
                bits += f == 0 ? Double.POSITIVE_INFINITY : counts[i] * (PROB_BITS - log2(f));
            }
        }
        return bits;
    }

    private static double log2(int v) {
        return Math.log(v) / Math.log(2);
    }

    /**
     * Appends the compact form: for each of the first {@code columns} columns, each of its
     * {@value #COLUMN_CONTEXTS} contexts, u8 m (highest used token + 1, 0 for unused) then m 5-bit weight codes,
     * LSB first, padded to a byte.
     */
    public void write(ByteSink out, int columns) {
        for (int c = 0; c < columns * COLUMN_CONTEXTS; c++) {
            out.write(used[c]);
            long acc = 0;
            int held = 0;
            for (int s = 0; s < used[c]; s++) {
                acc |= (long) codes[c * SLOTS + s] << held;
                held += 5;
                if (held >= 8) {
                    out.write((int) acc);
                    acc >>>= 8;
                    held -= 8;
                }
            }
            if (held > 0) {
                out.write((int) acc);
            }
        }
    }

    /** Size of {@link #write}'s output, bytes. */
    public int serialisedSize(int columns) {
        int size = 0;
        for (int c = 0; c < columns * COLUMN_CONTEXTS; c++) {
            size += 1 + (5 * used[c] + 7) / 8;
        }
        return size;
    }

    /** Reads what {@link #write} wrote. Contexts of columns not stored stay unused. */
    public static RansTables read(ByteReader in, int columns) throws CorruptGpsDataException {
        byte[] codes = new byte[CONTEXTS * SLOTS];
        for (int c = 0; c < columns * COLUMN_CONTEXTS; c++) {
            int at = in.position();
            int m = in.readByte("table token count");
            if (m > SYMBOLS) {
                throw new CorruptGpsDataException(at, "table of context " + c + " lists " + m + " tokens, at most "
                        + SYMBOLS);
            }
            long acc = 0;
            int held = 0;
            for (int s = 0; s < m; s++) {
                if (held < 5) {
                    acc |= (long) in.readByte("token weight codes") << held;
                    held += 8;
                }
                codes[c * SLOTS + s] = (byte) (acc & 31);
                acc >>>= 5;
                held -= 5;
            }
            if (m > 0 && codes[c * SLOTS + m - 1] == 0) {
                throw new CorruptGpsDataException(at, "table of context " + c + " ends with an absent token");
            }
        }
        return fromCodes(codes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RansTables t && Arrays.equals(freq, t.freq);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(freq);
    }
}
