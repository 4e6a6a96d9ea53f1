package dev.touchline.codec.gps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.codec.gps.parquet.GpsParquet;
import dev.touchline.codec.gps.parquet.ParquetCompression;
import dev.touchline.codec.gps.parquet.PlayerTrack;
import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.PlayerId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet export and import: exact round trips at the quantisation, several players, damaged files. */
class GpsParquetTest {
    /** What an import returns: micro-degrees, cm/s, time exact to the microsecond. */
    static GpsTrack expected(GpsTrack track) {
        return GpsCodec.builder().timeResolution(Duration.ofNanos(1000)).build().quantise(track);
    }

    @Property(tries = 60, seed = "31")
    void roundTripIsExactAtTheQuantisation(@ForAll long seed, @ForAll ParquetCompression compression,
                                           @ForAll boolean legacy) throws IOException {
        GpsTrack track = Tracks.random(seed, 3000);
        GpsParquet parquet = GpsParquet.builder().compression(compression).legacyWriter(legacy).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parquet.write(track, out);
        assertEquals(expected(track), parquet.read(out.toByteArray()));
    }

    @Test
    void severalPlayersComeBackInOrderWithTheirIds(@TempDir Path dir) throws IOException {
        List<PlayerTrack> tracks = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            GpsTrack t = Tracks.random(100 + p, 2000);
            tracks.add(p == 2 ? PlayerTrack.anonymous(t) : PlayerTrack.of(PlayerId.nameBased("player-" + p), t));
        }
        Path file = dir.resolve("squad.parquet");
        GpsParquet.builder().compression(ParquetCompression.ZSTD).build().writeAll(tracks, file);
        List<PlayerTrack> back = GpsParquet.defaults().readAll(file);
        List<PlayerTrack> nonEmpty = tracks.stream().filter(t -> !t.track().isEmpty()).toList();
        assertEquals(nonEmpty.size(), back.size());
        for (int i = 0; i < back.size(); i++) {
            assertEquals(nonEmpty.get(i).player(), back.get(i).player());
            assertEquals(expected(nonEmpty.get(i).track()), back.get(i).track());
        }
        try (var in = Files.newInputStream(file)) {
            assertEquals(back, GpsParquet.defaults().readAll(in));
        }
        CorruptGpsDataException e = assertThrows(CorruptGpsDataException.class, () -> GpsParquet.defaults()
                .read(file));
        assertTrue(e.getMessage().contains("readAll"), e.getMessage());
    }

    @Test
    void aTrackOverTheRowGroupLimitSpansRowGroupsAndComesBackWhole() throws IOException {
        GpsTrack track = Simulated.track(7, Duration.ofMinutes(2), 3);
        byte[] bytes = GpsParquet.defaults().toBytes(List.of(PlayerTrack.of(PlayerId.nameBased("x"), track)));
        assertEquals(expected(track), GpsParquet.defaults().read(new ByteArrayInputStream(bytes).readAllBytes()));
    }

    @Test
    void anEmptyTrackWritesAReadableEmptyFile() throws IOException {
        byte[] bytes = GpsParquet.defaults().toBytes(List.of(PlayerTrack.anonymous(GpsTrack.empty())));
        assertEquals(GpsTrack.empty(), GpsParquet.defaults().read(bytes));
    }

    @Test
    void tooManyRowsAreRefusedBeforeDecoding() throws IOException {
        GpsTrack track = Simulated.track(7, Duration.ofMinutes(1), 1);
        byte[] bytes = GpsParquet.defaults().toBytes(List.of(PlayerTrack.anonymous(track)));
        CorruptGpsDataException e = assertThrows(CorruptGpsDataException.class,
                () -> GpsParquet.builder().maxFixes(track.length() - 1).build().read(bytes));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
    }

    @Test
    void aSpeedOutsideTheDecimalColumnIsAProgrammingError() {
        GpsTrack track = GpsTrack.of(new long[] {0}, new double[] {1}, new double[] {2}, new float[] {2e7f});
        assertThrows(IllegalArgumentException.class, () -> GpsParquet.defaults().toBytes(
                List.of(PlayerTrack.anonymous(track))));
    }

    /** Seed 32: truncations, bit flips and garbage only ever raise CorruptGpsDataException (or read back). */
    @Test
    void damagedFilesRaiseOnlyCorruptGpsDataException() throws IOException {
        GpsTrack track = Tracks.random(5, 1500);
        int refused = 0;
        for (ParquetCompression c : ParquetCompression.values()) {
            byte[] good = GpsParquet.builder().compression(c).build().toBytes(List.of(PlayerTrack.of(
                    PlayerId.nameBased("d"), track)));
            Random r = new Random(32);
            for (int k = 0; k < 400; k++) {
                byte[] bad = good.clone();
                if (k % 4 == 0) {
                    bad = java.util.Arrays.copyOf(good, r.nextInt(good.length));
                } else {
                    for (int f = 0; f <= k % 3; f++) {
                        int at = r.nextInt(bad.length);
                        bad[at] ^= (byte) (1 << r.nextInt(8));
                    }
                }
                try {
                    GpsParquet.builder().maxFixes(100_000).build().readAll(bad);
                } catch (CorruptGpsDataException expected) {
                    assertTrue(expected.getMessage().startsWith("corrupt GPS track data"), expected.getMessage());
                    refused++;
                }
            }
        }
        assertTrue(refused > 600, refused + " of 1200 damaged files refused");
        assertThrows(CorruptGpsDataException.class, () -> GpsParquet.defaults().readAll(new byte[] {1, 2, 3}));
    }
}
