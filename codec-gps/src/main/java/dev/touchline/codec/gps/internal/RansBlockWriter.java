package dev.touchline.codec.gps.internal;

/**
 * Format version 3's model payload: per fix, interleaved over the columns, one token per residual coded by a
 * table-driven rANS coder (32-bit state, 16-bit renormalisation, static tables) plus the token's raw bits in a
 * separate bit stream. A column whose deltas are all equal in a block is stored once as a constant and costs no
 * token at all (the usual 10 Hz time column). Reuses its buffers; not thread-safe.
 *
 * <p>Payload: [zigzag varint constant delta of each constant column, in column order] | varint R | R bytes of rANS
 * (u32 final state, then u16 words in decode order) | raw bits, LSB first, padded to a byte.
 */
public final class RansBlockWriter {
    /** Lower bound of the rANS state; the coder starts and (when decoded) ends here. */
    public static final long STATE_LOW = 1L << 16;
    /** Order byte value (2 bits per column) of a column stored as one constant delta. */
    public static final int ORDER_CONSTANT = 3;

    private final TimePhase phase = new TimePhase();
    private int[] tokens = new int[1024];
    private short[] words = new short[1024];
    private byte[] bits = new byte[256];
    /** Raw bytes {@link #tokenise} left in {@link #bits}. */
    private int rawBytes;
    private long finalState;

    /**
     * Codes residuals {@code [1, n)} of the columns into {@code out}, or only counts their tokens.
     *
     * @param residual per column, the residuals (delta, delta of delta, or for a constant column the delta). Not
     *     modified.
     * @param delta per column, the deltas (the time column's phase context needs them). Not modified.
     * @param order per column, 1, 2 or {@link #ORDER_CONSTANT}. Not modified.
     * @param counts when not null, token counts per context are added here (Modified) and nothing is written
     * @return false when a token has no frequency in {@code tables} (a stream's own tables fitted to a sample of
     *     it): then what was appended to {@code out} is unusable and the block must be coded otherwise; true when
     *     counting
     */
    public boolean write(ByteSink out, RansTables tables, int[][] residual, int[][] delta, int[] order, int columns,
                         int n, long[] counts) {
        if (counts != null) {
            int count = tokenise(null, residual, delta, order, columns, n);
            for (int j = 0; j < count; j++) {
                counts[tokens[j]]++;
            }
            return true;
        }
        writeConstants(out, delta, order, columns);
        int count = tokenise(tables.freq, residual, delta, order, columns, n);
        if (count < 0) {
            return false;
        }
        emit(out, tables, tokens, 0, count, bits, 0, rawBytes);
        return true;
    }

    /**
     * Counts the block's tokens into {@code counts} (Modified) and logs the block (orders byte, constant prefix,
     * tokens, raw bits) in {@code log} (Modified) for {@link #replay}.
     */
    public void log(TokenLog log, long[] counts, int ordersByte, int[][] residual, int[][] delta, int[] order,
                    int columns, int n) {
        log.begin(n, ordersByte);
        if (n <= 1) {
            log.endPrefix();
            log.end(tokens, 0, bits, 0);
            return;
        }
        writeConstants(log.bytes(), delta, order, columns);
        log.endPrefix();
        int count = tokenise(null, residual, delta, order, columns, n);
        for (int j = 0; j < count; j++) {
            counts[tokens[j]]++;
        }
        log.end(tokens, count, bits, rawBytes);
    }

    /**
     * Writes the payload of logged block {@code block} with {@code tables} (which code every logged token: they
     * were fitted to the log's counts, or are the built-in tables); returns the block's orders byte.
     */
    public int replay(ByteSink out, RansTables tables, TokenLog log, int block, int n) {
        if (n <= 1) {
            return log.orders(block);
        }
        int prefixStart = log.prefixStart(block);
        int prefixEnd = log.prefixEnd(block);
        byte[] logged = log.bytes().array();
        out.write(logged, prefixStart, prefixEnd - prefixStart);
        int from = log.tokenStart(block);
        emit(out, tables, log.tokens(), from, log.tokenEnd(block) - from, logged, prefixEnd,
                log.rawEnd(block) - prefixEnd);
        return log.orders(block);
    }

    private static void writeConstants(ByteSink out, int[][] delta, int[] order, int columns) {
        for (int c = 0; c < columns; c++) {
            if (order[c] == ORDER_CONSTANT) {
                long d = delta[c][1];
                out.writeVarLong((d << 1) ^ (d >> 63));
            }
        }
    }

