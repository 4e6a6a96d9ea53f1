package dev.touchline.codec.gps.parquet;

import dev.touchline.codec.gps.CorruptGpsDataException;
import dev.touchline.codec.gps.internal.ParquetStreams;
import dev.touchline.codec.gps.internal.ParquetTrackReader;
import dev.touchline.codec.gps.internal.ParquetTrackWriter;
import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.PlayerId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Parquet export and import of GNSS tracks: an immutable, thread-safe configuration (schema and encodings in the
 * package overview).
 *
 * <pre>{@code
 * GpsParquet parquet = GpsParquet.defaults();                    // Snappy, version-2 pages, DELTA_BINARY_PACKED
 * parquet.write(track, Path.of("run.parquet"));
 * GpsTrack back = parquet.read(Path.of("run.parquet"));          // positions to micro-degrees, speed to 0.01 m/s
 * }</pre>
 *
 * <p>Positions are written as {@code round(deg × 10⁶)} micro-degrees and speed as {@code round(v × 100)} cm/s (NaN
 * as null), exactly as the {@code .tlg} container stores them; time is written exactly. So a read returns
 * {@code GpsCodec.defaults().quantise(track)} apart from time, which Parquet keeps to the microsecond.
 */
public final class GpsParquet {
    static {
        // parquet-java cannot be on the module path (unnamed jars with split packages), so when this module runs
        // as a named module it must read the class path's unnamed module. A no-op on the class path.
        Module self = GpsParquet.class.getModule();
        ClassLoader loader = GpsParquet.class.getClassLoader();
        if (self.isNamed() && loader != null) {
            self.addReads(loader.getUnnamedModule());
        }
    }

    private final ParquetCompression compression;
    private final int zstdLevel;
    private final boolean legacyWriter;
    private final int maxFixes;

    private GpsParquet(Builder b) {
        this.compression = b.compression;
        this.zstdLevel = b.zstdLevel;
        this.legacyWriter = b.legacyWriter;
        this.maxFixes = b.maxFixes;
    }

    /** A builder with the defaults: Snappy, zstd level 3 when zstd is chosen, version-2 pages, 2²⁶ fixes at most. */
    public static Builder builder() {
        return new Builder();
    }

    /** The configuration with every default. */
    public static GpsParquet defaults() {
        return builder().build();
    }

    /** Page compression. */
    public ParquetCompression compression() {
        return compression;
    }

    /** zstd level used when {@link #compression()} is ZSTD, 1..22. */
    public int zstdLevel() {
        return zstdLevel;
    }

    /** Whether files are written with version-1 pages and dictionary encoding. */
    public boolean legacyWriter() {
        return legacyWriter;
    }

    /** Most fixes a read accepts from one file. */
    public int maxFixes() {
        return maxFixes;
    }

    /** Writes one anonymous track (null {@code player_id}) to {@code file}, replacing it. */
    public void write(GpsTrack track, Path file) throws IOException {
        writeAll(List.of(PlayerTrack.anonymous(track)), file);
    }

    /** Writes one anonymous track to {@code out}; {@code out} is flushed, not closed. */
    public void write(GpsTrack track, OutputStream out) throws IOException {
        writeAll(List.of(PlayerTrack.anonymous(track)), out);
    }

    /**
     * Writes several tracks, each as row groups of its own in the order given, to {@code file}, replacing it.
     *
     * @throws IllegalArgumentException if a speed is 10⁷ m/s or more (outside the column's DECIMAL(9, 2))
     */
    public void writeAll(List<PlayerTrack> tracks, Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (OutputStream out = Files.newOutputStream(file)) {
            writeAll(tracks, out);
        }
    }

    /**
     * Writes several tracks, each as row groups of its own in the order given, to {@code out}; {@code out} is
     * flushed, not closed.
     *
     * @throws IllegalArgumentException if a speed is 10⁷ m/s or more (outside the column's DECIMAL(9, 2))
     */
    public void writeAll(List<PlayerTrack> tracks, OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        List<Map.Entry<Optional<PlayerId>, GpsTrack>> entries = new ArrayList<>(tracks.size());
        for (PlayerTrack t : tracks) {
            entries.add(Map.entry(t.player(), t.track()));
        }
        writer().write(entries, ParquetStreams.outputFile(out));
    }

