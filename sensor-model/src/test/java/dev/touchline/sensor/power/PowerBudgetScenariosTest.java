package dev.touchline.sensor.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two run-time claims of the project seed, checked against explicit component assumptions (no randomness, so
 * no seed). Both claims are for a 120 mAh battery:
 * <ol>
 *   <li>"IMU + PPG at full duty: 6 h 42 min", which needs 120 / 6.7 h ≈ 17.9 mA on average;</li>
 *   <li>"gyro at 100 Hz + PPG at duty 1:4: more than 10 h", which needs at most 12 mA on average.</li>
 * </ol>
 * Each test names the assumptions that make a claim true or false.
 */
class PowerBudgetScenariosTest {
    private static final Battery BATTERY = Battery.of(120);
    private static final double PULSE_400_US = 400e-6;
    private static final double PULSE_200_US = 200e-6;
    private static final double PPG_RATE_HZ = 500;

    /** IMU 0.9 mA, PPG LED 50 mA × 400 µs × 500 Hz + AFE 0.6 mA, BLE 2.002 mA, MCU 4.4 mA always on. */
    private static List<Component> highLedAlwaysOnMcu() {
        return List.of(
                TypicalComponents.imu6AxisFullRate(),
                TypicalComponents.ppg(TypicalComponents.PPG_LED_HIGH_MILLIAMPS, 1, PULSE_400_US, PPG_RATE_HZ),
                TypicalComponents.bleStreaming(TypicalComponents.BLE_EVENT_HIGH_MICROCOULOMBS, 0.015),
                Component.dutyCycled("MCU Cortex-M4 never sleeping", 4.4, 1.0, TypicalComponents.MCU_SLEEP_MILLIAMPS));
    }

    @Test
    void claimOneHoldsWithHighLedCurrentHighBleLoadAndAnMcuThatNeverSleeps() {
        PowerBudget budget = PowerBudget.builder().battery(BATTERY).addAll(highLedAlwaysOnMcu()).build();
        // 0.9 + (50 × 400e-6 × 500 = 10.0) + 0.6 + (30 µC × 66.7/s = 2.0) + 0.002 idle + 4.4 = 17.902
        assertEquals(17.902, budget.averageMilliamps(), 1e-9);
        assertEquals(120 / 17.902, budget.runTimeHours(), 1e-12);
        Duration runTime = budget.runTime();
        assertEquals(6, runTime.toHours());
        assertEquals(42, runTime.toMinutesPart());
        // The PPG's LED alone is more than half of the budget.
        PowerBudget.Share ppg = budget.breakdown().get(1);
        assertEquals("PPG", ppg.name());
        assertEquals(10.6 / 17.902, ppg.fraction(), 1e-12);
    }

    @Test
    void claimOneIsFalseWithTypicalLed20mA200usBle1mAAndMcuAtQuarterDuty() {
        PowerBudget budget = PowerBudget.builder().battery(BATTERY)
                .add(TypicalComponents.imu6AxisFullRate())
                .add(TypicalComponents.ppg(TypicalComponents.PPG_LED_TYPICAL_MILLIAMPS, 1, PULSE_200_US,
                        PPG_RATE_HZ))
                .add(TypicalComponents.bleStreaming())
                .add(TypicalComponents.cortexM4(0.25))
                .build();
        // 0.9 + (20 × 200e-6 × 500 = 2.0) + 0.6 + (15 µC / 15 ms = 1.0) + 0.002 + (4.0 × 0.25 + 0.003 × 0.75)
        double expected = 0.9 + 2.0 + 0.6 + 1.0 + 0.002 + 1.0 + 0.00225;
        assertEquals(expected, budget.averageMilliamps(), 1e-9);
        // About 21.8 h: the device lasts far longer than 6 h 42 min.
        assertEquals(120 / expected, budget.runTimeHours(), 1e-12);
        assertTrue(budget.runTime().compareTo(Duration.ofHours(20)) > 0, budget.toString());
    }

    @Test
    void claimOneIsFalseWhenOnly80PercentOfTheNominalCapacityIsUsable() {
        PowerBudget budget = PowerBudget.builder().battery(Battery.of(120, 0.8)).addAll(highLedAlwaysOnMcu())
                .build();
        // The same 17.902 mA with 96 mAh usable: 5 h 21 min, not 6 h 42 min.
        assertEquals(96 / 17.902, budget.runTimeHours(), 1e-12);
        assertEquals(5, budget.runTime().toHours());
        assertEquals(21, budget.runTime().toMinutesPart());
    }

