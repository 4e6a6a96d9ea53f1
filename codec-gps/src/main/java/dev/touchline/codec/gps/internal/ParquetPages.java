package dev.touchline.codec.gps.internal;

import dev.touchline.codec.gps.CorruptGpsDataException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;

/**
 * The pages of one row group, read from the file's bytes and checked, as parquet-java's {@link PageReadStore}.
 *
 * <p>parquet-java's own {@code ParquetFileReader} cannot be configured without loading Hadoop classes
 * ({@code ParquetReadOptions.Builder} calls into {@code ParquetInputFormat}), so we walk the column chunks
 * ourselves: page headers through parquet-format's Thrift {@link Util}, decompression through {@link ParquetCodecs},
 * and the values through parquet-column's readers. Every size and count taken from the file is checked against the
 * bytes that are really there before anything is allocated from it: a page's CRC32 when present, page sizes inside
 * the chunk and at most {@link #MAX_PAGE_BYTES}, value counts at most the row group's rows, and the value count a
 * DELTA_BINARY_PACKED header claims at most the page's.
 */
final class ParquetPages implements PageReadStore {
    /** Largest page (uncompressed) we accept; our writer's pages are about 1 MiB. */
    static final int MAX_PAGE_BYTES = 64 << 20;

    private final long rows;
    private final Map<ColumnDescriptor, ColumnPages> columns = new HashMap<>();

    private ParquetPages(long rows) {
        this.rows = rows;
    }

    /** Reads and checks the pages of every column of {@code block}. */
    static ParquetPages read(byte[] file, BlockMetaData block, MessageType schema, ParquetCodecs codecs,
                             ParquetMetadataConverter converter) throws IOException {
        ParquetPages pages = new ParquetPages(block.getRowCount());
        for (ColumnChunkMetaData chunk : block.getColumns()) {
            ColumnDescriptor d = schema.getColumnDescription(chunk.getPath().toArray());
            pages.columns.put(d, ColumnPages.read(file, chunk, d, block.getRowCount(), codecs, converter));
        }
        return pages;
    }

    @Override
    public PageReader getPageReader(ColumnDescriptor descriptor) {
        ColumnPages p = columns.get(descriptor);
        if (p == null) {
            throw new IllegalStateException("row group has no column " + String.join(".", descriptor.getPath()));
        }
        return p;
    }

    @Override
    public long getRowCount() {
        return rows;
    }

    private static final class ColumnPages implements PageReader {
        private DictionaryPage dictionary;
        private final ArrayDeque<DataPage> data = new ArrayDeque<>();
        private long values;

        @Override
        public DictionaryPage readDictionaryPage() {
            return dictionary;
        }

        @Override
        public long getTotalValueCount() {
            return values;
        }

        @Override
        public DataPage readPage() {
            return data.poll();
        }

