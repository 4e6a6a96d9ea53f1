package dev.touchline.fusion.fsr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.fusion.BadSensorDataException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants over random gaits (jqwik seeds from the {@code seed} parameter; jqwik's own seed is reported). */
class ContactProperties {
    private static final long PERIOD = 4_000;

    @Property(tries = 60)
    void contactsNeverOverlapAndImpulseIsTheForceIntegral(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 500, max = 4000) int n) throws BadSensorDataException {
        SplittableRandom r = new SplittableRandom(seed);
        long[] t = new long[n];
        double[][] f = new double[6][n];
        for (int foot = 0; foot < 2; foot++) {
            int i = 0;
            while (i < n) {
                int flight = 5 + r.nextInt(120);
                int contact = 3 + r.nextInt(250);
                double peak = 30 + r.nextDouble() * 2500;
                i += flight;
                for (int k = 0; k < contact && i < n; k++, i++) {
                    double u = (k + r.nextDouble()) / contact;
                    double total = peak * Math.sin(Math.PI * u);
                    for (int reg = 0; reg < 3; reg++) {
                        f[3 * foot + reg][i] = total / 3 * (0.5 + r.nextDouble());
                    }
                }
            }
        }
        long time = 0;
        for (int i = 0; i < n; i++) {
            time += r.nextInt(50) == 0 ? 30_000 : PERIOD; // occasional gaps
            t[i] = time;
            for (int c = 0; c < 6; c++) {
                f[c][i] = Math.max(0, f[c][i] + r.nextGaussian());
            }
        }
        List<FsrContact> out = new ArrayList<>();
        FootContactDetector d = FootContactDetector.builder().build(out::add);
        for (int i = 0; i < n; i++) {
            d.accept(t[i], f[0][i], f[1][i], f[2][i], f[3][i], f[4][i], f[5][i]);
        }
        d.flush();
        for (int foot = 0; foot < 2; foot++) {
            long lastOff = Long.MIN_VALUE;
            for (FsrContact c : out) {
                if (c.left() != (foot == 0)) {
                    continue;
                }
                assertTrue(c.onMicros() <= c.offMicros(), c.toString());
                assertTrue(c.onMicros() >= lastOff, "overlap: " + c + " after off " + lastOff);
                lastOff = c.offMicros();
                double integral = integral(t, f, foot, c.onMicros(), c.offMicros(), n);
                assertEquals(integral, c.impulseNewtonSeconds(), 1e-3 * integral + 0.05, c.toString());
                assertTrue(c.peakNewtons() >= 20 || c.truncated(), c.toString());
            }
        }
    }

    /** Integral of the foot's summed force, linear between samples, over [a, b], N·s; gaps are not bridged. */
    private static double integral(long[] t, double[][] f, int foot, long a, long b, int n) {
        double sum = 0;
        for (int i = 1; i < n; i++) {
            long lo = Math.max(a, t[i - 1]);
            long hi = Math.min(b, t[i]);
            if (hi <= lo || t[i] - t[i - 1] > 20_000) {
                continue;
            }
            double f0 = total(f, foot, i - 1);
            double f1 = total(f, foot, i);
            double fa = f0 + (f1 - f0) * (lo - t[i - 1]) / (t[i] - t[i - 1]);
            double fb = f0 + (f1 - f0) * (hi - t[i - 1]) / (t[i] - t[i - 1]);
            sum += 0.5 * (fa + fb) * (hi - lo) / 1e6;
        }
        return sum;
    }

    private static double total(double[][] f, int foot, int i) {
        return f[3 * foot][i] + f[3 * foot + 1][i] + f[3 * foot + 2][i];
    }
}
