package dev.touchline.codec.gps.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.SeekableInputStream;

/** parquet-java's file abstractions over a caller's {@code OutputStream} and over bytes in memory. */
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

    /** An input "file" over {@code bytes} (not copied; must not change while it is read). */
    public static InputFile inputFile(byte[] bytes) {
        return new InputFile() {
            @Override
            public long getLength() {
                return bytes.length;
            }

            @Override
            public SeekableInputStream newStream() {
                return new ByteArraySeekable(bytes);
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

    private static final class ByteArraySeekable extends SeekableInputStream {
        private final byte[] bytes;
        private int position;

        ByteArraySeekable(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public long getPos() {
            return position;
        }

        @Override
        public void seek(long newPos) throws IOException {
            if (newPos < 0 || newPos > bytes.length) {
                throw new EOFException("seek to " + newPos + " outside a " + bytes.length + "-byte input");
            }
            position = (int) newPos;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int n = Math.min(len, bytes.length - position);
            if (n <= 0) {
                return -1;
            }
            System.arraycopy(bytes, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public void readFully(byte[] b) throws IOException {
            readFully(b, 0, b.length);
        }

        @Override
        public void readFully(byte[] b, int off, int len) throws IOException {
            if (len > bytes.length - position) {
                throw new EOFException("read of " + len + " bytes at " + position + " past the end of a "
                        + bytes.length + "-byte input");
            }
            System.arraycopy(bytes, position, b, off, len);
            position += len;
        }

        @Override
        public int read(ByteBuffer buf) {
            int n = Math.min(buf.remaining(), bytes.length - position);
            if (n <= 0) {
                return buf.hasRemaining() ? -1 : 0;
            }
            buf.put(bytes, position, n);
            position += n;
            return n;
        }

        @Override
        public void readFully(ByteBuffer buf) throws IOException {
            int n = buf.remaining();
            if (n > bytes.length - position) {
                throw new EOFException("read of " + n + " bytes at " + position + " past the end of a "
                        + bytes.length + "-byte input");
            }
            buf.put(bytes, position, n);
            position += n;
        }
    }
}
