package dev.touchline.codec.gps.internal;

import dev.touchline.codec.gps.CorruptGpsDataException;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The seek table at the end of a container: per block its key-frame time, byte length and fix count. Written by
 * the encoder as blocks are flushed; read back with every entry checked against the container's size.
 */
public final class BlockIndex {
    /** Bytes after the index: index offset (u32) and end magic (u32). */
    public static final int TRAILER_BYTES = 8;

    private long[] keyTime;
    private int[] length;
    private int[] fixes;
    private int[] offset;
    private int size;

    /** An empty index. */
    public BlockIndex() {
        this(16);
    }

    private BlockIndex(int capacity) {
        keyTime = new long[capacity];
        length = new int[capacity];
        fixes = new int[capacity];
        offset = new int[capacity];
    }

    /** Records a block. */
    public void add(long keyTimeMicros, int blockOffset, int blockLength, int fixCount) {
        if (size == keyTime.length) {
            int capacity = size * 2;
            keyTime = Arrays.copyOf(keyTime, capacity);
            length = Arrays.copyOf(length, capacity);
            fixes = Arrays.copyOf(fixes, capacity);
            offset = Arrays.copyOf(offset, capacity);
        }
        keyTime[size] = keyTimeMicros;
        offset[size] = blockOffset;
        length[size] = blockLength;
        fixes[size] = fixCount;
        size++;
    }

    /** Number of blocks. */
    public int size() {
        return size;
    }

    /** Key-frame time of block {@code i}, µs. */
    public long keyTime(int i) {
        return keyTime[i];
    }

    /** Byte offset of block {@code i} from the start of the container. */
    public int offset(int i) {
        return offset[i];
    }

    /** Byte length of block {@code i}. */
    public int length(int i) {
        return length[i];
    }

    /** Fix count of block {@code i}. */
    public int fixes(int i) {
        return fixes[i];
    }

    /** Whether key-frame times never decrease (so that a binary search is valid). */
    public boolean ordered() {
        for (int i = 1; i < size; i++) {
            if (keyTime[i] < keyTime[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The last block whose key frame is at or before {@code timeMicros} (0 when the time is before the first),
     * by binary search on an ordered index.
     */
    public int blockAt(long timeMicros) {
        int lo = 0;
        int hi = size - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (keyTime[mid] <= timeMicros) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Appends the index and the trailer; {@code indexOffset} is where the marker byte goes. */
    public void write(ByteSink out, int indexOffset) {
        int start = out.size();
        out.write(Format.INDEX_MARKER);
        out.writeVarLong(size);
        long previous = 0;
        for (int i = 0; i < size; i++) {
            long step = keyTime[i] - previous;
            out.writeVarLong((step << 1) ^ (step >> 63));
            out.writeVarLong(length[i]);
            out.writeVarLong(fixes[i]);
            previous = keyTime[i];
        }
        CRC32C crc = new CRC32C();
        crc.update(out.array(), start, out.size() - start);
        out.writeIntLE((int) crc.getValue());
        out.writeIntLE(indexOffset);
        out.writeIntLE(Format.END_MAGIC);
    }

    /**
     * Reads the index of a whole container; {@code blocksStart} is the offset just after the header.
     *
     * @return the index, with block offsets filled in and checked to tile {@code [blocksStart, indexOffset)}
     */
    public static BlockIndex read(byte[] bytes, int blocksStart) throws CorruptGpsDataException {
        int trailerAt = bytes.length - TRAILER_BYTES;
        if (trailerAt < blocksStart) {
            throw new CorruptGpsDataException(bytes.length, "truncated: no room for the block index trailer");
        }
        ByteReader trailer = new ByteReader(bytes, trailerAt, bytes.length);
        int indexOffset = trailer.readIntLE("index offset");
        int end = trailer.readIntLE("end magic");
        if (end != Format.END_MAGIC) {
            throw new CorruptGpsDataException(trailerAt + 4, "no end magic: the container is truncated or was "
                    + "not finished");
        }
        if (indexOffset < blocksStart || indexOffset >= trailerAt) {
            throw new CorruptGpsDataException(trailerAt, "index offset " + indexOffset + " outside ["
                    + blocksStart + ", " + trailerAt + ")");
        }
        ByteReader in = new ByteReader(bytes, indexOffset, trailerAt);
        if (in.readByte("index marker") != Format.INDEX_MARKER) {
            throw new CorruptGpsDataException(indexOffset, "no index marker");
        }
        // Every entry takes at least 3 bytes, so the claimed count is bounded by the bytes present.
        int count = (int) in.readVarLong(in.remaining() / 3, "block count");
        BlockIndex index = new BlockIndex(Math.max(1, count));
        long previous = 0;
        long position = blocksStart;
        for (int i = 0; i < count; i++) {
            int entryAt = in.position();
            long zigzag = in.readVarLong(Long.MAX_VALUE, "key time step");
            long step = (zigzag >>> 1) ^ -(zigzag & 1);
            long key = previous + step;
            if (key > Format.MAX_ABS_TIME_MICROS || key < -Format.MAX_ABS_TIME_MICROS) {
                throw new CorruptGpsDataException(entryAt, "key time " + key + " µs out of range");
            }
            int blockLength = (int) in.readVarLong(indexOffset, "block length");
            int fixCount = (int) in.readVarLong(Format.MAX_BLOCK_FIXES, "block fix count");
            if (fixCount == 0 || blockLength < Format.BLOCK_FIXED_BYTES + 2) {
                throw new CorruptGpsDataException(entryAt, "block " + i + " has " + fixCount + " fixes in "
                        + blockLength + " bytes");
            }
            index.add(key, (int) position, blockLength, fixCount);
            position += blockLength;
            if (position > indexOffset) {
                throw new CorruptGpsDataException(entryAt, "block " + i + " runs past the index");
            }
            previous = key;
        }
        if (position != indexOffset) {
            throw new CorruptGpsDataException(indexOffset, "blocks end at byte " + position
                    + " but the index starts at " + indexOffset);
        }
        int crcAt = in.position();
        int stored = in.readIntLE("index CRC32C");
        CRC32C crc = new CRC32C();
        crc.update(bytes, indexOffset, crcAt - indexOffset);
        if ((int) crc.getValue() != stored) {
            throw new CorruptGpsDataException(crcAt, "index CRC32C mismatch");
        }
        if (in.remaining() != 0) {
            throw new CorruptGpsDataException(in.position(), in.remaining() + " stray bytes after the index");
        }
        return index;
    }
}
