package dev.touchline.sensor.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The component factories' arithmetic and validation (deterministic: no seed). */
class ComponentTest {
    @Test
    void perSampleAveragesActiveAndIdleByDuty() {
        // 1 mA for 1 ms at 100 Hz = duty 0.1 over an idle 0.01 mA.
        Component c = Component.perSample("sensor", 0.01, 1.0, 0.001, 100);
        assertEquals(0.01 + 0.99 * 0.1, c.averageMilliamps(), 1e-12);
    }

    @Test
    void ppgIsLedChargePerSecondPlusAfe() {
        Component c = Component.ppg("PPG", 25, 2, 100e-6, 100, 0.6);
        assertEquals(25 * 2 * 100e-6 * 100 + 0.6, c.averageMilliamps(), 1e-12);
    }

    @Test
    void radioIsChargePerEventTimesRate() {
        assertEquals(1.0 + 0.002, TypicalComponents.bleStreaming().averageMilliamps(), 1e-12);
        assertEquals(20 * 10 / 1000.0, Component.radio("BLE", 20, 10, 0).averageMilliamps(), 1e-12);
    }

    @Test
    void gyroCurrentFallsLessThanItsRate() {
        double full = TypicalComponents.gyroscope(1600).averageMilliamps();
        double tenth = TypicalComponents.gyroscope(160).averageMilliamps();
        assertEquals(TypicalComponents.GYRO_FULL_RATE_MILLIAMPS, full, 1e-12);
        assertTrue(tenth > full / 2, "gyro at 160 Hz draws " + tenth + " mA");
    }

    @Test
    void invalidArgumentsAreNamedWithTheirRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Component.perSample("s", 0, 1, 0.02, 100));
        assertTrue(e.getMessage().contains("activeSecondsPerSample × rateHz") && e.getMessage().contains("2.0"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Battery.of(120, 1.5));
        assertTrue(e.getMessage().contains("usableFraction") && e.getMessage().contains("1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Component.fixed(" ", 1));
        assertThrows(IllegalArgumentException.class, () -> Component.fixed("x", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> TypicalComponents.bleStreaming(15, 0.001));
        assertThrows(IllegalStateException.class, () -> PowerBudget.builder().add(Component.fixed("x", 1)).build());
        assertThrows(IllegalStateException.class,
                () -> PowerBudget.builder().battery(Battery.of(100)).add(Component.fixed("x", 0)).build());
    }
}
