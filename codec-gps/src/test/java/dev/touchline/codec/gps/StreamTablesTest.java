package dev.touchline.codec.gps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.codec.gps.internal.BlockIndex;
import dev.touchline.codec.gps.internal.ByteReader;
import dev.touchline.codec.gps.internal.Format;
import dev.touchline.codec.gps.internal.HeaderCodec;
import dev.touchline.sensor.GpsTrack;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The streaming encoder's tables fitted to the first blocks it holds back (format version 3). */
class StreamTablesTest {

    /** Any sample size, mode and version: the streamed container decodes exactly, whole and block by block. */
    @Property(tries = 100, seed = "10")
    void streamedContainersRoundTripForAnySample(@ForAll long seed, @ForAll EntropyMode mode,
                                                 @ForAll @IntRange(min = 0, max = 3000) int sample,
                                                 @ForAll @IntRange(min = 1, max = 3) int version) throws IOException {
        GpsTrack track = Tracks.random(seed, 2500);
        GpsCodec codec = GpsCodec.builder().formatVersion(version).entropyMode(mode).streamTableSample(sample)
                .keyFrameInterval(Duration.ofSeconds(5)).build();
        byte[] bytes = stream(codec, track);
        GpsTrack expected = codec.quantise(track);
        assertEquals(expected, codec.decode(bytes));
        GpsTrack joined = GpsTrack.empty();
        try (GpsStreamDecoder decoder = codec.newDecoder(new ByteArrayInputStream(bytes))) {
            for (GpsTrack block = decoder.nextBlock(); !block.isEmpty(); block = decoder.nextBlock()) {
                joined = joined.concat(block);
            }
            assertEquals(bytes.length, decoder.position());
        }
        assertEquals(expected, joined);
    }

    /**
     * Seed 11: a steady runner fills the first block (the sample), then the positions jump by ~20 m per fix: those
     * residuals have no weight in the fitted tables, so their blocks fall back to zstd, even in MODEL mode.
     */
    @Test
    void blocksTheFittedTablesCannotCodeFallBackToZstd() throws IOException {
        GpsTrack calm = Tracks.steadyRunner(11, 1200);
        Random r = new Random(11);
        GpsTrack.Builder noisy = GpsTrack.builder();
        long t = calm.timeMicros(calm.length() - 1);
        double lat = calm.latDeg(calm.length() - 1);
        double lon = calm.lonDeg(calm.length() - 1);
        for (int i = 0; i < 900; i++) {
            t += 100_000;
            lat += r.nextGaussian() * 2e-4;
            lon += r.nextGaussian() * 2e-4;
            noisy.add(t, lat, lon, (float) (3 + r.nextDouble()));
        }
        GpsTrack track = calm.concat(noisy.build());
        GpsCodec codec = GpsCodec.builder().entropyMode(EntropyMode.MODEL).streamTableSample(1).build();
        byte[] bytes = stream(codec, track);
        assertEquals(HeaderCodec.TABLES_IN_HEADER, DecoderFuzzTest.tableKind(bytes));
        int[] modes = modes(bytes);
        assertEquals(Format.MODE_MODEL, modes[0], "the sampled block is coded with its tables");
        long zstd = java.util.Arrays.stream(modes).filter(m -> m == Format.MODE_ZSTD).count();
        assertTrue(zstd >= 1 && zstd < modes.length, zstd + " of " + modes.length + " blocks in zstd");
        assertEquals(codec.quantise(track), codec.decode(bytes));
    }

    /**
     * Seed 12: nothing reaches the output before the held blocks hold the sample; then the header and every held
     * block are written at once. With a sample of 1 that is the moment the first block is complete.
     */
    @Test
    void theHeaderWaitsForTheSample() throws IOException {
        GpsTrack track = Tracks.steadyRunner(12, 4000);
        for (int sample : new int[] {1, 1500}) {
            GpsCodec codec = GpsCodec.builder().streamTableSample(sample).build();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GpsStreamEncoder encoder = codec.newEncoder(out)) {
                int i = 0;
                while (encoder.bytesWritten() == 0) {
                    assertEquals(0, out.size());
                    encoder.add(track.timeMicros(i), track.latDeg(i), track.lonDeg(i),
                            track.speedMetresPerSecond(i));
                    i++;
                }
                // The fix just added opened a new block; the ones before it were written.
                int written = i - 1;
                assertTrue(written >= sample, written + " fixes written for a sample of " + sample);
                if (sample == 1) {
                    assertEquals(1, encoder.blockCount());
                } else {
                    assertTrue(encoder.blockCount() >= 3, encoder.blockCount() + " blocks");
                }
                assertEquals(out.size(), encoder.bytesWritten());
                for (; i < track.length(); i++) {
                    encoder.add(track.timeMicros(i), track.latDeg(i), track.lonDeg(i),
                            track.speedMetresPerSecond(i));
                }
            }
            assertEquals(HeaderCodec.TABLES_IN_HEADER, DecoderFuzzTest.tableKind(out.toByteArray()));
            assertEquals(codec.quantise(track), codec.decode(out.toByteArray()));
        }
    }

    static byte[] stream(GpsCodec codec, GpsTrack track) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GpsStreamEncoder encoder = codec.newEncoder(out)) {
            encoder.addAll(track);
        }
        return out.toByteArray();
    }

    /** The mode byte of every block. */
    static int[] modes(byte[] bytes) throws IOException {
        ByteReader r = new ByteReader(bytes, 0, bytes.length);
        HeaderCodec.readFull(r);
        BlockIndex index = BlockIndex.read(bytes, r.position());
        int[] modes = new int[index.size()];
        for (int i = 0; i < modes.length; i++) {
            modes[i] = bytes[index.offset(i)];
        }
        return modes;
    }
}
