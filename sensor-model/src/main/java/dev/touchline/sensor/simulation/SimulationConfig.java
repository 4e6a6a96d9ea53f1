package dev.touchline.sensor.simulation;

import dev.touchline.sensor.TimeMicros;
import dev.touchline.sensor.pitch.GeoAnchor;
import dev.touchline.sensor.pitch.PitchDimensions;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a simulated session depends on. Two configs that are equal produce identical output.
 *
 * <p>The match is two halves of {@code matchDuration / 2}, separated by {@code halfTimeBreak}, during which no
 * samples are produced; teams change ends at half time. Samples are produced in chunks of {@code chunkDuration}.
 */
public final class SimulationConfig {
    /** Default kick-off: 2026-08-15 14:00:00 UTC. */
    public static final Instant DEFAULT_KICKOFF = Instant.parse("2026-08-15T14:00:00Z");
    /** Default stadium: a centre spot in north-west London, pitch axis bearing 96°. */
    public static final GeoAnchor DEFAULT_STADIUM = new GeoAnchor(51.556021, -0.279519, 50.0, 96.0);

    private final long seed;
    private final int players;
    private final int officials;
    private final long matchDurationMicros;
    private final long halfTimeBreakMicros;
    private final long kickoffMicros;
    private final long chunkMicros;
    private final PitchDimensions pitch;
    private final GeoAnchor stadium;
    private final int wearablePlayers;
    private final Set<Signal> signals;
    private final DetectionConfig detections;
    private final GnssConfig gnss;
    private final WearableConfig wearables;

    private SimulationConfig(Builder b) {
        this.seed = b.seed;
        this.players = b.players;
        this.officials = b.officials;
        this.matchDurationMicros = b.matchDurationMicros;
        this.halfTimeBreakMicros = b.halfTimeBreakMicros;
        this.kickoffMicros = b.kickoffMicros;
        this.chunkMicros = b.chunkMicros;
        this.pitch = b.pitch;
        this.stadium = b.stadium;
        this.wearablePlayers = b.wearablePlayers;
        this.signals = Set.copyOf(b.signals);
        this.detections = b.detections;
        this.gnss = b.gnss;
        this.wearables = b.wearables;
    }

    /** A builder with the defaults: seed 1, 22 players, 3 officials, 90 minutes, 15-minute break. */
    public static Builder builder() {
        return new Builder();
    }

    /** The match seed. */
    public long seed() {
        return seed;
    }

    /** Number of players, both teams. */
    public int players() {
        return players;
    }

    /** Number of officials. */
    public int officials() {
        return officials;
    }

    /** Playing time of both halves together, microseconds. */
    public long matchDurationMicros() {
        return matchDurationMicros;
    }

    /** Playing time of one half, microseconds (a whole number of 25 Hz frames). */
    public long halfDurationMicros() {
        return matchDurationMicros / 2;
    }

    /** Half-time break, microseconds. */
    public long halfTimeBreakMicros() {
        return halfTimeBreakMicros;
    }

    /** Kick-off, epoch microseconds. */
    public long kickoffMicros() {
        return kickoffMicros;
    }

    /** Start of period 1 or 2, epoch microseconds. */
    public long periodStartMicros(int period) {
        checkPeriod(period);
        return kickoffMicros + (period - 1) * (halfDurationMicros() + halfTimeBreakMicros);
    }

    /** End (exclusive) of period 1 or 2, epoch microseconds. */
    public long periodEndMicros(int period) {
        return periodStartMicros(period) + halfDurationMicros();
    }

    /** Frame number of a time, counted at 25 Hz from kick-off. */
    public int frameNumber(long timeMicros) {
        return Math.toIntExact(Math.floorDiv(timeMicros - kickoffMicros, MotionBlock.FRAME_MICROS));
    }

    /** Length of one chunk, microseconds (a whole number of 25 Hz frames). */
    public long chunkMicros() {
        return chunkMicros;
    }

    /** The pitch. */
    public PitchDimensions pitch() {
        return pitch;
    }

    /** Where the pitch lies on the Earth, for GNSS. */
    public GeoAnchor stadium() {
        return stadium;
    }

    /** Number of players who wear the high-rate sensors (IMU, ECG, PPG, FSR). */
    public int wearablePlayers() {
        return wearablePlayers;
    }

    /** The signals to produce. */
    public Set<Signal> signals() {
        return signals;
    }

    /** Whether a signal is produced. */
    public boolean produces(Signal signal) {
        return signals.contains(signal);
    }

    /** Optical detection noise and errors. */
    public DetectionConfig detections() {
        return detections;
    }

    /** GNSS errors and output quantisation. */
    public GnssConfig gnss() {
        return gnss;
    }

    /** Wearable sensor models. */
    public WearableConfig wearables() {
        return wearables;
    }

    private static void checkPeriod(int period) {
        if (period != 1 && period != 2) {
            throw new IllegalArgumentException("period must be 1 or 2, was " + period);
        }
    }

