package dev.touchline.codec.gps.internal;

import dev.touchline.codec.gps.CorruptGpsDataException;
import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.PlayerId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Reads a Parquet file with the columns of {@link ParquetTrackSchema} column by column through parquet-java's
 * column readers over our own page store ({@link ParquetPages}; no Hadoop, no record materialisation). Any failure of the file's structure or values becomes a
 * {@link CorruptGpsDataException} naming the byte offset of the row group (0 for the footer).
 */
public final class ParquetTrackReader {
    private final int maxFixes;

    /** A reader that refuses files holding more than {@code maxFixes} rows in total. */
    public ParquetTrackReader(int maxFixes) {
        this.maxFixes = maxFixes;
    }

    /** The tracks of the Parquet file {@code file}: one per run of consecutive rows with the same player id. */
    public List<Map.Entry<Optional<PlayerId>, GpsTrack>> read(byte[] file) throws CorruptGpsDataException {
        ParquetCodecs codecs = new ParquetCodecs(3);
        long offset = 0;
        try {
            ParquetMetadataConverter converter = new ParquetMetadataConverter();
            ParquetMetadata footer = footer(file, converter);
            MessageType schema = footer.getFileMetaData().getSchema();
            String createdBy = footer.getFileMetaData().getCreatedBy();
            Columns columns = Columns.of(schema);
            long total = 0;
            for (BlockMetaData block : footer.getBlocks()) {
                total += block.getRowCount();
                if (block.getRowCount() < 0 || total > maxFixes) {
                    throw new CorruptGpsDataException(block.getStartingPos(), "the file declares " + total
                            + " or more rows, more than the limit of " + maxFixes);
                }
            }
            Rows rows = new Rows();
            for (BlockMetaData block : footer.getBlocks()) {
                offset = block.getStartingPos();
                ParquetPages pages = ParquetPages.read(file, block, schema, codecs, converter);
                readRowGroup(new ColumnReadStoreImpl(pages, new IgnoringConverter(schema.getFieldCount()), schema,
                        createdBy), columns, (int) pages.getRowCount(), rows, offset);
            }
            return rows.tracks();
        } catch (CorruptGpsDataException e) {
            throw e;
        } catch (ParquetCodecs.UnsupportedCodecException e) {
            throw new CorruptGpsDataException(offset, e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            // parquet-java reports damage as IOExceptions or runtime exceptions of many types; a caller sees one.
            throw new CorruptGpsDataException(offset, "not a readable GPS track Parquet file: " + e, e);
        } finally {
            codecs.release();
        }
    }

    private static ParquetMetadata footer(byte[] file, ParquetMetadataConverter converter) throws IOException {
        int n = file.length;
        if (n < 12 || !magic(file, 0) || !magic(file, n - 4)) {
            throw new CorruptGpsDataException(0, "no Parquet magic PAR1 at both ends of " + n + " bytes");
        }
        int length = (file[n - 8] & 0xFF) | (file[n - 7] & 0xFF) << 8 | (file[n - 6] & 0xFF) << 16
                | (file[n - 5] & 0xFF) << 24;
        if (length <= 0 || length > n - 12) {
            throw new CorruptGpsDataException(n - 8, "footer length " + length + " outside the file");
        }
        try {
            // Thrift's message-size limit is the footer's real length; the converter's own default needs options
            // that cannot be built without Hadoop.
            return converter.fromParquetMetadata(Util.readFileMetaData(
                    new ByteArrayInputStream(file, n - 8 - length, length), length));
        } catch (IOException | RuntimeException e) {
            throw new CorruptGpsDataException(n - 8 - length, "unreadable Parquet footer: " + e, e);
        }
    }

    private static boolean magic(byte[] b, int at) {
        return b[at] == 'P' && b[at + 1] == 'A' && b[at + 2] == 'R' && b[at + 3] == '1';
    }

    private static void readRowGroup(ColumnReadStoreImpl store, Columns c, int n, Rows rows, long offset)
            throws CorruptGpsDataException {
        int base = rows.size;
        ColumnReader time = store.getColumnReader(c.time);
        for (int i = 0; i < n; i++) {
            // Grown as values really decode, never from the footer's claimed row count alone.
            rows.ensure(base + i + 1);
            requireValue(time, c.time, base + i, offset);
            rows.time[base + i] = time.getLong();
            time.consume();
        }
        rows.size += n;
        readMicroDegrees(store.getColumnReader(c.lat), c.lat, rows.lat, base, n, offset);
        readMicroDegrees(store.getColumnReader(c.lon), c.lon, rows.lon, base, n, offset);
        if (c.speed == null) {
            Arrays.fill(rows.speed, base, base + n, Format.SPEED_UNKNOWN);
        } else {
            ColumnReader speed = store.getColumnReader(c.speed);
            int max = c.speed.getMaxDefinitionLevel();
            for (int i = 0; i < n; i++) {
                if (speed.getCurrentDefinitionLevel() == max) {
                    int v = speed.getInteger();
                    if (v < 0) {
                        throw new CorruptGpsDataException(offset, "row " + (base + i) + ": negative speed " + v);
                    }
                    rows.speed[base + i] = v;
                } else {
                    rows.speed[base + i] = Format.SPEED_UNKNOWN;
                }
                speed.consume();
            }
        }
        if (c.player != null) {
            ColumnReader player = store.getColumnReader(c.player);
            int max = c.player.getMaxDefinitionLevel();
            for (int i = 0; i < n; i++) {
                if (player.getCurrentDefinitionLevel() == max) {
                    Binary b = player.getBinary();
                    if (b.length() != PlayerId.BYTES) {
                        throw new CorruptGpsDataException(offset, "row " + (base + i) + ": player id of "
                                + b.length() + " bytes");
                    }
                    rows.player(base + i, b.getBytes());
                }
                player.consume();
            }
        }
    }

    private static void readMicroDegrees(ColumnReader reader, ColumnDescriptor d, int[] out, int base, int n,
                                         long offset) throws CorruptGpsDataException {
        for (int i = 0; i < n; i++) {
            requireValue(reader, d, base + i, offset);
            out[base + i] = reader.getInteger();
            reader.consume();
        }
    }

    private static void requireValue(ColumnReader reader, ColumnDescriptor d, int row, long offset)
            throws CorruptGpsDataException {
        if (reader.getCurrentDefinitionLevel() != d.getMaxDefinitionLevel()) {
            throw new CorruptGpsDataException(offset, "row " + row + ": " + d.getPath()[0] + " is null");
        }
    }

    /** The columns we read, checked against what the file declares. */
    private record Columns(ColumnDescriptor time, ColumnDescriptor lat, ColumnDescriptor lon,
                           ColumnDescriptor speed, ColumnDescriptor player) {
        static Columns of(MessageType schema) throws CorruptGpsDataException {
            ColumnDescriptor time = column(schema, ParquetTrackSchema.TIME, true, PrimitiveTypeName.INT64);
            LogicalTypeAnnotation t = time.getPrimitiveType().getLogicalTypeAnnotation();
            if (!(t instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts)
                    || ts.getUnit() != LogicalTypeAnnotation.TimeUnit.MICROS) {
                throw new CorruptGpsDataException(0, "column time is " + t + ", expected TIMESTAMP(MICROS)");
            }
            ColumnDescriptor lat = decimal(schema, ParquetTrackSchema.LAT, true, 6);
            ColumnDescriptor lon = decimal(schema, ParquetTrackSchema.LON, true, 6);
            ColumnDescriptor speed = decimal(schema, ParquetTrackSchema.SPEED, false, 2);
            ColumnDescriptor player = column(schema, ParquetTrackSchema.PLAYER, false,
                    PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY);
            return new Columns(time, lat, lon, speed, player);
        }

        private static ColumnDescriptor decimal(MessageType schema, String name, boolean required, int scale)
                throws CorruptGpsDataException {
            ColumnDescriptor d = column(schema, name, required, PrimitiveTypeName.INT32);
            if (d == null) {
                return null;
            }
            LogicalTypeAnnotation a = d.getPrimitiveType().getLogicalTypeAnnotation();
            if (!(a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation dec) || dec.getScale() != scale) {
                throw new CorruptGpsDataException(0, "column " + name + " is " + a + ", expected DECIMAL(9, "
                        + scale + ")");
            }
            return d;
        }

        private static ColumnDescriptor column(MessageType schema, String name, boolean required,
                                               PrimitiveTypeName type) throws CorruptGpsDataException {
            if (!schema.containsField(name)) {
                if (required) {
                    throw new CorruptGpsDataException(0, "no column " + name + " in the file's schema");
                }
                return null;
            }
            Type field = schema.getType(name);
            if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)
                    || field.asPrimitiveType().getPrimitiveTypeName() != type) {
                throw new CorruptGpsDataException(0, "column " + name + " is " + field + ", expected " + type);
            }
            PrimitiveType p = field.asPrimitiveType();
            if (type == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY && p.getTypeLength() != PlayerId.BYTES) {
                throw new CorruptGpsDataException(0, "column " + name + " is " + field + ", expected 16 bytes");
            }
            return schema.getColumnDescription(new String[] {name});
        }
    }

    /** All rows of the file as columns, with the player of each row. */
    private static final class Rows {
        long[] time = new long[0];
        int[] lat = new int[0];
        int[] lon = new int[0];
        int[] speed = new int[0];
        byte[][] player = new byte[0][];
        int size;

        void ensure(int capacity) {
            if (capacity <= time.length) {
                return;
            }
            int n = (int) Math.max(capacity, Math.min(Integer.MAX_VALUE - 8, Math.max(1024, 2L * time.length)));
            time = Arrays.copyOf(time, n);
            lat = Arrays.copyOf(lat, n);
            lon = Arrays.copyOf(lon, n);
            speed = Arrays.copyOf(speed, n);
            player = Arrays.copyOf(player, n);
        }

        void player(int row, byte[] id) {
            // Rows of one player share one array, so runs are found by reference first, then by content.
            byte[] previous = row > 0 ? player[row - 1] : null;
            player[row] = previous != null && Arrays.equals(previous, id) ? previous : id;
        }

        List<Map.Entry<Optional<PlayerId>, GpsTrack>> tracks() throws CorruptGpsDataException {
            List<Map.Entry<Optional<PlayerId>, GpsTrack>> out = new ArrayList<>();
            int from = 0;
            for (int i = 1; i <= size; i++) {
                if (i == size || !Arrays.equals(player[i], player[from])) {
                    out.add(new AbstractMap.SimpleImmutableEntry<>(
                            Optional.ofNullable(player[from]).map(PlayerId::fromBytes), track(from, i)));
                    from = i;
                }
            }
            return out;
        }

        private GpsTrack track(int from, int to) throws CorruptGpsDataException {
            int n = to - from;
            double[] la = new double[n];
            double[] lo = new double[n];
            float[] sp = new float[n];
            for (int i = 0; i < n; i++) {
                la[i] = Quantiser.degrees(lat[from + i]);
                lo[i] = Quantiser.degrees(lon[from + i]);
                sp[i] = Quantiser.metresPerSecond(speed[from + i]);
            }
            try {
                return GpsTrack.of(Arrays.copyOfRange(time, from, to), la, lo, sp);
            } catch (IllegalArgumentException e) {
                throw new CorruptGpsDataException(0, "rows " + from + ".." + (to - 1) + ": " + e.getMessage(), e);
            }
        }
    }

    /** parquet-java's column readers want a converter tree; we read values straight from the readers instead. */
    private static final class IgnoringConverter extends GroupConverter {
        private final PrimitiveConverter ignore = new PrimitiveConverter() {
        };
        private final int fields;

        IgnoringConverter(int fields) {
            this.fields = fields;
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            if (fieldIndex < 0 || fieldIndex >= fields) {
                throw new IndexOutOfBoundsException("field " + fieldIndex + " of " + fields);
            }
            return ignore;
        }

        @Override
        public void start() {
            // Values are read from the column readers directly.
        }

        @Override
        public void end() {
            // Values are read from the column readers directly.
        }
    }
}
