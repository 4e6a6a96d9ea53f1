package dev.touchline.codec.gps.parquet;

/**
 * Page compression of a Parquet export. Every codec here runs without Hadoop: Snappy through snappy-java, zstd
 * through zstd-jni, both called directly.
 */
public enum ParquetCompression {
    /** No compression. */
    UNCOMPRESSED,
    /** Snappy, the default: fast, and readable by every Parquet reader. */
    SNAPPY,
    /** Zstandard at the configured level (default 3): smaller files, readable by every current reader. */
    ZSTD
}
