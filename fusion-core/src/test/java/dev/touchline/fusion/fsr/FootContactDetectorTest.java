package dev.touchline.fusion.fsr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.fusion.BadSensorDataException;
import dev.touchline.sensor.simulation.FsrSamples;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FootContactDetectorTest {
    private static final long PERIOD = 4_000;

    /** A half-sine contact on the left heel: peak P over T gives impulse 2PT/π and a known 20–80 % slope. */
    @Test
    void halfSineContactHasTheAnalyticPeakImpulseAndLoadingRate() throws BadSensorDataException {
        List<FsrContact> out = new ArrayList<>();
        FootContactDetector d = FootContactDetector.builder().build(out::add);
        double peak = 1500;
        double tc = 0.2;
        long on = 1_000_000;
        for (long t = 0; t <= 2_000_000; t += PERIOD) {
            double u = (t - on) / (tc * 1e6);
            double f = u >= 0 && u < 1 ? peak * Math.sin(Math.PI * u) : 0;
            d.accept(t, f, 0, 0, 0, 0, 0);
        }
        d.flush();
        assertEquals(1, out.size());
        FsrContact c = out.get(0);
        assertTrue(c.left());
        assertEquals(Strike.REARFOOT, c.strike());
        assertFalse(c.stance() || c.truncated());
        // The on threshold 20 N is crossed at u = asin(20/1500)/π, 0.85 ms after the true onset.
        double onExpected = on + Math.asin(20 / peak) / Math.PI * tc * 1e6;
        assertEquals(onExpected, c.onMicros(), 100);
        double offExpected = on + (1 - Math.asin(10 / peak) / Math.PI) * tc * 1e6;
        assertEquals(offExpected, c.offMicros(), 100);
        assertEquals(peak, c.peakNewtons(), 1);
        assertEquals(2 * peak * tc / Math.PI, c.impulseNewtonSeconds(), 0.005 * 2 * peak * tc / Math.PI);
        double t20 = Math.asin(0.2) / Math.PI * tc;
        double t80 = Math.asin(0.8) / Math.PI * tc;
        assertEquals(0.6 * peak / (t80 - t20), c.loadingRateNewtonsPerSecond(), 0.03 * 0.6 * peak / (t80 - t20));
    }

    @Test
    void forefootAndMidfootStrikesAreNamedByTheRegionLoadedFirst() throws BadSensorDataException {
        List<FsrContact> out = new ArrayList<>();
        FootContactDetector d = FootContactDetector.builder().build(out::add);
        long t = 0;
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < 100; i++, t += PERIOD) {
                double u = (i - 10) / 50.0;
                double f = u >= 0 && u < 1 ? 800 * Math.sin(Math.PI * u) : 0;
                double early = u < 0.3 ? 1 : 0.2;
                // right foot: fore first then heel; mid first on the second contact
                if (k == 0) {
                    d.accept(t, 0, 0, 0, f * (1 - early), 0, f * early);
                } else {
                    d.accept(t, 0, 0, 0, f * (1 - early) / 2, f * early, f * (1 - early) / 2);
                }
            }
        }
        d.flush();
        assertEquals(2, out.size());
        assertEquals(Strike.FOREFOOT, out.get(0).strike());
        assertEquals(Strike.MIDFOOT, out.get(1).strike());
        assertFalse(out.get(0).left());
    }

    @Test
    void shortDropOutsMergeAndScuffsAreDropped() throws BadSensorDataException {
        List<FsrContact> out = new ArrayList<>();
        FootContactDetector d = FootContactDetector.builder().build(out::add);
        long t = 0;
        // 200 ms loaded, 12 ms drop-out, 200 ms loaded, 400 ms off, 12 ms scuff, 400 ms off
        int[] pattern = {0, 25, 50, 3, 50, 100, 3, 100};
        double[] level = {0, 0, 500, 0, 500, 0, 300, 0};
        for (int s = 0; s < pattern.length; s++) {
            for (int i = 0; i < pattern[s]; i++, t += PERIOD) {
                d.accept(t, level[s], 0, 0, 0, 0, 0);
            }
        }
        d.flush();
        assertEquals(1, out.size(), out.toString());
        assertEquals(412_000, out.get(0).durationMicros(), 8_000);
        assertEquals(1, d.rejectedShortContacts());
    }

    @Test
    void standingIsReportedAsStanceNotAStep() throws BadSensorDataException {
        List<FsrContact> out = new ArrayList<>();
        FootContactDetector d = FootContactDetector.builder().build(out::add);
        long t = 0;
        for (int i = 0; i < 1000; i++, t += PERIOD) {
            double f = i >= 10 && i < 900 ? 350 : 0;
            d.accept(t, 0.45 * f, 0.2 * f, 0.35 * f, 0, 0, 0);
        }
        d.flush();
        assertEquals(1, out.size());
        assertTrue(out.get(0).stance());
    }

    @Test
    void badSamplesNameTheSampleAndLeaveTheDetectorUnchanged() throws BadSensorDataException {
        FootContactDetector d = FootContactDetector.builder().build(c -> { });
        d.accept(0, 1, 1, 1, 1, 1, 1);
        d.accept(4_000, -3, 1, 1, 1, 1, 1); // within the 5 N offset tolerance
        BadSensorDataException nan = assertThrows(BadSensorDataException.class,
                () -> d.accept(8_000, 1, 1, 1, 1, Double.NaN, 1));
        assertTrue(nan.getMessage().contains("sample 2") && nan.getMessage().contains("right_mid_n"),
                nan.getMessage());
        BadSensorDataException neg = assertThrows(BadSensorDataException.class,
                () -> d.accept(8_000, -40, 1, 1, 1, 1, 1));
        assertTrue(neg.getMessage().contains("left_heel_n"), neg.getMessage());
        BadSensorDataException back = assertThrows(BadSensorDataException.class,
                () -> d.accept(4_000, 1, 1, 1, 1, 1, 1));
        assertTrue(back.getMessage().contains("does not increase"), back.getMessage());
        assertEquals(2, d.samples());
        d.accept(8_000, 1, 1, 1, 1, 1, 1);
        assertEquals(3, d.samples());
    }

    @Test
    void aGapEndsTheContactAsTruncatedAndIsNotBridged() throws BadSensorDataException {
        List<FsrContact> out = new ArrayList<>();
        FootContactDetector d = FootContactDetector.builder().build(out::add);
        long t = 0;
        for (int i = 0; i < 50; i++, t += PERIOD) {
            d.accept(t, i >= 5 ? 600 : 0, 0, 0, 0, 0, 0);
        }
        long lastBeforeGap = t - PERIOD;
        t += 500_000;
        for (int i = 0; i < 50; i++, t += PERIOD) {
            d.accept(t, i < 30 ? 600 : 0, 0, 0, 0, 0, 0);
        }
        d.flush();
        assertEquals(2, out.size(), out.toString());
        assertEquals(lastBeforeGap, out.get(0).offMicros());
        assertTrue(out.get(0).truncated() && out.get(1).truncated());
        assertEquals(1, d.gaps());
    }

    /** Seed 21, 120 s: a detector restored from a snapshot at any of several points continues identically. */
    @Test
    void restoredDetectorContinuesIdentically() throws BadSensorDataException {
        SimulatedInsoles sim = SimulatedInsoles.simulate(21, 120);
        List<long[]> times = new ArrayList<>();
        List<float[][]> values = new ArrayList<>();
        for (FsrSamples b : sim.blocks) {
            long[] tt = new long[b.length()];
            float[][] vv = new float[6][b.length()];
            for (int i = 0; i < b.length(); i++) {
                tt[i] = b.timeMicros(i);
                for (int c = 0; c < 6; c++) {
                    vv[c][i] = b.force(c, i);
                }
            }
            times.add(tt);
            values.add(vv);
        }
        List<FsrContact> whole = new ArrayList<>();
        FootContactDetector ref = FootContactDetector.builder().build(whole::add);
        for (FsrSamples b : sim.blocks) {
            ref.accept(b);
        }
        ref.flush();
        assertTrue(whole.size() > 100, "contacts " + whole.size());
        int n = sim.samples();
        for (int split : new int[] {1, n / 7, n / 3, n / 2 + 13, n - 5}) {
            List<FsrContact> got = new ArrayList<>();
            FootContactDetector first = FootContactDetector.builder().build(got::add);
            FootContactDetector second = FootContactDetector.builder().build(got::add);
            int k = 0;
            for (int b = 0; b < times.size(); b++) {
                long[] tt = times.get(b);
                float[][] v = values.get(b);
                for (int i = 0; i < tt.length; i++, k++) {
                    if (k == split) {
                        second.restore(first.snapshot());
                    }
                    FootContactDetector d = k < split ? first : second;
                    d.accept(tt[i], v[0][i], v[1][i], v[2][i], v[3][i], v[4][i], v[5][i]);
                }
            }
            second.flush();
            assertEquals(whole, got, "split at sample " + split);
            assertEquals(ref.rejectedShortContacts(), second.rejectedShortContacts());
        }
    }

    /** No allocation per sample: a minute of steps allocates little more than one record per contact. */
    @Test
    void allocatesOnlyTheContactRecords() throws Exception {
        Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                .invoke(null);
        Method allocated = Class.forName("com.sun.management.ThreadMXBean")
                .getMethod("getThreadAllocatedBytes", long.class);
        long thread = Thread.currentThread().getId();
        long[] count = new long[1];
        FootContactDetector d = FootContactDetector.builder().build(c -> count[0]++);
        long t = 0;
        for (int round = 0; round < 2; round++) { // the first round warms up the code and the reflection
            count[0] = 0;
            long before = (Long) allocated.invoke(bean, thread);
            for (int i = 0; i < 60 * 250; i++, t += PERIOD) {
                int phase = i % 100; // 400 ms stride: left on for the first 50 samples, right for the last 50
                double u = (phase % 50) / 50.0;
                double f = 1200 * Math.sin(Math.PI * u);
                if (phase < 50) {
                    d.accept(t, 0.6 * f, 0.1 * f, 0.3 * f, 0, 0, 0);
                } else {
                    d.accept(t, 0, 0, 0, 0.2 * f, 0.2 * f, 0.6 * f);
                }
            }
            long bytes = (Long) allocated.invoke(bean, thread) - before;
            if (round == 1) {
                assertTrue(count[0] > 250, "contacts " + count[0]);
                assertTrue(bytes < 200 * count[0] + 4096, bytes + " bytes for " + count[0] + " contacts");
            }
        }
    }
}
