package dev.touchline.fusion.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Designed responses against the closed-form Butterworth magnitude; jqwik properties use jqwik's default seed. */
class ButterworthTest {
    private static final double FS = 1000;
    private static final double[] PROBES = {0.5, 5, 20, 49, 50, 51, 80, 100, 150, 200, 300, 450, 499};

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 8})
    void lowPassMatchesAnalyticMagnitude(int order) {
        IirDesign d = Butterworth.lowPass(order, 50, FS);
        for (double f : PROBES) {
            assertEquals(Butterworth.analyticMagnitude(d, f), d.magnitude(f), 1e-9, "order " + order + " at " + f);
        }
        assertEquals(1 / Math.sqrt(2), d.magnitude(50), 1e-9);
        assertEquals(1, d.dcGain(), 1e-12);
        assertTrue(d.magnitude(499.9) < 1e-3);
        assertTrue(d.isStable());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 8})
    void highPassMatchesAnalyticMagnitude(int order) {
        IirDesign d = Butterworth.highPass(order, 50, FS);
        for (double f : PROBES) {
            assertEquals(Butterworth.analyticMagnitude(d, f), d.magnitude(f), 1e-9, "order " + order + " at " + f);
        }
        assertEquals(1 / Math.sqrt(2), d.magnitude(50), 1e-9);
        assertEquals(0, d.dcGain(), 1e-12);
        assertEquals(1, d.magnitude(500), 1e-12);
        assertTrue(d.isStable());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void bandPassMatchesAnalyticMagnitude(int order) {
        IirDesign d = Butterworth.bandPass(order, 5, 15, 250); // the QRS band of an ECG at 250 Hz
        assertEquals(order, d.sections().size()); // 2·order poles, two per section
        for (double f : new double[] {0.1, 1, 3, 5, 8, 10, 12, 15, 20, 40, 100, 124}) {
            assertEquals(Butterworth.analyticMagnitude(d, f), d.magnitude(f), 1e-9, "order " + order + " at " + f);
        }
        assertEquals(1 / Math.sqrt(2), d.magnitude(5), 1e-9);
        assertEquals(1 / Math.sqrt(2), d.magnitude(15), 1e-9);
        assertEquals(0, d.dcGain(), 1e-12);
        assertTrue(d.isStable());
    }

    @Property(tries = 300)
    void everyDesignIsStableAndMatchesTheClosedForm(@ForAll @IntRange(min = 1, max = 12) int order,
            @ForAll @DoubleRange(min = 0.01, max = 0.45) double relativeCutoff,
            @ForAll @DoubleRange(min = 0.05, max = 0.95) double probe) {
        double fc = relativeCutoff * FS;
        IirDesign lp = Butterworth.lowPass(order, fc, FS);
        IirDesign hp = Butterworth.highPass(order, fc, FS);
        assertTrue(lp.isStable() && hp.isStable());
        double f = probe * FS / 2;
        assertEquals(Butterworth.analyticMagnitude(lp, f), lp.magnitude(f), 1e-7);
        assertEquals(Butterworth.analyticMagnitude(hp, f), hp.magnitude(f), 1e-7);
        double hi = Math.min(fc * 2, 0.49 * FS);
        IirDesign bp = Butterworth.bandPass(Math.min(order, 6), fc, hi, FS);
        assertTrue(bp.isStable());
        assertEquals(Butterworth.analyticMagnitude(bp, f), bp.magnitude(f), 1e-6);
    }

    @Test
    void rejectsCutoffsOutsideTheBand() {
        assertThrows(IllegalArgumentException.class, () -> Butterworth.lowPass(4, 500, FS));
        assertThrows(IllegalArgumentException.class, () -> Butterworth.lowPass(0, 10, FS));
        assertThrows(IllegalArgumentException.class, () -> Butterworth.bandPass(2, 20, 10, FS));
        assertThrows(IllegalArgumentException.class, () -> Butterworth.highPass(2, 10, Double.NaN));
    }

    @Test
    void describesItself() {
        assertEquals("Butterworth low-pass order 4, 10.0 Hz at 100.0 Hz", Butterworth.lowPass(4, 10, 100).describe());
    }
}
