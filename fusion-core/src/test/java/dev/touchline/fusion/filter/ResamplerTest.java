package dev.touchline.fusion.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.fusion.BadSensorDataException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Resampling jittered 1 kHz samples to 100 Hz. Jitter uses seed 42. */
class ResamplerTest {
    private static final long T0 = 1_700_000_000_000_000L;

    private static long[] jitteredTimes(int n, double rateHz, long jitterMicros, long seed) {
        Random random = new Random(seed);
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = T0 + Math.round(i * 1e6 / rateHz) + (long) ((random.nextDouble() * 2 - 1) * jitterMicros);
        }
        return t;
    }

    private static double[] sine(long[] t, double hz, double amplitude) {
        double[] v = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            v[i] = amplitude * Math.sin(2 * Math.PI * hz * (t[i] - T0) / 1e6);
        }
        return v;
    }

    @Test
    void jitteredSineLandsOnTheGridWithTheFilterRecorded() throws Exception {
        long[] t = jitteredTimes(10_000, 1000, 200, 42);
        double[] v = sine(t, 3, 1);
        ResampledSignal out = Resampler.builder().outputRateHz(100).build().resample(t, v, t.length, 1000, "acc_x");
        assertTrue(out.filter().startsWith("Butterworth low-pass order 4, 40.0 Hz at 1000.0 Hz"), out.filter());
        assertEquals(0, out.gapCount());
        assertTrue(out.length() >= 999);
        for (int k = 50; k < out.length() - 50; k++) {
            double expected = Math.sin(2 * Math.PI * 3 * (out.timeMicros(k) - T0) / 1e6);
            assertEquals(expected, out.value(k), 5e-3, "sample " + k);
        }
    }

    @Test
    void antiAliasFilterRemovesContentAboveTheNewNyquist() throws Exception {
        long[] t = jitteredTimes(10_000, 1000, 0, 1);
        double[] v = sine(t, 130, 1); // would alias to 30 Hz at 100 Hz
        ResampledSignal out = Resampler.builder().build().resample(t, v, t.length, 1000, "acc_x");
        double filteredRms = 0;
        double naiveRms = 0;
        for (int k = 0; k < out.length(); k++) {
            filteredRms += out.value(k) * out.value(k);
            double naive = v[k * 10];
            naiveRms += naive * naive;
        }
        filteredRms = Math.sqrt(filteredRms / out.length());
        naiveRms = Math.sqrt(naiveRms / out.length());
        assertTrue(naiveRms > 0.5, "naive decimation aliases: " + naiveRms);
        assertTrue(filteredRms < 0.01, "anti-aliased: " + filteredRms);
    }

    @Test
    void gapsAreFlaggedNotBridged() throws Exception {
        long[] full = jitteredTimes(3000, 1000, 100, 42);
        // drop 200 ms (samples 1000..1199)
        long[] t = new long[2800];
        System.arraycopy(full, 0, t, 0, 1000);
        System.arraycopy(full, 1200, t, 1000, 1800);
        double[] v = sine(t, 2, 1);
        ResampledSignal out = Resampler.builder().build().resample(t, v, t.length, 1000, "gyr_z");
        int gaps = out.gapCount();
        assertTrue(gaps >= 19 && gaps <= 21, "gap samples " + gaps);
        for (int k = 0; k < out.length(); k++) {
            long tk = out.timeMicros(k);
            boolean inside = tk > full[999] && tk < full[1200];
            assertEquals(inside, out.isGap(k), "sample " + k);
            assertEquals(inside, Double.isNaN(out.value(k)), "sample " + k);
        }
        assertFalse(out.isGap(0));
    }

    @Test
    void badInputIsAnErrorNamingTheSample() {
        Resampler r = Resampler.builder().build();
        long[] t = jitteredTimes(100, 1000, 0, 1);
        double[] v = new double[100];
        v[17] = Double.NaN;
        BadSensorDataException nan = assertThrows(BadSensorDataException.class,
                () -> r.resample(t, v, 100, 1000, "acc_x"));
        assertTrue(nan.getMessage().contains("sample 17"), nan.getMessage());
        v[17] = 0;
        long[] back = t.clone();
        back[40] = back[39] - 5;
        BadSensorDataException backwards = assertThrows(BadSensorDataException.class,
                () -> r.resample(back, v, 100, 1000, "acc_x"));
        assertTrue(backwards.getMessage().contains("sample 40"), backwards.getMessage());
        BadSensorDataException rate = assertThrows(BadSensorDataException.class,
                () -> r.resample(t, v, 100, 500, "acc_x"));
        assertTrue(rate.getMessage().contains("nominal"), rate.getMessage());
    }
}
