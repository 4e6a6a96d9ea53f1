package dev.touchline.codec.gps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.sensor.DeviceId;
import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.PlayerId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every format version forever: {@code golden-v1.tlg}, {@code golden-v2.tlg} and {@code golden-v3-stream.tlg}
 * (written by this codec from simulator seed 20261124, player 3, 4 simulated minutes, key frames every 10 s;
 * versions 2 and 3 with three windows per block; version 3 through the streaming encoder with a stream table sample
 * of 0, so with the built-in tables) must decode to exactly the fixes in {@code golden-v1.csv} (= {@code golden-v2.csv}), and
 * {@code golden-v3.tlg} (the whole-track encoder, same settings, on {@link Tracks#steadyRunner} seed 20261124, 2,400
 * fixes, for which it stores tables of its own) to {@code golden-v3.csv}, whatever the encoder becomes. Regenerate
 * only for a new format version: run this class with {@code -Dtouchline.golden.write=<dir>}.
 */
class GoldenFileTest {
    private static final long SEED = 20261124L;

    static GpsCodec goldenCodec(int version) {
        return goldenBuilder(version).build();
    }

    private static GpsCodec.Builder goldenBuilder(int version) {
        return GpsCodec.builder().formatVersion(version).windowsPerBlock(3).keyFrameInterval(Duration.ofSeconds(10))
                .player(PlayerId.nameBased("golden")).device(DeviceId.of("SIM-3"));
    }

    @Test
    void versionOneGoldenFileDecodesToItsExpectedFixes() throws IOException {
        byte[] bytes = resource("golden-v1.tlg");
        assertEquals(1, bytes[4]);
        GpsTrack decoded = GpsCodec.defaults().decode(bytes);
        String expected = new String(resource("golden-v1.csv"), StandardCharsets.UTF_8);
        assertEquals(expected, csv(decoded));
        try (GpsFile file = GpsCodec.defaults().open(bytes)) {
            assertEquals(PlayerId.nameBased("golden"), file.header().player().orElseThrow());
            assertEquals(1, file.header().formatVersion());
            assertEquals(1, file.header().windowsPerBlock());
            assertTrue(file.blockCount() >= 24);
        }
    }

    @Test
    void versionTwoGoldenFileDecodesToItsExpectedFixes() throws IOException {
        byte[] bytes = resource("golden-v2.tlg");
        assertEquals(2, bytes[4]);
        GpsTrack decoded = GpsCodec.defaults().decode(bytes);
        String expected = new String(resource("golden-v2.csv"), StandardCharsets.UTF_8);
        assertEquals(expected, csv(decoded));
        assertEquals(new String(resource("golden-v1.csv"), StandardCharsets.UTF_8), expected,
                "both versions hold the same fixes");
        try (GpsFile file = GpsCodec.defaults().open(bytes)) {
            assertEquals(2, file.header().formatVersion());
            assertEquals(3, file.header().windowsPerBlock());
            assertTrue(file.blockCount() >= 8 && file.blockCount() < 24, file.blockCount() + " blocks");
            // Seeking still returns one 10 s window, even though blocks are 30 s long.
            GpsTrack window = file.seek(decoded.timeMicros(0) + 15_000_000L);
            assertTrue(window.length() > 50 && window.length() <= 100, window.length() + " fixes");
            assertEquals(decoded.timeMicros(0) + 10_000_000L, window.timeMicros(0), "window starts at 10 s");
        }
    }

    @Test
    void versionThreeGoldenFilesDecodeToTheirExpectedFixes() throws IOException {
        for (String name : new String[] {"golden-v3.tlg", "golden-v3-stream.tlg"}) {
            String expected = new String(resource(name.equals("golden-v3.tlg") ? "golden-v3.csv" : "golden-v1.csv"),
                    StandardCharsets.UTF_8);
            byte[] bytes = resource(name);
            assertEquals(3, bytes[4]);
            GpsTrack decoded = GpsCodec.defaults().decode(bytes);
            assertEquals(expected, csv(decoded), name);
            try (GpsFile file = GpsCodec.defaults().open(bytes)) {
                assertEquals(3, file.header().formatVersion());
                assertEquals(3, file.header().windowsPerBlock());
                GpsTrack window = file.seek(decoded.timeMicros(0) + 15_000_000L);
                long start = window.timeMicros(0) - decoded.timeMicros(0);
                // The window opens at the first fix 10 s or more after the first window's start.
                assertTrue(start >= 10_000_000L && start < 10_300_000L, name + ": window opens at " + start + " µs");
                assertTrue(window.length() > 50 && window.length() <= 100, window.length() + " fixes");
            }
            GpsTrack streamed = GpsTrack.empty();
            try (GpsStreamDecoder decoder = GpsCodec.defaults().newDecoder(new java.io.ByteArrayInputStream(bytes))) {
                for (GpsTrack block = decoder.nextBlock(); !block.isEmpty(); block = decoder.nextBlock()) {
                    streamed = streamed.concat(block);
                }
            }
            assertEquals(decoded, streamed, name);
        }
        assertEquals(dev.touchline.codec.gps.internal.HeaderCodec.TABLES_IN_HEADER,
                DecoderFuzzTest.tableKind(resource("golden-v3.tlg")));
        assertEquals(dev.touchline.codec.gps.internal.HeaderCodec.TABLES_BUILT_IN,
                DecoderFuzzTest.tableKind(resource("golden-v3-stream.tlg")));
    }

    @Test
    void todaysEncoderStillWritesTheGoldenBytes() throws IOException {
        GpsTrack track = Simulated.track(SEED, Duration.ofMinutes(4), 3);
        String dir = System.getProperty("touchline.golden.write");
        for (int version = 1; version <= 3; version++) {
            byte[] bytes = goldenCodec(version).encode(version == 3 ? Tracks.steadyRunner(SEED, 2400) : track);
            if (dir != null) {
                Files.write(Path.of(dir, "golden-v" + version + ".tlg"), bytes);
                Files.writeString(Path.of(dir, "golden-v" + version + ".csv"), csv(GpsCodec.defaults()
                        .decode(bytes)));
            }
            assertArrayEquals(resource("golden-v" + version + ".tlg"), bytes, "version " + version);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        // Stream table sample 0: the streaming encoder writes the header at once with the built-in tables.
        try (GpsStreamEncoder encoder = goldenBuilder(3).streamTableSample(0).build().newEncoder(out)) {
            encoder.addAll(track);
        }
        if (dir != null) {
            Files.write(Path.of(dir, "golden-v3-stream.tlg"), out.toByteArray());
        }
        assertArrayEquals(resource("golden-v3-stream.tlg"), out.toByteArray(), "version 3, streamed");
    }

    private static String csv(GpsTrack t) {
        StringBuilder s = new StringBuilder("time_us,lat_deg,lon_deg,speed_m_s\n");
        for (int i = 0; i < t.length(); i++) {
            s.append(t.timeMicros(i)).append(',').append(t.latDeg(i)).append(',').append(t.lonDeg(i)).append(',')
                    .append(String.format(Locale.ROOT, "%s", t.speedMetresPerSecond(i))).append('\n');
        }
        return s.toString();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = GoldenFileTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }
}
