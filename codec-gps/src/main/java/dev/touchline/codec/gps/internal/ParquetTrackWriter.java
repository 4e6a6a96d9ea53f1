package dev.touchline.codec.gps.internal;

import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.PlayerId;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/**
 * Writes tracks column by column through parquet-java's page and file writers, without its Hadoop-bound
 * {@code ParquetWriter}/{@code WriteSupport} layer: one row group per track (more for tracks over
 * {@link #MAX_ROWS_PER_ROW_GROUP} fixes).
 */
public final class ParquetTrackWriter {
    /** Fixes per row group at most; bounds the writer's memory at a few tens of MB. */
    public static final int MAX_ROWS_PER_ROW_GROUP = 1 << 20;
    private static final int TRUNCATE_LENGTH = 64;
    /** Only a hint for block-based file systems; we never pad row groups. */
    private static final long ROW_GROUP_BYTES_HINT = 128L * 1024 * 1024;

    private final CompressionCodecName codec;
    private final int zstdLevel;
    private final boolean legacy;

    /**
     * A writer configuration.
     *
     * @param codec page compression: UNCOMPRESSED, SNAPPY or ZSTD
     * @param zstdLevel zstd level when {@code codec} is ZSTD
     * @param legacy version-1 data pages with dictionary encoding instead of version-2 pages with
     *     DELTA_BINARY_PACKED
     */
    public ParquetTrackWriter(CompressionCodecName codec, int zstdLevel, boolean legacy) {
        this.codec = codec;
        this.zstdLevel = zstdLevel;
        this.legacy = legacy;
    }

    /** Writes {@code tracks} (player, track pairs) as one Parquet file to {@code file}. */
    public void write(List<Map.Entry<Optional<PlayerId>, GpsTrack>> tracks, OutputFile file) throws IOException {
        MessageType schema = ParquetTrackSchema.SCHEMA;
        ParquetProperties props = properties();
        ParquetCodecs codecs = new ParquetCodecs(zstdLevel);
        try {
            ParquetFileWriter writer = new ParquetFileWriter(file, schema, ParquetFileWriter.Mode.OVERWRITE,
                    ROW_GROUP_BYTES_HINT, 0, TRUNCATE_LENGTH,
                    TRUNCATE_LENGTH, props.getPageWriteChecksumEnabled());
            writer.start();
            for (Map.Entry<Optional<PlayerId>, GpsTrack> entry : tracks) {
                GpsTrack track = entry.getValue();
                Binary player = entry.getKey().map(p -> Binary.fromConstantByteArray(p.toBytes())).orElse(null);
                for (int from = 0; from < track.length(); from += MAX_ROWS_PER_ROW_GROUP) {
                    int to = (int) Math.min(track.length(), (long) from + MAX_ROWS_PER_ROW_GROUP);
                    writeRowGroup(writer, props, codecs, player, track, from, to);
                }
            }
            writer.end(Map.of(ParquetTrackSchema.MARKER_KEY, ParquetTrackSchema.MARKER_VALUE));
        } finally {
            codecs.release();
        }
    }

    private ParquetProperties properties() {
        ParquetProperties.Builder b = ParquetProperties.builder().withAllocator(new HeapByteBufferAllocator());
        if (legacy) {
            return b.withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0).withDictionaryEncoding(true)
                    .build();
        }
        return b.withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0).withDictionaryEncoding(false)
                .withDictionaryEncoding(ParquetTrackSchema.PLAYER, true).build();
    }

    private void writeRowGroup(ParquetFileWriter writer, ParquetProperties props, ParquetCodecs codecs,
                               Binary player, GpsTrack track, int from, int to) throws IOException {
        MessageType schema = ParquetTrackSchema.SCHEMA;
        ColumnChunkPageWriteStore pages = new ColumnChunkPageWriteStore(codecs.getCompressor(codec), schema,
                props.getAllocator(), TRUNCATE_LENGTH, props.getPageWriteChecksumEnabled());
        ColumnWriteStore columns = props.newColumnWriteStore(schema, pages);
        ColumnWriter playerColumn = columns.getColumnWriter(column(schema, ParquetTrackSchema.PLAYER));
        ColumnWriter time = columns.getColumnWriter(column(schema, ParquetTrackSchema.TIME));
        ColumnWriter lat = columns.getColumnWriter(column(schema, ParquetTrackSchema.LAT));
        ColumnWriter lon = columns.getColumnWriter(column(schema, ParquetTrackSchema.LON));
        ColumnWriter speed = columns.getColumnWriter(column(schema, ParquetTrackSchema.SPEED));
        for (int i = from; i < to; i++) {
            if (player == null) {
                playerColumn.writeNull(0, 0);
            } else {
                playerColumn.write(player, 0, 1);
            }
            time.write(track.timeMicros(i), 0, 0);
            lat.write(Quantiser.microDegrees(track.latDeg(i)), 0, 0);
            lon.write(Quantiser.microDegrees(track.lonDeg(i)), 0, 0);
            float v = track.speedMetresPerSecond(i);
            if (Float.isNaN(v)) {
                speed.writeNull(0, 0);
            } else {
                speed.write(speedCentimetres(v, i), 0, 1);
            }
            columns.endRecord();
        }
        columns.flush();
        writer.startBlock(to - from);
        pages.flushToFileWriter(writer);
        writer.endBlock();
        columns.close();
        pages.close();
    }

    private static int speedCentimetres(float v, int index) {
        int q = Quantiser.centimetresPerSecond(v);
        if (q > ParquetTrackSchema.MAX_SPEED_CENTIMETRES_PER_SECOND) {
            throw new IllegalArgumentException("speedMetresPerSecond[" + index + "] is " + v
                    + ", outside the Parquet column's DECIMAL(9, 2) range [0, 9999999.99] m/s");
        }
        return q;
    }

    static ColumnDescriptor column(MessageType schema, String name) {
        return schema.getColumnDescription(new String[] {name});
    }
}
