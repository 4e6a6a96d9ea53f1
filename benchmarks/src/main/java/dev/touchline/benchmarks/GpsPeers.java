package dev.touchline.benchmarks;

import com.github.luben.zstd.Zstd;
import dev.touchline.codec.gps.CorruptGpsDataException;
import dev.touchline.codec.gps.EntropyMode;
import dev.touchline.codec.gps.GpsCodec;
import dev.touchline.codec.gps.parquet.GpsParquet;
import dev.touchline.codec.gps.parquet.ParquetCompression;
import dev.touchline.codec.gps.parquet.PlayerTrack;
import dev.touchline.sensor.GpsTrack;
import fi.iki.yak.ts.compression.gorilla.GorillaCompressor;
import fi.iki.yak.ts.compression.gorilla.GorillaDecompressor;
import fi.iki.yak.ts.compression.gorilla.LongArrayInput;
import fi.iki.yak.ts.compression.gorilla.LongArrayOutput;
import fi.iki.yak.ts.compression.gorilla.Pair;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Encode/decode kernels of the codecs compared.
 *
 * <ul>
 *   <li>Ours, all with 30 s random access: {@code tlg-auto} (the default: format version 3, static-table rANS,
 *       two 30 s windows per entropy block, AUTO, tables fitted to the track in the header), {@code tlg-model},
 *       {@code tlg-zstd}, {@code tlg-xor} (the other entropy modes), {@code tlg-v3w1} (version 3 with one window
 *       per block: the cheapest seek), {@code tlg-stream} (version 3 through the streaming encoder: tables fitted
 *       to its first block), {@code tlg-v2} (format version 2: the adaptive binary range coder, two windows per block),
 *       {@code tlg-v1} (format version 1: every 30 s window its own block) and {@code tlg-w10} (ten windows, 5 min,
 *       per block).</li>
 *   <li>The seed design over the whole stream, no random access: {@code zstd3-delta}, {@code zstd19-delta}: int16
 *       deltas of time (ms), latitude and longitude (micro-degrees) and speed (cm/s), column after column, one zstd
 *       frame. Deltas that do not fit wrap, as in the seed (the real sets have none).</li>
 *   <li>zstd-3/19 over the raw columns: {@code zstd3-raw}, {@code zstd19-raw} (int64 µs, float64 lat, float64 lon,
 *       float32 speed as read from the vendor file, sub-micro-degree digits included).</li>
 *   <li>Gorilla ({@code fi.iki.yak:compression-gorilla}) on the float64 latitude and longitude alone, index as time
 *       stamp (one bit per value, two per fix, are time): {@code gorilla-latlon} on the values rounded to
 *       micro-degrees, the information every other codec here keeps, and {@code gorilla-latlon-raw} on the vendor's
 *       doubles as read (8 decimals in the STATSports file, 15 significant digits in the Catapult one), which was
 *       this benchmark's only Gorilla row before.</li>
 *   <li>parquet-java through our Hadoop-free export: {@code parquet-snappy}, {@code parquet-zstd}
 *       (DELTA_BINARY_PACKED, version-2 pages, zstd level 3).</li>
 *   <li>{@code plain} columns, {@value #PLAIN_BYTES_PER_FIX} bytes per fix.</li>
 * </ul>
 */
public final class GpsPeers {
    /** Bytes per fix of the plain columns. */
    public static final int PLAIN_BYTES_PER_FIX = 8 + 8 + 8 + 4;
    /** Every codec name accepted. */
    public static final String[] NAMES = {"tlg-auto", "tlg-model", "tlg-zstd", "tlg-xor", "tlg-v3w1", "tlg-stream",
        "tlg-v2", "tlg-v1", "tlg-w10",
        "zstd3-delta", "zstd19-delta", "zstd3-raw", "zstd19-raw", "gorilla-latlon", "gorilla-latlon-raw",
        "parquet-snappy", "parquet-zstd", "plain"};

    private GpsPeers() {
    }

    /** Our codec for a {@code tlg-*} name. */
    public static GpsCodec codec(String name) {
        return switch (name) {
            case "tlg-auto" -> GpsCodec.defaults();
            case "tlg-model" -> GpsCodec.builder().entropyMode(EntropyMode.MODEL).build();
            case "tlg-zstd" -> GpsCodec.builder().entropyMode(EntropyMode.ZSTD).build();
            case "tlg-xor" -> GpsCodec.builder().entropyMode(EntropyMode.XOR_ZSTD).build();
            case "tlg-v3w1" -> GpsCodec.builder().windowsPerBlock(1).build();
            case "tlg-stream" -> GpsCodec.defaults();
            case "tlg-v2" -> GpsCodec.builder().formatVersion(2).build();
            case "tlg-v1" -> GpsCodec.builder().formatVersion(1).build();
            case "tlg-w10" -> GpsCodec.builder().windowsPerBlock(10).build();
            default -> throw new IllegalArgumentException("not a tlg codec: " + name);
        };
    }

    private static GpsParquet parquet(String name) {
        return GpsParquet.builder().compression(name.equals("parquet-zstd") ? ParquetCompression.ZSTD
                : ParquetCompression.SNAPPY).build();
    }

    /** Encodes {@code track} with codec {@code name}. */
    public static byte[] encode(String name, GpsTrack track) {
        return switch (name) {
            case "zstd3-raw" -> Zstd.compress(plain(track), 3);
            case "zstd19-raw" -> Zstd.compress(plain(track), 19);
            case "zstd3-delta" -> Zstd.compress(deltas(track), 3);
            case "zstd19-delta" -> Zstd.compress(deltas(track), 19);
            case "gorilla-latlon" -> gorilla(track, true);
            case "gorilla-latlon-raw" -> gorilla(track, false);
            case "parquet-snappy", "parquet-zstd" -> parquet(name).toBytes(List.of(PlayerTrack.anonymous(track)));
            case "plain" -> plain(track);
            case "tlg-stream" -> streamed(track);
            default -> codec(name).encode(track);
        };
    }

    /**
     * Decodes bytes of codec {@code name} into {@code out} (time µs, lat, lon as doubles; speed as float bits).
     *
     * @return number of fixes decoded
     */
    public static int decode(String name, byte[] bytes, int fixes, Columns out) throws CorruptGpsDataException {
        switch (name) {
            case "zstd3-raw", "zstd19-raw" -> {
                return fromPlain(Zstd.decompress(bytes, fixes * PLAIN_BYTES_PER_FIX), fixes, out);
            }
            case "plain" -> {
                return fromPlain(bytes, fixes, out);
            }
            case "zstd3-delta", "zstd19-delta" -> {
                return fromDeltas(Zstd.decompress(bytes, 20 + fixes * 8), fixes, out);
            }
            case "gorilla-latlon", "gorilla-latlon-raw" -> {
                return fromGorilla(bytes, fixes, out);
            }
            case "parquet-snappy", "parquet-zstd" -> {
                return copy(parquet(name).read(bytes), out);
            }
            default -> {
                return copy(codec(name).decode(bytes), out);
            }
        }
    }

    /** The streaming encoder's container: format version 3, tables fitted to its first block (the default). */
    private static byte[] streamed(GpsTrack track) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(64 + track.length());
        try (dev.touchline.codec.gps.GpsStreamEncoder encoder = GpsCodec.defaults().newEncoder(out)) {
            encoder.addAll(track);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static int copy(GpsTrack t, Columns out) {
        for (int i = 0; i < t.length(); i++) {
            out.time[i] = t.timeMicros(i);
            out.lat[i] = t.latDeg(i);
            out.lon[i] = t.lonDeg(i);
            out.speed[i] = t.speedMetresPerSecond(i);
        }
        return t.length();
    }

    /** The seed design's layout: int16 deltas of time ms, lat/lon µdeg and speed cm/s, column after column. */
    private static byte[] deltas(GpsTrack t) {
        int n = t.length();
        ByteBuffer b = ByteBuffer.allocate(n * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < 4; c++) {
            long previous = 0;
            for (int i = 0; i < n; i++) {
                long v = switch (c) {
                    case 0 -> Math.floorDiv(t.timeMicros(i), 1000L);
                    case 1 -> Math.round(t.latDeg(i) * 1e6);
                    case 2 -> Math.round(t.lonDeg(i) * 1e6);
                    default -> Float.isNaN(t.speedMetresPerSecond(i)) ? -1 : Math.round(t.speedMetresPerSecond(i)
                            * 100.0);
                };
                // The seed keeps the first value absolute in its key frame; here it rides in the header below.
                b.putShort((short) (i == 0 ? 0 : v - previous));
                previous = v;
            }
        }
        ByteBuffer head = ByteBuffer.allocate(8 + 4 + 4 + 4).order(ByteOrder.LITTLE_ENDIAN);
        if (n > 0) {
            head.putLong(Math.floorDiv(t.timeMicros(0), 1000L)).putInt((int) Math.round(t.latDeg(0) * 1e6))
                    .putInt((int) Math.round(t.lonDeg(0) * 1e6)).putInt(Float.isNaN(t.speedMetresPerSecond(0)) ? -1
                            : (int) Math.round(t.speedMetresPerSecond(0) * 100.0));
        }
        byte[] out = new byte[head.capacity() + b.position()];
        System.arraycopy(head.array(), 0, out, 0, head.capacity());
        System.arraycopy(b.array(), 0, out, head.capacity(), b.position());
        return out;
    }

    private static int fromDeltas(byte[] bytes, int n, Columns out) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long time = b.getLong();
        long lat = b.getInt();
        long lon = b.getInt();
        long speed = b.getInt();
        for (int i = 0; i < n; i++) {
            time += b.getShort();
            out.time[i] = time * 1000L;
        }
        for (int i = 0; i < n; i++) {
            lat += b.getShort();
            out.lat[i] = lat / 1e6;
        }
        for (int i = 0; i < n; i++) {
            lon += b.getShort();
            out.lon[i] = lon / 1e6;
        }
        for (int i = 0; i < n; i++) {
            speed += b.getShort();
            out.speed[i] = speed < 0 ? Float.NaN : (float) (speed / 100.0);
        }
        return n;
    }

    /** Preallocated output columns. */
    public static final class Columns {
        final long[] time;
        final double[] lat;
        final double[] lon;
        final float[] speed;

        /** Room for {@code n} fixes. */
        public Columns(int n) {
            time = new long[n];
            lat = new double[n];
            lon = new double[n];
            speed = new float[n];
        }

        /** Latitude of fix {@code i}, degrees. */
        public double lat(int i) {
            return lat[i];
        }

        /** Time of fix {@code i}, µs. */
        public long time(int i) {
            return time[i];
        }
    }

    private static byte[] plain(GpsTrack t) {
        int n = t.length();
        ByteBuffer b = ByteBuffer.allocate(n * PLAIN_BYTES_PER_FIX).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putLong(t.timeMicros(i));
        }
        for (int i = 0; i < n; i++) {
            b.putDouble(t.latDeg(i));
        }
        for (int i = 0; i < n; i++) {
            b.putDouble(t.lonDeg(i));
        }
        for (int i = 0; i < n; i++) {
            b.putFloat(t.speedMetresPerSecond(i));
        }
        return b.array();
    }

    private static int fromPlain(byte[] bytes, int n, Columns out) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            out.time[i] = b.getLong();
        }
        for (int i = 0; i < n; i++) {
            out.lat[i] = b.getDouble();
        }
        for (int i = 0; i < n; i++) {
            out.lon[i] = b.getDouble();
        }
        for (int i = 0; i < n; i++) {
            out.speed[i] = b.getFloat();
        }
        return n;
    }

    private static byte[] gorilla(GpsTrack t, boolean microDegrees) {
        long[] lat = gorillaColumn(t, true, microDegrees);
        long[] lon = gorillaColumn(t, false, microDegrees);
        ByteBuffer b = ByteBuffer.allocate(8 + 8 * (lat.length + lon.length)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(lat.length).putInt(lon.length);
        for (long v : lat) {
            b.putLong(v);
        }
        for (long v : lon) {
            b.putLong(v);
        }
        return b.array();
    }

    private static long[] gorillaColumn(GpsTrack t, boolean latitude, boolean microDegrees) {
        LongArrayOutput output = new LongArrayOutput(Math.max(16, t.length() / 2));
        GorillaCompressor c = new GorillaCompressor(0, output);
        for (int i = 0; i < t.length(); i++) {
            double v = latitude ? t.latDeg(i) : t.lonDeg(i);
            c.addValue(i, microDegrees ? Math.round(v * 1e6) / 1e6 : v);
        }
        c.close();
        return output.getLongArray(); // a copy trimmed to the words written
    }

    private static int fromGorilla(byte[] bytes, int n, Columns out) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long[] lat = new long[b.getInt()];
        long[] lon = new long[b.getInt()];
        for (int i = 0; i < lat.length; i++) {
            lat[i] = b.getLong();
        }
        for (int i = 0; i < lon.length; i++) {
            lon[i] = b.getLong();
        }
        GorillaDecompressor dLat = new GorillaDecompressor(new LongArrayInput(lat));
        GorillaDecompressor dLon = new GorillaDecompressor(new LongArrayInput(lon));
        int i = 0;
        for (Pair p = dLat.readPair(); p != null && i < n; p = dLat.readPair()) {
            out.lat[i++] = p.getDoubleValue();
        }
        int j = 0;
        for (Pair p = dLon.readPair(); p != null && j < n; p = dLon.readPair()) {
            out.lon[j++] = p.getDoubleValue();
        }
        return Math.min(i, j);
    }
}
