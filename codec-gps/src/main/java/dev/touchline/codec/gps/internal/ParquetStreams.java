package dev.touchline.codec.gps.internal;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/** parquet-java's output file abstraction over a caller's {@code OutputStream}. */
public final class ParquetStreams {
    private ParquetStreams() {
    }

    /**
     * An output "file" that appends to {@code out}. Closing the Parquet writer flushes {@code out} but leaves it open:
     * the caller owns it.
     */
    public static OutputFile outputFile(OutputStream out) {
        return new OutputFile() {
            @Override
            public PositionOutputStream create(long blockSizeHint) {
                return new CountingOutput(out);
            }

            @Override
            public PositionOutputStream createOrOverwrite(long blockSizeHint) {
                return new CountingOutput(out);
            }

            @Override
            public boolean supportsBlockSize() {
                return false;
            }

            @Override
            public long defaultBlockSize() {
                return 0;
            }
        };
    }

    private static final class CountingOutput extends PositionOutputStream {
        private final OutputStream out;
        private long position;

        CountingOutput(OutputStream out) {
            this.out = out;
        }

        @Override
        public long getPos() {
            return position;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            position++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            position += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