    /** Builds {@link SimulationConfig}; every setter validates its argument. */
    public static final class Builder {
        private long seed = 1;
        private int players = 22;
        private int officials = 3;
        private long matchDurationMicros = TimeMicros.of(Duration.ofMinutes(90));
        private long halfTimeBreakMicros = TimeMicros.of(Duration.ofMinutes(15));
        private long kickoffMicros = TimeMicros.of(DEFAULT_KICKOFF);
        private long chunkMicros = 1_000_000L;
        private PitchDimensions pitch = PitchDimensions.STANDARD;
        private GeoAnchor stadium = DEFAULT_STADIUM;
        private int wearablePlayers = 2;
        private Set<Signal> signals = EnumSet.allOf(Signal.class);
        private DetectionConfig detections = DetectionConfig.defaults();
        private GnssConfig gnss = GnssConfig.defaults();
        private WearableConfig wearables = WearableConfig.defaults();

        private Builder() {
        }

        /** The match seed; any value. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Number of players, even, 2 to 22. */
        public Builder players(int players) {
            if (players < 2 || players > 22 || players % 2 != 0) {
                throw new IllegalArgumentException("players must be even and in [2, 22], was " + players);
            }
            this.players = players;
            return this;
        }

        /** Number of officials, 0 to 3. */
        public Builder officials(int officials) {
            if (officials < 0 || officials > 3) {
                throw new IllegalArgumentException("officials must be in [0, 3], was " + officials);
            }
            this.officials = officials;
            return this;
        }

        /**
         * Playing time of the whole match, 2 s to 4 h; rounded down to an even number of 40 ms frames so both
         * halves are equal and whole frames.
         */
        public Builder matchDuration(Duration duration) {
            long micros = TimeMicros.of(duration);
            if (micros < 2_000_000L || micros > TimeMicros.of(Duration.ofHours(4))) {
                throw new IllegalArgumentException("matchDuration must be in [2 s, 4 h], was " + duration);
            }
            this.matchDurationMicros = micros;
            return this;
        }

        /** Half-time break, 0 to 1 h. */
        public Builder halfTimeBreak(Duration duration) {
            long micros = TimeMicros.of(duration);
            if (micros < 0 || micros > TimeMicros.of(Duration.ofHours(1))) {
                throw new IllegalArgumentException("halfTimeBreak must be in [0, 1 h], was " + duration);
            }
            this.halfTimeBreakMicros = micros;
            return this;
        }

        /** Kick-off instant. */
        public Builder kickoff(Instant kickoff) {
            this.kickoffMicros = TimeMicros.of(kickoff);
            return this;
        }

        /** Chunk length: a whole number of 40 ms frames, 40 ms to 60 s. */
        public Builder chunkDuration(Duration duration) {
            long micros = TimeMicros.of(duration);
            if (micros < MotionBlock.FRAME_MICROS || micros > 60_000_000L || micros % MotionBlock.FRAME_MICROS != 0) {
                throw new IllegalArgumentException("chunkDuration must be a multiple of 40 ms in [40 ms, 60 s], was "
                        + duration);
            }
            this.chunkMicros = micros;
            return this;
        }

        /** The pitch size. */
        public Builder pitch(PitchDimensions pitch) {
            this.pitch = Objects.requireNonNull(pitch, "pitch");
            return this;
        }

        /** Where the pitch lies on the Earth. */
        public Builder stadium(GeoAnchor stadium) {
            this.stadium = Objects.requireNonNull(stadium, "stadium");
            return this;
        }

        /** Players wearing the high-rate sensors, 0 to 22 (capped at the number of outfield players). */
        public Builder wearablePlayers(int count) {
            if (count < 0 || count > 22) {
                throw new IllegalArgumentException("wearablePlayers must be in [0, 22], was " + count);
            }
            this.wearablePlayers = count;
            return this;
        }

        /** The signals to produce. */
        public Builder signals(Set<Signal> signals) {
            this.signals = signals.isEmpty() ? EnumSet.noneOf(Signal.class) : EnumSet.copyOf(signals);
            return this;
        }

        /** Optical detection model. */
        public Builder detections(DetectionConfig detections) {
            this.detections = Objects.requireNonNull(detections, "detections");
            return this;
        }

        /** GNSS model. */
        public Builder gnss(GnssConfig gnss) {
            this.gnss = Objects.requireNonNull(gnss, "gnss");
            return this;
        }

        /** Wearable sensor models. */
        public Builder wearables(WearableConfig wearables) {
            this.wearables = Objects.requireNonNull(wearables, "wearables");
            return this;
        }

        /** The config; the match duration is rounded down to an even number of 40 ms frames. */
        public SimulationConfig build() {
            long frames = matchDurationMicros / MotionBlock.FRAME_MICROS;
            frames -= frames % 2;
            this.matchDurationMicros = frames * MotionBlock.FRAME_MICROS;
            return new SimulationConfig(this);
        }
    }
}
