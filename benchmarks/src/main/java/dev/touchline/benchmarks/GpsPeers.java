package dev.touchline.benchmarks;

import com.github.luben.zstd.Zstd;
import dev.touchline.codec.gps.CorruptGpsDataException;
import dev.touchline.codec.gps.EntropyMode;
import dev.touchline.codec.gps.GpsCodec;
import dev.touchline.sensor.GpsTrack;
import fi.iki.yak.ts.compression.gorilla.GorillaCompressor;
import fi.iki.yak.ts.compression.gorilla.GorillaDecompressor;
import fi.iki.yak.ts.compression.gorilla.LongArrayInput;
import fi.iki.yak.ts.compression.gorilla.LongArrayOutput;
import fi.iki.yak.ts.compression.gorilla.Pair;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Encode/decode kernels of the codecs compared: our container in each entropy mode ({@code tlg-*}, 30 s random
 * access) and the peers — zstd-3/19 over the raw columns (int64 µs, float64 lat, float64 lon, float32 speed, one
 * stream, no random access), Gorilla XOR on the float64 latitude and longitude alone (index as time stamp, so its
 * time overhead is one bit per value), and plain columns ({@value #PLAIN_BYTES_PER_FIX} bytes per fix).
 */
public final class GpsPeers {
    /** Bytes per fix of the plain columns. */
    public static final int PLAIN_BYTES_PER_FIX = 8 + 8 + 8 + 4;
    /** Every codec name accepted. */
    public static final String[] NAMES = {"tlg-auto", "tlg-model", "tlg-zstd", "tlg-xor", "zstd3-raw",
        "zstd19-raw", "gorilla-latlon", "plain"};

    private GpsPeers() {
    }

    /** Our codec for a {@code tlg-*} name. */
    public static GpsCodec codec(String name) {
        EntropyMode mode = switch (name) {
            case "tlg-auto" -> EntropyMode.AUTO;
            case "tlg-model" -> EntropyMode.MODEL;
            case "tlg-zstd" -> EntropyMode.ZSTD;
            case "tlg-xor" -> EntropyMode.XOR_ZSTD;
            default -> throw new IllegalArgumentException("not a tlg codec: " + name);
        };
        return GpsCodec.builder().entropyMode(mode).build();
    }

    /** Encodes {@code track} with codec {@code name}. */
    public static byte[] encode(String name, GpsTrack track) {
        return switch (name) {
            case "zstd3-raw" -> Zstd.compress(plain(track), 3);
            case "zstd19-raw" -> Zstd.compress(plain(track), 19);
            case "gorilla-latlon" -> gorilla(track);
            case "plain" -> plain(track);
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
            case "gorilla-latlon" -> {
                return fromGorilla(bytes, fixes, out);
            }
            default -> {
                GpsTrack t = codec(name).decode(bytes);
                for (int i = 0; i < t.length(); i++) {
                    out.time[i] = t.timeMicros(i);
                    out.lat[i] = t.latDeg(i);
                    out.lon[i] = t.lonDeg(i);
                    out.speed[i] = t.speedMetresPerSecond(i);
                }
                return t.length();
            }
        }
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

    private static byte[] gorilla(GpsTrack t) {
        long[] lat = gorillaColumn(t, true);
        long[] lon = gorillaColumn(t, false);
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

    private static long[] gorillaColumn(GpsTrack t, boolean latitude) {
        LongArrayOutput output = new LongArrayOutput(Math.max(16, t.length() / 2));
        GorillaCompressor c = new GorillaCompressor(0, output);
        for (int i = 0; i < t.length(); i++) {
            c.addValue(i, latitude ? t.latDeg(i) : t.lonDeg(i));
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
