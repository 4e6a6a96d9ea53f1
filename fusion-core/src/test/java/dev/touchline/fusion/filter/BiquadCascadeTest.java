package dev.touchline.fusion.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Streaming and zero-phase filtering of sines and noise. Random input uses seed 7. */
class BiquadCascadeTest {
    private static final double FS = 1000;

    private static double steadyAmplitude(IirDesign d, double f) {
        BiquadCascade c = new BiquadCascade(d);
        double max = 0;
        for (int i = 0; i < 20_000; i++) {
            double y = c.process(Math.sin(2 * Math.PI * f * i / FS));
            if (i > 10_000) {
                max = Math.max(max, Math.abs(y));
            }
        }
        return max;
    }

    @Test
    void measuredSineGainEqualsDesignMagnitude() {
        IirDesign d = Butterworth.lowPass(4, 30, FS);
        for (double f : new double[] {5, 30, 60}) {
            assertEquals(d.magnitude(f), steadyAmplitude(d, f), 2e-3, "at " + f + " Hz");
        }
    }

    @Test
    void constantInputSettlesAtDcGainAndSettleStartsThere() {
        IirDesign d = Butterworth.lowPass(3, 10, FS);
        BiquadCascade c = new BiquadCascade(d);
        double y = 0;
        for (int i = 0; i < 5000; i++) {
            y = c.process(2.5);
        }
        assertEquals(2.5, y, 1e-9);
        BiquadCascade s = new BiquadCascade(d);
        s.settle(2.5);
        assertEquals(2.5, s.process(2.5), 1e-12);
    }

    @Test
    void snapshotAndRestoreContinueExactly() {
        IirDesign d = Butterworth.bandPass(2, 5, 15, 250);
        Random random = new Random(7);
        double[] x = new double[2000];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        BiquadCascade whole = new BiquadCascade(d);
        BiquadCascade first = new BiquadCascade(d);
        double[] a = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            a[i] = whole.process(x[i]);
        }
        for (int i = 0; i < 1000; i++) {
            first.process(x[i]);
        }
        BiquadCascade second = BiquadCascade.restore(d, first.snapshot());
        for (int i = 1000; i < x.length; i++) {
            assertEquals(a[i], second.process(x[i]), 0.0, "sample " + i);
        }
    }

    @Test
    void zeroPhaseHasNoLagAndSquaredMagnitude() {
        IirDesign d = Butterworth.lowPass(2, 20, FS);
        int n = 4000;
        double f = 20;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(2 * Math.PI * f * i / FS);
        }
        double[] y = new double[n];
        ZeroPhase.filter(d, x, y, n);
        double gain = d.magnitude(f) * d.magnitude(f); // 0.5 at the cut-off
        for (int i = 500; i < n - 500; i++) {
            assertEquals(gain * x[i], y[i], 2e-3, "sample " + i);
        }
        // the causal filter lags: its output is not in phase with the input
        BiquadCascade c = new BiquadCascade(d);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double out = c.process(x[i]);
            if (i > 500) {
                worst = Math.max(worst, Math.abs(out - d.magnitude(f) * x[i]));
            }
        }
        assertTrue(worst > 0.3, "causal output should lag, worst deviation " + worst);
    }

    @Test
    void zeroPhaseKeepsAConstantAndAShortInput() {
        IirDesign d = Butterworth.lowPass(4, 5, FS);
        double[] x = {3, 3, 3, 3, 3};
        double[] y = new double[5];
        ZeroPhase.filter(d, x, y, 5);
        for (double v : y) {
            assertEquals(3, v, 1e-9);
        }
    }

    @Test
    void threeInterleavedFiltersEqualOnePerAxisBitForBit() {
        // seed 4242; order 4 and an odd order 5 (a first-order section), random inputs with steps
        for (IirDesign d : new IirDesign[] {Butterworth.lowPass(4, 60, 1000), Butterworth.lowPass(5, 20, 200)}) {
            BiquadCascade[] one = {new BiquadCascade(d), new BiquadCascade(d), new BiquadCascade(d)};
            BiquadCascade[] three = {new BiquadCascade(d), new BiquadCascade(d), new BiquadCascade(d)};
            Random r = new Random(4242);
            double[] out = new double[3];
            for (int i = 0; i < 20_000; i++) {
                double x = r.nextGaussian() * 9.81 + (i % 500 < 3 ? 80 : 0);
                double y = r.nextGaussian();
                double z = 9.81 + r.nextGaussian() * 3;
                BiquadCascade.process(three[0], three[1], three[2], x, y, z, out);
                assertEquals(Double.doubleToRawLongBits(one[0].process(x)), Double.doubleToRawLongBits(out[0]));
                assertEquals(Double.doubleToRawLongBits(one[1].process(y)), Double.doubleToRawLongBits(out[1]));
                assertEquals(Double.doubleToRawLongBits(one[2].process(z)), Double.doubleToRawLongBits(out[2]));
            }
        }
        BiquadCascade a = new BiquadCascade(Butterworth.lowPass(4, 60, 1000));
        BiquadCascade b = new BiquadCascade(Butterworth.lowPass(4, 20, 1000));
        assertThrows(IllegalArgumentException.class, () -> BiquadCascade.process(a, b, a, 1, 2, 3, new double[3]));
    }
}
