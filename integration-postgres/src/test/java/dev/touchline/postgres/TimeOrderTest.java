package dev.touchline.postgres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The batch sort is a stable permutation into time order (jqwik, seed 808). */
class TimeOrderTest {
    @Property(seed = "808", tries = 300)
    void sortsStablyByTime(@ForAll @Size(max = 300) java.util.List<@LongRange(min = 0, max = 20) Long> times) {
        long[] t = times.stream().mapToLong(Long::longValue).toArray();
        int[] order = TimeOrder.of(rows(t));
        if (order == null) {
            for (int i = 1; i < t.length; i++) {
                assertTrue(t[i - 1] <= t[i]);
            }
            return;
        }
        int[] sortedCopy = order.clone();
        Arrays.sort(sortedCopy);
        int[] identity = new int[t.length];
        Arrays.setAll(identity, i -> i);
        assertArrayEquals(identity, sortedCopy, "a permutation");
        for (int k = 1; k < order.length; k++) {
            long a = t[order[k - 1]];
            long b = t[order[k]];
            assertTrue(a < b || (a == b && order[k - 1] < order[k]), "stable time order at " + k);
        }
    }

    @Test
    void sortedInputNeedsNoPermutation() {
        assertNull(TimeOrder.of(rows(new long[] {1, 1, 2, 5})));
        assertArrayEquals(new int[] {1, 2, 0}, TimeOrder.of(rows(new long[] {5, 1, 1})));
    }

    private static RowSource rows(long[] t) {
        return new RowSource() {
            @Override
            public String table() {
                return "test";
            }

            @Override
            public String columns() {
                return "";
            }

            @Override
            public int length() {
                return t.length;
            }

            @Override
            public long timeMicros(int i) {
                return t[i];
            }

            @Override
            public QuarantineReason check(int i) {
                return null;
            }

            @Override
            public void encode(int i, MatchRecord match, BinaryCopyEncoder out) {
            }

            @Override
            public String json(int i) {
                return "{}";
            }
        };
    }
}
