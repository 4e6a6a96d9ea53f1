package dev.touchline.codec.gps.internal;

import com.github.luben.zstd.ZstdDecompressCtx;
import dev.touchline.codec.gps.CorruptGpsDataException;
import java.util.zip.CRC32C;

/**
 * Reads one block into quantised columns held by this object (at most {@link Format#MAX_BLOCK_FIXES} fixes, so
 * its scratch space is bounded whatever the input claims). Checks the CRC32C before decoding, then every decoded
 * delta and value against the bounds the encoder guarantees. Not thread-safe; close it to free the zstd context.
 */
public final class BlockDecoder implements AutoCloseable {
    private final int columns;
    private final long resolutionMicros;
    private final int maxTimeDelta;
    private final ResidualModel[] models = new ResidualModel[4];
    private final RangeDecoder coder = new RangeDecoder();
    private final CRC32C crc = new CRC32C();
    /** Version 2's time context; null in version 1. */
    private final TimePhase phase;
    /** Version 3's tables; null before version 3. */
    private final RansTables tables;
    private final int[] columnOrder = new int[4];
    private final int[] constant = new int[4];

    private long[] time = new long[256];
    private int[] lat = new int[256];
    private int[] lon = new int[256];
    private int[] speed = new int[256];
    private byte[] raw = new byte[0];
    private int count;
    private ZstdDecompressCtx zstd;

    /**
     * @param speedColumn whether blocks store the speed column
     * @param resolutionMicros time quantum, µs
     * @param maxTimeDelta largest time delta between neighbouring fixes, in resolution units
     */
    public BlockDecoder(boolean speedColumn, long resolutionMicros, int maxTimeDelta, int formatVersion) {
        this(speedColumn, resolutionMicros, maxTimeDelta, formatVersion, null);
    }

    /**
     * @param speedColumn whether blocks store the speed column
     * @param resolutionMicros time quantum, µs
     * @param maxTimeDelta largest time delta between neighbouring fixes, in resolution units
     * @param formatVersion the container's format version
     * @param tables version 3's token tables (null before version 3)
     */
    public BlockDecoder(boolean speedColumn, long resolutionMicros, int maxTimeDelta, int formatVersion,
                        @org.jspecify.annotations.Nullable RansTables tables) {
        if (formatVersion >= Format.VERSION_3 && tables == null) {
            throw new IllegalArgumentException("format version 3 needs tables");
        }
        this.tables = formatVersion >= Format.VERSION_3 ? tables : null;
        this.phase = formatVersion >= 2 ? new TimePhase() : null;
        this.columns = speedColumn ? 4 : 3;
        this.resolutionMicros = resolutionMicros;
        this.maxTimeDelta = maxTimeDelta;
        for (int c = 0; c < 4; c++) {
            models[c] = new ResidualModel();
        }
    }

    /** Fixes in the last block decoded. */
    public int count() {
        return count;
    }

    /** Time stamps of the last block, µs; valid in {@code [0, count())}. Not a copy. */
    public long[] time() {
        return time;
    }

    /** Latitudes of the last block, micro-degrees. Not a copy. */
    public int[] lat() {
        return lat;
    }

    /** Longitudes of the last block, micro-degrees. Not a copy. */
    public int[] lon() {
        return lon;
    }

    /** Speeds of the last block, 0.01 m/s or {@link Format#SPEED_UNKNOWN}. Not a copy. */
    public int[] speed() {
        return speed;
    }

    /**
     * Reads the key frame and fix count of the block at {@code offset} without decoding it.
     *
     * @return the key frame time, µs
     */
    public long peekKeyTime(byte[] bytes, int offset, int limit) throws CorruptGpsDataException {
        ByteReader in = new ByteReader(bytes, offset, limit);
        in.readByte("block mode");
        in.readVarLong(Format.MAX_BLOCK_FIXES, "block fix count");
        return in.readLongLE("key frame time");
    }

    /**
     * Decodes the block that starts at {@code offset} (its mode byte) and ends before {@code limit}.
     *
     * @return the offset just after the block
     */
    public int decode(byte[] bytes, int offset, int limit) throws CorruptGpsDataException {
        return decode(bytes, offset, limit, Long.MAX_VALUE, 0);
    }

