package dev.touchline.codec.gps.internal;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import java.util.zip.CRC32C;

/**
 * Writes one block (key frame + entropy-coded column deltas + CRC32C) from quantised columns. The caller guarantees
 * the block invariants (every delta within int16, time deltas within [0, max]); this class only codes. Reuses its
 * buffers, models and zstd context across blocks; not thread-safe; close it to free the native zstd context.
 */
public final class BlockEncoder implements AutoCloseable {
    /** Entropy choice: the smaller of model and zstd per block. */
    public static final int CHOICE_AUTO = -1;

    private final int zstdLevel;
    private final int columns;
    private final long resolutionMicros;
    private final ResidualModel[] models = new ResidualModel[4];
    private final RangeEncoder coder = new RangeEncoder();
    private final ByteSink modelPayload = new ByteSink(4096);
    private final ByteSink zstdPayload = new ByteSink(4096);
    private final ByteSink raw = new ByteSink(4096);
    private final int[][] delta = new int[4][];
    private final int[][] residual = new int[4][];
    private final CRC32C crc = new CRC32C();
    private ZstdCompressCtx zstd;
    /** Version 2's time context; null in version 1. */
    private final TimePhase phase;
    /** Version 3's token coder and tables; null before version 3. */
    private final RansBlockWriter rans;
    private RansTables tables;
    /** Whether the last version 3 block's tokens all had a frequency in {@link #tables}. */
    private boolean codable = true;
    private final int[] order = new int[4];
    private final TimePhase timePhase = new TimePhase();
    /** When set, version 3 blocks only count their tokens here and write nothing. */
    private long[] counts;
    private int lastMode = Format.MODE_MODEL;
    /** When set with {@link #counts}, version 3 blocks are logged here too. */
    private TokenLog log;
    /** When set, version 3 model blocks are replayed from this log. */
    private TokenLog replay;

    /**
     * @param zstdLevel zstd compression level for zstd blocks
     * @param speedColumn whether the speed column is stored
     * @param resolutionMicros time quantum, µs
     */
    public BlockEncoder(int zstdLevel, boolean speedColumn, long resolutionMicros) {
        this(zstdLevel, speedColumn, resolutionMicros, Format.VERSION_2, null);
    }

    /**
     * @param zstdLevel zstd compression level for zstd blocks
     * @param speedColumn whether the speed column is stored
     * @param resolutionMicros time quantum, µs
     * @param formatVersion 1 or 2: version 2 adds the time-phase context of the model; 3 codes tokens with rANS
     * @param tables version 3's tables (null before version 3)
     */
    public BlockEncoder(int zstdLevel, boolean speedColumn, long resolutionMicros, int formatVersion,
                        RansTables tables) {
        this.phase = formatVersion >= 2 ? new TimePhase() : null;
        this.rans = formatVersion >= Format.VERSION_3 ? new RansBlockWriter() : null;
        this.tables = tables;
        if (rans != null && tables == null) {
            throw new IllegalArgumentException("format version 3 needs tables");
        }
        this.zstdLevel = zstdLevel;
        this.columns = speedColumn ? 4 : 3;
        this.resolutionMicros = resolutionMicros;
        for (int c = 0; c < 4; c++) {
            models[c] = new ResidualModel();
            delta[c] = new int[256];
            residual[c] = new int[256];
        }
    }

