package dev.touchline.codec.gps;

/** How the column-wise deltas of a block are entropy-coded. */
public enum EntropyMode {
    /** Per block, the smaller of {@link #MODEL} and {@link #ZSTD} (costs both encodings; decoding is unaffected). */
    AUTO,
    /** Zig-zag-free delta or delta-of-delta residuals through an adaptive binary range coder with small contexts. */
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