    /**
     * Decodes the block at {@code offset} as far as a seek needs: up to (not including) the first fix after
     * {@code stopAfterMicros} that opens a new seek window of {@code windowMicros} (a window opens at the block's
     * first fix and at every fix that far or more after the current window's start). Model-coded blocks stop there;
     * zstd blocks decode whole. The block's CRC is checked in full either way; {@link #count()} says how many fixes
     * were decoded.
     *
     * @return the offset just after the block
     */
    public int decodeForSeek(byte[] bytes, int offset, int limit, long stopAfterMicros, long windowMicros)
            throws CorruptGpsDataException {
        return decode(bytes, offset, limit, stopAfterMicros, windowMicros);
    }

    private int decode(byte[] bytes, int offset, int limit, long stopAfterMicros, long windowMicros)
            throws CorruptGpsDataException {
        ByteReader in = new ByteReader(bytes, offset, limit);
        int mode = in.readByte("block mode");
        if (mode > Format.MODE_XOR_ZSTD) {
            throw new CorruptGpsDataException(offset, "unknown block mode " + mode);
        }
        int n = (int) in.readVarLong(Format.MAX_BLOCK_FIXES, "block fix count");
        if (n == 0) {
            throw new CorruptGpsDataException(offset, "block with no fixes");
        }
        int keyAt = in.position();
        long t0 = in.readLongLE("key frame time");
        int lat0 = in.readIntLE("key frame latitude");
        int lon0 = in.readIntLE("key frame longitude");
        int speed0 = in.readIntLE("key frame speed");
        if (t0 > Format.MAX_ABS_TIME_MICROS || t0 < -Format.MAX_ABS_TIME_MICROS || t0 % resolutionMicros != 0) {
            throw new CorruptGpsDataException(keyAt, "key frame time " + t0 + " µs out of range or not a multiple of "
                    + resolutionMicros + " µs");
        }
        checkValues(keyAt, lat0, lon0, speed0);
        int ordersAt = in.position();
        int orders = in.readByte("column orders");
        int payloadLength = (int) in.readVarLong(Integer.MAX_VALUE, "payload length");
        int payloadAt = in.position();
        in.skip(payloadLength, "block payload");
        int crcAt = in.position();
        int stored = in.readIntLE("block CRC32C");
        crc.reset();
        crc.update(bytes, offset, crcAt - offset);
        if ((int) crc.getValue() != stored) {
            throw new CorruptGpsDataException(crcAt, "block CRC32C mismatch (block starts at byte " + offset + ")");
        }
        ensure(n);
        time[0] = t0;
        lat[0] = lat0;
        lon[0] = lon0;
        speed[0] = speed0;
        count = n;
        if (mode == Format.MODE_MODEL && tables != null) {
            count = decodeRans(bytes, payloadAt, payloadLength, n, orders, ordersAt, stopAfterMicros, windowMicros);
        } else if (mode == Format.MODE_MODEL) {
            count = decodeModel(bytes, payloadAt, payloadLength, n, orders, ordersAt, stopAfterMicros, windowMicros);
        } else {
            if (orders != 0) {
                throw new CorruptGpsDataException(ordersAt, "column orders " + orders + " in a zstd block");
            }
            decodeZstd(bytes, payloadAt, payloadLength, n, mode == Format.MODE_XOR_ZSTD);
        }
        return in.position();
    }

    private void ensure(int n) {
        if (time.length < n) {
            int capacity = Math.max(n, Math.min(Format.MAX_BLOCK_FIXES, time.length * 2));
            time = new long[capacity];
            lat = new int[capacity];
            lon = new int[capacity];
            speed = new int[capacity];
        }
    }

    private void checkValues(int at, int la, int lo, int sp) throws CorruptGpsDataException {
        if (la < -Format.MAX_LAT || la > Format.MAX_LAT || lo < -Format.MAX_LON || lo > Format.MAX_LON
                || sp < Format.SPEED_UNKNOWN || (columns == 3 && sp != Format.SPEED_UNKNOWN)) {
            throw new CorruptGpsDataException(at, "fix out of range: lat " + la + " µdeg, lon " + lo
                    + " µdeg, speed " + sp + " cm/s");
        }
    }

