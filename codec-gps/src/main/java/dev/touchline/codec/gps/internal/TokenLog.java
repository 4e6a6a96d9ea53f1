package dev.touchline.codec.gps.internal;

import java.util.Arrays;

/**
 * What whole-track encoding's counting pass found in each format version 3 block: the orders byte, the payload's
 * constant-column prefix, the tokens (context × {@link RansTables#SLOTS} + token) and the raw bits. The writing
 * pass replays the blocks in the order they were logged and only runs rANS over the tokens, instead of computing
 * deltas, orders, residuals, contexts and tokens a second time. Not thread-safe.
 */
public final class TokenLog {
    private int[] tokens = new int[4096];
    private int tokenCount;
    /** Per block: the constant-column prefix, then the raw bits. */
    private final ByteSink bytes = new ByteSink(4096);
    private int[] fixes = new int[64];
    private int[] orders = new int[64];
    private int[] tokenEnd = new int[64];
    private int[] prefixEnd = new int[64];
    private int[] bytesEnd = new int[64];
    private int blocks;
    private int cursor;

    /** Starts logging a block of {@code n} fixes with its orders byte; its prefix goes to {@link #bytes()}. */
    void begin(int n, int ordersByte) {
        if (blocks == fixes.length) {
            int capacity = 2 * blocks;
            fixes = Arrays.copyOf(fixes, capacity);
            orders = Arrays.copyOf(orders, capacity);
            tokenEnd = Arrays.copyOf(tokenEnd, capacity);
            prefixEnd = Arrays.copyOf(prefixEnd, capacity);
            bytesEnd = Arrays.copyOf(bytesEnd, capacity);
        }
        fixes[blocks] = n;
        orders[blocks] = ordersByte;
    }

    /** The byte log, where the current block's constant prefix is appended. */
    ByteSink bytes() {
        return bytes;
    }

    /** Ends the current block's prefix. */
    void endPrefix() {
        prefixEnd[blocks] = bytes.size();
    }

    /** Appends the current block's tokens {@code [0, count)} and raw bytes {@code [0, rawBytes)} and closes it. */
    void end(int[] blockTokens, int count, byte[] raw, int rawBytes) {
        if (tokenCount + count > tokens.length) {
            tokens = Arrays.copyOf(tokens, Math.max(tokenCount + count, 2 * tokens.length));
        }
        System.arraycopy(blockTokens, 0, tokens, tokenCount, count);
        tokenCount += count;
        bytes.write(raw, 0, rawBytes);
        tokenEnd[blocks] = tokenCount;
        bytesEnd[blocks] = bytes.size();
        blocks++;
    }

    /**
     * Moves to the next logged block, which must have {@code n} fixes, and returns its index.
     *
     * @throws IllegalStateException when the blocks replayed differ from the blocks logged (a bug)
     */
    int next(int n) {
        if (cursor >= blocks || fixes[cursor] != n) {
            throw new IllegalStateException("replayed block " + cursor + " of " + n + " fixes does not match the "
                    + blocks + " logged blocks");
        }
        return cursor++;
    }

    int orders(int block) {
        return orders[block];
    }

    int[] tokens() {
        return tokens;
    }

    int tokenStart(int block) {
        return block == 0 ? 0 : tokenEnd[block - 1];
    }

    int tokenEnd(int block) {
        return tokenEnd[block];
    }

    int prefixStart(int block) {
        return block == 0 ? 0 : bytesEnd[block - 1];
    }

    int prefixEnd(int block) {
        return prefixEnd[block];
    }

    int rawEnd(int block) {
        return bytesEnd[block];
    }
}