    /**
     * Tokens into {@link #tokens} and raw bits into {@link #bits} ({@link #rawBytes} of them); returns the token
     * count, or −1 as soon as a token has no frequency in {@code freq} (null: no check).
     */
    private int tokenise(int[] freq, int[][] residual, int[][] delta, int[] order, int columns, int n) {
        if (tokens.length < 4 * n) {
            tokens = new int[4 * n];
        }
        if (bits.length < 8 * n + 8) {
            bits = new byte[8 * n + 8];
        }
        int count = 0;
        long acc = 0;
        int held = 0;
        int bytes = 0;
        phase.reset();
        int[] rt = residual[0];
        int[] rla = residual[1];
        int[] rlo = residual[2];
        int[] rsp = residual[3];
        int[] dt = delta[0];
        boolean timeCoded = order[0] != ORDER_CONSTANT;
        boolean latCoded = order[1] != ORDER_CONSTANT;
        boolean lonCoded = order[2] != ORDER_CONSTANT;
        boolean speedCoded = columns == 4 && order[3] != ORDER_CONSTANT;
        for (int i = 1; i < n; i++) {
            for (int c = 0; c < 4; c++) {
                int r;
                int ctx;
                if (c == 0) {
                    if (!timeCoded) {
                        continue;
                    }
                    r = rt[i];
                    ctx = RansTables.previousClass(rt[i - 1]) * RansTables.CROSS_CLASSES
                            + RansTables.crossClass(phase.context());
                    phase.observe(dt[i]);
                } else if (c == 1) {
                    if (!latCoded) {
                        continue;
                    }
                    r = rla[i];
                    ctx = RansTables.COLUMN_CONTEXTS + RansTables.previousClass(rla[i - 1])
                            * RansTables.CROSS_CLASSES + RansTables.crossClass(rlo[i - 1]);
                } else if (c == 2) {
                    if (!lonCoded) {
                        continue;
                    }
                    r = rlo[i];
                    ctx = 2 * RansTables.COLUMN_CONTEXTS + RansTables.previousClass(rlo[i - 1])
                            * RansTables.CROSS_CLASSES + RansTables.crossClass(rla[i]);
                } else {
                    if (!speedCoded) {
                        continue;
                    }
                    r = rsp[i];
                    ctx = 3 * RansTables.COLUMN_CONTEXTS + RansTables.previousClass(rsp[i - 1])
                            * RansTables.CROSS_CLASSES + RansTables.crossClass(rlo[i]);
                }
                int token = RansTables.token(r);
                int idx = ctx * RansTables.SLOTS + token;
                if (freq != null && freq[idx] == 0) {
                    return -1;
                }
                tokens[count++] = idx;
                int extra = RansTables.rawBits(token);
                if (extra > 0) {
                    acc |= (long) (Math.abs(r) & ((1 << extra) - 1)) << held;
                    held += extra;
                    while (held >= 8) {
                        this.bits[bytes++] = (byte) acc;
                        acc >>>= 8;
                        held -= 8;
                    }
                }
            }
        }
        if (held > 0) {
            this.bits[bytes++] = (byte) acc;
        }
        rawBytes = bytes;
        return count;
    }

    /** varint R, the rANS state and words of tokens {@code [from, from + count)}, then the raw bytes. */
    private void emit(ByteSink out, RansTables tables, int[] tokenSource, int from, int count, byte[] raw,
                      int rawFrom, int rawLength) {
        int wordCount = encode(tables, tokenSource, from, count);
        out.writeVarLong(4 + 2L * wordCount);
        out.ensure(4 + 2 * wordCount + rawLength);
        byte[] a = out.array();
        int at = out.size();
        long state = finalState;
        a[at] = (byte) state;
        a[at + 1] = (byte) (state >>> 8);
        a[at + 2] = (byte) (state >>> 16);
        a[at + 3] = (byte) (state >>> 24);
        at += 4;
        for (int w = words.length - wordCount; w < words.length; w++) {
            a[at] = (byte) words[w];
            a[at + 1] = (byte) (words[w] >>> 8);
            at += 2;
        }
        System.arraycopy(raw, rawFrom, a, at, rawLength);
        out.advance(4 + 2 * wordCount + rawLength);
    }

    /** rANS over the tokens in reverse; the words land at the end of {@link #words}. Returns their number. */
    private int encode(RansTables tables, int[] tokenSource, int from, int count) {
        if (words.length < count + 2) {
            words = new short[2 * count + 2];
        }
        int[] freq = tables.freq;
        int[] cum = tables.cum;
        double[] inverse = tables.inverse;
        short[] w = words;
        int top = w.length;
        long x = STATE_LOW;
        for (int j = from + count - 1; j >= from; j--) {
            int idx = tokenSource[j];
            int f = freq[idx];
            if (x >= ((long) f << (32 - RansTables.PROB_BITS))) {
                w[--top] = (short) x;
                x >>>= 16;
            }
            // x / f through a multiplication: the double quotient is off by at most one, which the remainder fixes.
            long q = (long) (x * inverse[idx]);
            long rem = x - q * f;
            if (rem >= f) {
                q++;
                rem -= f;
            } else if (rem < 0) {
                q--;
                rem += f;
            }
            x = (q << RansTables.PROB_BITS) + rem + cum[idx];
        }
        finalState = x;
        return w.length - top;
    }
}
