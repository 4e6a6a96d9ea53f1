package dev.touchline.codec.gps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.touchline.sensor.DeviceId;
import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.PlayerId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Round trips over random tracks, in every entropy mode, whole-track and streaming, plus seek and range. */
class GpsCodecPropertiesTest {

    @Property(tries = 150, seed = "3")
    void wholeTrackRoundTripIsExactAtTheQuantisation(@ForAll long seed, @ForAll EntropyMode mode,
                                                     @ForAll @IntRange(min = 1, max = 1000) int resolutionMicros,
                                                     @ForAll @IntRange(min = 1, max = 3) int version)
            throws IOException {
        GpsTrack track = Tracks.random(seed, 1500);
        GpsCodec codec = GpsCodec.builder().formatVersion(version).entropyMode(mode).timeResolution(Duration
                .ofNanos(resolutionMicros * 1000L)).build();
        byte[] bytes = codec.encode(track);
        GpsTrack back = codec.decode(bytes);
        GpsTrack expected = codec.quantise(track);
        assertEquals(expected, back);
        for (int i = 0; i < track.length(); i++) {
            assertEquals(Math.round(track.latDeg(i) * 1e6) / 1e6, back.latDeg(i));
            assertEquals(Math.round(track.lonDeg(i) * 1e6) / 1e6, back.lonDeg(i));
        }
    }

    /** Whole-track encode keeps the counting pass's tokens for the writing pass: the bytes are those of recomputing. */
    @Property(tries = 120, seed = "12")
    void keptTokensWriteTheSameBytesAsRecomputedOnes(@ForAll long seed, @ForAll EntropyMode mode,
                                                     @ForAll @IntRange(min = 1, max = 1000) int resolutionMicros,
                                                     @ForAll @IntRange(min = 1, max = 8) int windows,
                                                     @ForAll boolean speed, @ForAll boolean deadband) {
        GpsTrack track = seed % 3 == 0 ? Tracks.steadyRunner(seed, 3000) : Tracks.random(seed, 2000);
        GpsCodec codec = GpsCodec.builder().entropyMode(mode).windowsPerBlock(windows).speedColumn(speed)
                .speedDeadband(deadband ? 0.05 : 0).keyFrameInterval(Duration.ofSeconds(5))
                .timeResolution(Duration.ofNanos(resolutionMicros * 1000L)).build();
        org.junit.jupiter.api.Assertions.assertArrayEquals(codec.encode(track, false), codec.encode(track, true));
    }

    @Property(tries = 60, seed = "4")
    void streamingDecoderReadsWhatTheStreamingEncoderWrote(@ForAll long seed,
                                                           @ForAll @IntRange(min = 1, max = 3) int version)
            throws IOException {
        GpsTrack track = Tracks.random(seed, 2000);
        GpsCodec codec = GpsCodec.builder().formatVersion(version).player(PlayerId.nameBased("p" + seed))
                .device(DeviceId.of("unit-7")).keyFrameInterval(Duration.ofSeconds(5)).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GpsStreamEncoder encoder = codec.newEncoder(out)) {
            encoder.addAll(track);
        }
        byte[] bytes = out.toByteArray();
        GpsTrack joined = GpsTrack.empty();
        try (GpsStreamDecoder decoder = codec.newDecoder(new ByteArrayInputStream(bytes))) {
            assertEquals(codec.header(), decoder.header());
            for (GpsTrack block = decoder.nextBlock(); !block.isEmpty(); block = decoder.nextBlock()) {
                joined = joined.concat(block);
            }
            assertEquals(bytes.length, decoder.position());
        }
        assertEquals(codec.quantise(track), joined);
        assertEquals(joined, codec.decode(bytes));
        // The whole-track encoder may store tables of its own (version 3): the streaming decoder reads those too.
        byte[] whole = codec.encode(track);
        GpsTrack again = GpsTrack.empty();
        try (GpsStreamDecoder decoder = codec.newDecoder(new ByteArrayInputStream(whole))) {
            for (GpsTrack block = decoder.nextBlock(); !block.isEmpty(); block = decoder.nextBlock()) {
                again = again.concat(block);
            }
            assertEquals(whole.length, decoder.position());
        }
        assertEquals(joined, again);
    }

    @Property(tries = 60, seed = "5")
    void rangeDecodeEqualsFilteringTheWholeTrack(@ForAll long seed, @ForAll @IntRange(max = 1000) int a,
                                                 @ForAll @IntRange(max = 1000) int b) throws IOException {
        GpsTrack track = Tracks.random(seed, 1200);
        GpsCodec codec = GpsCodec.defaults();
        GpsTrack all = codec.quantise(track);
        if (all.isEmpty()) {
            return;
        }
        long from = all.timeMicros(Math.min(a, b) * (all.length() - 1) / 1000);
        long to = all.timeMicros(Math.max(a, b) * (all.length() - 1) / 1000);
        try (GpsFile file = codec.open(codec.encode(track))) {
            GpsTrack range = file.decodeRange(from, to);
            int lo = 0;
            while (all.timeMicros(lo) < from) {
                lo++;
            }
            int hi = lo;
            while (hi < all.length() && all.timeMicros(hi) <= to) {
                hi++;
            }
            assertEquals(all.slice(lo, hi), range);
            GpsTrack window = file.seek(from);
            assertEquals(true, window.length() > 0 && window.timeMicros(0) <= from
                    && window.timeMicros(0) >= from - codec.header().keyFrameIntervalMicros());
        }
    }

    /**
     * Version 2's and 3's seek windows are exactly version 1's blocks: for any track, windows per block and instant,
     * a seek in a version-2 or -3 container returns what a seek in a version-1 container of the same track returns.
     */
    @Property(tries = 120, seed = "6")
    void laterSeekWindowsAreVersionOneBlocks(@ForAll long seed, @ForAll @IntRange(min = 1, max = 64) int windows,
                                             @ForAll @IntRange(max = 1000) int at,
                                             @ForAll @IntRange(min = 2, max = 3) int version) throws IOException {
        GpsTrack track = Tracks.random(seed, 1500);
        if (track.isEmpty()) {
            return;
        }
        GpsCodec v1 = GpsCodec.builder().formatVersion(1).keyFrameInterval(Duration.ofSeconds(5)).build();
        GpsCodec v2 = GpsCodec.builder().formatVersion(version).windowsPerBlock(windows)
                .keyFrameInterval(Duration.ofSeconds(5)).build();
        GpsTrack all = v1.quantise(track);
        long t = all.timeMicros(at * (all.length() - 1) / 1000) + (at % 3 - 1) * 1_000_000L;
        try (GpsFile one = v1.open(v1.encode(track)); GpsFile two = v2.open(v2.encode(track))) {
            assertEquals(one.seek(t), two.seek(t));
            assertEquals(one.fixCount(), two.fixCount());
            assertEquals(true, two.blockCount() <= one.blockCount());
        }
    }
}
