package dev.touchline.codec.gps;

import java.io.IOException;

/**
 * Bad encoded track data: wrong magic, an unsupported format version, a failed CRC32C, a length or count outside
 * its bound, a truncated stream or values that decode outside their range. The message names the byte offset (from
 * the start of the container) of the structure that failed.
 */
public final class CorruptGpsDataException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final String detail;

    /** An exception for the structure at byte {@code offset}. */
    public CorruptGpsDataException(long offset, String message) {
        super("corrupt GPS track data at byte " + offset + ": " + message);
        this.offset = offset;
        this.detail = message;
    }

    /** An exception for the structure at byte {@code offset}, caused by {@code cause}. */
    public CorruptGpsDataException(long offset, String message, Throwable cause) {
        super("corrupt GPS track data at byte " + offset + ": " + message, cause);
        this.offset = offset;
        this.detail = message;
    }

    /** The same failure for a structure that was read from a buffer starting {@code delta} bytes into the stream. */
    public CorruptGpsDataException shifted(long delta) {
        CorruptGpsDataException moved = new CorruptGpsDataException(offset + delta, detail, this);
        return moved;
    }

    /** Byte offset from the start of the container of the structure that failed. */
    public long offset() {
        return offset;
    }
}
