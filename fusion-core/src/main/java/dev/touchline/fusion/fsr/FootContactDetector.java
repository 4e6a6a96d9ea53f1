package dev.touchline.fusion.fsr;

import dev.touchline.fusion.BadSensorDataException;
import dev.touchline.sensor.simulation.FsrSamples;
import java.util.Objects;

/**
 * Streaming foot-contact detector for a pair of three-region FSR insoles (heel, midfoot, forefoot per foot, N).
 *
 * <p>Per foot, a contact starts when the summed force rises above {@code onNewtons} and ends when it falls below
 * {@code offNewtons} (hysteresis, so noise around one level cannot chatter); both times are interpolated between
 * samples. A contact followed by a flight shorter than {@code minFlightMicros} is merged with the next one (a
 * sensor drop-out mid-stance is not a step), and a contact shorter than {@code minContactMicros} is dropped (a
 * scuff or a knock). A contact is therefore reported only after the minimum flight has passed. One that lasts
 * longer than {@code maxStepMicros} is reported with {@link FsrContact#stance()} set: the player stood.
 *
 * <p>For each contact: peak summed force, impulse (trapezoidal integral of the summed force from on to off),
 * loading rate (mean slope between 20 % and 80 % of the first peak, the peak being confirmed when the force falls
 * {@code peakDropFraction} below it or the contact ends) and the strike pattern: the region that carries the most
 * force over the first {@code strikeWindowMicros} of the contact.
 *
 * <p>Bad input: a non-finite force, a force below {@code −negativeToleranceNewtons}, or a time stamp that does not
 * increase throws {@link BadSensorDataException} naming the sample; small negative forces (sensor offset) count as
 * zero. A gap longer than {@code maxGapMicros} is never bridged: open contacts end at the last sample before it and
 * are reported {@link FsrContact#truncated() truncated}, as is a contact already under way when the stream starts.
 *
 * <p>No allocation per sample (one {@link FsrContact} per contact). Not thread-safe. The state is a plain value
 * ({@link #snapshot()}, {@link #restore(State)}).
 */
public final class FootContactDetector {
    final double onNewtons;
    final double offNewtons;
    final long minContactMicros;
    final long minFlightMicros;
    final long maxStepMicros;
    final long maxGapMicros;
    final long strikeWindowMicros;
    final double peakDropFraction;
    final double negativeToleranceNewtons;
    final int riseCapacity;
    final FsrContactListener listener;

    private final FootTracker leftFoot;
    private final FootTracker rightFoot;
    private long lastMicros = Long.MIN_VALUE;
    private long samples;
    long rejectedShort;
    private long gaps;

    private FootContactDetector(Builder b, FsrContactListener listener) {
        this.onNewtons = b.onNewtons;
        this.offNewtons = b.offNewtons;
        this.minContactMicros = b.minContactMicros;
        this.minFlightMicros = b.minFlightMicros;
        this.maxStepMicros = b.maxStepMicros;
        this.maxGapMicros = b.maxGapMicros;
        this.strikeWindowMicros = b.strikeWindowMicros;
        this.peakDropFraction = b.peakDropFraction;
        this.negativeToleranceNewtons = b.negativeToleranceNewtons;
        this.riseCapacity = b.riseCapacity;
        this.listener = listener;
        this.leftFoot = new FootTracker(this, true);
        this.rightFoot = new FootTracker(this, false);
    }

    /** A builder with the defaults (see its setters for each default and why). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Feeds one sample of the six channels, N.
     *
     * @param timeMicros sample time, epoch µs, increasing
     * @throws BadSensorDataException for a non-finite or clearly negative force or a time stamp that does not
     *         increase; the detector is unchanged
     */
    public void accept(long timeMicros, double leftHeel, double leftMid, double leftFore, double rightHeel,
            double rightMid, double rightFore) throws BadSensorDataException {
        if (lastMicros != Long.MIN_VALUE && timeMicros <= lastMicros) {
            throw new BadSensorDataException("FSR sample " + samples + ": time " + timeMicros
                    + " µs does not increase over " + lastMicros + " µs");
        }
        double lh = checked(leftHeel, 0, timeMicros);
        double lm = checked(leftMid, 1, timeMicros);
        double lf = checked(leftFore, 2, timeMicros);
        double rh = checked(rightHeel, 3, timeMicros);
        double rm = checked(rightMid, 4, timeMicros);
        double rf = checked(rightFore, 5, timeMicros);
        if (lastMicros != Long.MIN_VALUE && timeMicros - lastMicros > maxGapMicros) {
            gaps++;
            leftFoot.cut(lastMicros);
            rightFoot.cut(lastMicros);
        }
        leftFoot.accept(lastMicros, timeMicros, lh, lm, lf);
        rightFoot.accept(lastMicros, timeMicros, rh, rm, rf);
        lastMicros = timeMicros;
        samples++;
    }

