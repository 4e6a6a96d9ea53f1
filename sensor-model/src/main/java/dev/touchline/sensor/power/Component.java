package dev.touchline.sensor.power;

import java.util.Objects;

/**
 * One consumer of a power budget and its average current. The factories compute the average from how the part
 * actually draws current (per sample, per LED pulse, per radio event, per unit of busy time), so a budget shows
 * which assumption each figure rests on.
 *
 * @param name what the component is, for the breakdown; not blank
 * @param averageMilliamps average current, mA, in [0, 10000]
 * @param basis how the average was obtained, in words with units (for reports)
 */
public record Component(String name, double averageMilliamps, String basis) {
    /** Validates every field. */
    public Component {
        Checks.name(Objects.requireNonNull(name, "name"));
        Objects.requireNonNull(basis, "basis");
        Checks.inRange("averageMilliamps", averageMilliamps, 0, 10_000);
    }

    /** A component that draws a constant current (mA). */
    public static Component fixed(String name, double milliamps) {
        Checks.inRange("milliamps", milliamps, 0, 10_000);
        return new Component(name, milliamps, "fixed " + milliamps + " mA");
    }

    /**
     * A sensor that draws {@code activeMilliamps} for {@code activeSecondsPerSample} at each sample and
     * {@code idleMilliamps} otherwise: average = idle + (active − idle) × duty, with duty = time per sample × rate.
     *
     * @param idleMilliamps current between samples, mA, in [0, 10000]
     * @param activeMilliamps current while sampling, mA, in [0, 10000]
     * @param activeSecondsPerSample time spent active per sample, seconds, in [0, 1]
     * @param rateHz samples per second, in [0, 100000]; the duty (time × rate) must not exceed 1
     */
    public static Component perSample(String name, double idleMilliamps, double activeMilliamps,
                                      double activeSecondsPerSample, double rateHz) {
        Checks.inRange("idleMilliamps", idleMilliamps, 0, 10_000);
        Checks.inRange("activeMilliamps", activeMilliamps, 0, 10_000);
        Checks.inRange("activeSecondsPerSample", activeSecondsPerSample, 0, 1);
        Checks.inRange("rateHz", rateHz, 0, 100_000);
        double duty = Checks.inRange("activeSecondsPerSample × rateHz", activeSecondsPerSample * rateHz, 0, 1);
        return new Component(name, idleMilliamps + (activeMilliamps - idleMilliamps) * duty,
                activeMilliamps + " mA for " + activeSecondsPerSample * 1e6 + " µs × " + rateHz + " Hz, idle "
                        + idleMilliamps + " mA");
    }

    /**
     * A sensor whose current grows linearly with its output rate between a floor and its full-rate current, the
     * usual shape of low-power (duty-cycled) modes of MEMS accelerometers and gyroscopes.
     *
     * @param floorMilliamps current extrapolated to 0 Hz, mA
     * @param fullRateMilliamps current at {@code fullRateHz}, mA, ≥ the floor
     * @param fullRateHz the highest output rate, Hz, &gt; 0
     * @param rateHz the rate used, Hz, in [0, fullRateHz]
     */
    public static Component rateScaled(String name, double floorMilliamps, double fullRateMilliamps,
                                       double fullRateHz, double rateHz) {
        Checks.inRange("floorMilliamps", floorMilliamps, 0, 10_000);
        Checks.inRange("fullRateMilliamps", fullRateMilliamps, floorMilliamps, 10_000);
        Checks.inRange("fullRateHz", fullRateHz, Double.MIN_VALUE, 100_000);
        Checks.inRange("rateHz", rateHz, 0, fullRateHz);
        return new Component(name, floorMilliamps + (fullRateMilliamps - floorMilliamps) * rateHz / fullRateHz,
                "linear in rate: " + floorMilliamps + " mA at 0 Hz to " + fullRateMilliamps + " mA at "
                        + fullRateHz + " Hz, run at " + rateHz + " Hz");
    }

