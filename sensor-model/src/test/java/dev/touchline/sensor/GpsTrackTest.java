package dev.touchline.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class GpsTrackTest {

    @Test
    void rejectsTimeGoingBackwardsAndNamesTheIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GpsTrack.of(
                new long[] {10, 20, 15}, new double[] {1, 1, 1}, new double[] {2, 2, 2}, new float[] {0, 0, 0}));
        assertTrue(e.getMessage().contains("index 2"), e.getMessage());
    }

    @Test
    void rejectsLatitudeOutOfRangeAndNaN() {
        assertThrows(IllegalArgumentException.class, () -> GpsTrack.of(
                new long[] {1}, new double[] {90.5}, new double[] {0}, new float[] {0}));
        assertThrows(IllegalArgumentException.class, () -> GpsTrack.of(
                new long[] {1}, new double[] {Double.NaN}, new double[] {0}, new float[] {0}));
        assertThrows(IllegalArgumentException.class, () -> GpsTrack.of(
                new long[] {1}, new double[] {0}, new double[] {180.01}, new float[] {0}));
    }

    @Test
    void speedMayBeUnknownButNotNegative() {
        assertEquals(1, GpsTrack.of(new long[] {1}, new double[] {0}, new double[] {0},
                new float[] {Float.NaN}).length());
        assertThrows(IllegalArgumentException.class, () -> GpsTrack.of(
                new long[] {1}, new double[] {0}, new double[] {0}, new float[] {-0.5f}));
    }

    @Test
    void builderRejectsABadFixAndKeepsTheRest() {
        GpsTrack.Builder b = GpsTrack.builder().add(100, 51.5, -0.1, 1f);
        assertThrows(IllegalArgumentException.class, () -> b.add(50, 51.5, -0.1, 1f));
        b.add(200, 51.5, -0.1, 2f);
        GpsTrack t = b.build();
        assertEquals(2, t.length());
        assertEquals(200, t.timeMicros(1));
    }

    @Test
    void factoriesCopyTheirInput() {
        long[] time = {1, 2};
        GpsTrack t = GpsTrack.of(time, new double[] {0, 0}, new double[] {0, 0}, new float[] {0, 0});
        time[0] = 99;
        assertEquals(1, t.timeMicros(0));
    }

    @Property(tries = 200)
    void builderAndFactoryAgree(@ForAll @IntRange(min = 0, max = 200) int n,
                                @ForAll @DoubleRange(min = -89, max = 89) double lat0) {
        GpsTrack.Builder b = GpsTrack.builder();
        long[] t = new long[n];
        double[] la = new double[n];
        double[] lo = new double[n];
        float[] sp = new float[n];
        for (int i = 0; i < n; i++) {
            t[i] = 1_000_000L * i;
            la[i] = lat0 + i * 1e-6;
            lo[i] = -179.5 + i * 1e-3;
            sp[i] = i * 0.01f;
            b.add(t[i], la[i], lo[i], sp[i]);
        }
        GpsTrack viaFactory = GpsTrack.of(t, la, lo, sp);
        assertEquals(viaFactory, b.build());
        if (n >= 2) {
            assertEquals(viaFactory, viaFactory.slice(0, n / 2).concat(viaFactory.slice(n / 2, n)));
        }
    }
}
