package dev.touchline.codec.gps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.sensor.GpsTrack;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Each escape of the delta stage starts a new key frame, and nothing wraps. */
class EscapesTest {
    private static final long T0 = 1_786_802_400_000_000L;

    private static int blocks(GpsTrack track) throws IOException {
        return blocks(track, GpsCodec.defaults());
    }

    private static int blocks(GpsTrack track, GpsCodec codec) throws IOException {
        byte[] bytes = codec.encode(track);
        assertEquals(codec.quantise(track), codec.decode(bytes));
        try (GpsFile file = codec.open(bytes)) {
            return file.blockCount();
        }
    }

    private static GpsTrack twoFixes(long dtMicros, double dLat, double dLon, float speed2) {
        return GpsTrack.builder().add(T0, 51.5, -0.1, 1f).add(T0 + dtMicros, 51.5 + dLat, -0.1 + dLon, speed2).build();
    }

    @Test
    void int16DeltasStayInOneBlockAndLargerOnesStartAKeyFrame() throws IOException {
        assertEquals(1, blocks(twoFixes(100_000, 0.032767, -0.032767, 328.67f)));
        assertEquals(2, blocks(twoFixes(100_000, 0.032768, 0, 1f)));
        assertEquals(2, blocks(twoFixes(100_000, 0, -0.032768, 1f)));
        assertEquals(2, blocks(twoFixes(100_000, 0, 0, 328.69f)));
    }

    @Test
    void gapsBeyondTheThresholdAndTheIntervalStartAKeyFrame() throws IOException {
        assertEquals(1, blocks(twoFixes(10_000_000, 0, 0, 1f)));
        assertEquals(2, blocks(twoFixes(10_001_000, 0, 0, 1f)));
        assertEquals(2, blocks(twoFixes(1_019_000_000, 0, 0, 1f)));
        GpsTrack.Builder b = GpsTrack.builder();
        for (int i = 0; i < 3000; i++) {
            b.add(T0 + i * 100_000L, 51.5, -0.1, 0f);
        }
        GpsTrack five = b.build();
        assertEquals(5, blocks(five), "5 minutes at 10 Hz in 30 s windows, two windows per entropy block");
        try (GpsFile file = GpsCodec.defaults().open(GpsCodec.defaults().encode(five))) {
            assertEquals(300, file.seek(T0 + 45_000_000L).length(), "a seek still returns one 30 s window");
            assertEquals(T0 + 30_000_000L, file.seek(T0 + 45_000_000L).timeMicros(0));
        }
        assertEquals(10, blocks(five, GpsCodec.builder().formatVersion(1).build()), "format version 1");
        assertEquals(10, blocks(five, GpsCodec.builder().windowsPerBlock(1).build()), "one window per block");
    }

    @Test
    void theAntimeridianIsAJumpNotAWrap() throws IOException {
        GpsTrack track = GpsTrack.builder().add(T0, -16.5, 179.99995, 2f).add(T0 + 100_000, -16.5, -179.99995, 2f)
                .build();
        assertEquals(2, blocks(track));
    }

    @Test
    void backwardsTimeInTheStreamStartsAKeyFrameAndStreamsBack() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Stream table sample 0: the header is written at once and each block as soon as it is complete.
        GpsCodec codec = GpsCodec.builder().streamTableSample(0).build();
        long headerBytes;
        try (GpsStreamEncoder encoder = codec.newEncoder(out)) {
            headerBytes = encoder.bytesWritten();
            encoder.add(T0, 10, 10, 1f);
            encoder.add(T0 + 100_000, 10, 10, 1f);
            assertEquals(headerBytes, out.size(), "the open block is not written yet");
            encoder.add(T0 + 50_000, 10, 10, 1f);
            assertTrue(out.size() > headerBytes, "the completed block was flushed to the stream");
            assertEquals(1, encoder.blockCount());
        }
        byte[] bytes = out.toByteArray();
        CorruptGpsDataException e = org.junit.jupiter.api.Assertions.assertThrows(CorruptGpsDataException.class,
                () -> codec.decode(bytes));
        assertTrue(e.getMessage().contains("backwards"), e.getMessage());
        try (GpsStreamDecoder decoder = codec.newDecoder(new ByteArrayInputStream(bytes))) {
            assertEquals(2, decoder.nextBlock().length());
            assertEquals(T0 + 50_000, decoder.nextBlock().timeMicros(0));
            assertTrue(decoder.nextBlock().isEmpty());
        }
    }
}
