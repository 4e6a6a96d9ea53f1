package dev.touchline.formats.fit;

import dev.touchline.formats.FormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A decoder of FIT activity files (Garmin's Flexible and Interoperable data Transfer protocol) for the
 * {@code record} messages (global number 20): timestamp (field 253), position_lat/long (0, 1, sint32
 * semicircles), heart_rate (3), speed (6, mm/s) or enhanced_speed (73). Handles definition messages of either byte
 * order, developer fields (skipped), compressed-timestamp headers, and checks the file CRC. Errors name the file
 * and the byte offset.
 */
public final class FitActivityReader {
    /** Seconds from the Unix epoch to the FIT epoch, 1989-12-31T00:00:00Z. */
    public static final long FIT_EPOCH_SECONDS = 631_065_600L;
    private static final int RECORD = 20;
    private static final int MAX_FILE_BYTES = 1 << 30;

    private FitActivityReader() {
    }

    /** A reader. */
    public static FitActivityReader create() {
        return new FitActivityReader();
    }

    /** Reads a FIT file. */
    public FitRecords read(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new FormatException(file.toString(), 0, "larger than 1 GiB");
        }
        return read(Files.readAllBytes(file), file.toString());
    }

    /** Decodes the bytes of a FIT file named {@code source} in errors. */
    public FitRecords read(byte[] b, String source) throws FormatException {
        return new Parser(b, source).parse();
    }

    private static final class Definition {
        int global;
        boolean bigEndian;
        int[] number = new int[0];
        int[] size = new int[0];
        int developerBytes;
    }

    private static final class Parser {
        private final byte[] b;
        private final String source;
        private final Definition[] local = new Definition[16];
        private long lastTimestamp = -1;
        private long[] time = new long[1024];
        private int[] lat = new int[1024];
        private int[] lon = new int[1024];
        private float[] speed = new float[1024];
        private int[] heart = new int[1024];
        private int n;

        Parser(byte[] b, String source) {
            this.b = b;
            this.source = source;
        }

        private FormatException error(int at, String message) {
            return new FormatException(source, 0, "byte " + at + ": " + message);
        }

        FitRecords parse() throws FormatException {
            if (b.length < 12) {
                throw error(0, "too short for a FIT header");
            }
            int headerSize = b[0] & 0xFF;
            if ((headerSize != 12 && headerSize != 14) || b[8] != '.' || b[9] != 'F' || b[10] != 'I'
                    || b[11] != 'T') {
                throw error(0, "not a FIT file");
            }
            long dataSize = u32(1 + 3, false);
            long end = headerSize + dataSize;
            if (end + 2 > b.length) {
                throw error(4, "data size " + dataSize + " runs past the end of the file (" + b.length + " bytes)");
            }
            int stored = (b[(int) end] & 0xFF) | (b[(int) end + 1] & 0xFF) << 8;
            if (crc(0, (int) end) != stored) {
                throw error((int) end, "file CRC mismatch");
            }
            int pos = headerSize;
            while (pos < end) {
                int at = pos;
                int h = b[pos++] & 0xFF;
                if ((h & 0x80) != 0) {
                    Definition d = definition((h >> 5) & 3, at);
                    if (lastTimestamp < 0) {
                        throw error(at, "compressed timestamp before any timestamp");
                    }
                    int offset = h & 0x1F;
                    long t = (lastTimestamp & ~0x1FL) + offset;
                    if (offset < (lastTimestamp & 0x1F)) {
                        t += 0x20;
                    }
                    lastTimestamp = t;
                    pos = data(d, pos, (int) end, t);
                } else if ((h & 0x40) != 0) {
                    pos = define(h & 0xF, (h & 0x20) != 0, pos, (int) end);
                } else {
                    pos = data(definition(h & 0xF, at), pos, (int) end, -1);
                }
            }
            return new FitRecords(source, time, lat, lon, speed, heart, n);
        }

        private Definition definition(int type, int at) throws FormatException {
            Definition d = local[type];
            if (d == null) {
                throw error(at, "data message of undefined local type " + type);
            }
            return d;
        }

        private int define(int type, boolean developer, int pos, int end) throws FormatException {
            need(pos, 5, end);
            Definition d = new Definition();
            d.bigEndian = b[pos + 1] == 1;
            d.global = (d.bigEndian ? (b[pos + 2] & 0xFF) << 8 | (b[pos + 3] & 0xFF)
                    : (b[pos + 2] & 0xFF) | (b[pos + 3] & 0xFF) << 8);
            int fields = b[pos + 4] & 0xFF;
            pos += 5;
            need(pos, 3 * fields, end);
            d.number = new int[fields];
            d.size = new int[fields];
            for (int i = 0; i < fields; i++) {
                d.number[i] = b[pos] & 0xFF;
                d.size[i] = b[pos + 1] & 0xFF;
                pos += 3;
            }
            if (developer) {
                need(pos, 1, end);
                int dev = b[pos++] & 0xFF;
                need(pos, 3 * dev, end);
                for (int i = 0; i < dev; i++) {
                    d.developerBytes += b[pos + 1] & 0xFF;
                    pos += 3;
                }
            }
            local[type] = d;
            return pos;
        }

        private int data(Definition d, int pos, int end, long compressedTime) throws FormatException {
            long timestamp = compressedTime;
            int la = FitRecords.NO_POSITION;
            int lo = FitRecords.NO_POSITION;
            float sp = Float.NaN;
            float enhanced = Float.NaN;
            int hr = FitRecords.NO_HEART_RATE;
            for (int i = 0; i < d.number.length; i++) {
                int size = d.size[i];
                need(pos, size, end);
                int f = d.number[i];
                if (f == 253 && size == 4) {
                    long v = u32(pos, d.bigEndian);
                    if (v != 0xFFFFFFFFL) {
                        timestamp = v;
                        lastTimestamp = v;
                    }
                } else if (d.global == RECORD && size == 4 && (f == 0 || f == 1)) {
                    int v = (int) u32(pos, d.bigEndian);
                    if (f == 0) {
                        la = v;
                    } else {
                        lo = v;
                    }
                } else if (d.global == RECORD && f == 6 && size == 2) {
                    int v = (int) u16(pos, d.bigEndian);
                    sp = v == 0xFFFF ? Float.NaN : v / 1000f;
                } else if (d.global == RECORD && f == 73 && size == 4) {
                    long v = u32(pos, d.bigEndian);
                    enhanced = v == 0xFFFFFFFFL ? Float.NaN : v / 1000f;
                } else if (d.global == RECORD && f == 3 && size == 1) {
                    int v = b[pos] & 0xFF;
                    hr = v == 0xFF ? FitRecords.NO_HEART_RATE : v;
                }
                pos += size;
            }
            need(pos, d.developerBytes, end);
            pos += d.developerBytes;
            if (d.global == RECORD) {
                if (timestamp < 0) {
                    throw error(pos, "record message without a timestamp");
                }
                add((timestamp + FIT_EPOCH_SECONDS) * 1_000_000L, la, lo, Float.isNaN(sp) ? enhanced : sp, hr);
            }
            return pos;
        }

        private void add(long t, int la, int lo, float sp, int hr) {
            if (n == time.length) {
                int c = n * 2;
                time = Arrays.copyOf(time, c);
                lat = Arrays.copyOf(lat, c);
                lon = Arrays.copyOf(lon, c);
                speed = Arrays.copyOf(speed, c);
                heart = Arrays.copyOf(heart, c);
            }
            time[n] = t;
            lat[n] = la;
            lon[n] = lo;
            speed[n] = sp;
            heart[n] = hr;
            n++;
        }

        private void need(int pos, int count, int end) throws FormatException {
            if (count > end - pos) {
                throw error(pos, "truncated message: needs " + count + " bytes, " + (end - pos) + " left");
            }
        }

        private long u32(int p, boolean bigEndian) {
            long v = 0;
            for (int i = 0; i < 4; i++) {
                int shift = bigEndian ? 8 * (3 - i) : 8 * i;
                v |= (long) (b[p + i] & 0xFF) << shift;
            }
            return v;
        }

        private long u16(int p, boolean bigEndian) {
            return bigEndian ? (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF) : (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
        }

        private static final int[] CRC_TABLE = {0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
            0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400};

        /** FIT's CRC-16 over {@code b[from, to)}. */
        private int crc(int from, int to) {
            int crc = 0;
            for (int i = from; i < to; i++) {
                int v = b[i] & 0xFF;
                int tmp = CRC_TABLE[crc & 0xF];
                crc = (crc >> 4) & 0x0FFF;
                crc = crc ^ tmp ^ CRC_TABLE[v & 0xF];
                tmp = CRC_TABLE[crc & 0xF];
                crc = (crc >> 4) & 0x0FFF;
                crc = crc ^ tmp ^ CRC_TABLE[(v >> 4) & 0xF];
            }
            return crc;
        }
    }
}
