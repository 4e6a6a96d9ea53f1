package dev.touchline.codec.gps;

import dev.touchline.codec.gps.internal.Format;
import dev.touchline.codec.gps.internal.DefaultTables;
import dev.touchline.codec.gps.internal.Quantiser;
import dev.touchline.codec.gps.internal.RansTables;
import dev.touchline.codec.gps.internal.TokenLog;
import dev.touchline.sensor.DeviceId;
import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.PlayerId;
import dev.touchline.sensor.TimeMicros;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The entry point: an immutable, thread-safe configuration that encodes {@link GpsTrack}s into the Touchline GPS
 * container and decodes them back.
 *
 * <pre>{@code
 * GpsCodec codec = GpsCodec.builder().keyFrameInterval(Duration.ofSeconds(30)).zstdLevel(3).build();
 * byte[] bytes = codec.encode(track);
 * GpsTrack back = codec.decode(bytes);     // == codec.quantise(track)
 * }</pre>
 *
 * <p>Decoding reads its parameters from the container's header, so any codec decodes any container; only
 * {@link Builder#maxFixes(int)} limits what it accepts.
 */
public final class GpsCodec {
    /** Seek windows per entropy block by default (format versions 2 and 3). */
    public static final int DEFAULT_WINDOWS_PER_BLOCK = 2;
    /**
     * Fixes a streaming encoder holds back by default to fit its version 3 tables: 1, i.e. only its first block,
     * so that every block is still written as soon as it is complete (see {@link Builder#streamTableSample(int)}).
     */
    public static final int DEFAULT_STREAM_TABLE_SAMPLE = 1;
    /** Largest {@link Builder#streamTableSample(int)}: about 28 hours at 10 Hz, 24 MB held. */
    public static final int MAX_STREAM_TABLE_SAMPLE = 1 << 20;
    private final long resolutionMicros;
    private final long intervalMicros;
    private final long gapMicros;
    private final int zstdLevel;
    private final EntropyMode mode;
    private final boolean speedColumn;
    private final Optional<PlayerId> player;
    private final Optional<DeviceId> device;
    private final int maxFixes;
    private final int speedDeadbandCentimetres;
    private final int formatVersion;
    private final int windowsPerBlock;
    private final int streamTableSample;
    /** Largest track whose tokens whole-track encode keeps between its passes. */
    private static final int MAX_LOGGED_FIXES = 1 << 22;

    private GpsCodec(Builder b) {
        this.streamTableSample = b.streamTableSample;
        this.formatVersion = b.formatVersion;
        this.windowsPerBlock = b.formatVersion == Format.VERSION_1 ? 1 : b.windowsPerBlock;
        this.resolutionMicros = b.resolutionMicros;
        this.intervalMicros = b.intervalMicros;
        this.gapMicros = b.gapMicros;
        this.zstdLevel = b.zstdLevel;
        this.mode = b.mode;
        this.speedColumn = b.speedColumn;
        this.player = b.player;
        this.device = b.device;
        this.maxFixes = b.maxFixes;
        this.speedDeadbandCentimetres = b.speedDeadbandCentimetres;
    }

    /** A builder with the defaults: 30 s key frames, 1 ms time resolution, 10 s gap threshold, AUTO, zstd 3. */
    public static Builder builder() {
        return new Builder();
    }

    /** The codec with every default. */
    public static GpsCodec defaults() {
        return builder().build();
    }

    /** The header this codec writes. */
    public GpsHeader header() {
        return new GpsHeader(formatVersion, resolutionMicros, intervalMicros, windowsPerBlock, gapMicros,
                speedColumn, player,
                device);
    }

    /** The entropy stage used for new blocks. */
    public EntropyMode entropyMode() {
        return mode;
    }

    /** The zstd level used for zstd blocks. */
    public int zstdLevel() {
        return zstdLevel;
    }

    /** Fixes a streaming encoder holds back to fit its tables, 0 for the built-in tables. */
    public int streamTableSample() {
        return streamTableSample;
    }

    /** The most fixes {@link #decode} accepts. */
    public int maxFixes() {
        return maxFixes;
    }

    /**
     * The lossy speed deadband in cm/s, 0 when off (the default): a quantised speed that differs from the previous
     * fix's <em>stored</em> speed by less than this is stored as that previous speed. See
     * {@link Builder#speedDeadband(double)}.
     */
    public int speedDeadbandCentimetresPerSecond() {
        return speedDeadbandCentimetres;
    }

    /**
     * Encodes a whole track. Format version 3 first counts the track's tokens and stores tables fitted to them in
     * the header when that is smaller than coding with the format's built-in tables.
     */
    public byte[] encode(GpsTrack track) {
        return encode(track, true);
    }

    /** {@link #encode(GpsTrack)}; {@code keepTokens} false makes the writing pass recompute every token (tests). */
    byte[] encode(GpsTrack track, boolean keepTokens) {
        int n = track.length();
        long[] t = new long[n];
        int[] la = new int[n];
        int[] lo = new int[n];
        int[] sp = new int[n];
        // Quantised once for both passes (a GpsTrack's values are already in range).
        for (int i = 0; i < n; i++) {
            t[i] = Quantiser.time(track.timeMicros(i), resolutionMicros);
            la[i] = Quantiser.microDegrees(track.latDeg(i));
            lo[i] = Quantiser.microDegrees(track.lonDeg(i));
            sp[i] = speedColumn ? Quantiser.centimetresPerSecond(track.speedMetresPerSecond(i)) : Format.SPEED_UNKNOWN;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + n);
        // Version 3 counts first; the counting pass logs each block's tokens so that the writing pass only runs
        // rANS (up to MAX_LOGGED_FIXES fixes: 16 bytes per fix at most, beyond that the writing pass recomputes).
        boolean counted = formatVersion >= Format.VERSION_3 && mode != EntropyMode.ZSTD
                && mode != EntropyMode.XOR_ZSTD;
        TokenLog log = counted && keepTokens && n <= MAX_LOGGED_FIXES ? new TokenLog() : null;
        RansTables tables = tablesFor(t, la, lo, sp, log);
        try (GpsStreamEncoder encoder = log != null ? new GpsStreamEncoder(out, this, tables, null, log)
                : new GpsStreamEncoder(out, this, null, tables, null)) {
            for (int i = 0; i < n; i++) {
                encoder.addQuantised(t[i], la[i], lo[i], sp[i]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory output failed", e);
        }
        return out.toByteArray();
    }

    /** Version 3: tables fitted to the track, or null where the built-in tables cost less (or do not apply). */
    private @org.jspecify.annotations.Nullable RansTables tablesFor(long[] t, int[] la, int[] lo, int[] sp,
                                                                    @org.jspecify.annotations.Nullable TokenLog log)
            throws UncheckedIOException {
        if (formatVersion < Format.VERSION_3 || mode == EntropyMode.ZSTD || mode == EntropyMode.XOR_ZSTD) {
            return null;
        }
        long[] counts = new long[RansTables.CONTEXTS * RansTables.SLOTS];
        try (GpsStreamEncoder counter = log != null ? new GpsStreamEncoder(OutputStream.nullOutputStream(), this,
                null, counts, log) : new GpsStreamEncoder(OutputStream.nullOutputStream(), this, null, null, counts)) {
            for (int i = 0; i < t.length; i++) {
                counter.addQuantised(t[i], la[i], lo[i], sp[i]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("counting pass failed", e);
        }
        RansTables own = RansTables.fromCounts(counts, false);
        double ownBits = own.cost(counts) + 8.0 * (3 + own.serialisedSize(speedColumn ? 4 : 3));
        return ownBits < DefaultTables.get().cost(counts) ? own : null;
    }

    /**
     * What {@link #decode} returns for a track this codec encoded: positions rounded to micro-degrees, speed to
     * 0.01 m/s (NaN kept, or NaN everywhere without a speed column), time to the resolution. With a speed deadband
     * the decoded speeds differ from these by less than the deadband (see {@link Builder#speedDeadband(double)}).
     */
    public GpsTrack quantise(GpsTrack track) {
        int n = track.length();
        long[] t = new long[n];
        double[] la = new double[n];
        double[] lo = new double[n];
        float[] sp = new float[n];
        for (int i = 0; i < n; i++) {
            t[i] = Quantiser.time(track.timeMicros(i), resolutionMicros);
            la[i] = Quantiser.degrees(Quantiser.microDegrees(track.latDeg(i)));
            lo[i] = Quantiser.degrees(Quantiser.microDegrees(track.lonDeg(i)));
            sp[i] = speedColumn ? Quantiser.metresPerSecond(Quantiser.centimetresPerSecond(
                    track.speedMetresPerSecond(i))) : Float.NaN;
        }
        return GpsTrack.of(t, la, lo, sp);
    }

    /**
     * Decodes a whole container.
     *
     * @throws CorruptGpsDataException naming the offset of the first structure that fails its checks, when the
     *     container holds more than {@link #maxFixes()} fixes, or when its time goes backwards across blocks (which
     *     a {@link GpsTrack} cannot hold; {@link GpsStreamDecoder} reads such containers)
     */
    public GpsTrack decode(byte[] bytes) throws CorruptGpsDataException {
        try (GpsFile file = open(bytes)) {
            return file.decodeAll();
        }
    }

    /** Opens a container for random access (header and seek table are read and checked now). */
    public GpsFile open(byte[] bytes) throws CorruptGpsDataException {
        return GpsFile.open(bytes, maxFixes);
    }

    /**
     * A streaming encoder writing to {@code out}: the header is written at once, or in format version 3 (with
     * {@link Builder#streamTableSample(int)} &gt; 0, the default) together with the first blocks, once the encoder
     * has fitted its tables to them.
     */
    public GpsStreamEncoder newEncoder(OutputStream out) throws IOException {
        return new GpsStreamEncoder(out, this);
    }

    /**
     * A streaming encoder that continues from {@code snapshot}, writing to {@code out}, which must continue the
     * output the snapshotted encoder wrote (nothing is written until the next block completes).
     *
     * @throws IllegalArgumentException when the snapshot was taken with a different header
     */
    public GpsStreamEncoder resumeEncoder(OutputStream out, GpsEncoderSnapshot snapshot) throws IOException {
        return new GpsStreamEncoder(out, this, snapshot);
    }

    /** A streaming decoder reading from {@code in} (the header is read at once). */
    public GpsStreamDecoder newDecoder(InputStream in) throws IOException {
        return new GpsStreamDecoder(in);
    }

    /** Configuration of a {@link GpsCodec}. */
    public static final class Builder {
        private long resolutionMicros = 1_000;
        private long intervalMicros = 30_000_000;
        private long gapMicros = 10_000_000;
        private int zstdLevel = 3;
        private EntropyMode mode = EntropyMode.AUTO;
        private boolean speedColumn = true;
        private Optional<PlayerId> player = Optional.empty();
        private Optional<DeviceId> device = Optional.empty();
        private int maxFixes = 1 << 26;
        private int speedDeadbandCentimetres;
        private int formatVersion = Format.VERSION;
        private int windowsPerBlock = DEFAULT_WINDOWS_PER_BLOCK;
        private int streamTableSample = DEFAULT_STREAM_TABLE_SAMPLE;

        private Builder() {
        }

        /**
         * Format version 3's streaming encoder ({@link GpsCodec#newEncoder}): it holds back its first complete
         * blocks until they hold at least this many fixes (or the stream ends), fits token tables to them, and
         * writes the header (storing those tables when they beat the built-in ones) followed by the held blocks;
         * later blocks use the same tables, and a block with a residual they cannot code is written in zstd mode.
         * <b>Latency:</b> nothing reaches the output before the sample is complete, so the first blocks wait up to
         * this many fixes plus one block; after that every block is written as soon as it is complete. The default,
         * {@value GpsCodec#DEFAULT_STREAM_TABLE_SAMPLE}, holds back only the first block, so no block waits (only the
         * header does); 0 writes the header at once and codes with the built-in tables, fitted to simulated tracks.
         * A longer sample compresses better where a session starts with the device lying still, since tables fitted
         * to that code the match badly (FORMAT.md: STATSports 7.17 bits per fix with the default, 5.74 with 6,000
         * fixes, ten minutes at 10 Hz, of latency); choose it when that latency, and holding those fixes in memory,
         * is acceptable. At most
         * {@value GpsCodec#MAX_STREAM_TABLE_SAMPLE}. Whole-track {@link GpsCodec#encode} always counts the whole
         * track instead.
         */
        public Builder streamTableSample(int fixes) {
            if (fixes < 0 || fixes > MAX_STREAM_TABLE_SAMPLE) {
                throw new IllegalArgumentException("streamTableSample " + fixes + " outside [0, "
                        + MAX_STREAM_TABLE_SAMPLE + "]");
            }
            this.streamTableSample = fixes;
            return this;
        }

        /**
         * Seek windows (key-frame intervals) per entropy block, 1..64; default {@value GpsCodec#DEFAULT_WINDOWS_PER_BLOCK}.
         * The context model keeps learning across the windows of a block instead of starting afresh every window,
         * which makes the container smaller; the price is that a seek decodes the whole block that holds its
         * window (at most this many windows). 1 gives blocks of one window, as in format version 1.
         */
        public Builder windowsPerBlock(int windows) {
            if (windows < 1 || windows > Format.MAX_WINDOWS_PER_BLOCK) {
                throw new IllegalArgumentException("windowsPerBlock " + windows + " outside [1, "
                        + Format.MAX_WINDOWS_PER_BLOCK + "]");
            }
            this.windowsPerBlock = windows;
            return this;
        }

        /**
         * The container format version to write: 3 (the default: static-table rANS tokens), 2 (adaptive binary
         * range coder, several windows per block) or 1 (one window per block), which exist so that older readers
         * and the published comparisons can be reproduced. All are always read.
         */
        public Builder formatVersion(int version) {
            if (version < Format.VERSION_1 || version > Format.LATEST) {
                throw new IllegalArgumentException("formatVersion " + version + " outside [1, " + Format.LATEST
                        + "]");
            }
            this.formatVersion = version;
            return this;
        }

        /**
         * Optional lossy speed deadband, m/s, 0 (the default) for none; otherwise 0.02 to 1 m/s, rounded to 0.01 m/s.
         * A speed whose quantised value differs from the previous fix's <em>stored</em> (reconstructed) speed by
         * less than the deadband is stored as that previous speed, so small jitter costs no bits. Because the
         * comparison is against the reconstructed value, the error never accumulates: every decoded speed is within
         * {@code deadband − 0.005} m/s of the original (the quantisation's 0.005 included). Unknown (NaN) speeds and
         * the first known speed after one are stored as they are.
         */
        public Builder speedDeadband(double metresPerSecond) {
            if (metresPerSecond == 0) {
                this.speedDeadbandCentimetres = 0;
                return this;
            }
            if (!(metresPerSecond >= 0.015 && metresPerSecond <= 1.0)) {
                throw new IllegalArgumentException("speedDeadband " + metresPerSecond
                        + " m/s outside {0} ∪ [0.02, 1] m/s");
            }
            this.speedDeadbandCentimetres = (int) Math.round(metresPerSecond * 100);
            return this;
        }

        /** Seek granularity: a block never spans more than this from its key frame; 1 ms to 1 day. */
        public Builder keyFrameInterval(Duration interval) {
            long micros = TimeMicros.of(interval);
            if (micros < 1_000 || micros > Format.MAX_INTERVAL_MICROS) {
                throw new IllegalArgumentException("keyFrameInterval " + interval + " outside [1 ms, 1 day]");
            }
            this.intervalMicros = micros;
            return this;
        }

        /** Time quantum; 1 µs to 1 s, default 1 ms. Decoded times are exact multiples of it. */
        public Builder timeResolution(Duration resolution) {
            long micros = TimeMicros.of(resolution);
            if (micros < 1 || micros > Format.MAX_RESOLUTION_MICROS) {
                throw new IllegalArgumentException("timeResolution " + resolution + " outside [1 µs, 1 s]");
            }
            this.resolutionMicros = micros;
            return this;
        }

        /** A time step longer than this starts a new key frame (e.g. a device's auto-pause); default 10 s. */
        public Builder gapThreshold(Duration gap) {
            long micros = TimeMicros.of(gap);
            if (micros < 1 || micros > Format.MAX_INTERVAL_MICROS) {
                throw new IllegalArgumentException("gapThreshold " + gap + " outside [1 µs, 1 day]");
            }
            this.gapMicros = micros;
            return this;
        }

        /** zstd level for zstd blocks, 1..22; default 3. */
        public Builder zstdLevel(int level) {
            if (level < 1 || level > 22) {
                throw new IllegalArgumentException("zstdLevel " + level + " outside [1, 22]");
            }
            this.zstdLevel = level;
            return this;
        }

        /** The entropy stage; default {@link EntropyMode#AUTO}. */
        public Builder entropyMode(EntropyMode mode) {
            if (mode == null) {
                throw new NullPointerException("entropyMode is null");
            }
            this.mode = mode;
            return this;
        }

        /** Whether to store speed (default true); without it, decoded speed is NaN. */
        public Builder speedColumn(boolean store) {
            this.speedColumn = store;
            return this;
        }

        /** The player recorded in the header. */
        public Builder player(PlayerId id) {
            this.player = Optional.of(id);
            return this;
        }

        /** The device recorded in the header (serial of at most 255 UTF-8 bytes). */
        public Builder device(DeviceId id) {
            if (id.serial().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
                throw new IllegalArgumentException("device serial longer than 255 UTF-8 bytes");
            }
            this.device = Optional.of(id);
            return this;
        }

        /** The most fixes a whole-track decode accepts (a bound on memory for untrusted input); default 2^26. */
        public Builder maxFixes(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxFixes " + max + " must be >= 1");
            }
            this.maxFixes = max;
            return this;
        }

        /** The codec. */
        public GpsCodec build() {
            if (gapMicros < resolutionMicros || intervalMicros < resolutionMicros) {
                throw new IllegalArgumentException("gapThreshold (" + gapMicros + " µs) and keyFrameInterval ("
                        + intervalMicros + " µs) must be >= timeResolution (" + resolutionMicros + " µs)");
            }
            return new GpsCodec(this);
        }
    }
}
