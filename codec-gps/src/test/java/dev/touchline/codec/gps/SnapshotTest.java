package dev.touchline.codec.gps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.touchline.sensor.GpsTrack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Snapshot and resume at any fix gives byte-identical output to an uninterrupted encoder. */
class SnapshotTest {
    @Property(tries = 40, seed = "6")
    void resumedEncoderWritesTheSameBytes(@ForAll long seed, @ForAll @IntRange(max = 1000) int cutPerMille)
            throws IOException {
        resumeAndCompare(seed, cutPerMille, GpsCodec.defaults());
    }

    /** Short windows, many per block and the lossy deadband: the resumed window and speed state must match. */
    @Property(tries = 60, seed = "7")
    void resumedEncoderKeepsWindowsAndDeadbandState(@ForAll long seed, @ForAll @IntRange(max = 1000) int cutPerMille,
                                                    @ForAll @IntRange(min = 1, max = 8) int windows)
            throws IOException {
        resumeAndCompare(seed, cutPerMille, GpsCodec.builder().keyFrameInterval(java.time.Duration.ofSeconds(2))
                .windowsPerBlock(windows).speedDeadband(0.05).build());
    }

    private static void resumeAndCompare(long seed, int cutPerMille, GpsCodec codec) throws IOException {
        GpsTrack track = Tracks.random(seed, 1500);
        byte[] whole = codec.encode(track);
        int cut = track.length() * cutPerMille / 1000;
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        GpsEncoderSnapshot snapshot;
        GpsStreamEncoder encoder = codec.newEncoder(first);
        for (int i = 0; i < cut; i++) {
            encoder.add(track.timeMicros(i), track.latDeg(i), track.lonDeg(i), track.speedMetresPerSecond(i));
        }
        snapshot = encoder.snapshot();
        assertEquals(snapshot.bytesWritten(), first.size());
        // the first encoder is abandoned, as after a crash; a new one continues from the checkpoint
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        try (GpsStreamEncoder resumed = codec.resumeEncoder(rest, snapshot)) {
            for (int i = cut; i < track.length(); i++) {
                resumed.add(track.timeMicros(i), track.latDeg(i), track.lonDeg(i), track.speedMetresPerSecond(i));
            }
        }
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        joined.write(first.toByteArray());
        joined.write(rest.toByteArray());
        assertArrayEquals(whole, joined.toByteArray());
    }
}
