package dev.touchline.fusion.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.fusion.BadSensorDataException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The streaming resampler's timing: group delay stated, compensated, and gaps flagged (seed 5 for the jitter). */
class StreamingResamplerTest {
    private static final double F = 1.5; // Hz, a pulse-rate tone

    /** Delay of the output against sin(2πF·t), s, by a least-squares fit of a·sin + b·cos. */
    private static double delaySeconds(List<long[]> times, List<Double> values) {
        double ss = 0;
        double cc = 0;
        double sc = 0;
        double ys = 0;
        double yc = 0;
        for (int i = 0; i < values.size(); i++) {
            double w = 2 * Math.PI * F * times.get(i)[0] / 1e6;
            double s = Math.sin(w);
            double c = Math.cos(w);
            ss += s * s;
            cc += c * c;
            sc += s * c;
            ys += values.get(i) * s;
            yc += values.get(i) * c;
        }
        double det = ss * cc - sc * sc;
        double a = (ys * cc - yc * sc) / det;
        double b = (yc * ss - ys * sc) / det;
        return Math.atan2(-b, a) / (2 * Math.PI * F);
    }

    private static double run(boolean compensate, List<long[]> t, List<Double> v) throws BadSensorDataException {
        StreamingResampler r = StreamingResampler.builder().inputRateHz(500).outputRateHz(100)
                .compensateGroupDelay(compensate).build((time, value) -> {
                    if (time > 2_000_000) { // past the start-up transient
                        t.add(new long[] {time});
                        v.add(value);
                    }
                });
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 10_000; i++) { // 20 s at 500 Hz with ±100 µs jitter
            long time = i * 2000L + random.nextInt(-100, 101);
            r.accept(time, Math.sin(2 * Math.PI * F * time / 1e6));
        }
        return r.groupDelaySeconds();
    }

    @Test
    void groupDelayIsStatedAndCompensated() throws Exception {
        List<long[]> t1 = new ArrayList<>();
        List<Double> v1 = new ArrayList<>();
        double d = run(false, t1, v1);
        List<long[]> t2 = new ArrayList<>();
        List<Double> v2 = new ArrayList<>();
        run(true, t2, v2);
        double raw = delaySeconds(t1, v1);
        double compensated = delaySeconds(t2, v2);
        IirDesign design = Butterworth.lowPass(4, 40, 500);
        System.out.printf("streaming resampler 500 -> 100 Hz: stated group delay %.3f ms at 0 Hz, %.3f ms at %.1f Hz;"
                + " measured delay %.3f ms uncompensated, %.3f ms compensated%n", d * 1e3,
                design.groupDelaySeconds(F) * 1e3, F, raw * 1e3, compensated * 1e3);
        assertEquals(design.groupDelaySeconds(0), d, 1e-12);
        // the stated delay is the one measured on a slow tone (the group delay barely changes below 2 Hz)
        assertEquals(design.groupDelaySeconds(F), raw, 0.05e-3);
        assertEquals(0, compensated, 0.1e-3);
        for (long[] time : t2) {
            assertEquals(0, time[0] % 10_000);
        }
    }

    @Test
    void gapsComeOutAsNaNAndNeverBridged() throws Exception {
        List<long[]> t = new ArrayList<>();
        List<Double> v = new ArrayList<>();
        StreamingResampler r = StreamingResampler.builder().build((time, value) -> {
            t.add(new long[] {time});
            v.add(value);
        });
        for (int i = 0; i < 1000; i++) { // 2 s, then 0.5 s missing, then 2 s
            long time = i * 2000L + (i >= 500 ? 500_000 : 0);
            r.accept(time, 1.0);
        }
        int nan = 0;
        for (int i = 0; i < v.size(); i++) {
            long time = t.get(i)[0];
            boolean inGap = time > 998_000 && time < 1_500_000;
            if (Double.isNaN(v.get(i))) {
                nan++;
                assertTrue(time >= 970_000 && time < 1_500_000, "NaN outside the gap at " + time);
            } else {
                assertTrue(!inGap || time <= 998_000 - r.compensatedDelayMicros(), "value inside the gap at " + time);
                assertEquals(1.0, v.get(i), 1e-9);
            }
        }
        assertTrue(nan >= 50 && nan <= 55, nan + " NaN samples");
        assertThrows(BadSensorDataException.class, () -> r.accept(2_000_000, 1.0));
        assertThrows(BadSensorDataException.class, () -> r.accept(4_000_000, Double.NaN));
    }
}
