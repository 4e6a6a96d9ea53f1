package dev.touchline.codec.gps.internal;

import dev.touchline.codec.gps.CorruptGpsDataException;

/** Bounds-checked little-endian reads over a slice of a byte array; every failure names the offset. */
public final class ByteReader {
    private final byte[] bytes;
    private int position;
    private final int limit;

    /** A reader of {@code bytes[position, limit)}. */
    public ByteReader(byte[] bytes, int position, int limit) {
        this.bytes = bytes;
        this.position = position;
        this.limit = limit;
    }

    /** The array read from. Not a copy. */
    public byte[] bytes() {
        return bytes;
    }

    /** Offset of the next byte. */
    public int position() {
        return position;
    }

    /** Bytes left before the limit. */
    public int remaining() {
        return limit - position;
    }

    private void need(int count, String what) throws CorruptGpsDataException {
        if (count > limit - position) {
            throw new CorruptGpsDataException(position, "truncated: " + what + " needs " + count + " bytes, "
                    + (limit - position) + " left");
        }
    }

    /** Skips {@code count} bytes. */
    public void skip(int count, String what) throws CorruptGpsDataException {
        need(count, what);
        position += count;
    }

    /** One unsigned byte. */
    public int readByte(String what) throws CorruptGpsDataException {
        need(1, what);
        return bytes[position++] & 0xFF;
    }

    /** A 32-bit little-endian value. */
    public int readIntLE(String what) throws CorruptGpsDataException {
        need(4, what);
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v |= (bytes[position + i] & 0xFF) << (8 * i);
        }
        position += 4;
        return v;
    }

    /** A 64-bit little-endian value. */
    public long readLongLE(String what) throws CorruptGpsDataException {
        need(8, what);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (bytes[position + i] & 0xFFL) << (8 * i);
        }
        position += 8;
        return v;
    }

    /** An unsigned LEB128 varint of at most 10 bytes whose value is at most {@code max}. */
    public long readVarLong(long max, String what) throws CorruptGpsDataException {
        int start = position;
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte(what);
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (v < 0 || v > max || (shift == 63 && b > 1)) {
                    throw new CorruptGpsDataException(start, what + " is " + Long.toUnsignedString(v)
                            + ", allowed 0.." + max);
                }
                return v;
            }
        }
        throw new CorruptGpsDataException(start, what + ": varint longer than 10 bytes");
    }
}
