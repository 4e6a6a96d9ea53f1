package dev.touchline.postgres;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * Encodes rows in PostgreSQL's binary {@code COPY} format into a reusable byte buffer and hands full buffers to a
 * {@link CopyIn}. Fields are written straight from primitives: no object is created per row.
 *
 * <p>Format: the 11-byte signature, a 32-bit flags word and a 32-bit header-extension length, then per row a
 * 16-bit field count and per field a 32-bit byte length followed by the value in network byte order; the file
 * ends with a field count of -1.
 */
final class BinaryCopyEncoder {
    /** Microseconds between the Unix epoch and PostgreSQL's epoch, 2000-01-01T00:00:00Z. */
    static final long PG_EPOCH_OFFSET_MICROS = 946_684_800_000_000L;
    /** Days between 1970-01-01 and 2000-01-01. */
    static final int PG_EPOCH_OFFSET_DAYS = 10_957;

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    private final byte[] buffer;
    private int position;
    private long bytesFlushed;
    private final FlushListener listener;
    private CopyIn target;

    /** Told after each buffer handed to the server, so callers can report progress (or tests can interfere). */
    interface FlushListener {
        void flushed(long bytesSoFar) throws SQLException;
    }

    BinaryCopyEncoder(int bufferBytes, FlushListener listener) {
        if (bufferBytes < 1024) {
            throw new IllegalArgumentException("bufferBytes must be >= 1024, was " + bufferBytes);
        }
        this.buffer = new byte[bufferBytes];
        this.listener = listener;
    }

    /** Starts a new COPY stream on {@code copyIn}: resets the buffer and writes the header. */
    void begin(CopyIn copyIn) {
        this.target = copyIn;
        this.position = 0;
        this.bytesFlushed = 0;
        System.arraycopy(SIGNATURE, 0, buffer, 0, SIGNATURE.length);
        position = SIGNATURE.length;
        putInt(0); // flags: no OIDs
        putInt(0); // header extension length
    }

    /** Starts a row of {@code fields} columns. */
    void startRow(int fields) throws SQLException {
        // The widest row we write is well under 128 bytes; text fields check their own room.
        ensure(256);
        putShort(fields);
    }

    void int4(int value) {
        putInt(4);
        putInt(value);
    }

    void int8(long value) {
        putInt(8);
        putLong(value);
    }

    void float4(float value) {
        putInt(4);
        putInt(Float.floatToRawIntBits(value));
    }

    void float8(double value) {
        putInt(8);
        putLong(Double.doubleToRawLongBits(value));
    }

    /** A {@code date} given as days since 1970-01-01. */
    void date(int epochDay) {
        putInt(4);
        putInt(epochDay - PG_EPOCH_OFFSET_DAYS);
    }

    /** A {@code timestamptz} given as microseconds since the Unix epoch. */
    void timestamp(long epochMicros) {
        putInt(8);
        putLong(epochMicros - PG_EPOCH_OFFSET_MICROS);
    }

    /** A {@code uuid} given as its two 64-bit halves. */
    void uuid(long mostSignificant, long leastSignificant) {
        putInt(16);
        putLong(mostSignificant);
        putLong(leastSignificant);
    }

    /** Encodes a text value once; write it with {@link #text(byte[])} on every row. */
    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    void text(byte[] utf8) throws SQLException {
        if (utf8.length > buffer.length - 64) {
            throw new IllegalArgumentException("text of " + utf8.length + " bytes exceeds the COPY buffer of "
                    + buffer.length + " bytes");
        }
        ensure(4 + utf8.length);
        putInt(utf8.length);
        System.arraycopy(utf8, 0, buffer, position, utf8.length);
        position += utf8.length;
    }

    /** Writes the trailer and flushes; the caller ends the COPY. */
    void finish() throws SQLException {
        ensure(2);
        putShort(-1);
        flush();
    }

    long bytesWritten() {
        return bytesFlushed + position;
    }

    private void ensure(int bytes) throws SQLException {
        if (buffer.length - position < bytes) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (position == 0) {
            return;
        }
        CopyIn copyIn = target;
        if (copyIn == null) {
            throw new IllegalStateException("begin(copyIn) was not called");
        }
        copyIn.writeToCopy(buffer, 0, position);
        bytesFlushed += position;
        position = 0;
        listener.flushed(bytesFlushed);
    }

    private void putShort(int v) {
        buffer[position++] = (byte) (v >>> 8);
        buffer[position++] = (byte) v;
    }

    private void putInt(int v) {
        buffer[position++] = (byte) (v >>> 24);
        buffer[position++] = (byte) (v >>> 16);
        buffer[position++] = (byte) (v >>> 8);
        buffer[position++] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }
}
