package dev.touchline.codec.gps;

import dev.touchline.codec.gps.internal.BlockDecoder;
import dev.touchline.codec.gps.internal.BlockIndex;
import dev.touchline.codec.gps.internal.ByteReader;
import dev.touchline.codec.gps.internal.HeaderCodec;
import dev.touchline.codec.gps.internal.Quantiser;
import dev.touchline.codec.gps.internal.RansTables;
import dev.touchline.sensor.GpsTrack;
import java.util.Arrays;

/**
 * Random access to a whole container in memory: the header and seek table are read and checked on opening;
 * {@link #seek} and {@link #decodeRange} decode only the blocks they need. Not thread-safe (it reuses a block
 * decoder); close it to free the native zstd context.
 */
public final class GpsFile implements AutoCloseable {
    private final byte[] bytes;
    private final GpsHeader header;
    private final BlockIndex index;
    private final boolean ordered;
    private final long fixCount;
    private final int maxFixes;
    private final BlockDecoder decoder;

    private GpsFile(byte[] bytes, GpsHeader header, @org.jspecify.annotations.Nullable RansTables tables,
                    BlockIndex index, int maxFixes) {
        this.bytes = bytes;
        this.header = header;
        this.index = index;
        this.ordered = index.ordered();
        long total = 0;
        for (int i = 0; i < index.size(); i++) {
            total += index.fixes(i);
        }
        this.fixCount = total;
        this.maxFixes = maxFixes;
        this.decoder = new BlockDecoder(header.speedColumn(), header.timeResolutionMicros(),
                HeaderCodec.maxTimeDelta(header), header.formatVersion(), tables);
    }

    static GpsFile open(byte[] bytes, int maxFixes) throws CorruptGpsDataException {
        ByteReader in = new ByteReader(bytes, 0, bytes.length);
        HeaderCodec.Parsed parsed = HeaderCodec.readFull(in);
        BlockIndex index = BlockIndex.read(bytes, in.position());
        return new GpsFile(bytes, parsed.header(), parsed.tables(), index, maxFixes);
    }

    /** The container's header. */
    public GpsHeader header() {
        return header;
    }

    /** Number of entropy blocks (each opens with a key frame and holds up to {@code windowsPerBlock} windows). */
    public int blockCount() {
        return index.size();
    }

    /** Number of fixes, from the seek table. */
    public long fixCount() {
        return fixCount;
    }

    /** Size of the container, bytes. */
    public int byteCount() {
        return bytes.length;
    }

    /** Key-frame time of block {@code i}, µs. */
    public long keyTimeMicros(int i) {
        return index.keyTime(i);
    }

    /** The block whose key-frame interval holds {@code timeMicros} (0 before the first key frame). */
    public int blockAt(long timeMicros) {
        if (ordered) {
            return index.blockAt(timeMicros);
        }
        int best = 0;
        for (int i = 0; i < index.size(); i++) {
            if (index.keyTime(i) <= timeMicros) {
                best = i;
            }
        }
        return best;
    }

