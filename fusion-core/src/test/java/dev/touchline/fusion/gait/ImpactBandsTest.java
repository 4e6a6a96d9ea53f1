package dev.touchline.fusion.gait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class ImpactBandsTest {
    @Test
    void countsEachPeakInItsBand() {
        ImpactBands b = ImpactBands.defaults();
        for (double g : new double[] {0.2, 0.5, 0.99, 1, 2.5, 4.9, 5, 11.9, 12, 30, Double.NaN}) {
            b.add(g);
        }
        assertEquals(2, b.belowFirstEdge()); // 0.2 and NaN
        assertEquals(2, b.count(0)); // 0.5, 0.99
        assertEquals(1, b.count(1)); // 1
        assertEquals(1, b.count(2)); // 2.5
        assertEquals(1, b.count(3)); // 4.9
        assertEquals(1, b.count(4)); // 5
        assertEquals(1, b.count(5)); // 11.9
        assertEquals(2, b.count(6)); // 12, 30
        assertEquals(11, b.total());
        ImpactBands copy = b.copy();
        b.reset();
        assertEquals(0, b.total());
        assertEquals(11, copy.total());
        assertEquals(Double.POSITIVE_INFINITY, copy.upperEdgeG(6));
        assertThrows(IllegalArgumentException.class, () -> new ImpactBands(1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ImpactBands());
    }

    /** Every peak is counted exactly once (seed 4). */
    @Property(tries = 200, seed = "4")
    void totalIsTheNumberAdded(@ForAll @DoubleRange(min = 0, max = 40) double a,
            @ForAll @DoubleRange(min = 0, max = 40) double b) {
        ImpactBands bands = new ImpactBands(1, 3, 9);
        bands.add(a);
        bands.add(b);
        long sum = bands.belowFirstEdge();
        for (int k = 0; k < bands.bandCount(); k++) {
            sum += bands.count(k);
        }
        assertEquals(2, sum);
    }
}
