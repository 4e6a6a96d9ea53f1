package dev.touchline.sensor.power;

/**
 * Typical currents of the part classes found in football wearables, as named constants and {@link Component}
 * factories. The figures are of the order given in public datasheets of the named part classes at 1.8–3.3 V;
 * they are typical, not guaranteed, and vary with supply voltage, configuration and temperature. Measure the
 * product before promising a run time.
 *
 * <table>
 *   <caption>Component table</caption>
 *   <tr><th>Component</th><th>Part class</th><th>Typical current</th></tr>
 *   <tr><td>6-axis IMU, full rate</td><td>Bosch BMI270, ST LSM6DSO</td><td>0.55–0.9 mA (accelerometer and
 *       gyroscope in high-performance mode)</td></tr>
 *   <tr><td>Gyroscope alone</td><td>same</td><td>≈0.25 mA floor rising to ≈0.45 mA at 1.6 kHz; the drive
 *       oscillator runs whatever the rate, so the current falls much less than the rate</td></tr>
 *   <tr><td>Accelerometer alone</td><td>same</td><td>≈0.01 mA floor rising to ≈0.17 mA at 1.6 kHz</td></tr>
 *   <tr><td>PPG front end</td><td>Maxim/ADI MAX86141-class</td><td>LED 10–50 mA during a 100–400 µs pulse,
 *       per LED per sample, at up to 500 Hz; AFE ≈0.6 mA</td></tr>
 *   <tr><td>BLE radio, streaming</td><td>Nordic nRF52-class</td><td>0.5–2 mA average: ≈15–30 µC per connection
 *       event at a 15 ms interval</td></tr>
 *   <tr><td>Processor</td><td>Cortex-M4 (nRF52, STM32L4-class)</td><td>3–5 mA running, ≈3 µA asleep with the
 *       RTC on</td></tr>
 * </table>
 */
public final class TypicalComponents {
    /** 6-axis IMU at full rate, low end of the class (LSM6DSO-class combo high-performance mode), mA. */
    public static final double IMU_6AXIS_FULL_RATE_LOW_MILLIAMPS = 0.55;
    /** 6-axis IMU at full rate, high end of the class (BMI270-class full operation and older parts), mA. */
    public static final double IMU_6AXIS_FULL_RATE_HIGH_MILLIAMPS = 0.9;
    /** Highest output rate the IMU figures refer to, Hz. */
    public static final double IMU_FULL_RATE_HZ = 1600;
    /** Gyroscope current extrapolated to 0 Hz, mA. */
    public static final double GYRO_FLOOR_MILLIAMPS = 0.25;
    /** Gyroscope current at {@link #IMU_FULL_RATE_HZ}, mA. */
    public static final double GYRO_FULL_RATE_MILLIAMPS = 0.45;
    /** Accelerometer current extrapolated to 0 Hz, mA. */
    public static final double ACCEL_FLOOR_MILLIAMPS = 0.01;
    /** Accelerometer current at {@link #IMU_FULL_RATE_HZ}, mA. */
    public static final double ACCEL_FULL_RATE_MILLIAMPS = 0.17;
    /** PPG analogue front end while running (MAX86141-class), mA. */
    public static final double PPG_AFE_MILLIAMPS = 0.6;
    /** PPG LED current, a typical wrist/chest heart-rate setting, mA. */
    public static final double PPG_LED_TYPICAL_MILLIAMPS = 20;
    /** PPG LED current, a high setting for dark skin or poor contact, mA. */
    public static final double PPG_LED_HIGH_MILLIAMPS = 50;
    /** PPG shutdown current, mA. */
    public static final double PPG_SHUTDOWN_MILLIAMPS = 0.001;
    /** Charge of one BLE connection event carrying a few full packets (nRF52-class), µC. */
    public static final double BLE_EVENT_TYPICAL_MICROCOULOMBS = 15;
    /** Charge of one BLE connection event carrying many full packets, µC. */
    public static final double BLE_EVENT_HIGH_MICROCOULOMBS = 30;
    /** A streaming BLE connection interval, seconds. */
    public static final double BLE_CONNECTION_INTERVAL_SECONDS = 0.015;
    /** BLE radio current between events (system on, radio idle), mA. */
    public static final double BLE_IDLE_MILLIAMPS = 0.002;
    /** Cortex-M4 running from flash at 64 MHz (nRF52-class), mA. */
    public static final double MCU_ACTIVE_MILLIAMPS = 4.0;
    /** Cortex-M4 asleep with the RTC running, mA. */
    public static final double MCU_SLEEP_MILLIAMPS = 0.003;

    private TypicalComponents() {
    }

    /** A 6-axis IMU at full rate, at the high end of the class (0.9 mA). */
    public static Component imu6AxisFullRate() {
        return Component.fixed("IMU 6-axis full rate", IMU_6AXIS_FULL_RATE_HIGH_MILLIAMPS);
    }

    /** A gyroscope at {@code rateHz} (0 to 1600 Hz), current linear in rate between the floor and full rate. */
    public static Component gyroscope(double rateHz) {
        return Component.rateScaled("gyroscope " + rateHz + " Hz", GYRO_FLOOR_MILLIAMPS, GYRO_FULL_RATE_MILLIAMPS,
                IMU_FULL_RATE_HZ, rateHz);
    }

    /** An accelerometer at {@code rateHz} (0 to 1600 Hz), current linear in rate. */
    public static Component accelerometer(double rateHz) {
        return Component.rateScaled("accelerometer " + rateHz + " Hz", ACCEL_FLOOR_MILLIAMPS,
                ACCEL_FULL_RATE_MILLIAMPS, IMU_FULL_RATE_HZ, rateHz);
    }

    /**
     * A MAX86141-class PPG front end with the typical AFE current.
     *
     * @param ledMilliamps LED current during a pulse, mA
     * @param ledsPerSample LED pulses per sample
     * @param pulseWidthSeconds pulse width, seconds (100–400 µs typical)
     * @param rateHz sample rate, Hz
     */
    public static Component ppg(double ledMilliamps, int ledsPerSample, double pulseWidthSeconds, double rateHz) {
        return Component.ppg("PPG", ledMilliamps, ledsPerSample, pulseWidthSeconds, rateHz, PPG_AFE_MILLIAMPS);
    }

    /** An nRF52-class BLE link streaming at a 15 ms interval with 15 µC per event: about 1.0 mA. */
    public static Component bleStreaming() {
        return bleStreaming(BLE_EVENT_TYPICAL_MICROCOULOMBS, BLE_CONNECTION_INTERVAL_SECONDS);
    }

    /**
     * An nRF52-class BLE link.
     *
     * @param microcoulombsPerEvent charge of one connection event, µC
     * @param connectionIntervalSeconds connection interval, seconds, in [0.0075, 4] (the BLE limits)
     */
    public static Component bleStreaming(double microcoulombsPerEvent, double connectionIntervalSeconds) {
        Checks.inRange("connectionIntervalSeconds", connectionIntervalSeconds, 0.0075, 4.0);
        return Component.radio("BLE", microcoulombsPerEvent, 1.0 / connectionIntervalSeconds, BLE_IDLE_MILLIAMPS);
    }

    /** A Cortex-M4 running 4.0 mA for a fraction {@code duty} of the time and sleeping at 3 µA otherwise. */
    public static Component cortexM4(double duty) {
        return Component.dutyCycled("MCU Cortex-M4", MCU_ACTIVE_MILLIAMPS, duty, MCU_SLEEP_MILLIAMPS);
    }
}
