package dev.touchline.codec.gps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.touchline.sensor.GpsTrack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Snapshot and resume at any fix gives byte-identical output to an uninterrupted encoder, also while the encoder
 * still holds back its first blocks to fit its tables.
 */
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

    /** Stream table samples from none to longer than the track: the held blocks are part of the snapshot. */
    @Property(tries = 60, seed = "8")
    void resumedEncoderKeepsTheHeldBackSample(@ForAll long seed, @ForAll @IntRange(max = 1000) int cutPerMille,
                                              @ForAll @IntRange(min = 0, max = 2000) int sample) throws IOException {
        resumeAndCompare(seed, cutPerMille, GpsCodec.builder().keyFrameInterval(java.time.Duration.ofSeconds(5))
                .streamTableSample(sample).speedDeadband(sample % 2 == 0 ? 0 : 0.05).build());
    }

    /** With a stream table sample of 0 the streaming encoder codes with the built-in tables from the start. */
    @Property(tries = 20, seed = "9")
    void withoutSampleTheHeaderComesFirst(@ForAll long seed) throws IOException {
        GpsCodec codec = GpsCodec.builder().streamTableSample(0).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GpsStreamEncoder encoder = codec.newEncoder(out)) {
            assertEquals(out.size(), encoder.bytesWritten());
            assertEquals(true, encoder.bytesWritten() > 0, "header written at once");
            encoder.addAll(Tracks.random(seed, 500));
        }
        assertEquals(dev.touchline.codec.gps.internal.HeaderCodec.TABLES_BUILT_IN,
                DecoderFuzzTest.tableKind(out.toByteArray()));
    }

    private static void resumeAndCompare(long seed, int cutPerMille, GpsCodec codec) throws IOException {
        GpsTrack track = Tracks.random(seed, 1500);
        ByteArrayOutputStream uninterrupted = new ByteArrayOutputStream();
        try (GpsStreamEncoder encoder = codec.newEncoder(uninterrupted)) {
            encoder.addAll(track);
        }
        byte[] whole = uninterrupted.toByteArray();
        assertEquals(codec.quantise(track).length(), codec.decode(whole).length());
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
