package dev.touchline.codec.gps;

import dev.touchline.codec.gps.internal.BlockDecoder;
import dev.touchline.codec.gps.internal.ByteReader;
import dev.touchline.codec.gps.internal.Format;
import dev.touchline.codec.gps.internal.HeaderCodec;
import dev.touchline.codec.gps.internal.Quantiser;
import dev.touchline.codec.gps.internal.RansTables;
import dev.touchline.sensor.GpsTrack;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a container block by block from a stream, holding one block at a time (at most
 * {@value #MAX_PAYLOAD_BYTES} payload bytes are buffered, whatever a length field claims). Stops at the seek
 * table, whose entries are checked against the blocks read. Not thread-safe; closing it closes the stream.
 */
public final class GpsStreamDecoder implements AutoCloseable {
    /** Largest block payload accepted, bytes (the encoder's worst case is well below). */
    public static final int MAX_PAYLOAD_BYTES = 1 << 21;

    private final InputStream in;
    private final GpsHeader header;
    private final BlockDecoder decoder;
    private byte[] buffer = new byte[4096];
    private long position;
    private boolean ended;
    private long[] keyTimes = new long[16];
    private int blocks;

    GpsStreamDecoder(InputStream in) throws IOException {
        this.in = in;
        int length = 0;
        // The header has variable length; read its fixed prefix, then as much as the flags say.
        length = fill(length, 4 + 1 + 1, "header");
        int version = buffer[4] & 0xFF;
        int flags = buffer[5] & 0xFF;
        for (int v = 0; v < 3; v++) {
            do {
                length = fill(length, 1, "header");
            } while ((buffer[length - 1] & 0x80) != 0 && length < HeaderCodec.MAX_HEADER_BYTES);
            if (v == 1 && version >= 2) {
                length = fill(length, 1, "windows per block");
            }
        }
        length = fill(length, 2, "header");
        if ((flags & Format.FLAG_PLAYER) != 0) {
            length = fill(length, 16, "player id");
        }
        if ((flags & Format.FLAG_DEVICE) != 0) {
            length = fill(length, 1, "device serial length");
            length = fill(length, buffer[length - 1] & 0xFF, "device serial");
        }
        if (version >= Format.VERSION_3) {
            length = fill(length, 1, "table kind");
            if ((buffer[length - 1] & 0xFF) == HeaderCodec.TABLES_IN_HEADER) {
                int lengthAt = length;
                length = readVarint(length);
                long tables = new ByteReader(buffer, lengthAt, length).readVarLong(RansTables.MAX_SERIALISED_BYTES,
                        "table length");
                length = fill(length, (int) tables, "tables");
            }
        }
        length = fill(length, 4, "header CRC32C");
        ByteReader reader = new ByteReader(buffer, 0, length);
        HeaderCodec.Parsed parsed = HeaderCodec.readFull(reader);
        this.header = parsed.header();
        this.position = length;
        this.decoder = new BlockDecoder(header.speedColumn(), header.timeResolutionMicros(),
                HeaderCodec.maxTimeDelta(header), header.formatVersion(), parsed.tables());
    }

    /** Reads {@code count} more bytes into the buffer at {@code length}; returns the new length. */
    private int fill(int length, int count, String what) throws IOException {
        if (buffer.length < length + count) {
            buffer = Arrays.copyOf(buffer, Math.max(length + count, buffer.length * 2));
        }
        int got = in.readNBytes(buffer, length, count);
        if (got < count) {
            throw new CorruptGpsDataException(position + length + got, "truncated: " + what + " needs "
                    + count + " bytes");
        }
        return length + count;
    }

    /** The container's header. */
    public GpsHeader header() {
        return header;
    }

    /** Byte offset of the next unread byte from the start of the container. */
    public long position() {
        return position;
    }

    /**
     * The next block's fixes, or an empty track once the seek table has been reached (and checked).
     *
     * @throws CorruptGpsDataException naming the stream offset of the failing structure
     */
    public GpsTrack nextBlock() throws IOException {
        if (ended || !readBlock()) {
            return GpsTrack.empty();
        }
        int n = decoder.count();
        double[] la = new double[n];
        double[] lo = new double[n];
        float[] sp = new float[n];
        for (int i = 0; i < n; i++) {
            la[i] = Quantiser.degrees(decoder.lat()[i]);
            lo[i] = Quantiser.degrees(decoder.lon()[i]);
            sp[i] = Quantiser.metresPerSecond(decoder.speed()[i]);
        }
        try {
            return GpsTrack.of(Arrays.copyOf(decoder.time(), n), la, lo, sp);
        } catch (IllegalArgumentException e) {
            throw new CorruptGpsDataException(position, "block does not form a track: " + e.getMessage(), e);
        }
    }

    /**
     * Decodes the next block into this decoder's columns; false at the seek table.
     *
     * @return whether a block was read
     */
    private boolean readBlock() throws IOException {
        long start = position;
        int length = fill(0, 1, "block mode or index marker");
        if ((buffer[0] & 0xFF) == Format.INDEX_MARKER) {
            readIndex(start);
            return false;
        }
        length = readVarint(length);
        length = fill(length, 8 + 4 + 4 + 4 + 1, "key frame");
        int lengthAt = length;
        length = readVarint(length);
        long payload;
        try {
            payload = new ByteReader(buffer, lengthAt, length).readVarLong(MAX_PAYLOAD_BYTES, "payload length");
        } catch (CorruptGpsDataException e) {
            throw e.shifted(start);
        }
        length = fill(length, (int) payload + 4, "block payload and CRC32C");
        try {
            decoder.decode(buffer, 0, length);
        } catch (CorruptGpsDataException e) {
            throw e.shifted(start);
        }
        if (blocks == keyTimes.length) {
            keyTimes = Arrays.copyOf(keyTimes, blocks * 2);
        }
        keyTimes[blocks++] = decoder.time()[0];
        position = start + length;
        return true;
    }

    private int readVarint(int length) throws IOException {
        int start = length;
        do {
            length = fill(length, 1, "varint");
            if (length - start > 10) {
                throw new CorruptGpsDataException(position + start, "varint longer than 10 bytes");
            }
        } while ((buffer[length - 1] & 0x80) != 0);
        return length;
    }

    private void readIndex(long start) throws IOException {
        ended = true;
        int length = readVarint(1);
        long count;
        try {
            count = new ByteReader(buffer, 1, length).readVarLong(Long.MAX_VALUE, "block count");
        } catch (CorruptGpsDataException e) {
            throw e.shifted(start);
        }
        if (count != blocks) {
            throw new CorruptGpsDataException(start + 1, "seek table lists " + count + " blocks, stream held "
                    + blocks);
        }
        long previous = 0;
        for (int i = 0; i < blocks; i++) {
            int at = length;
            length = readVarint(length);
            length = readVarint(length);
            length = readVarint(length);
            try {
                ByteReader r = new ByteReader(buffer, at, length);
                long zigzag = r.readVarLong(Long.MAX_VALUE, "key time step");
                long key = previous + ((zigzag >>> 1) ^ -(zigzag & 1));
                if (key != keyTimes[i]) {
                    throw new CorruptGpsDataException(at, "seek table key time of block " + i + " is " + key
                            + " µs, the block says " + keyTimes[i]);
                }
                previous = key;
            } catch (CorruptGpsDataException e) {
                throw e.shifted(start);
            }
        }
        fill(length, 4 + 8, "index CRC32C and trailer");
        position = start + length + 12;
    }

    /** Closes the input stream. */
    @Override
    public void close() throws IOException {
        decoder.close();
        in.close();
    }
}