    /**
     * Feeds a block of samples.
     *
     * @param block the samples; Not modified
     * @throws BadSensorDataException as {@link #accept(long, double, double, double, double, double, double)};
     *         samples before the bad one have been fed
     */
    public void accept(FsrSamples block) throws BadSensorDataException {
        for (int i = 0; i < block.length(); i++) {
            accept(block.timeMicros(i), block.force(0, i), block.force(1, i), block.force(2, i), block.force(3, i),
                    block.force(4, i), block.force(5, i));
        }
    }

    /** Ends the stream: a contact under way is reported truncated at the last sample, a pending one as it is. */
    public void flush() {
        if (lastMicros != Long.MIN_VALUE) {
            leftFoot.cut(lastMicros);
            rightFoot.cut(lastMicros);
        }
    }

    private double checked(double force, int channel, long timeMicros) throws BadSensorDataException {
        if (!Double.isFinite(force) || force < -negativeToleranceNewtons) {
            throw new BadSensorDataException("FSR sample " + samples + " at " + timeMicros + " µs: "
                    + FsrSamples.CHANNEL_NAMES[channel] + " is " + force + ", expected a finite force >= "
                    + (-negativeToleranceNewtons) + " N");
        }
        return Math.max(0, force);
    }

    /** Samples accepted so far. */
    public long samples() {
        return samples;
    }

    /** Contacts dropped for being shorter than the minimum contact time. */
    public long rejectedShortContacts() {
        return rejectedShort;
    }

    /** Gaps longer than the maximum seen so far. */
    public long gaps() {
        return gaps;
    }

    /** The whole state as a plain value (copies). */
    public State snapshot() {
        return new State(lastMicros, samples, rejectedShort, gaps, leftFoot.snapshot(), rightFoot.snapshot());
    }

    /**
     * Continues from a snapshot taken from a detector with the same settings.
     *
     * @throws IllegalArgumentException if the snapshot's rise buffer is larger than this detector's
     */
    public void restore(State state) {
        leftFoot.restore(state.left());
        rightFoot.restore(state.right());
        lastMicros = state.lastMicros();
        samples = state.samples();
        rejectedShort = state.rejectedShortContacts();
        gaps = state.gaps();
    }

