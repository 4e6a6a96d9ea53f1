package dev.touchline.codec.gps;

import dev.touchline.testdata.RealData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.sensor.GpsTrack;
import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Encodes both real 10 Hz sets with 30 s seek windows and checks the exact round trip and the size against the
 * issue's targets: at least 30 % below the seed's independent-30 s-zstd figures (8.52 / 13.55 bits per fix), below
 * parquet DELTA_BINARY_PACKED + zstd-3 (4.89 / 10.87 in the issue, 5.286 / 8.827 from our export) and, with the
 * default format version 3, below zstd-19 over the whole stream without random access (4.69 / 6.78) and within 5 %
 * of version 2 at the same setting. Prints format version 1 and every windows-per-block setting of versions 2 and 3
 * for the record, and version 3 through the streaming encoder (built-in tables, tables fitted to its first block and
 * to its first block (the default) and to its first 3,000, 6,000 and 12,000 fixes), checking that tables fitted to the
 * first block beat the built-in ones and that a ten-minute sample streams within {@value #STREAM_BOUND} × the
 * whole-track size.
 */
@Tag("realdata")
class RealDataCompressionTest {
    private static final String STATSPORTS = "gps/statsports_U16_ID66.csv.gz";
    private static final String CATAPULT = "gps/catapult_U18_ID1.csv.gz";
    /** The streaming encoder with a ten-minute table sample stays within this factor of whole-track encode. */
    private static final double STREAM_BOUND = 1.40;
    /** Ten minutes of fixes at 10 Hz, the longer table sample the bound applies to. */
    private static final int TEN_MINUTES = 6_000;

    @Test
    void statsports() throws IOException {
        GpsTrack track = VendorCsv.statsports(RealData.require(STATSPORTS));
        check("statsports", track, 8.52, 4.89, 4.69);
    }

    @Test
    void catapult() throws IOException {
        GpsTrack track = VendorCsv.catapult(RealData.require(CATAPULT));
        check("catapult", track, 13.55, 10.87, 6.78);
    }

    private static void check(String name, GpsTrack track, double seed30s, double parquetZstd, double zstd19)
            throws IOException {
        double best = Double.MAX_VALUE;
        double[] atDefault = new double[4];
        for (int version = 2; version <= 3; version++) {
            for (int windows : new int[] {1, 2, 3, 4, 6, 10}) {
                GpsCodec codec = GpsCodec.builder().formatVersion(version).windowsPerBlock(windows).build();
                byte[] bytes = codec.encode(track);
                assertEquals(codec.quantise(track), codec.decode(bytes), name + " " + windows + " windows");
                double bits = bytes.length * 8.0 / track.length();
                System.out.printf(Locale.ROOT, "%s v%d AUTO, %d windows of 30 s per block: %d bytes, %.3f bits/fix%n",
                        name, version, windows, bytes.length, bits);
                if (windows == GpsCodec.DEFAULT_WINDOWS_PER_BLOCK) {
                    atDefault[version] = bits;
                    assertTrue(bits < zstd19, name + ": " + bits + " bits/fix not below zstd-19 whole stream "
                            + zstd19);
                }
            }
        }
        assertTrue(atDefault[3] <= 1.05 * atDefault[2], name + ": version 3 " + atDefault[3]
                + " bits/fix more than 5 % above version 2 " + atDefault[2]);
        // The streaming encoder: built-in tables (sample 0), tables fitted to its first block (1, the default), to
        // its first 5, 10 and 20 minutes.
        double streamedBuiltIn = 0;
        double streamedAtDefault = 0;
        double streamedTenMinutes = 0;
        for (int sample : new int[] {0, 1, 3000, TEN_MINUTES, 12_000}) {
            GpsCodec codec = GpsCodec.builder().streamTableSample(sample).build();
            byte[] bytes = StreamTablesTest.stream(codec, track);
            assertEquals(codec.quantise(track), codec.decode(bytes), name + " streamed, sample " + sample);
            double bits = bytes.length * 8.0 / track.length();
            long zstd = java.util.Arrays.stream(StreamTablesTest.modes(bytes)).filter(m -> m == 1).count();
            System.out.printf(Locale.ROOT, "%s v3 streamed, table sample %d fixes: %.3f bits/fix (whole-track %.3f),"
                    + " %d of %d blocks in zstd%n", name, sample, bits, atDefault[3], zstd,
                    StreamTablesTest.modes(bytes).length);
            if (sample == 0) {
                streamedBuiltIn = bits;
            }
            if (sample == GpsCodec.DEFAULT_STREAM_TABLE_SAMPLE) {
                streamedAtDefault = bits;
            }
            if (sample == TEN_MINUTES) {
                streamedTenMinutes = bits;
            }
        }
        assertTrue(streamedAtDefault < streamedBuiltIn, name + ": streamed with the default sample "
                + streamedAtDefault + " bits/fix, not below the built-in tables' " + streamedBuiltIn);
        assertTrue(streamedAtDefault < seed30s, name + ": streamed " + streamedAtDefault
                + " bits/fix not below the seed's 30 s design " + seed30s);
        assertTrue(streamedTenMinutes <= STREAM_BOUND * atDefault[3], name + ": streamed (ten-minute sample) "
                + streamedTenMinutes + " bits/fix more than " + STREAM_BOUND + " × whole-track " + atDefault[3]);
        for (EntropyMode mode : EntropyMode.values()) {
            GpsCodec codec = GpsCodec.builder().formatVersion(1).entropyMode(mode).build();
            byte[] bytes = codec.encode(track);
            assertEquals(codec.quantise(track), codec.decode(bytes), name + " " + mode + " round trip");
            double bits = bytes.length * 8.0 / track.length();
            System.out.printf(Locale.ROOT, "%s v1 %s: %d fixes, %d bytes, %.3f bits/fix%n", name, mode,
                    track.length(), bytes.length, bits);
            if (mode == EntropyMode.AUTO) {
                best = bits;
            }
        }
        assertTrue(best < 0.7 * seed30s, name + ": " + best + " bits/fix not 30 % below " + seed30s);
        assertTrue(best < parquetZstd, name + ": " + best + " bits/fix not below parquet DBP+zstd-3 " + parquetZstd);
    }
}
