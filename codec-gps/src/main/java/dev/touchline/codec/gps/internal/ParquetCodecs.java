package dev.touchline.codec.gps.internal;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Parquet page compression without Hadoop: parquet-java's own factories go through Hadoop's
 * {@code CompressionCodec}, so we call snappy-java and zstd-jni directly. One instance serves one writer or reader
 * (not thread-safe: the zstd contexts are reused for every page rather than reallocated).
 */
public final class ParquetCodecs implements CompressionCodecFactory {
    private final int zstdLevel;
    private ZstdCompressCtx zstdCompress;
    private ZstdDecompressCtx zstdDecompress;

    /** Thrown for a page compressed with a codec we do not read (e.g. GZIP or LZ4). */
    public static final class UnsupportedCodecException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsupportedCodecException(CompressionCodecName codec) {
            super("page compression " + codec + " is not supported (UNCOMPRESSED, SNAPPY or ZSTD)");
        }
    }

    /** A factory whose zstd compressor uses {@code zstdLevel}. */
    public ParquetCodecs(int zstdLevel) {
        this.zstdLevel = zstdLevel;
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        switch (codec) {
            case UNCOMPRESSED:
                return new Compressor(codec);
            case SNAPPY:
                return new Compressor(codec);
            case ZSTD:
                if (zstdCompress == null) {
                    zstdCompress = new ZstdCompressCtx().setLevel(zstdLevel);
                }
                return new Compressor(codec);
            default:
                throw new UnsupportedCodecException(codec);
        }
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        switch (codec) {
            case UNCOMPRESSED:
            case SNAPPY:
                return new Decompressor(codec);
            case ZSTD:
                if (zstdDecompress == null) {
                    zstdDecompress = new ZstdDecompressCtx();
                }
                return new Decompressor(codec);
            default:
                throw new UnsupportedCodecException(codec);
        }
    }

    @Override
    public void release() {
        if (zstdCompress != null) {
            zstdCompress.close();
            zstdCompress = null;
        }
        if (zstdDecompress != null) {
            zstdDecompress.close();
            zstdDecompress = null;
        }
    }

    private static byte[] bytesOf(BytesInput bytes) throws IOException {
        long n = bytes.size();
        if (n < 0 || n > Integer.MAX_VALUE - 8) {
            throw new IOException("page of " + n + " bytes");
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((int) n);
        bytes.writeAllTo(out);
        return out.toByteArray();
    }

    private byte[] compress(CompressionCodecName codec, byte[] raw) throws IOException {
        switch (codec) {
            case SNAPPY:
                return Snappy.compress(raw);
            case ZSTD:
                return zstdCompress.compress(raw);
            default:
                return raw;
        }
    }

    /** {@code packed} decompressed with {@code codec} to exactly {@code size} bytes, or an IOException. */
    byte[] decompress(CompressionCodecName codec, byte[] packed, int size) throws IOException {
        switch (codec) {
            case SNAPPY: {
                if (!Snappy.isValidCompressedBuffer(packed) || Snappy.uncompressedLength(packed) != size) {
                    throw new IOException("Snappy page does not decompress to its declared " + size + " bytes");
                }
                byte[] out = new byte[size];
                Snappy.uncompress(packed, 0, packed.length, out, 0);
                return out;
            }
            case ZSTD: {
                byte[] out = new byte[size];
                int n;
                try {
                    n = zstdDecompress.decompressByteArray(out, 0, size, packed, 0, packed.length);
                } catch (RuntimeException e) {
                    throw new IOException("zstd page does not decompress: " + e.getMessage(), e);
                }
                if (n != size) {
                    throw new IOException("zstd page decompresses to " + n + " bytes, declared " + size);
                }
                return out;
            }
            default:
                if (packed.length != size) {
                    throw new IOException("uncompressed page holds " + packed.length + " bytes, declared " + size);
                }
                return packed;
        }
    }

    private final class Compressor implements BytesInputCompressor {
        private final CompressionCodecName codec;

        Compressor(CompressionCodecName codec) {
            this.codec = codec;
        }

        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            if (codec == CompressionCodecName.UNCOMPRESSED) {
                return bytes;
            }
            return BytesInput.from(ParquetCodecs.this.compress(codec, bytesOf(bytes)));
        }

        @Override
        public CompressionCodecName getCodecName() {
            return codec;
        }

        @Override
        public void release() {
            // The contexts belong to the factory and are closed by its release().
        }
    }

    private final class Decompressor implements BytesInputDecompressor {
        private final CompressionCodecName codec;

        Decompressor(CompressionCodecName codec) {
            this.codec = codec;
        }

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            if (uncompressedSize < 0) {
                throw new IOException("negative uncompressed page size " + uncompressedSize);
            }
            return BytesInput.from(ParquetCodecs.this.decompress(codec, bytesOf(bytes), uncompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            if (compressedSize < 0 || uncompressedSize < 0 || compressedSize > input.remaining()
                    || uncompressedSize > output.remaining()) {
                throw new IOException("page sizes " + compressedSize + " / " + uncompressedSize
                        + " outside the buffers");
            }
            byte[] packed = new byte[compressedSize];
            input.duplicate().get(packed);
            byte[] raw = ParquetCodecs.this.decompress(codec, packed, uncompressedSize);
            output.duplicate().put(raw);
        }

        @Override
        public void release() {
            // The contexts belong to the factory and are closed by its release().
        }
    }
}