    /** Decodes the model-coded fixes 1..n−1, or fewer for a seek (see decodeForSeek); returns the count. */
    private int decodeModel(byte[] bytes, int at, int length, int n, int orders, int ordersAt, long stopAfterMicros,
                            long windowMicros) throws CorruptGpsDataException {
        int[] order = new int[4];
        for (int c = 0; c < 4; c++) {
            order[c] = (orders >>> (2 * c)) & 3;
            boolean valid = c < columns ? order[c] == 1 || order[c] == 2 : order[c] == 0;
            if (!valid) {
                throw new CorruptGpsDataException(ordersAt, "column orders byte " + orders + " is invalid");
            }
        }
        if (n == 1) {
            if (length != 0) {
                throw new CorruptGpsDataException(at, "payload of a one-fix block is not empty");
            }
            return 1;
        }
        for (int c = 0; c < columns; c++) {
            models[c].reset();
        }
        long windowStart = time[0];
        if (phase != null) {
            phase.reset();
        }
        coder.start(bytes, at, length);
        int rt = 0;
        int rla = 0;
        int rlo = 0;
        int rsp = 0;
        int dt = 0;
        int dla = 0;
        int dlo = 0;
        int dsp = 0;
        for (int i = 1; i < n; i++) {
            rt = models[0].decode(coder, rt, phase != null ? phase.context() : 0);
            int newLat = models[1].decode(coder, rla, rlo);
            rlo = models[2].decode(coder, rlo, newLat);
            rla = newLat;
            dt = order[0] == 1 ? rt : dt + rt;
            if (phase != null) {
                phase.observe(dt);
            }
            dla = order[1] == 1 ? rla : dla + rla;
            dlo = order[2] == 1 ? rlo : dlo + rlo;
            if (columns == 4) {
                rsp = models[3].decode(coder, rsp, rlo);
                dsp = order[3] == 1 ? rsp : dsp + rsp;
            }
            store(at, i, dt, dla, dlo, dsp);
            if (windowMicros > 0 && time[i] - windowStart >= windowMicros) {
                if (time[i] > stopAfterMicros) {
                    return i;
                }
                windowStart = time[i];
            }
        }
        if (coder.overran()) {
            throw new CorruptGpsDataException(at, "range-coded payload ends early");
        }
        return n;
    }

