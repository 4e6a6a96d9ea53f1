package dev.touchline.codec.gps.internal;

/**
 * The context model for one column's residuals (deltas or deltas of deltas of quantised values). A residual is
 * binarised as: is-zero; sign; the bit length {@code k} of its magnitude in unary; the {@code k} bits below the
 * leading one. Each decision has its own adaptive probability, selected by a small context: the magnitude class of
 * this column's previous residual (8 classes) and of a neighbouring column's latest residual (4 classes; latitude
 * looks at the previous longitude residual, longitude at the current latitude residual, speed at the current
 * longitude residual). When a player stands still all three are zero together; when they run all are busy — the
 * cross-column context captures that, which a per-column order-0 coder such as zstd's cannot.
 */
public final class ResidualModel {
    /** Largest magnitude bit length coded; residuals of int16 deltas-of-deltas need 17. */
    static final int MAX_BITS = 18;
    private static final int PREV_CLASSES = 8;
    private static final int CROSS_CLASSES = 4;
    private static final int CONTEXTS = PREV_CLASSES * CROSS_CLASSES;
    private static final int ZERO = 0;
    private static final int SIGN = ZERO + CONTEXTS;
    private static final int LENGTH = SIGN + CONTEXTS * 3;
    private static final int MANTISSA = LENGTH + CONTEXTS * MAX_BITS;
    /** Mantissa bits below the top {@value #MODELLED_MANTISSA_BITS} are near uniform and coded at one half. */
    private static final int MODELLED_MANTISSA_BITS = 3;
    private static final int SIZE = MANTISSA + MAX_BITS * 16;

    private final AdaptiveBits bits = new AdaptiveBits(SIZE);

    /** Forgets everything learnt (at the start of every block). */
    public void reset() {
        bits.reset();
    }

    /** The magnitude class of a residual for the same-column context, 0..7. */
    public static int previousClass(int residual) {
        int a = Math.abs(residual);
        return a == 0 ? 0 : Math.min(PREV_CLASSES - 1, 32 - Integer.numberOfLeadingZeros(a));
    }

    /** The magnitude class of a residual for the cross-column context, 0..3. */
    public static int crossClass(int residual) {
        int a = Math.abs(residual);
        return a >= 4 ? 3 : a == 3 ? 2 : a;
    }

    private static int context(int previousResidual, int crossResidual, int previousSign) {
        return (previousClass(previousResidual) * CROSS_CLASSES + crossClass(crossResidual)) * 3 + previousSign;
    }

    /** 0 for a zero residual, 1 for positive, 2 for negative. */
    public static int signOf(int residual) {
        return residual == 0 ? 0 : residual > 0 ? 1 : 2;
    }

    /**
     * Codes one residual, {@code |residual| < 2^(MAX_BITS)}.
     *
     * @param previousResidual this column's previous residual (0 at the start of a block)
     * @param crossResidual the neighbouring column's latest residual (0 where there is none)
     */
    public void encode(RangeEncoder coder, int residual, int previousResidual, int crossResidual) {
        int ctx3 = context(previousResidual, crossResidual, signOf(previousResidual));
        int ctx = ctx3 / 3;
        if (residual == 0) {
            coder.encode(bits, ZERO + ctx, 0);
            return;
        }
        coder.encode(bits, ZERO + ctx, 1);
        coder.encode(bits, SIGN + ctx3, residual < 0 ? 1 : 0);
        int magnitude = Math.abs(residual);
        int k = 31 - Integer.numberOfLeadingZeros(magnitude);
        int base = LENGTH + ctx * MAX_BITS;
        for (int j = 0; j < k; j++) {
            coder.encode(bits, base + j, 1);
        }
        if (k < MAX_BITS - 1) {
            coder.encode(bits, base + k, 0);
        }
        int modelled = Math.min(k, MODELLED_MANTISSA_BITS);
        int node = 1;
        for (int j = 1; j <= modelled; j++) {
            int bit = (magnitude >>> (k - j)) & 1;
            coder.encode(bits, MANTISSA + k * 16 + node, bit);
            node = (node << 1) | bit;
        }
        int rest = k - modelled;
        if (rest > 0) {
            coder.encodeDirect(magnitude & ((1 << rest) - 1), rest);
        }
    }

    /** Decodes one residual coded by {@link #encode} with the same context arguments. */
    public int decode(RangeDecoder coder, int previousResidual, int crossResidual) {
        int ctx3 = context(previousResidual, crossResidual, signOf(previousResidual));
        int ctx = ctx3 / 3;
        if (coder.decode(bits, ZERO + ctx) == 0) {
            return 0;
        }
        boolean negative = coder.decode(bits, SIGN + ctx3) != 0;
        int base = LENGTH + ctx * MAX_BITS;
        int k = 0;
        while (k < MAX_BITS - 1 && coder.decode(bits, base + k) != 0) {
            k++;
        }
        int modelled = Math.min(k, MODELLED_MANTISSA_BITS);
        int node = 1;
        for (int j = 1; j <= modelled; j++) {
            node = (node << 1) | coder.decode(bits, MANTISSA + k * 16 + node);
        }
        int rest = k - modelled;
        int magnitude = (node << rest) | (rest > 0 ? coder.decodeDirect(rest) : 0);
        return negative ? -magnitude : magnitude;
    }
}
