package dev.touchline.codec.gps;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.touchline.codec.gps.internal.BlockIndex;
import dev.touchline.codec.gps.internal.ByteReader;
import dev.touchline.codec.gps.internal.DefaultTables;
import dev.touchline.codec.gps.internal.HeaderCodec;
import dev.touchline.sensor.GpsTrack;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32C;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The untrusted-input contract: mutated containers (bit flips, byte overwrites, truncation, insertion, hostile
 * varints) decode or fail with {@link CorruptGpsDataException} only, through the whole-track, random-access and
 * streaming paths. Half of the mutants get their CRC32Cs recomputed so that the value checks behind the CRC are
 * exercised too.
 */
class DecoderFuzzTest {
    private static final byte[][] CORPUS = corpus();

    private static byte[][] corpus() {
        int modes = EntropyMode.values().length;
        byte[][] c = new byte[modes + 4][];
        for (EntropyMode mode : EntropyMode.values()) {
            GpsTrack track = Tracks.random(42 + mode.ordinal(), 40);
            c[mode.ordinal()] = GpsCodec.builder().entropyMode(mode).keyFrameInterval(java.time.Duration
                    .ofSeconds(1)).build().encode(track);
        }
        // Format versions 1 and 2 are read forever, so they are fuzzed too.
        c[modes] = GpsCodec.builder().formatVersion(1).keyFrameInterval(java.time.Duration.ofSeconds(1)).build()
                .encode(Tracks.random(47, 40));
        c[modes + 1] = GpsCodec.builder().formatVersion(2).keyFrameInterval(java.time.Duration.ofSeconds(1))
                .build().encode(Tracks.random(48, 40));
        // Version 3 with the built-in tables (the streaming encoder) and with tables stored in the header.
        GpsCodec v3 = GpsCodec.builder().formatVersion(3).keyFrameInterval(java.time.Duration.ofSeconds(3)).build();
        java.io.ByteArrayOutputStream streamed = new java.io.ByteArrayOutputStream();
        try (GpsStreamEncoder encoder = GpsCodec.builder().formatVersion(3).keyFrameInterval(java.time.Duration
                .ofSeconds(3)).streamTableSample(0).build().newEncoder(streamed)) {
            encoder.addAll(Tracks.random(49, 60));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        c[modes + 2] = streamed.toByteArray();
        c[modes + 3] = ownTables(v3);
        return c;
    }

    /**
     * A version-3 container that stores its own tables: the shortest steady runner (unlike the built-in tables'
     * simulated data) of 1,500 to 24,000 fixes for which they pay.
     */
    private static byte[] ownTables(GpsCodec v3) {
        for (int n = 1500; n <= 24_000; n *= 2) {
            byte[] bytes = v3.encode(Tracks.steadyRunner(51, n));
            if (tableKind(bytes) == HeaderCodec.TABLES_IN_HEADER) {
                return bytes;
            }
        }
        throw new AssertionError("no steady runner's container stores its own tables");
    }

    /** Whether a version-3 container codes with the built-in tables or with its own, stored in the header. */
    static int tableKind(byte[] bytes) {
        try {
            HeaderCodec.Parsed parsed = HeaderCodec.readFull(new ByteReader(bytes, 0, bytes.length));
            return parsed.tables() == DefaultTables.get() ? HeaderCodec.TABLES_BUILT_IN : HeaderCodec.TABLES_IN_HEADER;
        } catch (CorruptGpsDataException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theCorpusHoldsBothKindsOfVersionThreeTables() {
        assertTrue(tableKind(CORPUS[CORPUS.length - 2]) == HeaderCodec.TABLES_BUILT_IN);
        assertTrue(tableKind(CORPUS[CORPUS.length - 1]) == HeaderCodec.TABLES_IN_HEADER);
    }

    @Property(tries = 100_000, seed = "20261124")
    void mutatedInputsFailOnlyWithTheCheckedException(@ForAll long seed) {
        Random r = new Random(seed);
        byte[] original = CORPUS[r.nextInt(CORPUS.length)];
        byte[] bytes = mutate(original, r);
        if (r.nextBoolean()) {
            fixCrcs(bytes);
        }
        GpsCodec codec = GpsCodec.builder().maxFixes(100_000).build();
        try {
            codec.decode(bytes);
        } catch (CorruptGpsDataException expected) {
            assertTrue(expected.offset() >= 0 && expected.offset() <= bytes.length + 16, expected.getMessage());
        } catch (RuntimeException e) {
            fail("decode threw " + e + " for seed " + seed, e);
        }
        if ((seed & 3) == 1) {
            // seek decodes part of a block only; it must fail the same way
            try (GpsFile file = codec.open(bytes)) {
                file.seek(r.nextLong() >> 1);
                if (file.blockCount() > 0) {
                    file.seek(file.keyTimeMicros(r.nextInt(file.blockCount())) + r.nextInt(3_000_000));
                }
            } catch (CorruptGpsDataException expected) {
                assertTrue(expected.offset() >= 0 && expected.offset() <= bytes.length + 16, expected.getMessage());
            } catch (RuntimeException e) {
                fail("seek threw " + e + " for seed " + seed, e);
            }
        }
        if ((seed & 7) == 0) {
            try (GpsStreamDecoder decoder = codec.newDecoder(new ByteArrayInputStream(bytes))) {
                for (int i = 0; i < 100 && !decoder.nextBlock().isEmpty(); i++) {
                    // every block decoded or the checked exception
                }
            } catch (CorruptGpsDataException expected) {
                // the contract
            } catch (IOException | RuntimeException e) {
                fail("stream decode threw " + e + " for seed " + seed, e);
            }
        }
    }

    private static byte[] mutate(byte[] original, Random r) {
        byte[] b = original.clone();
        int kind = r.nextInt(6);
        switch (kind) {
            case 0 -> b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
            case 1 -> b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            case 2 -> b = Arrays.copyOf(b, r.nextInt(b.length));
            case 3 -> {
                int at = r.nextInt(b.length);
                byte[] c = new byte[b.length + 1 + r.nextInt(4)];
                System.arraycopy(b, 0, c, 0, at);
                for (int i = at; i < at + c.length - b.length; i++) {
                    c[i] = (byte) 0xFF;
                }
                System.arraycopy(b, at, c, at + c.length - b.length, b.length - at);
                b = c;
            }
            case 4 -> {
                for (int i = 0; i < 1 + r.nextInt(8); i++) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
            }
            default -> {
                int at = r.nextInt(b.length);
                for (int i = at; i < Math.min(b.length, at + 5); i++) {
                    b[i] = (byte) 0xFF;
                }
            }
        }
        return b;
    }

    /** Recomputes the header, block and index CRC32Cs where the structure can still be walked. */
    private static void fixCrcs(byte[] bytes) {
        try {
            ByteReader in = new ByteReader(bytes, 0, bytes.length);
            GpsHeader h;
            try {
                h = HeaderCodec.read(in);
            } catch (CorruptGpsDataException e) {
                return;
            }
            BlockIndex index = BlockIndex.read(bytes, in.position());
            for (int i = 0; i < index.size(); i++) {
                int end = index.offset(i) + index.length(i) - 4;
                put(bytes, end, crc(bytes, index.offset(i), end));
            }
            assertTrue(h.formatVersion() > 0);
        } catch (CorruptGpsDataException e) {
            // the structure is too damaged to walk; leave it as it is
        }
    }

    private static int crc(byte[] b, int from, int to) {
        CRC32C c = new CRC32C();
        c.update(b, from, to - from);
        return (int) c.getValue();
    }

    private static void put(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    @Test
    void wrongMagicFutureVersionAndTruncationNameTheOffset() {
        byte[] good = CORPUS[0];
        byte[] magic = good.clone();
        magic[0] = 'X';
        CorruptGpsDataException e = assertThrows(CorruptGpsDataException.class, () -> GpsCodec.defaults()
                .decode(magic));
        assertTrue(e.getMessage().contains("byte 0"), e.getMessage());
        byte[] future = good.clone();
        future[4] = 4;
        e = assertThrows(CorruptGpsDataException.class, () -> GpsCodec.defaults().decode(future));
        assertTrue(e.getMessage().contains("version 4"), e.getMessage());
        assertThrows(CorruptGpsDataException.class, () -> GpsCodec.defaults().decode(Arrays.copyOf(good, 20)));
        assertThrows(CorruptGpsDataException.class, () -> GpsCodec.defaults().decode(new byte[0]));
    }

    @Test
    void aClaimOfMoreFixesThanTheLimitIsRefusedBeforeAllocation() {
        byte[] bytes = GpsCodec.defaults().encode(Tracks.random(7, 500));
        GpsCodec small = GpsCodec.builder().maxFixes(10).build();
        CorruptGpsDataException e = assertThrows(CorruptGpsDataException.class, () -> small.decode(bytes));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
    }
}