    /**
     * Version 3: decodes the rANS-coded fixes 1..n−1, or fewer for a seek; returns the count. The loop keeps the
     * coder, the bit reader and every column's state in locals and writes the four token steps out (no per-token
     * calls or arrays), because this is the codec's hottest loop.
     */
    private int decodeRans(byte[] bytes, int at, int length, int n, int orders, int ordersAt, long stopAfterMicros,
                           long windowMicros) throws CorruptGpsDataException {
        int[] ord = columnOrder;
        for (int c = 0; c < 4; c++) {
            ord[c] = (orders >>> (2 * c)) & 3;
            if (c < columns ? ord[c] == 0 : ord[c] != 0) {
                throw new CorruptGpsDataException(ordersAt, "column orders byte " + orders + " is invalid");
            }
        }
        if (n == 1) {
            if (length != 0) {
                throw new CorruptGpsDataException(at, "payload of a one-fix block is not empty");
            }
            return 1;
        }
        ByteReader in = new ByteReader(bytes, at, at + length);
        for (int c = 0; c < 4; c++) {
            constant[c] = 0;
            if (c < columns && ord[c] == RansBlockWriter.ORDER_CONSTANT) {
                long z = in.readVarLong(2L * Format.MAX_DELTA, "constant delta");
                constant[c] = (int) ((z >>> 1) ^ -(z & 1));
            }
        }
        int ransAt = in.position();
        int ransLength = (int) in.readVarLong(in.remaining(), "rANS length");
        if (ransLength < 4 || (ransLength & 1) != 0) {
            throw new CorruptGpsDataException(ransAt, "rANS length " + ransLength + " is not 4 + 2k bytes");
        }
        int p = in.position();
        final int rEnd = p + ransLength;
        int q = rEnd;
        final int qEnd = at + length;
        long x = (bytes[p] & 0xFFL) | (bytes[p + 1] & 0xFFL) << 8 | (bytes[p + 2] & 0xFFL) << 16
                | (bytes[p + 3] & 0xFFL) << 24;
        p += 4;
        boolean overran = false;
        long bitBuf = 0;
        int bitCount = 0;
        final int[] dec = tables.decode;
        final int[] base = tables.base;
        final int[] tokenInfo = RansTables.TOKEN_INFO;
        final int mask = RansTables.TOTAL - 1;
        final int pb = RansTables.PROB_BITS;
        final long low = RansBlockWriter.STATE_LOW;
        final int cc = RansTables.CROSS_CLASSES;
        final int latBase = RansTables.COLUMN_CONTEXTS;
        final int lonBase = 2 * RansTables.COLUMN_CONTEXTS;
        final int speedBase = 3 * RansTables.COLUMN_CONTEXTS;
        final boolean timeCoded = ord[0] != RansBlockWriter.ORDER_CONSTANT;
        final boolean latCoded = ord[1] != RansBlockWriter.ORDER_CONSTANT;
        final boolean lonCoded = ord[2] != RansBlockWriter.ORDER_CONSTANT;
        final boolean speedCoded = columns == 4 && ord[3] != RansBlockWriter.ORDER_CONSTANT;
        final boolean timeRelative = ord[0] == 2;
        final boolean latSecond = ord[1] == 2;
        final boolean lonSecond = ord[2] == 2;
        final boolean speedSecond = ord[3] == 2;
        // Per column: the latest delta and the context classes of the latest residual (a constant column's
        // residual is its delta).
        int dt = constant[0];
        int dla = constant[1];
        int dlo = constant[2];
        int dsp = constant[3];
        int info0 = tokenInfo[RansTables.token(dt)];
        int pcT = (info0 >>> 13) & 7;
        int info1 = tokenInfo[RansTables.token(dla)];
        int pcLa = (info1 >>> 13) & 7;
        int ccLa = (info1 >>> 16) & 3;
        int info2 = tokenInfo[RansTables.token(dlo)];
        int pcLo = (info2 >>> 13) & 7;
        int ccLo = (info2 >>> 16) & 3;
        int pcSp = (tokenInfo[RansTables.token(dsp)] >>> 13) & 7;
        // Time phase (see TimePhase), inline.
        int normal = 0;
        int since = 0;
        long t = time[0];
        int la = lat[0];
        int lo = lon[0];
        int sp = speed[0];
        final long resolution = resolutionMicros;
        final int maxDt = maxTimeDelta;
        long windowStart = t;
        for (int i = 1; i < n; i++) {
            if (timeCoded) {
                int phaseClass = since <= 5 ? 0 : since == 6 ? 1 : since == 7 ? 2 : 3;
                int e = dec[base[pcT * cc + phaseClass] + (int) (x & mask)];
                x = ((e >>> 7) & 0xFFF) * (x >>> pb) + (e >>> 19);
                if (x < low) {
                    if (p + 2 <= rEnd) {
                        x = x << 16 | (bytes[p] & 0xFF) | (bytes[p + 1] & 0xFF) << 8;
                        p += 2;
                    } else {
                        overran = true;
                        x = x << 16;
                    }
                }
                int info = tokenInfo[e & 127];
                int extra = (info >>> 8) & 31;
                if (bitCount < extra) {
                    while (bitCount <= 56) {
                        bitBuf |= (long) (q < qEnd ? bytes[q] & 0xFF : 0) << bitCount;
                        bitCount += 8;
                        q++;
                    }
                }
                int magnitude = (info & 0xFF) << extra | (int) (bitBuf & ((1L << extra) - 1));
                bitBuf >>>= extra;
                bitCount -= extra;
                int v = info < 0 ? -magnitude : magnitude;
                pcT = (info >>> 13) & 7;
                dt = timeRelative ? normal + v : v;
                if (normal > 0 && dt > normal + (normal >> 1)) {
                    since = 0;
                } else {
                    normal = dt;
                    since = Math.min(since + 1, 64);
                }
            }
            if (latCoded) {
                int e = dec[base[latBase + pcLa * cc + ccLo] + (int) (x & mask)];
                x = ((e >>> 7) & 0xFFF) * (x >>> pb) + (e >>> 19);
                if (x < low) {
                    if (p + 2 <= rEnd) {
                        x = x << 16 | (bytes[p] & 0xFF) | (bytes[p + 1] & 0xFF) << 8;
                        p += 2;
                    } else {
                        overran = true;
                        x = x << 16;
                    }
                }
                int info = tokenInfo[e & 127];
                int extra = (info >>> 8) & 31;
                if (bitCount < extra) {
                    while (bitCount <= 56) {
                        bitBuf |= (long) (q < qEnd ? bytes[q] & 0xFF : 0) << bitCount;
                        bitCount += 8;
                        q++;
                    }
                }
                int magnitude = (info & 0xFF) << extra | (int) (bitBuf & ((1L << extra) - 1));
                bitBuf >>>= extra;
                bitCount -= extra;
                int v = info < 0 ? -magnitude : magnitude;
                pcLa = (info >>> 13) & 7;
                ccLa = (info >>> 16) & 3;
                dla = latSecond ? dla + v : v;
            }
            if (lonCoded) {
                int e = dec[base[lonBase + pcLo * cc + ccLa] + (int) (x & mask)];
                x = ((e >>> 7) & 0xFFF) * (x >>> pb) + (e >>> 19);
                if (x < low) {
                    if (p + 2 <= rEnd) {
                        x = x << 16 | (bytes[p] & 0xFF) | (bytes[p + 1] & 0xFF) << 8;
                        p += 2;
                    } else {
                        overran = true;
                        x = x << 16;
                    }
                }
                int info = tokenInfo[e & 127];
                int extra = (info >>> 8) & 31;
                if (bitCount < extra) {
                    while (bitCount <= 56) {
                        bitBuf |= (long) (q < qEnd ? bytes[q] & 0xFF : 0) << bitCount;
                        bitCount += 8;
                        q++;
                    }
                }
                int magnitude = (info & 0xFF) << extra | (int) (bitBuf & ((1L << extra) - 1));
                bitBuf >>>= extra;
                bitCount -= extra;
                int v = info < 0 ? -magnitude : magnitude;
                pcLo = (info >>> 13) & 7;
                ccLo = (info >>> 16) & 3;
                dlo = lonSecond ? dlo + v : v;
            }
            if (speedCoded) {
                int e = dec[base[speedBase + pcSp * cc + ccLo] + (int) (x & mask)];
                x = ((e >>> 7) & 0xFFF) * (x >>> pb) + (e >>> 19);
                if (x < low) {
                    if (p + 2 <= rEnd) {
                        x = x << 16 | (bytes[p] & 0xFF) | (bytes[p + 1] & 0xFF) << 8;
                        p += 2;
                    } else {
                        overran = true;
                        x = x << 16;
                    }
                }
                int info = tokenInfo[e & 127];
                int extra = (info >>> 8) & 31;
                if (bitCount < extra) {
                    while (bitCount <= 56) {
                        bitBuf |= (long) (q < qEnd ? bytes[q] & 0xFF : 0) << bitCount;
                        bitCount += 8;
                        q++;
                    }
                }
                int magnitude = (info & 0xFF) << extra | (int) (bitBuf & ((1L << extra) - 1));
                bitBuf >>>= extra;
                bitCount -= extra;
                int v = info < 0 ? -magnitude : magnitude;
                pcSp = (info >>> 13) & 7;
                dsp = speedSecond ? dsp + v : v;
            }
            // The block invariants, as store() checks them for the other entropy stages.
            if (dt < 0 || dt > maxDt || outside(dla) || outside(dlo) || outside(dsp)) {
                throw new CorruptGpsDataException(at, "delta out of range at fix " + i + " of the block: time " + dt
                        + ", lat " + dla + ", lon " + dlo + ", speed " + dsp);
            }
            t += dt * resolution;
            la += dla;
            lo += dlo;
            sp += dsp;
            if (la < -Format.MAX_LAT || la > Format.MAX_LAT || lo < -Format.MAX_LON || lo > Format.MAX_LON
                    || sp < Format.SPEED_UNKNOWN) {
                checkValues(at, la, lo, sp);
            }
            time[i] = t;
            lat[i] = la;
            lon[i] = lo;
            speed[i] = sp;
            if (windowMicros > 0 && t - windowStart >= windowMicros) {
                if (t > stopAfterMicros) {
                    return i;
                }
                windowStart = t;
            }
        }
        long consumedBits = 8L * (q - rEnd) - bitCount;
        long presentBits = 8L * (qEnd - rEnd);
        if (overran || p != rEnd || x != RansBlockWriter.STATE_LOW || consumedBits > presentBits
                || presentBits - consumedBits >= 8) {
            throw new CorruptGpsDataException(at, "rANS payload does not decode to its end (state " + x
                    + ", bits used " + consumedBits + " of " + presentBits + ")");
        }
        return n;
    }