    /**
     * Appends one block of fixes {@code [0, n)} to {@code out}.
     *
     * @param mode {@link Format#MODE_MODEL}, {@link Format#MODE_ZSTD}, {@link Format#MODE_XOR_ZSTD} or
     *     {@link #CHOICE_AUTO}
     * @param time quantised time stamps, µs (multiples of the resolution). Not modified.
     * @param lat latitude, micro-degrees. Not modified.
     * @param lon longitude, micro-degrees. Not modified.
     * @param speed speed, 0.01 m/s, {@link Format#SPEED_UNKNOWN} for unknown. Not modified.
     */
    public void encode(ByteSink out, int mode, long[] time, int[] lat, int[] lon, int[] speed, int n) {
        boolean deltasReady = false;
        int replayed = -1;
        if (replay != null && rans != null && mode != Format.MODE_ZSTD && mode != Format.MODE_XOR_ZSTD) {
            // The counting pass logged this block's orders, tokens and raw bits: only rANS runs now.
            modelPayload.reset();
            replayed = rans.replay(modelPayload, tables, replay, replay.next(n), n);
            codable = true;
        } else {
            computeDeltas(time, lat, lon, speed, n);
            deltasReady = true;
        }
        if (counts != null) {
            if (mode != Format.MODE_ZSTD && mode != Format.MODE_XOR_ZSTD) {
                writeRans(n);
            }
            return;
        }
        int chosen;
        int orders = 0;
        ByteSink payload;
        if (mode == Format.MODE_XOR_ZSTD) {
            writeXor(time, lat, lon, speed, n);
            compress();
            chosen = Format.MODE_XOR_ZSTD;
            payload = zstdPayload;
        } else if (mode == Format.MODE_ZSTD) {
            writeDeltas(n);
            compress();
            chosen = Format.MODE_ZSTD;
            payload = zstdPayload;
        } else {
            orders = replayed >= 0 ? replayed : rans != null ? writeRans(n) : writeModel(n);
            chosen = Format.MODE_MODEL;
            payload = modelPayload;
            // Version 3 tries zstd only where the tokens cost more than a byte per value (odd data): zstd costs
            // several times the token coder's time. A block that a stream's own tables cannot code (they were fitted
            // to the stream's first blocks) falls back to zstd whatever the mode.
            boolean tryZstd = rans == null || modelPayload.size() > (n - 1) * columns;
            if ((mode == CHOICE_AUTO && tryZstd) || !codable) {
                if (!deltasReady) {
                    computeDeltas(time, lat, lon, speed, n);
                }
                writeDeltas(n);
                compress();
                if (!codable || zstdPayload.size() < modelPayload.size()) {
                    chosen = Format.MODE_ZSTD;
                    payload = zstdPayload;
                    orders = 0;
                }
            }
        }
        lastMode = chosen;
        int start = out.size();
        out.write(chosen);
        out.writeVarLong(n);
        out.writeLongLE(time[0]);
        out.writeIntLE(lat[0]);
        out.writeIntLE(lon[0]);
        out.writeIntLE(columns == 4 ? speed[0] : Format.SPEED_UNKNOWN);
        out.write(orders);
        out.writeVarLong(payload.size());
        out.write(payload.array(), 0, payload.size());
        crc.reset();
        crc.update(out.array(), start, out.size() - start);
        out.writeIntLE((int) crc.getValue());
    }

    private void computeDeltas(long[] time, int[] lat, int[] lon, int[] speed, int n) {
        if (delta[0].length < n) {
            int capacity = Math.max(n, delta[0].length * 2);
            for (int c = 0; c < 4; c++) {
                delta[c] = new int[capacity];
                residual[c] = new int[capacity];
            }
        }
        for (int c = 0; c < 4; c++) {
            delta[c][0] = 0;
        }
        // Steps are exact multiples of the resolution below 2^15 of it, so the double quotient rounds exactly and no
        // 64-bit division runs per fix.
        double perResolution = 1.0 / resolutionMicros;
        for (int i = 1; i < n; i++) {
            delta[0][i] = (int) Math.round((time[i] - time[i - 1]) * perResolution);
            delta[1][i] = lat[i] - lat[i - 1];
            delta[2][i] = lon[i] - lon[i - 1];
            delta[3][i] = columns == 4 ? speed[i] - speed[i - 1] : 0;
        }
    }

    private void writeDeltas(int n) {
        raw.reset();
        for (int c = 0; c < columns; c++) {
            int[] d = delta[c];
            for (int i = 1; i < n; i++) {
                raw.writeShortLE(d[i]);
            }
        }
    }

    private void writeXor(long[] time, int[] lat, int[] lon, int[] speed, int n) {
        raw.reset();
        long t0 = time[0];
        for (int i = 1; i < n; i++) {
            int previous = (int) ((time[i - 1] - t0) / resolutionMicros);
            raw.writeIntLE(previous ^ (int) ((time[i] - t0) / resolutionMicros));
        }
        for (int i = 1; i < n; i++) {
            raw.writeIntLE(lat[i - 1] ^ lat[i]);
        }
        for (int i = 1; i < n; i++) {
            raw.writeIntLE(lon[i - 1] ^ lon[i]);
        }
        if (columns == 4) {
            for (int i = 1; i < n; i++) {
                raw.writeIntLE(speed[i - 1] ^ speed[i]);
            }
        }
    }

    private void compress() {
        zstdPayload.reset();
        if (raw.size() == 0) {
            return;
        }
        if (zstd == null) {
            zstd = new ZstdCompressCtx();
            zstd.setLevel(zstdLevel);
            zstd.setChecksum(false);
            zstd.setContentSize(false);
            zstd.setMagicless(true);
        }
        int bound = (int) Zstd.compressBound(raw.size());
        zstdPayload.ensure(bound);
        int written = zstd.compressByteArray(zstdPayload.array(), 0, bound, raw.array(), 0, raw.size());
        zstdPayload.advance(written);
    }

