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
 * Format version 1 forever: {@code golden-v1.tlg} (written by this codec from simulator seed 20261124, player 3,
 * 4 simulated minutes, key frames every 10 s) must decode to exactly the fixes in {@code golden-v1.csv}, whatever
 * the encoder becomes. Regenerate only for a new format version: run this class with
 * {@code -Dtouchline.golden.write=<dir>}.
 */
class GoldenFileTest {
    private static final long SEED = 20261124L;

    static GpsCodec goldenCodec() {
        return GpsCodec.builder().keyFrameInterval(Duration.ofSeconds(10)).player(PlayerId.nameBased("golden"))
                .device(DeviceId.of("SIM-3")).build();
    }

    @Test
    void versionOneGoldenFileDecodesToItsExpectedFixes() throws IOException {
        byte[] bytes = resource("golden-v1.tlg");
        assertEquals(1, bytes[4]);
        GpsTrack decoded = goldenCodec().decode(bytes);
        String expected = new String(resource("golden-v1.csv"), StandardCharsets.UTF_8);
        assertEquals(expected, csv(decoded));
        try (GpsFile file = goldenCodec().open(bytes)) {
            assertEquals(PlayerId.nameBased("golden"), file.header().player().orElseThrow());
            assertTrue(file.blockCount() >= 24);
        }
    }

    @Test
    void todaysEncoderStillWritesTheGoldenBytes() throws IOException {
        GpsTrack track = Simulated.track(SEED, Duration.ofMinutes(4), 3);
        byte[] bytes = goldenCodec().encode(track);
        String dir = System.getProperty("touchline.golden.write");
        if (dir != null) {
            Files.write(Path.of(dir, "golden-v1.tlg"), bytes);
            Files.writeString(Path.of(dir, "golden-v1.csv"), csv(goldenCodec().decode(bytes)));
        }
        assertArrayEquals(resource("golden-v1.tlg"), bytes);
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