    private void store(int at, int i, int dt, int dla, int dlo, int dsp) throws CorruptGpsDataException {
        if (dt < 0 || dt > maxTimeDelta || outside(dla) || outside(dlo) || outside(dsp)) {
            throw new CorruptGpsDataException(at, "delta out of range at fix " + i + " of the block: time " + dt
                    + ", lat " + dla + ", lon " + dlo + ", speed " + dsp);
        }
        time[i] = time[i - 1] + dt * resolutionMicros;
        int la = lat[i - 1] + dla;
        int lo = lon[i - 1] + dlo;
        int sp = speed[i - 1] + dsp;
        checkValues(at, la, lo, sp);
        lat[i] = la;
        lon[i] = lo;
        speed[i] = sp;
    }

    private static boolean outside(int d) {
        return d < -Format.MAX_DELTA || d > Format.MAX_DELTA;
    }

    private void decodeZstd(byte[] bytes, int at, int length, int n, boolean xor) throws CorruptGpsDataException {
        int width = xor ? 4 : 2;
        int expected = (n - 1) * width * columns;
        if (expected == 0) {
            if (length != 0) {
                throw new CorruptGpsDataException(at, "payload of a one-fix block is not empty");
            }
            return;
        }
        if (raw.length < expected) {
            raw = new byte[expected];
        }
        if (zstd == null) {
            zstd = new ZstdDecompressCtx();
            zstd.setMagicless(true);
        }
        int got;
        try {
            got = zstd.decompressByteArray(raw, 0, expected, bytes, at, length);
        } catch (RuntimeException e) {
            throw new CorruptGpsDataException(at, "zstd payload does not decompress: " + e.getMessage(), e);
        }
        if (got != expected) {
            throw new CorruptGpsDataException(at, "zstd payload holds " + got + " bytes, expected " + expected);
        }
        int m = n - 1;
        if (xor) {
            int t = 0;
            for (int i = 1; i < n; i++) {
                int tNext = t ^ readInt(raw, 4 * (i - 1));
                int la = lat[i - 1] ^ readInt(raw, 4 * (m + i - 1));
                int lo = lon[i - 1] ^ readInt(raw, 4 * (2 * m + i - 1));
                int sp = columns == 4 ? speed[i - 1] ^ readInt(raw, 4 * (3 * m + i - 1)) : speed[i - 1];
                long dt = (long) tNext - t;
                store(at, i, (int) Math.max(-1, Math.min(dt, Integer.MAX_VALUE)), la - lat[i - 1],
                        lo - lon[i - 1], sp - speed[i - 1]);
                t = tNext;
            }
        } else {
            for (int i = 1; i < n; i++) {
                int dsp = columns == 4 ? readShort(raw, 2 * (3 * m + i - 1)) : 0;
                store(at, i, readShort(raw, 2 * (i - 1)), readShort(raw, 2 * (m + i - 1)),
                        readShort(raw, 2 * (2 * m + i - 1)), dsp);
            }
        }
    }

    private static int readShort(byte[] b, int at) {
        return (short) ((b[at] & 0xFF) | (b[at + 1] << 8));
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    @Override
    public void close() {
        if (zstd != null) {
            zstd.close();
            zstd = null;
        }
    }
}
