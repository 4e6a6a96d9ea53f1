package dev.touchline.codec.gps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.codec.gps.internal.ByteReader;
import dev.touchline.codec.gps.internal.ByteSink;
import dev.touchline.codec.gps.internal.RansTables;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * Version 3's stored tables: any weight codes a header may hold (hostile ones included) normalise to frequencies
 * that are all at least 1 where a token is present and sum to exactly {@value RansTables#TOTAL}, so that every
 * table the decoder builds is a valid rANS table; and tables survive their compact form.
 */
class RansTablesTest {
    /** Writes one context's codes (the rest of three columns unused) in the stored layout. */
    private static byte[] serialised(int[] codes) {
        ByteSink out = new ByteSink(256);
        out.write(codes.length);
        long acc = 0;
        int held = 0;
        for (int code : codes) {
            acc |= (long) code << held;
            held += 5;
            if (held >= 8) {
                out.write((int) acc);
                acc >>>= 8;
                held -= 8;
            }
        }
        if (held > 0) {
            out.write((int) acc);
        }
        for (int c = 1; c < 3 * RansTables.COLUMN_CONTEXTS; c++) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static void assertValid(RansTables tables, int[] codes) {
        long[] counts = new long[RansTables.CONTEXTS * RansTables.SLOTS];
        for (int s = 0; s < codes.length; s++) {
            counts[s] = codes[s] == 0 ? 0 : 1;
        }
        // Finite cost for every present token means each has a non-zero frequency.
        assertTrue(Double.isFinite(tables.cost(counts)), "a present token has frequency 0");
    }

    @Test
    void manyTinyTokensBesideHugeOnesStillNormalise() throws CorruptGpsDataException {
        int[] codes = new int[RansTables.SYMBOLS];
        for (int s = 0; s < codes.length; s++) {
            codes[s] = s < 100 ? 1 : 31;
        }
        byte[] bytes = serialised(codes);
        RansTables tables = RansTables.read(new ByteReader(bytes, 0, bytes.length), 3);
        assertValid(tables, codes);
        ByteSink again = new ByteSink(256);
        tables.write(again, 3);
        assertEquals(bytes.length, again.size());
    }

    @Property(tries = 2000, seed = "20261125")
    void anyCodesGiveAValidTable(@ForAll long seed) throws CorruptGpsDataException {
        Random r = new Random(seed);
        int[] codes = new int[1 + r.nextInt(RansTables.SYMBOLS)];
        for (int s = 0; s < codes.length; s++) {
            codes[s] = r.nextInt(4) == 0 ? 0 : r.nextBoolean() ? 1 + r.nextInt(31) : (r.nextBoolean() ? 1 : 31);
        }
        codes[codes.length - 1] = 1 + r.nextInt(31);
        byte[] bytes = serialised(codes);
        RansTables tables = RansTables.read(new ByteReader(bytes, 0, bytes.length), 3);
        assertValid(tables, codes);
        assertEquals(tables, RansTables.read(new ByteReader(bytes, 0, bytes.length), 3));
    }
}
