package dev.touchline.codec.gps;

import dev.touchline.codec.gps.internal.BlockEncoder;
import dev.touchline.codec.gps.internal.BlockIndex;
import dev.touchline.codec.gps.internal.ByteReader;
import dev.touchline.codec.gps.internal.ByteSink;
import dev.touchline.codec.gps.internal.DefaultTables;
import dev.touchline.codec.gps.internal.RansTables;
import dev.touchline.codec.gps.internal.TokenLog;
import dev.touchline.codec.gps.internal.Format;
import dev.touchline.codec.gps.internal.HeaderCodec;
import dev.touchline.codec.gps.internal.Quantiser;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Encodes fixes as they arrive. A block is written to the stream as soon as it is complete (when the next fix falls
 * outside its seek windows or would need an escape); {@link #finish()} writes the last block and the seek table. A
 * fix starts a new block (a new key frame) when a latitude, longitude or speed delta would not fit in int16, when
 * the time step exceeds the gap threshold, or when time goes backwards, so nothing ever wraps. Not thread-safe.
 *
 * <p><b>Tables (format version 3).</b> With {@link GpsCodec.Builder#streamTableSample(int)} &gt; 0 (default
 * {@value GpsCodec#DEFAULT_STREAM_TABLE_SAMPLE}: the first block only) the encoder holds back its first complete
 * blocks until they hold at least that many fixes (or until {@link #finish()}), fits token tables to them and writes
 * the header (with
 * those tables when they repay their bytes against the built-in ones) followed by the held blocks; every later block
 * is coded with the same tables and written as soon as it is complete. The added latency: nothing reaches the
 * output before the sample is complete (up to the sample plus one block; with a sample of 1 only the header waits
 * for the first block). A later block with a residual the fitted tables cannot code is written in zstd mode
 * (mode 1). With a sample of 0 the header is written at once with the format's built-in tables.
 */
public final class GpsStreamEncoder implements AutoCloseable {
    private final OutputStream out;
    private final long resolution;
    private final long interval;
    private final int windowsPerBlock;
    /** Time of the first fix of the open block's current seek window, µs. */
    private long windowStart;
    /** Seek windows in the open block so far. */
    private int windows;
    private final int maxTimeDelta;
    /** {@code maxTimeDelta} in µs: steps are multiples of the resolution, so no division is needed per fix. */
    private final long maxStepMicros;
    private final boolean speedColumn;
    /** Lossy speed deadband, cm/s; 0 when off. */
    private final int deadband;
    private final int mode;
    private final BlockEncoder blockEncoder;
    private final BlockIndex index = new BlockIndex();
    private final ByteSink sink = new ByteSink(8192);
    private final long[] time = new long[Format.MAX_BLOCK_FIXES];
    private final int[] lat = new int[Format.MAX_BLOCK_FIXES];
    private final int[] lon = new int[Format.MAX_BLOCK_FIXES];
    private final int[] speed = new int[Format.MAX_BLOCK_FIXES];
    private int pending;
    private long written;
    private long fixes;
    private boolean finished;
    private final GpsHeader header;
    private final int columns;
    /** Fixes to hold back before the header is written; 0 when the header is written (or not held). */
    private final int sample;
    /** Whether the header still waits for the sample (the blocks so far are held, not written). */
    private boolean holding;
    /** Token counts of the held blocks, per context × {@link RansTables#SLOTS}. */
    private long @org.jspecify.annotations.Nullable [] sampleCounts;
    private long[] heldTime = new long[0];
    private int[] heldLat = new int[0];
    private int[] heldLon = new int[0];
    private int[] heldSpeed = new int[0];
    /** Fixes held. */
    private int held;
    /** End (exclusive) of each held block in the held arrays. */
    private int[] heldEnds = new int[16];
    private int heldBlocks;
    /** The header as written; empty while holding. */
    private byte[] headerBytes = new byte[0];

    GpsStreamEncoder(OutputStream out, GpsCodec codec) throws IOException {
        this(out, codec, null, null, null, true);
    }

    GpsStreamEncoder(OutputStream out, GpsCodec codec, @org.jspecify.annotations.Nullable GpsEncoderSnapshot resume)
            throws IOException {
        this(out, codec, resume, null, null, true);
    }

    /**
     * A new stream with fixed tables (whole-track encode and its counting pass); see the full constructor.
     */
    GpsStreamEncoder(OutputStream out, GpsCodec codec, @org.jspecify.annotations.Nullable GpsEncoderSnapshot resume,
                     @org.jspecify.annotations.Nullable RansTables tables,
                     long @org.jspecify.annotations.Nullable [] tokenCounts) throws IOException {
        this(out, codec, resume, tables, tokenCounts, false);
    }

    /**
     * Whole-track encode's passes: with {@code tokenCounts} the counting pass, which also logs every version 3 block
     * in {@code log}; without, the writing pass, which replays the blocks from {@code log} (the same fixes must be
     * added).
     */
    GpsStreamEncoder(OutputStream out, GpsCodec codec, @org.jspecify.annotations.Nullable RansTables tables,
                     long @org.jspecify.annotations.Nullable [] tokenCounts, TokenLog log) throws IOException {
        this(out, codec, null, tables, tokenCounts, false);
        if (tokenCounts != null) {
            blockEncoder.countInto(tokenCounts, log);
        } else {
            blockEncoder.replayFrom(log);
        }
    }

    /**
     * A new stream (snapshot null: the header is written, or held back for a sample) or the continuation of a
     * snapshot.
     *
     * @param tables version 3's tables to store in the header and code with; null for the built-in ones (or, with
     *     {@code fitTables}, for tables fitted to a sample)
     * @param tokenCounts when not null, a counting pass: version 3 blocks count their tokens here and write nothing
     * @param fitTables whether version 3 may hold back the codec's stream table sample and fit tables to it
     */
    private GpsStreamEncoder(OutputStream out, GpsCodec codec,
                             @org.jspecify.annotations.Nullable GpsEncoderSnapshot resume,
                             @org.jspecify.annotations.Nullable RansTables tables,
                             long @org.jspecify.annotations.Nullable [] tokenCounts, boolean fitTables)
            throws IOException {
        this.out = out;
        GpsHeader header = codec.header();
        this.header = header;
        this.resolution = header.timeResolutionMicros();
        this.interval = header.keyFrameIntervalMicros();
        this.windowsPerBlock = header.windowsPerBlock();
        this.maxTimeDelta = HeaderCodec.maxTimeDelta(header);
        this.maxStepMicros = maxTimeDelta * resolution;
        this.speedColumn = header.speedColumn();
        this.columns = speedColumn ? 4 : 3;
        this.deadband = codec.speedDeadbandCentimetresPerSecond();
        this.mode = switch (codec.entropyMode()) {
            case AUTO -> BlockEncoder.CHOICE_AUTO;
            case MODEL -> Format.MODE_MODEL;
            case ZSTD -> Format.MODE_ZSTD;
            case XOR_ZSTD -> Format.MODE_XOR_ZSTD;
        };
        boolean v3 = header.formatVersion() >= Format.VERSION_3;
        this.sample = fitTables && v3 && tables == null && tokenCounts == null && (mode == BlockEncoder.CHOICE_AUTO
                || mode == Format.MODE_MODEL) ? codec.streamTableSample() : 0;
        this.blockEncoder = new BlockEncoder(codec.zstdLevel(), speedColumn, resolution, header.formatVersion(),
                v3 ? (tables != null ? tables : DefaultTables.get()) : null);
        if (tokenCounts != null) {
            blockEncoder.countInto(tokenCounts);
        }
        if (resume == null) {
            if (sample > 0) {
                startHolding();
            } else {
                writeHeader(v3 ? tables : null);
            }
            return;
        }
        if (!resume.header().equals(header)) {
            throw new IllegalArgumentException("snapshot header " + resume.header() + " differs from the codec's "
                    + header);
        }
        byte[] headerAsWritten = resume.headerBytes();
        if (headerAsWritten.length == 0) {
            // Taken while the header waited for the sample: replay the held fixes (the deadband and the block
            // rules give the same stored values and blocks again, so the result is the same bytes).
            if (sample == 0 || resume.bytesWritten() != 0 || resume.blockKeyTimeMicros().length != 0) {
                throw new IllegalArgumentException("snapshot taken while holding back the stream table sample; "
                        + "resume it with a codec whose streamTableSample is > 0 (this one: " + sample + ")");
            }
            startHolding();
            long[] t = resume.pendingTimeMicros();
            int[] la = resume.pendingLatMicroDegrees();
            int[] lo = resume.pendingLonMicroDegrees();
            int[] sp = resume.pendingSpeedCentimetresPerSecond();
            for (int i = 0; i < t.length; i++) {
                addQuantised(t[i], la[i], lo[i], sp[i]);
            }
            return;
        }
        if (v3) {
            try {
                HeaderCodec.Parsed parsed = HeaderCodec.readFull(new ByteReader(headerAsWritten, 0,
                        headerAsWritten.length));
                if (!parsed.header().equals(header) || parsed.tables() == null) {
                    throw new IllegalArgumentException("snapshot header bytes disagree with its header " + header);
                }
                blockEncoder.useTables(parsed.tables());
            } catch (CorruptGpsDataException e) {
                throw new IllegalArgumentException("snapshot header bytes unreadable: " + e.getMessage(), e);
            }
        }
        this.headerBytes = headerAsWritten;
        long[] keys = resume.blockKeyTimeMicros();
        int[] lengths = resume.blockLengths();
        int[] counts = resume.blockFixCounts();
        long offset = resume.bytesWritten();
        for (int i = keys.length - 1; i >= 0; i--) {
            offset -= lengths[i];
        }
        for (int i = 0; i < keys.length; i++) {
            index.add(keys[i], (int) offset, lengths[i], counts[i]);
            offset += lengths[i];
        }
        long[] t = resume.pendingTimeMicros();
        pending = t.length;
        System.arraycopy(t, 0, time, 0, pending);
        System.arraycopy(resume.pendingLatMicroDegrees(), 0, lat, 0, pending);
        System.arraycopy(resume.pendingLonMicroDegrees(), 0, lon, 0, pending);
        System.arraycopy(resume.pendingSpeedCentimetresPerSecond(), 0, speed, 0, pending);
        written = resume.bytesWritten();
        fixes = resume.fixCount();
        // The window state follows from the pending times by the same rule add() applies.
        for (int i = 0; i < pending; i++) {
            startWindowIfDue(i, time[i]);
        }
    }

    private void startHolding() {
        holding = true;
        sampleCounts = new long[RansTables.CONTEXTS * RansTables.SLOTS];
        blockEncoder.countInto(sampleCounts);
    }

    private void writeHeader(@org.jspecify.annotations.Nullable RansTables tables) throws IOException {
        HeaderCodec.write(sink, header, tables);
        headerBytes = java.util.Arrays.copyOf(sink.array(), sink.size());
        emit();
    }

    /**
     * The state between two fixes, for a checkpoint; every complete block has been written to the output already.
     * Resume with {@link GpsCodec#resumeEncoder} and an output that continues this one.
     */
    public GpsEncoderSnapshot snapshot() {
        if (finished) {
            throw new IllegalStateException("encoder already finished");
        }
        int blocks = index.size();
        long[] keys = new long[blocks];
        int[] lengths = new int[blocks];
        int[] counts = new int[blocks];
        for (int i = 0; i < blocks; i++) {
            keys[i] = index.keyTime(i);
            lengths[i] = index.length(i);
            counts[i] = index.fixes(i);
        }
        if (holding) {
            // Nothing written yet: the held blocks and the open one are all pending.
            return new GpsEncoderSnapshot(header, new byte[0], joinHeld(heldTime, time), joinHeld(heldLat, lat),
                    joinHeld(heldLon, lon), joinHeld(heldSpeed, speed), keys, lengths, counts, written, fixes);
        }
        return new GpsEncoderSnapshot(header, headerBytes, java.util.Arrays.copyOf(time, pending),
                java.util.Arrays.copyOf(lat, pending), java.util.Arrays.copyOf(lon, pending),
                java.util.Arrays.copyOf(speed, pending), keys, lengths, counts, written, fixes);
    }

    private long[] joinHeld(long[] heldValues, long[] open) {
        long[] all = java.util.Arrays.copyOf(heldValues, held + pending);
        System.arraycopy(open, 0, all, held, pending);
        return all;
    }

    private int[] joinHeld(int[] heldValues, int[] open) {
        int[] all = java.util.Arrays.copyOf(heldValues, held + pending);
        System.arraycopy(open, 0, all, held, pending);
        return all;
    }

    /**
     * Adds one fix.
     *
     * @param timeMicros epoch µs (rounded to the time resolution)
     * @param latDeg latitude, degrees in [−90, 90]
     * @param lonDeg longitude, degrees in [−180, 180]
     * @param speedMetresPerSecond speed over ground, m/s ≥ 0, or NaN for unknown
     * @throws IllegalArgumentException for an invalid fix (nothing is added)
     * @throws IOException when the output stream fails
     */
    public void add(long timeMicros, double latDeg, double lonDeg, float speedMetresPerSecond) throws IOException {
        if (finished) {
            throw new IllegalStateException("encoder already finished");
        }
        if (!(latDeg >= -90.0 && latDeg <= 90.0)) {
            throw new IllegalArgumentException("latDeg " + latDeg + " outside [-90, 90]");
        }
        if (!(lonDeg >= -180.0 && lonDeg <= 180.0)) {
            throw new IllegalArgumentException("lonDeg " + lonDeg + " outside [-180, 180]");
        }
        long t = Quantiser.time(timeMicros, resolution);
        int la = Quantiser.microDegrees(latDeg);
        int lo = Quantiser.microDegrees(lonDeg);
        int sp = speedColumn ? Quantiser.centimetresPerSecond(speedMetresPerSecond) : Format.SPEED_UNKNOWN;
        addQuantised(t, la, lo, sp);
    }

    /**
     * Adds one fix already quantised and checked: {@code t} a multiple of the resolution within ±2^62 µs,
     * latitude and longitude in micro-degrees within range, speed in cm/s or {@link Format#SPEED_UNKNOWN} (which it
     * must be without a speed column). The whole-track encoder quantises once and feeds both of its passes here.
     */
    void addQuantised(long t, int la, int lo, int sp) throws IOException {
        if (deadband > 0 && pending > 0) {
            // Against the last stored value, not the last input: the error stays below the deadband for ever.
            int previous = speed[pending - 1];
            if (sp != Format.SPEED_UNKNOWN && previous != Format.SPEED_UNKNOWN && Math.abs(sp - previous) < deadband) {
                sp = previous;
            }
        }
        if (pending > 0 && !fits(t, la, lo, sp)) {
            flushBlock();
        }
        startWindowIfDue(pending, t);
        time[pending] = t;
        lat[pending] = la;
        lon[pending] = lo;
        speed[pending] = sp;
        pending++;
        fixes++;
    }

    /** Seek windows: one starts with a block and whenever a fix is a key-frame interval after the current one. */
    private void startWindowIfDue(int position, long t) {
        if (position == 0) {
            windowStart = t;
            windows = 1;
        } else if (t - windowStart >= interval) {
            windowStart = t;
            windows++;
        }
    }

    private boolean fits(long t, int la, int lo, int sp) {
        int last = pending - 1;
        long step = t - time[last];
        return pending < Format.MAX_BLOCK_FIXES
                && (t - windowStart < interval || windows < windowsPerBlock)
                && step >= 0 && step <= maxStepMicros
                && Math.abs(la - lat[last]) <= Format.MAX_DELTA
                && Math.abs(lo - lon[last]) <= Format.MAX_DELTA
                && Math.abs((long) sp - speed[last]) <= Format.MAX_DELTA;
    }

    /** Adds every fix of {@code track}. */
    public void addAll(dev.touchline.sensor.GpsTrack track) throws IOException {
        for (int i = 0; i < track.length(); i++) {
            add(track.timeMicros(i), track.latDeg(i), track.lonDeg(i), track.speedMetresPerSecond(i));
        }
    }

    private void flushBlock() throws IOException {
        if (holding) {
            holdBlock();
            if (held >= sample) {
                release();
            }
            return;
        }
        writeBlock();
    }

    private void writeBlock() throws IOException {
        long offset = written;
        if (offset > Integer.MAX_VALUE - 4 * Format.MAX_BLOCK_FIXES * 8L) {
            throw new IOException("container would exceed 2 GiB; start a new one");
        }
        blockEncoder.encode(sink, mode, time, lat, lon, speed, pending);
        index.add(time[0], (int) offset, sink.size(), pending);
        emit();
        pending = 0;
    }

    /** Moves the open block to the held ones and counts its tokens (the encoder is in counting mode). */
    private void holdBlock() {
        int need = held + pending;
        if (need > heldTime.length) {
            int capacity = Math.max(need, 2 * heldTime.length);
            heldTime = java.util.Arrays.copyOf(heldTime, capacity);
            heldLat = java.util.Arrays.copyOf(heldLat, capacity);
            heldLon = java.util.Arrays.copyOf(heldLon, capacity);
            heldSpeed = java.util.Arrays.copyOf(heldSpeed, capacity);
        }
        System.arraycopy(time, 0, heldTime, held, pending);
        System.arraycopy(lat, 0, heldLat, held, pending);
        System.arraycopy(lon, 0, heldLon, held, pending);
        System.arraycopy(speed, 0, heldSpeed, held, pending);
        if (heldBlocks == heldEnds.length) {
            heldEnds = java.util.Arrays.copyOf(heldEnds, 2 * heldBlocks);
        }
        heldEnds[heldBlocks++] = need;
        blockEncoder.encode(sink, mode, time, lat, lon, speed, pending);
        held = need;
        pending = 0;
    }

    /**
     * Fits tables to the held blocks' tokens, writes the header (with them when they cost less than the built-in
     * tables, as whole-track encode decides) and the held blocks; the open block must be empty.
     */
    private void release() throws IOException {
        long[] counts = sampleCounts;
        holding = false;
        sampleCounts = null;
        blockEncoder.countInto(null);
        RansTables own = RansTables.forStream(counts, columns, MARGIN_BITS);
        // The stream goes on after the sample: the tables are stored when what they save per fix on the sample
        // repays their bytes within PAYBACK_FIXES fixes (or within the sample, when that is longer).
        double saving = DefaultTables.get().cost(counts) - own.cost(counts);
        double tableBits = 8.0 * (3 + own.serialisedSize(columns));
        double scale = Math.max(1.0, (double) PAYBACK_FIXES / Math.max(1, held));
        RansTables chosen = saving * scale > tableBits ? own : null;
        writeHeader(chosen);
        blockEncoder.useTables(chosen != null ? chosen : DefaultTables.get());
        int start = 0;
        for (int b = 0; b < heldBlocks; b++) {
            pending = heldEnds[b] - start;
            System.arraycopy(heldTime, start, time, 0, pending);
            System.arraycopy(heldLat, start, lat, 0, pending);
            System.arraycopy(heldLon, start, lon, 0, pending);
            System.arraycopy(heldSpeed, start, speed, 0, pending);
            writeBlock();
            start = heldEnds[b];
        }
        held = 0;
        heldBlocks = 0;
        heldTime = new long[0];
        heldLat = new int[0];
        heldLon = new int[0];
        heldSpeed = new int[0];
    }

    /** Fixes (10 minutes at 10 Hz) within which fitted tables must repay their bytes to be stored. */
    static final int PAYBACK_FIXES = 6_000;
    /**
     * Bit lengths beyond the sample's largest per column that the fitted tables still code: measured on both real
     * sets, 1 bit costs less than the zstd blocks that 0 leaves and than the bigger tables of 2 (FORMAT.md).
     */
    private static final int MARGIN_BITS = 1;

    private void emit() throws IOException {
        out.write(sink.array(), 0, sink.size());
        written += sink.size();
        sink.reset();
    }

    /** Bytes written to the stream so far (0 while the header waits for the stream table sample). */
    public long bytesWritten() {
        return written;
    }

    /** Fixes added so far. */
    public long fixCount() {
        return fixes;
    }

    /** Blocks written so far (the pending block not included). */
    public int blockCount() {
        return index.size();
    }

    /** Writes the pending block and the seek table; further {@link #add} calls fail. Does not close the stream. */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        if (pending > 0) {
            flushBlock();
        }
        if (holding) {
            release();
        }
        finished = true;
        blockEncoder.close();
        index.write(sink, (int) written);
        emit();
        out.flush();
    }

    /** {@link #finish()}es and closes the output stream. */
    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            blockEncoder.close();
            out.close();
        }
    }
}