    /** Writes tracks to a new byte array. */
    public byte[] toBytes(List<PlayerTrack> tracks) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            writeAll(tracks, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("in-memory output failed", e);
        }
        return out.toByteArray();
    }

    /**
     * Reads every row of {@code file} as one track.
     *
     * @throws CorruptGpsDataException if the file is not a readable Parquet file with this package's columns, holds
     *     several players, more than {@link #maxFixes()} rows, or values a {@link GpsTrack} cannot hold (time going
     *     backwards, latitude outside ±90°...)
     */
    public GpsTrack read(Path file) throws IOException {
        return single(readAll(file));
    }

    /** Reads every row of a Parquet file's bytes as one track; see {@link #read(Path)}. */
    public GpsTrack read(byte[] bytes) throws CorruptGpsDataException {
        return single(readAll(bytes));
    }

    /**
     * Reads the tracks of {@code file}, one per run of consecutive rows with the same player id.
     *
     * @throws CorruptGpsDataException as {@link #read(Path)}, except that several players are allowed
     */
    public List<PlayerTrack> readAll(Path file) throws IOException {
        return readAll(Files.readAllBytes(file));
    }

    /** Reads a whole Parquet file from {@code in} (to its end; not closed); see {@link #readAll(Path)}. */
    public List<PlayerTrack> readAll(InputStream in) throws IOException {
        return readAll(in.readAllBytes());
    }

    /** Reads the tracks of a Parquet file's bytes; see {@link #readAll(Path)}. */
    public List<PlayerTrack> readAll(byte[] bytes) throws CorruptGpsDataException {
        List<PlayerTrack> out = new ArrayList<>();
        for (Map.Entry<Optional<PlayerId>, GpsTrack> e : new ParquetTrackReader(maxFixes).read(bytes)) {
            out.add(new PlayerTrack(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static GpsTrack single(List<PlayerTrack> tracks) throws CorruptGpsDataException {
        if (tracks.isEmpty()) {
            return GpsTrack.empty();
        }
        if (tracks.size() > 1) {
            throw new CorruptGpsDataException(0, "the file holds " + tracks.size()
                    + " tracks (player ids change between rows); read them with readAll");
        }
        return tracks.get(0).track();
    }

    private ParquetTrackWriter writer() {
        return new ParquetTrackWriter(switch (compression) {
            case UNCOMPRESSED -> org.apache.parquet.hadoop.metadata.CompressionCodecName.UNCOMPRESSED;
            case SNAPPY -> org.apache.parquet.hadoop.metadata.CompressionCodecName.SNAPPY;
            case ZSTD -> org.apache.parquet.hadoop.metadata.CompressionCodecName.ZSTD;
        }, zstdLevel, legacyWriter);
    }

    /** Configuration of a {@link GpsParquet}. */
    public static final class Builder {
        private ParquetCompression compression = ParquetCompression.SNAPPY;
        private int zstdLevel = 3;
        private boolean legacyWriter;
        private int maxFixes = 1 << 26;

        private Builder() {
        }

        /** Page compression (default SNAPPY). */
        public Builder compression(ParquetCompression c) {
            this.compression = Objects.requireNonNull(c, "compression");
            return this;
        }

        /** zstd level for {@link ParquetCompression#ZSTD}, 1..22 (default 3). */
        public Builder zstdLevel(int level) {
            if (level < 1 || level > 22) {
                throw new IllegalArgumentException("zstdLevel " + level + " outside [1, 22]");
            }
            this.zstdLevel = level;
            return this;
        }

        /**
         * Version-1 data pages with dictionary encoding (PLAIN fallback) instead of version-2 pages with
         * DELTA_BINARY_PACKED, for readers that predate the latter (default false).
         */
        public Builder legacyWriter(boolean legacy) {
            this.legacyWriter = legacy;
            return this;
        }

        /** Most rows a read accepts from one file (default 2²⁶); bounds memory for untrusted files. */
        public Builder maxFixes(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxFixes " + max + " must be >= 1");
            }
            this.maxFixes = max;
            return this;
        }

        /** The configuration. */
        public GpsParquet build() {
            return new GpsParquet(this);
        }
    }
}