    /** Codes the residuals with the context model; returns the orders byte (2 bits per column). */
    private int writeModel(int n) {
        int orders = 0;
        for (int c = 0; c < columns; c++) {
            int order = chooseOrder(delta[c], n);
            orders |= order << (2 * c);
            int[] d = delta[c];
            int[] r = residual[c];
            r[0] = 0;
            for (int i = 1; i < n; i++) {
                r[i] = order == 1 ? d[i] : d[i] - d[i - 1];
            }
        }
        modelPayload.reset();
        if (n == 1) {
            return orders;
        }
        for (int c = 0; c < columns; c++) {
            models[c].reset();
        }
        coder.start(modelPayload);
        if (phase != null) {
            phase.reset();
        }
        int[] dtime = delta[0];
        int[] rt = residual[0];
        int[] rla = residual[1];
        int[] rlo = residual[2];
        int[] rsp = residual[3];
        for (int i = 1; i < n; i++) {
            if (phase != null) {
                models[0].encode(coder, rt[i], rt[i - 1], phase.context());
                phase.observe(dtime[i]);
            } else {
                models[0].encode(coder, rt[i], rt[i - 1], 0);
            }
            models[1].encode(coder, rla[i], rla[i - 1], rlo[i - 1]);
            models[2].encode(coder, rlo[i], rlo[i - 1], rla[i]);
            if (columns == 4) {
                models[3].encode(coder, rsp[i], rsp[i - 1], rlo[i]);
            }
        }
        coder.finish();
        return orders;
    }

    /**
     * Makes version 3's blocks count their tokens into {@code counts} (indexed context × 64 + token; Modified)
     * instead of writing anything, for a first pass that builds a stream's tables; null to write again.
     */
    public void countInto(long @org.jspecify.annotations.Nullable [] counts) {
        countInto(counts, null);
    }

    /**
     * As {@link #countInto(long[])}, and when {@code log} is not null, version 3 blocks are also logged there
     * (Modified) for a later writing pass that {@link #replayFrom replays} them.
     */
    public void countInto(long @org.jspecify.annotations.Nullable [] counts,
                          @org.jspecify.annotations.Nullable TokenLog log) {
        this.counts = counts;
        this.log = counts != null ? log : null;
    }

    /**
     * Makes version 3's model blocks take their orders, tokens and raw bits from {@code log} (filled by a counting
     * pass over the same fixes; blocks must come in the same order) instead of computing them again.
     */
    public void replayFrom(TokenLog log) {
        this.replay = log;
    }

    /** Version 3: codes the following blocks with {@code tables} (a streaming encoder's, once it has fitted them). */
    public void useTables(RansTables tables) {
        if (rans == null) {
            throw new IllegalStateException("tables apply to format version 3 only");
        }
        this.tables = tables;
    }

    /** The mode byte of the last block written ({@link Format#MODE_MODEL}, {@code MODE_ZSTD} or {@code MODE_XOR_ZSTD}). */
    public int lastMode() {
        return lastMode;
    }

    /** Version 3: orders (a column of equal deltas becomes a constant), then the rANS payload; returns orders. */
    private int writeRans(int n) {
        int orders = 0;
        for (int c = 0; c < 4; c++) {
            order[c] = 1;
        }
        for (int c = 0; c < columns && n > 1; c++) {
            int[] d = delta[c];
            int[] r = residual[c];
            boolean constant = true;
            int first = d[1];
            for (int i = 2; i < n; i++) {
                if (d[i] != first) {
                    constant = false;
                    break;
                }
            }
            r[0] = 0;
            if (c == 0 && !constant) {
                // Version 3's order 2 of the time column: the step minus the last normal step, so that a dropped
                // fix costs one large residual instead of the two a delta of delta gives.
                timePhase.reset();
                long first1 = 0;
                long second = 0;
                for (int i = 1; i < n; i++) {
                    r[i] = d[i] - timePhase.normal();
                    timePhase.observe(d[i]);
                    first1 += cost(d[i]);
                    second += cost(r[i]);
                }
                order[0] = second < first1 ? 2 : 1;
                if (order[0] == 1) {
                    System.arraycopy(d, 1, r, 1, n - 1);
                }
                continue;
            }
            int o = constant ? RansBlockWriter.ORDER_CONSTANT : chooseOrder(d, n);
            order[c] = o;
            // A constant column's residual is its delta from the start, so its context class never changes.
            r[0] = constant ? first : 0;
            for (int i = 1; i < n; i++) {
                r[i] = o == 2 ? d[i] - d[i - 1] : d[i];
            }
        }
        for (int c = 0; c < columns; c++) {
            orders |= order[c] << (2 * c);
        }
        modelPayload.reset();
        if (log != null) {
            rans.log(log, counts, orders, residual, delta, order, columns, n);
            codable = true;
            return orders;
        }
        codable = n <= 1 || rans.write(modelPayload, tables, residual, delta, order, columns, n, counts);
        return orders;
    }

    /** 1 (delta) or 2 (delta of delta), whichever a cheap cost estimate (Elias-gamma length) favours. */
    private static int chooseOrder(int[] d, int n) {
        long first = 0;
        long second = 0;
        for (int i = 1; i < n; i++) {
            first += cost(d[i]);
            second += cost(d[i] - d[i - 1]);
        }
        return second < first ? 2 : 1;
    }

    private static int cost(int r) {
        return r == 0 ? 1 : 2 * (32 - Integer.numberOfLeadingZeros(Math.abs(r))) + 2;
    }

    @Override
    public void close() {
        if (zstd != null) {
            zstd.close();
            zstd = null;
        }
    }
}
