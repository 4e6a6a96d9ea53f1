package dev.touchline.fusion.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.fusion.BadSensorDataException;
import dev.touchline.fusion.SimulatedSession;
import dev.touchline.sensor.simulation.Signal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PlayerLoad on synthetic signals with a closed-form answer and on the simulator (seed 2026). */
class PlayerLoadMeterTest {
    private static final double G = 9.80665;
    private static final long T0 = 1_800_000_000_000_000L;

    private record Interval(int seconds, long start, double pl, double pl2d, double plv, double covered) {
    }

    @Test
    void sineHasTheClosedFormLoadOnTheVerticalAxis() throws Exception {
        List<Interval> out = new ArrayList<>();
        PlayerLoadMeter m = PlayerLoadMeter.builder().build((s, t, a, b, c, d) -> out.add(new Interval(s, t, a, b, c,
                d)));
        // 1 g amplitude at 2 Hz along x for 120 s at 1 kHz: total variation 4 g per period → 0.08 per second
        for (int i = 0; i < 120_000; i++) {
            double s = i / 1000.0;
            m.accept(T0 + i * 1000L, G + G * Math.sin(2 * Math.PI * 2 * s), 0.1 * G, 0);
        }
        m.flush();
        assertEquals(0.08 * 120, m.total(), 0.02);
        assertEquals(m.total(), m.totalVertical(), 1e-9);
        assertEquals(0, m.total2d(), 1e-9);
        long seconds = out.stream().filter(i -> i.seconds() == 1).count();
        long minutes = out.stream().filter(i -> i.seconds() == 60).count();
        assertEquals(120, seconds);
        assertEquals(2, minutes);
        double sumSeconds = out.stream().filter(i -> i.seconds() == 1).mapToDouble(Interval::pl).sum();
        double sumMinutes = out.stream().filter(i -> i.seconds() == 60).mapToDouble(Interval::pl).sum();
        assertEquals(m.total(), sumSeconds, 1e-9);
        assertEquals(m.total(), sumMinutes, 1e-9);
        Interval mid = out.stream().filter(i -> i.seconds() == 1).toList().get(60);
        assertEquals(0.08, mid.pl(), 0.002);
        assertEquals(1.0, mid.covered(), 1e-9);
        assertEquals(T0 + 60_000_000L, mid.start());
        assertTrue(m.filterDescription().startsWith("Butterworth low-pass order 4, 60.0 Hz at 1000.0 Hz, causal; "
                + "one sample in 5 kept"), m.filterDescription());
        assertTrue(m.filterDescription().contains("Butterworth low-pass order 4, 20.0 Hz at 200.0 Hz"),
                m.filterDescription());
    }

    @Test
    void decimationSurvivesARateEstimatedFromTimeStamps() {
        assertEquals(5, PlayerLoadMeter.decimationFor(999.9999999987779));
        assertEquals(5, PlayerLoadMeter.decimationFor(1000));
        assertEquals(4, PlayerLoadMeter.decimationFor(800));
        assertEquals(1, PlayerLoadMeter.decimationFor(399));
        assertEquals(1, PlayerLoadMeter.decimationFor(100));
        assertEquals(Optional.empty(), PlayerLoadMeter.builder().inputRateHz(100).build().antiAlias());
    }

    @Test
    void aGapAddsNoLoadAndIsReportedAsCoverage() throws Exception {
        List<Interval> out = new ArrayList<>();
        PlayerLoadMeter m = PlayerLoadMeter.builder().build((s, t, a, b, c, d) -> out.add(new Interval(s, t, a, b, c,
                d)));
        for (int i = 0; i < 5000; i++) {
            if (i >= 2000 && i < 2500) {
                continue; // half a second missing
            }
            double level = i < 2000 ? 0 : 3 * G; // a step hidden inside the gap
            m.accept(T0 + i * 1000L, level, 0, 0);
        }
        m.flush();
        assertEquals(0, m.total(), 1e-12, "no load across the gap");
        Interval second2 = out.stream().filter(i -> i.seconds() == 1).toList().get(2);
        assertEquals(0.5, second2.covered(), 0.02);
    }

    @Test
    void badSamplesAreErrors() throws Exception {
        PlayerLoadMeter m = PlayerLoadMeter.builder().build();
        m.accept(T0, 0, 0, G);
        assertThrows(BadSensorDataException.class, () -> m.accept(T0 - 1, 0, 0, G));
        assertThrows(BadSensorDataException.class, () -> m.accept(T0 + 1000, Double.NaN, 0, G));
    }

    private static double filteredLoad(SimulatedSession s, double rateHz) throws BadSensorDataException {
        return filteredLoad(s, rateHz, 20);
    }

    private static double filteredLoad(SimulatedSession s, double rateHz, double fc) throws BadSensorDataException {
        PlayerLoadMeter m = PlayerLoadMeter.builder().inputRateHz(rateHz).cutoffHz(fc).build();
        for (int i = 0; i < s.accT.length; i++) {
            m.accept(s.accT[i], s.acc[0][i], s.acc[1][i], s.acc[2][i]);
        }
        return m.total();
    }

    @Test
    void simulatedSessionGivesCloseLoadAt1kHzAnd100HzOnlyAfterResampling() throws Exception {
        EnumSet<Signal> imu = EnumSet.of(Signal.POSITIONS, Signal.IMU);
        SimulatedSession fast = SimulatedSession.simulate(2026, 120, 1000, imu);
        SimulatedSession slow = SimulatedSession.simulate(2026, 120, 100, imu);
        double pl1k = filteredLoad(fast, 1000);
        double pl100 = filteredLoad(slow, 100);
        double raw1k = PlayerLoadMeter.rawPlayerLoad(fast.acc[0], fast.acc[1], fast.acc[2], fast.accT.length);
        double raw100 = PlayerLoadMeter.rawPlayerLoad(slow.acc[0], slow.acc[1], slow.acc[2], slow.accT.length);
        System.out.printf("PlayerLoad 120 s simulated (seed 2026): resampled 1 kHz %.2f, 100 Hz %.2f (ratio %.3f);"
                + " raw 1 kHz %.2f, 100 Hz %.2f (ratio %.3f)%n", pl1k, pl100, pl1k / pl100, raw1k, raw100,
                raw1k / raw100);
        // measured with this seed: 9.70 vs 9.77 at 20 Hz; a 40 Hz cut-off gives 12.70 vs 15.62 (aliased impacts
        // of the 100 Hz sensor sit in band), 10 Hz gives 7.78 vs 7.81
        assertTrue(Math.abs(pl1k / pl100 - 1) < 0.03, "resampled PL differs: " + pl1k + " vs " + pl100);
        assertTrue(raw1k / raw100 > 1.3, "raw PL should depend on the rate: " + raw1k + " vs " + raw100);
    }
}
