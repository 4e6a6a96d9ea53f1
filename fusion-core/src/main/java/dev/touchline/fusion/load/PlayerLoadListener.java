package dev.touchline.fusion.load;

/** Receives completed PlayerLoad intervals from a {@link PlayerLoadMeter}, in time order. */
@FunctionalInterface
public interface PlayerLoadListener {
    /**
     * One completed interval (a second or a minute, aligned to the meter's start time).
     *
     * @param seconds the interval length, s (1 or 60)
     * @param startMicros interval start, µs since the epoch
     * @param playerLoad PL accumulated in the interval, arbitrary units (g/100 per 100 Hz step)
     * @param playerLoad2d PL from the two axes other than the vertical one
     * @param playerLoadVertical PL from the vertical axis alone
     * @param coveredFraction fraction of the interval's 100 Hz steps that had data (0..1; below 1 across gaps)
     */
    void onInterval(int seconds, long startMicros, double playerLoad, double playerLoad2d, double playerLoadVertical,
            double coveredFraction);
}