    /**
     * A photoplethysmography front end: LED pulses plus the analogue front end (AFE).
     * Average = LED current × LEDs per sample × pulse width × sample rate + AFE current.
     *
     * @param ledMilliamps LED drive current during a pulse, mA, in [0, 250]
     * @param ledsPerSample LED pulses per sample (1 for green heart rate, 2–3 for SpO₂-style red/IR), 0 to 8
     * @param pulseWidthSeconds width of one LED pulse, seconds, in [0, 0.01]
     * @param rateHz samples per second, in [0, 4096]
     * @param afeMilliamps AFE current while running, mA, in [0, 100]
     */
    public static Component ppg(String name, double ledMilliamps, int ledsPerSample, double pulseWidthSeconds,
                                double rateHz, double afeMilliamps) {
        Checks.inRange("ledMilliamps", ledMilliamps, 0, 250);
        Checks.inRange("ledsPerSample", ledsPerSample, 0, 8);
        Checks.inRange("pulseWidthSeconds", pulseWidthSeconds, 0, 0.01);
        Checks.inRange("rateHz", rateHz, 0, 4096);
        Checks.inRange("afeMilliamps", afeMilliamps, 0, 100);
        Checks.inRange("LED duty (ledsPerSample × pulseWidthSeconds × rateHz)",
                ledsPerSample * pulseWidthSeconds * rateHz, 0, 1);
        double led = ledMilliamps * ledsPerSample * pulseWidthSeconds * rateHz;
        return new Component(name, led + afeMilliamps, "LED " + ledMilliamps + " mA × " + ledsPerSample + " × "
                + pulseWidthSeconds * 1e6 + " µs × " + rateHz + " Hz + AFE " + afeMilliamps + " mA");
    }

    /**
     * A radio that spends a fixed charge per event (a BLE connection event or an advertising event) and idles
     * between events. Average = charge × event rate + idle current.
     *
     * @param microcoulombsPerEvent charge of one event, µC (= µA·s), in [0, 10000]
     * @param eventsPerSecond events per second (1 / connection interval), in [0, 1000]
     * @param idleMilliamps current between events, mA, in [0, 100]
     */
    public static Component radio(String name, double microcoulombsPerEvent, double eventsPerSecond,
                                  double idleMilliamps) {
        Checks.inRange("microcoulombsPerEvent", microcoulombsPerEvent, 0, 10_000);
        Checks.inRange("eventsPerSecond", eventsPerSecond, 0, 1000);
        Checks.inRange("idleMilliamps", idleMilliamps, 0, 100);
        return new Component(name, microcoulombsPerEvent * eventsPerSecond / 1000.0 + idleMilliamps,
                microcoulombsPerEvent + " µC × " + eventsPerSecond + " events/s + idle " + idleMilliamps + " mA");
    }

    /**
     * A processor that runs at {@code activeMilliamps} for a fraction {@code duty} of the time and sleeps at
     * {@code sleepMilliamps} otherwise.
     *
     * @param activeMilliamps current while running, mA, in [0, 1000]
     * @param duty fraction of time running, in [0, 1]
     * @param sleepMilliamps current while asleep, mA, in [0, 100]
     */
    public static Component dutyCycled(String name, double activeMilliamps, double duty, double sleepMilliamps) {
        Checks.inRange("activeMilliamps", activeMilliamps, 0, 1000);
        Checks.inRange("duty", duty, 0, 1);
        Checks.inRange("sleepMilliamps", sleepMilliamps, 0, 100);
        return new Component(name, activeMilliamps * duty + sleepMilliamps * (1 - duty),
                activeMilliamps + " mA × duty " + duty + " + sleep " + sleepMilliamps + " mA");
    }

    /**
     * This component switched on for a fraction {@code duty} of the time (for example a PPG run one period in
     * four) and drawing {@code offMilliamps} while switched off.
     *
     * @param duty fraction of time on, in [0, 1]
     * @param offMilliamps shutdown current, mA, in [0, 100]
     */
    public Component withDuty(double duty, double offMilliamps) {
        Checks.inRange("duty", duty, 0, 1);
        Checks.inRange("offMilliamps", offMilliamps, 0, 100);
        return new Component(name, averageMilliamps * duty + offMilliamps * (1 - duty),
                "(" + basis + ") on for duty " + duty + ", off " + offMilliamps + " mA");
    }
}