        static ColumnPages read(byte[] file, ColumnChunkMetaData chunk, ColumnDescriptor d, long rows,
                                ParquetCodecs codecs, ParquetMetadataConverter converter) throws IOException {
            long start = chunk.getStartingPos();
            long size = chunk.getTotalSize();
            if (start < 4 || size < 0 || start + size > file.length - 8) {
                throw new CorruptGpsDataException(start, "column chunk of " + size + " bytes outside the file");
            }
            CompressionCodecName codec = chunk.getCodec();
            codecs.getDecompressor(codec);
            ColumnPages pages = new ColumnPages();
            int pos = (int) start;
            int end = (int) (start + size);
            while (pos < end) {
                ByteArrayInputStream in = new ByteArrayInputStream(file, pos, end - pos);
                PageHeader h = Util.readPageHeader(in);
                int body = end - in.available();
                int packed = h.getCompressed_page_size();
                int raw = h.getUncompressed_page_size();
                if (packed < 0 || packed > end - body || raw < 0 || raw > MAX_PAGE_BYTES) {
                    throw new CorruptGpsDataException(pos, "page sizes " + packed + " / " + raw + " outside the "
                            + "column chunk or over " + MAX_PAGE_BYTES + " bytes");
                }
                if (h.isSetCrc()) {
                    CRC32 crc = new CRC32();
                    crc.update(file, body, packed);
                    if ((int) crc.getValue() != h.getCrc()) {
                        throw new CorruptGpsDataException(pos, "page CRC32 mismatch");
                    }
                }
                switch (h.getType()) {
                    case DICTIONARY_PAGE -> {
                        int n = h.getDictionary_page_header().getNum_values();
                        if (pages.dictionary != null || n < 0 || n > raw) {
                            throw new CorruptGpsDataException(pos, "second dictionary page or " + n + " entries in "
                                    + raw + " bytes");
                        }
                        byte[] bytes = codecs.decompress(codec, Arrays.copyOfRange(file, body, body + packed), raw);
                        pages.dictionary = new DictionaryPage(BytesInput.from(bytes), n,
                                converter.getEncoding(h.getDictionary_page_header().getEncoding()));
                    }
                    case DATA_PAGE -> {
                        DataPageHeader dh = h.getData_page_header();
                        int n = checkValues(dh.getNum_values(), pages, rows, pos);
                        byte[] bytes = codecs.decompress(codec, Arrays.copyOfRange(file, body, body + packed), raw);
                        Encoding values = converter.getEncoding(dh.getEncoding());
                        if (values == Encoding.DELTA_BINARY_PACKED) {
                            int at = d.getMaxDefinitionLevel() > 0 ? 4 + littleEndianInt(bytes, 0, pos) : 0;
                            checkDeltaHeader(bytes, at, n, pos);
                        }
                        pages.data.add(new DataPageV1(BytesInput.from(bytes), n, raw,
                                Statistics.createStats(d.getPrimitiveType()),
                                converter.getEncoding(dh.getRepetition_level_encoding()),
                                converter.getEncoding(dh.getDefinition_level_encoding()), values));
                    }
                    case DATA_PAGE_V2 -> {
                        DataPageHeaderV2 dh = h.getData_page_header_v2();
                        int n = checkValues(dh.getNum_values(), pages, rows, pos);
                        int rl = dh.getRepetition_levels_byte_length();
                        int dl = dh.getDefinition_levels_byte_length();
                        if (rl < 0 || dl < 0 || (long) rl + dl > packed || dh.getNum_rows() != n
                                || dh.getNum_nulls() < 0 || dh.getNum_nulls() > n) {
                            throw new CorruptGpsDataException(pos, "page levels or counts out of range");
                        }
                        int dataRaw = raw - rl - dl;
                        if (dataRaw < 0) {
                            throw new CorruptGpsDataException(pos, "page levels longer than the page");
                        }
                        byte[] dataPacked = Arrays.copyOfRange(file, body + rl + dl, body + packed);
                        byte[] dataBytes = dh.isIs_compressed() ? codecs.decompress(codec, dataPacked, dataRaw)
                                : dataPacked;
                        if (dataBytes.length != dataRaw) {
                            throw new CorruptGpsDataException(pos, "page data of " + dataBytes.length
                                    + " bytes, declared " + dataRaw);
                        }
                        Encoding values = converter.getEncoding(dh.getEncoding());
                        if (values == Encoding.DELTA_BINARY_PACKED) {
                            checkDeltaHeader(dataBytes, 0, n - dh.getNum_nulls(), pos);
                        }
                        pages.data.add(DataPageV2.uncompressed(dh.getNum_rows(), dh.getNum_nulls(), n,
                                BytesInput.from(Arrays.copyOfRange(file, body, body + rl)),
                                BytesInput.from(Arrays.copyOfRange(file, body + rl, body + rl + dl)), values,
                                BytesInput.from(dataBytes), Statistics.createStats(d.getPrimitiveType())));
                    }
                    default -> {
                        // Index pages and unknown page types carry no values; skip them.
                    }
                }
                pos = body + packed;
            }
            if (pages.values != rows) {
                throw new CorruptGpsDataException(start, "column " + String.join(".", d.getPath()) + " holds "
                        + pages.values + " values for " + rows + " rows");
            }
            return pages;
        }

        private static int checkValues(int n, ColumnPages pages, long rows, int pos)
                throws CorruptGpsDataException {
            if (n < 0 || pages.values + n > rows) {
                throw new CorruptGpsDataException(pos, "page of " + n + " values: more than the row group's "
                        + rows + " rows");
            }
            pages.values += n;
            return n;
        }

        private static int littleEndianInt(byte[] b, int at, int pos) throws CorruptGpsDataException {
            if (at + 4 > b.length) {
                throw new CorruptGpsDataException(pos, "page too short for its definition levels");
            }
            int v = (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
            if (v < 0 || v > b.length - at - 4) {
                throw new CorruptGpsDataException(pos, "definition levels of " + v + " bytes outside the page");
            }
            return v;
        }

        /**
         * parquet-java's DELTA_BINARY_PACKED reader allocates from the header's value count and block shape, so
         * both are checked first: the count at most the page's values, the block a multiple of 128 values of at most
         * 2¹⁶ split into miniblocks of a multiple of 32 values.
         */
        private static void checkDeltaHeader(byte[] b, int at, int pageValues, int pos)
                throws CorruptGpsDataException {
            long[] v = new long[3];
            int p = at;
            for (int k = 0; k < 3; k++) {
                long x = 0;
                int shift = 0;
                while (true) {
                    if (p >= b.length || shift > 35) {
                        throw new CorruptGpsDataException(pos, "truncated DELTA_BINARY_PACKED header");
                    }
                    int c = b[p++] & 0xFF;
                    x |= (long) (c & 0x7F) << shift;
                    shift += 7;
                    if (c < 0x80) {
                        break;
                    }
                }
                v[k] = x;
            }
            long block = v[0];
            long mini = v[1];
            long total = v[2];
            if (block <= 0 || block > 1 << 16 || block % 128 != 0 || mini <= 0 || block % mini != 0
                    || (block / mini) % 32 != 0 || total > pageValues) {
                throw new CorruptGpsDataException(pos, "DELTA_BINARY_PACKED header (block " + block + ", "
                        + mini + " miniblocks, " + total + " values) out of range for a page of " + pageValues
                        + " values");
            }
        }
    }
}