    /** Decodes block {@code i} alone. */
    public GpsTrack decodeBlock(int i) throws CorruptGpsDataException {
        if (i < 0 || i >= index.size()) {
            throw new IndexOutOfBoundsException("block " + i + " of " + index.size());
        }
        decodeInto(i);
        return toTrack(0, decoder.count(), Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * The seek window (key-frame interval) that holds {@code timeMicros}, or the first one before the first fix:
     * decodes the one block that holds it and nothing else.
     */
    public GpsTrack seek(long timeMicros) throws CorruptGpsDataException {
        if (index.size() == 0) {
            return GpsTrack.empty();
        }
        int b = blockAt(timeMicros);
        int offset = index.offset(b);
        long interval = header.keyFrameIntervalMicros();
        // Stops after the window that holds timeMicros: a seek into a block's first window decodes only that one.
        int end = decoder.decodeForSeek(bytes, offset, offset + index.length(b), timeMicros, interval);
        if (end != offset + index.length(b) || decoder.count() > index.fixes(b)
                || decoder.time()[0] != index.keyTime(b)) {
            throw new CorruptGpsDataException(offset, "block " + b + " does not match its seek-table entry");
        }
        long[] t = decoder.time();
        int n = decoder.count();
        int from = 0;
        int to = n;
        long start = t[0];
        // Windows restart at the first fix a key-frame interval after the current window's start (the encoder's
        // rule), so they are found again from the decoded times.
        for (int i = 1; i < n; i++) {
            if (t[i] - start >= interval) {
                if (t[i] > timeMicros) {
                    to = i;
                    break;
                }
                from = i;
                start = t[i];
            }
        }
        return toTrack(from, to, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Fixes with {@code fromMicros <= time <= toMicros}, decoding only the blocks that can hold them. */
    public GpsTrack decodeRange(long fromMicros, long toMicros) throws CorruptGpsDataException {
        if (fromMicros > toMicros) {
            throw new IllegalArgumentException("fromMicros " + fromMicros + " > toMicros " + toMicros);
        }
        if (!ordered) {
            throw new CorruptGpsDataException(0, "key frames are not in time order; range decode needs order");
        }
        GpsTrack result = GpsTrack.empty();
        int first = blockAt(fromMicros);
        // A block may end at the very time stamp its successor starts with (equal times across an escape).
        while (first > 0 && index.keyTime(first) >= fromMicros) {
            first--;
        }
        for (int i = first; i < index.size() && index.keyTime(i) <= toMicros; i++) {
            decodeInto(i);
            result = result.concat(toTrack(0, decoder.count(), fromMicros, toMicros));
        }
        return result;
    }

    /** Every fix, checked against {@code maxFixes} before anything is allocated for them. */
    public GpsTrack decodeAll() throws CorruptGpsDataException {
        if (fixCount > maxFixes) {
            throw new CorruptGpsDataException(0, "container claims " + fixCount + " fixes, more than the limit "
                    + maxFixes);
        }
        // Grow with what actually decodes (each block passed its CRC and value checks) rather than trusting the
        // seek table's claim up front.
        int capacity = (int) Math.min(fixCount, 1 << 16);
        long[] t = new long[capacity];
        double[] la = new double[capacity];
        double[] lo = new double[capacity];
        float[] sp = new float[capacity];
        int at = 0;
        for (int b = 0; b < index.size(); b++) {
            decodeInto(b);
            int m = decoder.count();
            long[] bt = decoder.time();
            if (at > 0 && bt[0] < t[at - 1]) {
                throw new CorruptGpsDataException(index.offset(b), "time goes backwards at block " + b
                        + "; a GpsTrack cannot hold it (use GpsStreamDecoder)");
            }
            if (at + m > t.length) {
                int grown = (int) Math.min(fixCount, Math.max(at + m, 2L * t.length));
                t = Arrays.copyOf(t, grown);
                la = Arrays.copyOf(la, grown);
                lo = Arrays.copyOf(lo, grown);
                sp = Arrays.copyOf(sp, grown);
            }
            System.arraycopy(bt, 0, t, at, m);
            int[] bla = decoder.lat();
            int[] blo = decoder.lon();
            int[] bsp = decoder.speed();
            for (int i = 0; i < m; i++) {
                la[at + i] = Quantiser.degrees(bla[i]);
                lo[at + i] = Quantiser.degrees(blo[i]);
                sp[at + i] = Quantiser.metresPerSecond(bsp[i]);
            }
            at += m;
        }
        return GpsTrack.of(t, la, lo, sp);
    }

    private void decodeInto(int i) throws CorruptGpsDataException {
        int offset = index.offset(i);
        int end = decoder.decode(bytes, offset, offset + index.length(i));
        if (end != offset + index.length(i) || decoder.count() != index.fixes(i)
                || decoder.time()[0] != index.keyTime(i)) {
            throw new CorruptGpsDataException(offset, "block " + i + " does not match its seek-table entry");
        }
    }

    private GpsTrack toTrack(int from, int to, long fromMicros, long toMicros) {
        long[] bt = decoder.time();
        int lo = from;
        while (lo < to && bt[lo] < fromMicros) {
            lo++;
        }
        int hi = lo;
        while (hi < to && bt[hi] <= toMicros) {
            hi++;
        }
        int m = hi - lo;
        double[] la = new double[m];
        double[] ln = new double[m];
        float[] sp = new float[m];
        for (int i = 0; i < m; i++) {
            la[i] = Quantiser.degrees(decoder.lat()[lo + i]);
            ln[i] = Quantiser.degrees(decoder.lon()[lo + i]);
            sp[i] = Quantiser.metresPerSecond(decoder.speed()[lo + i]);
        }
        return GpsTrack.of(Arrays.copyOfRange(bt, lo, hi), la, ln, sp);
    }

    @Override
    public void close() {
        decoder.close();
    }
}
