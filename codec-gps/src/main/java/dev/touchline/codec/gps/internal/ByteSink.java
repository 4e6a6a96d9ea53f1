package dev.touchline.codec.gps.internal;

import java.util.Arrays;

/** A growable little-endian byte buffer; reused across blocks so that encoding allocates only while it grows. */
public final class ByteSink {
    private byte[] bytes;
    private int size;

    /** A sink with room for {@code capacity} bytes before it grows. */
    public ByteSink(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    /** Forgets the content, keeping the storage. */
    public void reset() {
        size = 0;
    }

    /** Number of bytes written since the last reset. */
    public int size() {
        return size;
    }

    /** The backing array; bytes {@code [0, size())} are valid. Not a copy. */
    public byte[] array() {
        return bytes;
    }

    /** A copy of the content. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** Makes room for {@code extra} more bytes. */
    public void ensure(int extra) {
        int need = size + extra;
        if (need < 0) {
            throw new IllegalStateException("buffer larger than 2 GiB");
        }
        if (need > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(need, bytes.length + (bytes.length >> 1)));
        }
    }

    /** Marks {@code count} bytes written directly into {@link #array()} after {@link #ensure} as content. */
    public void advance(int count) {
        if (count < 0 || size + count > bytes.length) {
            throw new IllegalArgumentException("advance by " + count + " beyond capacity " + bytes.length);
        }
        size += count;
    }

    /** Appends one byte. */
    public void write(int b) {
        if (size == bytes.length) {
            ensure(1);
        }
        bytes[size++] = (byte) b;
    }

    /** Appends {@code length} bytes of {@code src} from {@code offset}. */
    public void write(byte[] src, int offset, int length) {
        ensure(length);
        System.arraycopy(src, offset, bytes, size, length);
        size += length;
    }

    /** Appends a 16-bit little-endian value. */
    public void writeShortLE(int v) {
        ensure(2);
        bytes[size] = (byte) v;
        bytes[size + 1] = (byte) (v >>> 8);
        size += 2;
    }

    /** Appends a 32-bit little-endian value. */
    public void writeIntLE(int v) {
        ensure(4);
        for (int i = 0; i < 4; i++) {
            bytes[size + i] = (byte) (v >>> (8 * i));
        }
        size += 4;
    }

    /** Appends a 64-bit little-endian value. */
    public void writeLongLE(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            bytes[size + i] = (byte) (v >>> (8 * i));
        }
        size += 8;
    }

    /** Appends an unsigned LEB128 varint (7 bits per byte, low group first). */
    public void writeVarLong(long v) {
        while ((v & ~0x7FL) != 0) {
            write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        write((int) v);
    }

    /** Overwrites 4 bytes at {@code position} with a little-endian value. */
    public void putIntLE(int position, int v) {
        for (int i = 0; i < 4; i++) {
            bytes[position + i] = (byte) (v >>> (8 * i));
        }
    }
}