    /**
     * The plain state of a detector.
     *
     * @param lastMicros time of the last sample, µs, or Long.MIN_VALUE before the first
     * @param samples samples accepted
     * @param rejectedShortContacts contacts dropped as too short
     * @param gaps gaps seen
     * @param left the left foot's state
     * @param right the right foot's state
     */
    public record State(long lastMicros, long samples, long rejectedShortContacts, long gaps, FootState left,
                        FootState right) {
        /** Checks presence. */
        public State {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /**
     * The plain state of one foot (arrays are owned by the record; do not modify them).
     *
     * @param phase 0 off the ground, 1 in contact, 2 contact ended and waiting out the minimum flight
     * @param onMicros start of the current or pending contact, µs
     * @param offMicros end of the pending contact, µs
     * @param peakNewtons peak so far, N
     * @param impulseNewtonSeconds impulse so far, N·s
     * @param dipImpulseNewtonSeconds impulse since the pending contact ended, N·s
     * @param region heel, mid and forefoot force summed over the strike window, N
     * @param truncated whether the contact started without a preceding sample
     * @param previousSumNewtons previous summed force, N, or NaN
     * @param riseMicros sample times of the rise to the first peak, µs
     * @param riseNewtons summed forces of the rise, N
     * @param riseMaxNewtons largest force of the rise, N
     * @param riseDone whether the first peak is confirmed
     * @param riseOverflow whether the rise outgrew the buffer
     * @param loadingRateNewtonsPerSecond loading rate once known, N/s, else NaN
     */
    public record FootState(int phase, long onMicros, long offMicros, double peakNewtons,
                            double impulseNewtonSeconds, double dipImpulseNewtonSeconds, double[] region,
                            boolean truncated, double previousSumNewtons, long[] riseMicros, float[] riseNewtons,
                            double riseMaxNewtons, boolean riseDone, boolean riseOverflow,
                            double loadingRateNewtonsPerSecond) {
        /** Checks the phase. */
        public FootState {
            if (phase < 0 || phase > 2) {
                throw new IllegalArgumentException("phase must be 0..2, got " + phase);
            }
        }
    }

    /** Settings of a detector. */
    public static final class Builder {
        private double onNewtons = 20;
        private double offNewtons = 10;
        private long minContactMicros = 40_000;
        private long minFlightMicros = 40_000;
        private long maxStepMicros = 1_500_000;
        private long maxGapMicros = 20_000;
        private long strikeWindowMicros = 16_000;
        private double peakDropFraction = 0.05;
        private double negativeToleranceNewtons = 5;
        private int riseCapacity = 512;

        private Builder() {
        }

        /**
         * Hysteresis thresholds on one foot's summed force, N. Defaults 20 N on, 10 N off: 20 N is the usual
         * contact threshold of force plates and insoles, about a tenth of the lightest walking step's peak and
         * well above the noise of three unloaded cells (about 2 N); the 10 N band stops chatter at toe-off.
         */
        public Builder thresholdsNewtons(double on, double off) {
            if (!(off > 0 && on > off && on < 10_000)) {
                throw new IllegalArgumentException("thresholds must satisfy 0 < off < on < 10000 N, got on " + on
                        + ", off " + off);
            }
            this.onNewtons = on;
            this.offNewtons = off;
            return this;
        }

        /**
         * Shortest contact reported, µs, 0..500 000. Default 40 ms: sprint contacts last about 110 ms at the
         * shortest, while scuffs and knocks load a cell for a few samples.
         */
        public Builder minContactMicros(long micros) {
            this.minContactMicros = range("minContactMicros", micros, 0, 500_000);
            return this;
        }

        /**
         * Shortest flight that separates two contacts, µs, 0..500 000; shorter dips are merged. Default 40 ms:
         * one foot's swing lasts 300 ms or more even when sprinting, so a shorter unloading is a drop-out.
         */
        public Builder minFlightMicros(long micros) {
            this.minFlightMicros = range("minFlightMicros", micros, 0, 500_000);
            return this;
        }

        /**
         * Longest contact that is still a step, µs, 100 000..60 000 000. Default 1.5 s: the slowest walking
         * contact lasts about 0.85 s; longer loading is standing.
         */
        public Builder maxStepMicros(long micros) {
            this.maxStepMicros = range("maxStepMicros", micros, 100_000, 60_000_000);
            return this;
        }

        /**
         * Longest interval between samples that is not a gap, µs, 1..10 000 000. Default 20 ms, five periods at
         * the insoles' 250 Hz.
         */
        public Builder maxGapMicros(long micros) {
            this.maxGapMicros = range("maxGapMicros", micros, 1, 10_000_000);
            return this;
        }

        /**
         * How long after initial contact the regions' forces are compared to call the strike pattern, µs,
         * 0..200 000. Default 16 ms (four samples at 250 Hz): long enough to average the cells' noise, short
         * enough that a heel strike has not yet rolled onto the midfoot.
         */
        public Builder strikeWindowMicros(long micros) {
            this.strikeWindowMicros = range("strikeWindowMicros", micros, 0, 200_000);
            return this;
        }

        /**
         * Fall below the running maximum that confirms the first peak, fraction 0.01..0.5. Default 0.05: five
         * times the cells' 1 % noise, so noise does not fake a peak, yet the walking double hump's first peak
         * is found.
         */
        public Builder peakDropFraction(double fraction) {
            if (!(fraction >= 0.01 && fraction <= 0.5)) {
                throw new IllegalArgumentException("peakDropFraction must be 0.01..0.5, got " + fraction);
            }
            this.peakDropFraction = fraction;
            return this;
        }

        /**
         * Negative force accepted as an offset and read as zero, N, 0..1000. Default 5 N; anything more
         * negative is bad data.
         */
        public Builder negativeToleranceNewtons(double newtons) {
            if (!(newtons >= 0 && newtons <= 1000)) {
                throw new IllegalArgumentException("negativeToleranceNewtons must be 0..1000, got " + newtons);
            }
            this.negativeToleranceNewtons = newtons;
            return this;
        }

        /**
         * Samples kept per foot to time the rise to the first peak, 2..100 000. Default 512 (2 s at 250 Hz);
         * a longer rise gets no loading rate.
         */
        public Builder riseCapacity(int samples) {
            this.riseCapacity = (int) range("riseCapacity", samples, 2, 100_000);
            return this;
        }

        /** A detector reporting to the listener. */
        public FootContactDetector build(FsrContactListener listener) {
            Objects.requireNonNull(listener, "listener");
            return new FootContactDetector(this, listener);
        }

        private static long range(String name, long v, long min, long max) {
            if (v < min || v > max) {
                throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", got " + v);
            }
            return v;
        }
    }
}
