package dev.touchline.codec.gps;

/** How the column-wise deltas of a block are entropy-coded. */
public enum EntropyMode {
    /**
     * Per block, the smaller of {@link #MODEL} and {@link #ZSTD} (decoding is unaffected). Format version 3 tries
     * zstd only for blocks whose tokens cost more than 8 bits per value, where it might win.
     */
    AUTO,
    /**
     * Delta or delta-of-delta residuals with small contexts: through an adaptive binary range coder (format versions 1
     * and 2) or as tokens of static tables through rANS plus raw bits (version 3).
     */
    MODEL,
    /** Column-wise int16 deltas compressed by zstd at the configured level (the seed's design). */
    ZSTD,
    /**
     * The seed's alternative: XOR of consecutive quantised int32 values, column-wise, compressed by zstd. Kept so
     * that the comparison can be reproduced; it is measured worse than {@link #ZSTD} on every track tried (see
     * FORMAT.md).
     */
    XOR_ZSTD
}
