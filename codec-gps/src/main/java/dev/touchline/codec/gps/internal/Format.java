package dev.touchline.codec.gps.internal;

/** Constants of the container layout (versions 1 to 3); FORMAT.md is the prose form. */
public final class Format {
    private Format() {
    }

    /** First four bytes of every container: "TLGP". */
    public static final int MAGIC = 0x50474C54;
    /** Last four bytes of every finished container: "TLGE". */
    public static final int END_MAGIC = 0x45474C54;
    /** The format version this code writes by default. */
    public static final int VERSION = 3;
    /** Format version 2: several seek windows per entropy block, adaptive binary range coder. */
    public static final int VERSION_2 = 2;
    /** Format version 3: static-table rANS tokens with raw bits. */
    public static final int VERSION_3 = 3;
    /** The newest format version this code reads and writes. */
    public static final int LATEST = 3;
    /** The oldest format version this code reads (and can still write, for comparisons). */
    public static final int VERSION_1 = 1;
    /** Most seek windows in one entropy block (format version 2). */
    public static final int MAX_WINDOWS_PER_BLOCK = 64;
    /** Header flag: the speed column is stored. */
    public static final int FLAG_SPEED = 1;
    /** Header flag: a 16-byte player id follows the fixed header fields. */
    public static final int FLAG_PLAYER = 2;
    /** Header flag: a device serial (length byte + UTF-8) follows. */
    public static final int FLAG_DEVICE = 4;
    /** Block mode byte of the context-modelled range coder. */
    public static final int MODE_MODEL = 0;
    /** Block mode byte of int16 deltas + zstd. */
    public static final int MODE_ZSTD = 1;
    /** Block mode byte of XOR between frames + zstd. */
    public static final int MODE_XOR_ZSTD = 2;
    /** Marker byte that starts the block index instead of another block. */
    public static final int INDEX_MARKER = 0xFF;
    /** Most fixes in one block. */
    public static final int MAX_BLOCK_FIXES = 65_535;
    /** Largest delta of one column between neighbouring fixes of a block (int16). */
    public static final int MAX_DELTA = Short.MAX_VALUE;
    /** Largest time resolution, µs. */
    public static final long MAX_RESOLUTION_MICROS = 1_000_000L;
    /** Largest key-frame interval, µs (one day). */
    public static final long MAX_INTERVAL_MICROS = 86_400_000_000L;
    /** Bytes of a block other than the payload and the two varints: mode, key frame, orders, CRC. */
    public static final int BLOCK_FIXED_BYTES = 1 + 8 + 4 + 4 + 4 + 1 + 4;
    /** Absolute time stamps are kept within ±2^62 µs so that no sum of a time and a gap can overflow. */
    public static final long MAX_ABS_TIME_MICROS = 1L << 62;
    /** Speed code for "unknown" (NaN). */
    public static final int SPEED_UNKNOWN = -1;
    /** Latitude bound in micro-degrees. */
    public static final int MAX_LAT = 90_000_000;
    /** Longitude bound in micro-degrees. */
    public static final int MAX_LON = 180_000_000;
}