    @Test
    void claimTwoNeedsAtMost12mA() {
        PowerBudget exactly12 = PowerBudget.builder().battery(BATTERY).add(Component.fixed("all", 12)).build();
        assertEquals(Duration.ofHours(10), exactly12.runTime());
    }

    @Test
    void claimTwoHoldsEvenWithHighLedHighBleAndAlwaysOnMcuWhenPpgRunsOnePeriodInFour() {
        PowerBudget budget = PowerBudget.builder().battery(BATTERY)
                .add(TypicalComponents.gyroscope(100))
                .add(TypicalComponents.accelerometer(100))
                .add(TypicalComponents.ppg(TypicalComponents.PPG_LED_HIGH_MILLIAMPS, 1, PULSE_400_US, PPG_RATE_HZ)
                        .withDuty(0.25, TypicalComponents.PPG_SHUTDOWN_MILLIAMPS))
                .add(TypicalComponents.bleStreaming(TypicalComponents.BLE_EVENT_HIGH_MICROCOULOMBS, 0.015))
                .add(Component.dutyCycled("MCU Cortex-M4 never sleeping", 4.4, 1.0, 0))
                .build();
        // gyro 0.25 + 0.2 × 100/1600 = 0.2625; accel 0.01 + 0.16 × 100/1600 = 0.02;
        // PPG 10.6 × 0.25 + 0.001 × 0.75 = 2.65075; BLE 2.0 + 0.002 idle; MCU 4.4
        double expected = 0.2625 + 0.02 + 2.65075 + 2.002 + 4.4;
        assertEquals(expected, budget.averageMilliamps(), 1e-9);
        assertTrue(budget.averageMilliamps() < 12);
        // About 12.9 h.
        assertTrue(budget.runTime().compareTo(Duration.ofHours(12)) > 0, budget.toString());
    }

    @Test
    void claimTwoIsFalseWithThreeLedsPerSampleAt50mA400usEvenAtOnePeriodInFour() {
        PowerBudget budget = PowerBudget.builder().battery(BATTERY)
                .add(TypicalComponents.gyroscope(100))
                .add(TypicalComponents.accelerometer(100))
                .add(TypicalComponents.ppg(TypicalComponents.PPG_LED_HIGH_MILLIAMPS, 3, PULSE_400_US, PPG_RATE_HZ)
                        .withDuty(0.25, TypicalComponents.PPG_SHUTDOWN_MILLIAMPS))
                .add(TypicalComponents.bleStreaming(TypicalComponents.BLE_EVENT_HIGH_MICROCOULOMBS, 0.015))
                .add(Component.dutyCycled("MCU Cortex-M4 never sleeping", 4.4, 1.0, 0))
                .build();
        // PPG (50 × 3 × 400e-6 × 500 = 30) + 0.6 = 30.6 mA while on, × 0.25 = 7.65 (+ 0.00075 off)
        double expected = 0.2625 + 0.02 + 7.65075 + 2.002 + 4.4;
        assertEquals(expected, budget.averageMilliamps(), 1e-9);
        // About 8.4 h.
        assertTrue(budget.runTime().compareTo(Duration.ofHours(10)) < 0, budget.toString());
    }

    @Test
    void claimTwoHoldsComfortablyWithTypicalParts() {
        PowerBudget budget = PowerBudget.builder().battery(BATTERY)
                .add(TypicalComponents.gyroscope(100))
                .add(TypicalComponents.accelerometer(100))
                .add(TypicalComponents.ppg(TypicalComponents.PPG_LED_TYPICAL_MILLIAMPS, 1, PULSE_200_US,
                        PPG_RATE_HZ).withDuty(0.25, TypicalComponents.PPG_SHUTDOWN_MILLIAMPS))
                .add(TypicalComponents.bleStreaming())
                .add(TypicalComponents.cortexM4(0.25))
                .build();
        // 0.2625 + 0.02 + (2.6 × 0.25 + 0.00075) + 1.002 + 1.00225 ≈ 2.94 mA: about 41 h.
        assertEquals(0.2625 + 0.02 + 0.65075 + 1.002 + 1.00225, budget.averageMilliamps(), 1e-9);
        assertTrue(budget.runTime().compareTo(Duration.ofHours(40)) > 0, budget.toString());
    }
}
