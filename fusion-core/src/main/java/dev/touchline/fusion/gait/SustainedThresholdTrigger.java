package dev.touchline.fusion.gait;

import dev.touchline.fusion.BadSensorDataException;

/**
 * Fires when a scalar stays above a threshold for at least a duration (e.g. the seed's protective trigger:
 * acceleration above 0.7 g for 500 ms). Fires once per episode; the episode ends at the first sample at or below
 * the threshold. Time from per-sample time stamps; a gap longer than {@code maxGapMicros} ends the episode (no
 * bridging); time going backwards is an error. Streaming, no allocation; the state is three numbers ({@link #snapshot()}).
 */
public final class SustainedThresholdTrigger {
    private final double threshold;
    private final long durationMicros;
    private final long maxGapMicros;
    private long episodeStart = Long.MIN_VALUE;
    private long lastMicros = Long.MIN_VALUE;
    private boolean fired;

    /**
     * A trigger.
     *
     * @param threshold the level the value must exceed, in the value's unit
     * @param durationMicros how long it must stay above, µs, positive
     * @param maxGapMicros longest accepted interval between samples, µs, positive
     */
    public SustainedThresholdTrigger(double threshold, long durationMicros, long maxGapMicros) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite, got " + threshold);
        }
        if (durationMicros <= 0 || maxGapMicros <= 0) {
            throw new IllegalArgumentException("durationMicros and maxGapMicros must be positive, got "
                    + durationMicros + " and " + maxGapMicros);
        }
        this.threshold = threshold;
        this.durationMicros = durationMicros;
        this.maxGapMicros = maxGapMicros;
    }

    /**
     * Feeds one sample.
     *
     * @param timeMicros sample time, µs, increasing
     * @param value the sample; NaN counts as not above the threshold
     * @return true exactly once per episode, at the first sample where the value has been above the threshold for
     *         the duration
     * @throws BadSensorDataException when the time stamp does not increase
     */
    public boolean accept(long timeMicros, double value) throws BadSensorDataException {
        if (lastMicros != Long.MIN_VALUE && timeMicros <= lastMicros) {
            throw new BadSensorDataException("time stamp " + timeMicros + " µs does not increase over " + lastMicros
                    + " µs");
        }
        if (lastMicros != Long.MIN_VALUE && timeMicros - lastMicros > maxGapMicros) {
            episodeStart = Long.MIN_VALUE; // a gap: start over rather than bridge
            fired = false;
        }
        lastMicros = timeMicros;
        if (!(value > threshold)) {
            episodeStart = Long.MIN_VALUE;
            fired = false;
            return false;
        }
        if (episodeStart == Long.MIN_VALUE) {
            episodeStart = timeMicros;
        }
        if (!fired && timeMicros - episodeStart >= durationMicros) {
            fired = true;
            return true;
        }
        return false;
    }

    /** Whether the current episode has fired. */
    public boolean active() {
        return fired;
    }

    /** The state: episode start (Long.MIN_VALUE when none), last sample time, fired flag. */
    public State snapshot() {
        return new State(episodeStart, lastMicros, fired);
    }

    /** Continues from a snapshot. */
    public void restore(State state) {
        episodeStart = state.episodeStartMicros();
        lastMicros = state.lastMicros();
        fired = state.fired();
    }

    /**
     * The plain state of a trigger.
     *
     * @param episodeStartMicros start of the current above-threshold episode, or Long.MIN_VALUE
     * @param lastMicros time of the last sample, or Long.MIN_VALUE
     * @param fired whether the current episode has fired
     */
    public record State(long episodeStartMicros, long lastMicros, boolean fired) {
    }
}
