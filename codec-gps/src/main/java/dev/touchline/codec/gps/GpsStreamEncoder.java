package dev.touchline.codec.gps;

import dev.touchline.codec.gps.internal.BlockEncoder;
import dev.touchline.codec.gps.internal.BlockIndex;
import dev.touchline.codec.gps.internal.ByteSink;
import dev.touchline.codec.gps.internal.DefaultTables;
import dev.touchline.codec.gps.internal.RansTables;
import dev.touchline.codec.gps.internal.Format;
import dev.touchline.codec.gps.internal.HeaderCodec;
import dev.touchline.codec.gps.internal.Quantiser;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Encodes fixes as they arrive. The header is written at once; a block is written to the stream as soon as it is
 * complete (when the next fix falls outside its key-frame interval or would need an escape); {@link #finish()}
 * writes the last block and the seek table. A fix starts a new block (a new key frame) when a latitude, longitude
 * or speed delta would not fit in int16, when the time step exceeds the gap threshold, or when time goes
 * backwards, so nothing ever wraps. Not thread-safe.
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

    GpsStreamEncoder(OutputStream out, GpsCodec codec) throws IOException {
        this(out, codec, null, null, null);
    }

    GpsStreamEncoder(OutputStream out, GpsCodec codec, @org.jspecify.annotations.Nullable GpsEncoderSnapshot resume)
            throws IOException {
        this(out, codec, resume, null, null);
    }

    /**
     * A new stream (snapshot null: the header is written) or the continuation of a snapshot.
     *
     * @param tables version 3's tables to store in the header and code with; null for the built-in ones
     * @param tokenCounts when not null, a counting pass: version 3 blocks count their tokens here and write nothing
     */
    GpsStreamEncoder(OutputStream out, GpsCodec codec, @org.jspecify.annotations.Nullable GpsEncoderSnapshot resume,
                     @org.jspecify.annotations.Nullable RansTables tables,
                     long @org.jspecify.annotations.Nullable [] tokenCounts) throws IOException {
        this.out = out;
        GpsHeader header = codec.header();
        this.header = header;
        this.resolution = header.timeResolutionMicros();
        this.interval = header.keyFrameIntervalMicros();
        this.windowsPerBlock = header.windowsPerBlock();
        this.maxTimeDelta = HeaderCodec.maxTimeDelta(header);
        this.maxStepMicros = maxTimeDelta * resolution;
        this.speedColumn = header.speedColumn();
        this.deadband = codec.speedDeadbandCentimetresPerSecond();
        this.mode = switch (codec.entropyMode()) {
            case AUTO -> BlockEncoder.CHOICE_AUTO;
            case MODEL -> Format.MODE_MODEL;
            case ZSTD -> Format.MODE_ZSTD;
            case XOR_ZSTD -> Format.MODE_XOR_ZSTD;
        };
        boolean v3 = header.formatVersion() >= Format.VERSION_3;
        this.blockEncoder = new BlockEncoder(codec.zstdLevel(), speedColumn, resolution, header.formatVersion(),
                v3 ? (tables != null ? tables : DefaultTables.get()) : null);
        if (tokenCounts != null) {
            blockEncoder.countInto(tokenCounts);
        }
        if (resume == null) {
            HeaderCodec.write(sink, header, v3 ? tables : null);
            emit();
            return;
        }
        if (!resume.header().equals(header)) {
            throw new IllegalArgumentException("snapshot header " + resume.header() + " differs from the codec's "
                    + header);
        }
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
        return new GpsEncoderSnapshot(header, java.util.Arrays.copyOf(time, pending),
                java.util.Arrays.copyOf(lat, pending), java.util.Arrays.copyOf(lon, pending),
                java.util.Arrays.copyOf(speed, pending), keys, lengths, counts, written, fixes);
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
        long offset = written;
        if (offset > Integer.MAX_VALUE - 4 * Format.MAX_BLOCK_FIXES * 8L) {
            throw new IOException("container would exceed 2 GiB; start a new one");
        }
        blockEncoder.encode(sink, mode, time, lat, lon, speed, pending);
        index.add(time[0], (int) offset, sink.size(), pending);
        emit();
        pending = 0;
    }

    private void emit() throws IOException {
        out.write(sink.array(), 0, sink.size());
        written += sink.size();
        sink.reset();
    }

    /** Bytes written to the stream so far. */
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
