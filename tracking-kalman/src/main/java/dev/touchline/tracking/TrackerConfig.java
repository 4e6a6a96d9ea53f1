package dev.touchline.tracking;

import dev.touchline.sensor.pitch.PitchDimensions;
import java.util.Objects;

/**
 * Settings of {@link PitchTracker}. Immutable; build with {@link #builder()}. The defaults suit 25 Hz ground-plane
 * detections of players with about 0.15 m noise.
 */
public final class TrackerConfig {
    private static final TrackerConfig DEFAULTS = builder().build();

    private final FilterConfig filter;
    private final double measurementNoiseMetres;
    private final double heightNoiseMetres;
    private final GateMode gateMode;
    private final double gateChiSquare;
    private final double maxGateMetres;
    private final double fixedGateMetres;
    private final double occlusionGateMetres;
    private final double occlusionSwitchSeconds;
    private final double accelerationDecaySeconds;
    private final double highConfidence;
    private final double lowConfidence;
    private final int confirmHits;
    private final double maxAgeSeconds;
    private final boolean teamConstraint;
    private final double teamMismatchCost;
    private final boolean statureConstraint;
    private final double statureCostCap;
    private final PitchDimensions pitch;
    private final double pitchMarginMetres;
    private final double sharedDetectionRadiusMetres;
    private final double ambiguityMargin;
    private final double reacquireMaxMetres;
    private final double reacquireBaseMetres;
    private final double reacquireSpeedMetresPerSecond;
    private final double followNoiseMetres;
    private final double separationReviewSeconds;
    private final double separationSwapMargin;
    private final double separationProximityMetres;
    private final double separationMotionWeight;
    private final boolean reacquireFromLastSeen;
    private final boolean lowConfidenceTeamGate;
    private final boolean relabelFromEntanglementStart;
    private final boolean lowConfidenceKeepsAlive;
    private final boolean teamGate;

    private TrackerConfig(Builder b) {
        this.filter = b.filter;
        this.measurementNoiseMetres = b.measurementNoiseMetres;
        this.heightNoiseMetres = b.heightNoiseMetres;
        this.gateMode = b.gateMode;
        this.gateChiSquare = b.gateChiSquare;
        this.maxGateMetres = b.maxGateMetres;
        this.fixedGateMetres = b.fixedGateMetres;
        this.occlusionGateMetres = b.occlusionGateMetres;
        this.occlusionSwitchSeconds = b.occlusionSwitchSeconds;
        this.accelerationDecaySeconds = b.accelerationDecaySeconds;
        this.highConfidence = b.highConfidence;
        this.lowConfidence = b.lowConfidence;
        this.confirmHits = b.confirmHits;
        this.maxAgeSeconds = b.maxAgeSeconds;
        this.teamConstraint = b.teamConstraint;
        this.teamMismatchCost = b.teamMismatchCost;
        this.statureConstraint = b.statureConstraint;
        this.statureCostCap = b.statureCostCap;
        this.pitch = b.pitch;
        this.pitchMarginMetres = b.pitchMarginMetres;
        this.sharedDetectionRadiusMetres = b.sharedDetectionRadiusMetres;
        this.ambiguityMargin = b.ambiguityMargin;
        this.reacquireMaxMetres = b.reacquireMaxMetres;
        this.reacquireBaseMetres = b.reacquireBaseMetres;
        this.reacquireSpeedMetresPerSecond = b.reacquireSpeedMetresPerSecond;
        this.followNoiseMetres = b.followNoiseMetres;
        this.separationReviewSeconds = b.separationReviewSeconds;
        this.separationSwapMargin = b.separationSwapMargin;
        this.separationProximityMetres = b.separationProximityMetres;
        this.separationMotionWeight = b.separationMotionWeight;
        this.reacquireFromLastSeen = b.reacquireFromLastSeen;
        this.lowConfidenceTeamGate = b.lowConfidenceTeamGate;
        this.relabelFromEntanglementStart = b.relabelFromEntanglementStart;
        this.lowConfidenceKeepsAlive = b.lowConfidenceKeepsAlive;
        this.teamGate = b.teamGate;
    }

    /** The defaults. */
    public static TrackerConfig defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.filter = filter;
        b.measurementNoiseMetres = measurementNoiseMetres;
        b.heightNoiseMetres = heightNoiseMetres;
        b.gateMode = gateMode;
        b.gateChiSquare = gateChiSquare;
        b.maxGateMetres = maxGateMetres;
        b.fixedGateMetres = fixedGateMetres;
        b.occlusionGateMetres = occlusionGateMetres;
        b.occlusionSwitchSeconds = occlusionSwitchSeconds;
        b.accelerationDecaySeconds = accelerationDecaySeconds;
        b.highConfidence = highConfidence;
        b.lowConfidence = lowConfidence;
        b.confirmHits = confirmHits;
        b.maxAgeSeconds = maxAgeSeconds;
        b.teamConstraint = teamConstraint;
        b.teamMismatchCost = teamMismatchCost;
        b.statureConstraint = statureConstraint;
        b.statureCostCap = statureCostCap;
        b.pitch = pitch;
        b.pitchMarginMetres = pitchMarginMetres;
        b.sharedDetectionRadiusMetres = sharedDetectionRadiusMetres;
        b.ambiguityMargin = ambiguityMargin;
        b.reacquireMaxMetres = reacquireMaxMetres;
        b.reacquireBaseMetres = reacquireBaseMetres;
        b.reacquireSpeedMetresPerSecond = reacquireSpeedMetresPerSecond;
        b.followNoiseMetres = followNoiseMetres;
        b.separationReviewSeconds = separationReviewSeconds;
        b.separationSwapMargin = separationSwapMargin;
        b.separationProximityMetres = separationProximityMetres;
        b.separationMotionWeight = separationMotionWeight;
        b.reacquireFromLastSeen = reacquireFromLastSeen;
        b.lowConfidenceTeamGate = lowConfidenceTeamGate;
        b.relabelFromEntanglementStart = relabelFromEntanglementStart;
        b.lowConfidenceKeepsAlive = lowConfidenceKeepsAlive;
        b.teamGate = teamGate;
        return b;
    }

    /** Kalman filter noise and priors. */
    public FilterConfig filter() {
        return filter;
    }

    /** σ of a detection's position along each axis, m, in (0, 5]. */
    public double measurementNoiseMetres() {
        return measurementNoiseMetres;
    }

    /** σ of a detection's stature estimate, m, in (0, 1]. */
    public double heightNoiseMetres() {
        return heightNoiseMetres;
    }

    /** The gating rule. */
    public GateMode gateMode() {
        return gateMode;
    }

    /**
     * Largest squared Mahalanobis distance of a match in {@link GateMode#MAHALANOBIS} (default 30, wider than χ²₂'s
     * 99.9 % point 13.8 because players' manoeuvres are not Gaussian; measured on the simulator), in (0, 1000].
     */
    public double gateChiSquare() {
        return gateChiSquare;
    }

    /**
     * Largest Euclidean distance of a match in {@link GateMode#MAHALANOBIS}, m, in (0, 100]: a cap for long-coasting
     * tracks.
     */
    public double maxGateMetres() {
        return maxGateMetres;
    }

    /** Gate of {@link GateMode#FIXED} while a track is seen, m, in (0, 100]. */
    public double fixedGateMetres() {
        return fixedGateMetres;
    }

    /** Gate of {@link GateMode#FIXED} after {@link #occlusionSwitchSeconds()} unseen, m, in (0, 100]. */
    public double occlusionGateMetres() {
        return occlusionGateMetres;
    }

    /**
     * Time without a measurement after which a track's motion becomes constant velocity with decaying acceleration,
     * s, in (0, 60].
     */
    public double occlusionSwitchSeconds() {
        return occlusionSwitchSeconds;
    }

    /** Time constant of that acceleration decay, s, in (0, 60]. */
    public double accelerationDecaySeconds() {
        return accelerationDecaySeconds;
    }

    /** Detections at least this confident take part in the first pass and may start tracks, in [0, 1]. */
    public double highConfidence() {
        return highConfidence;
    }

    /**
     * Detections below this confidence are ignored; those between this and {@link #highConfidence()} only extend
     * confirmed tracks (second pass), in [0, 1].
     */
    public double lowConfidence() {
        return lowConfidence;
    }

    /** Consecutive matched frames that confirm a tentative track, in [1, 1000]. */
    public int confirmHits() {
        return confirmHits;
    }

    /** Time a confirmed track may coast before it is deleted, s, in (0, 3600]. */
    public double maxAgeSeconds() {
        return maxAgeSeconds;
    }

    /**
     * Whether a detection's kit label must agree with a track's established team (a soft constraint: {@link
     * #teamMismatchCost()} is added).
     */
    public boolean teamConstraint() {
        return teamConstraint;
    }

    /** Cost added to a pair whose team labels disagree, in squared-Mahalanobis units, in [0, 1000]. */
    public double teamMismatchCost() {
        return teamMismatchCost;
    }

    /** Whether the difference between a detection's stature and a track's settled stature estimate adds to the cost. */
    public boolean statureConstraint() {
        return statureConstraint;
    }

    /**
     * Cap on the stature term of a pair's cost, the squared normalised stature difference: a capped (robust) penalty
     * rather than a hard gate, so that one outlying height estimate cannot orphan a detection; in (0, 1000].
     */
    public double statureCostCap() {
        return statureCostCap;
    }

    /** The pitch; detections further than {@link #pitchMarginMetres()} outside it are skipped. */
    public PitchDimensions pitch() {
        return pitch;
    }

    /** Margin around the pitch inside which detections are accepted, m, in [0, 1000]. */
    public double pitchMarginMetres() {
        return pitchMarginMetres;
    }

    /**
     * Radius, m, in [0, 5], within which a confirmed track left without a detection follows a detection matched to
     * another track (two players merged into one detection): it is updated with that detection at a noise of half
     * this radius, stays {@link TrackState#COASTING} and is not deleted while it has such a neighbour. 0 turns this
     * off.
     */
    public double sharedDetectionRadiusMetres() {
        return sharedDetectionRadiusMetres;
    }

    /**
     * Standard deviation, m, in [0.01, 5], of the pseudo-measurement that keeps a hidden track on the detection of
     * the track hiding it (see {@link #sharedDetectionRadiusMetres()}): how far apart two players seen as one can
     * stand.
     */
    public double followNoiseMetres() {
        return followNoiseMetres;
    }

    /**
     * Speed, m/s, in [0, 12], at which the re-acquisition gate grows with the time since a track's last own
     * detection. A confirmed track still without a detection after the Kalman passes takes a confident detection left
     * over within {@link #reacquireBaseMetres()} plus this speed times the time unseen (at most {@link
     * #reacquireMaxMetres()}), if team and stature do not contradict it, before that detection can start a new track.
     * 0 turns re-acquisition off.
     */
    public double reacquireSpeedMetresPerSecond() {
        return reacquireSpeedMetresPerSecond;
    }

    /**
     * Re-acquisition gate, m, in [0, 10], right after the last own detection; see {@link
     * #reacquireSpeedMetresPerSecond()}.
     */
    public double reacquireBaseMetres() {
        return reacquireBaseMetres;
    }

    /**
     * Largest re-acquisition gate, m, in [0, 50]; see {@link #reacquireSpeedMetresPerSecond()}.
     */
    public double reacquireMaxMetres() {
        return reacquireMaxMetres;
    }

    /**
     * Margin in cost units (squared Mahalanobis distance plus log-determinant), in [0, 100]: when a track left
     * without a detection costs less than this more for a confirmed track's detection than that track does, the
     * detection is taken to show two players as one, and both tracks follow it loosely instead of one claiming it. 0
     * turns this off.
     */
    public double ambiguityMargin() {
        return ambiguityMargin;
    }

    /**
     * Length, s, in [0, 10], of the look-ahead after two entangled tracks part (default 0.8 s; 0 turns the review
     * off). Two confirmed tracks are entangled while one follows the other's detection (a hidden player) or both
     * follow one ambiguous detection. From the first frame in which both again have a detection of their own, each
     * track's detections are scored for this long against both tracks' stature (the 7th state, as it stood when
     * they were entangled, i.e. accumulated over the whole track life) and established team. If the crossed pairing
     * explains them better by more than {@link #separationSwapMargin()}, the two tracks exchange identities (id,
     * stature, team votes). The decision is deferred, so identities emitted during the look-ahead can be wrong;
     * {@link FixedLagTracker} delays the output by a bounded lag and corrects them before they leave.
     */
    public double separationReviewSeconds() {
        return separationReviewSeconds;
    }

    /**
     * Log-likelihood margin, in [0, 1000] (default 6, a likelihood ratio of about 400), by which the crossed
     * pairing must beat the current one at the end of a separation review before the tracks exchange identities;
     * see {@link #separationReviewSeconds()}.
     */
    public double separationSwapMargin() {
        return separationSwapMargin;
    }

    /**
     * Distance, m, in [0, 5] (default 0: off; 1.0 added switches on
     * simulated seed 7), within which two confirmed tracks count as entangled even
     * when each still has a detection of its own: players passing this close can be mixed up by the assignment
     * itself, so their parting is reviewed as well (see {@link #separationReviewSeconds()}).
     */
    public double separationProximityMetres() {
        return separationProximityMetres;
    }

    /**
     * Weight, in [0, 10] (default 0: off), of the motion evidence in a separation review (see
     * {@link #separationReviewSeconds()}). Each track's filter state as it stood when the entanglement began is
     * predicted across the entanglement with the filter's own motion model and covariance, and each track's first
     * own detection after the parting is scored against both predictions (2-D Gaussian log-likelihood, once per
     * review). After a short entanglement the predictions are tight and tell team-mates of the same stature apart;
     * after a long one their covariance has grown and the term fades by itself.
     * <p>
     * Off by default because it changed nothing measurable: with weight 1 the 90-minute simulated matches (seeds 5,
     * 7, 11, 13, output 1 s late) keep IDSW 19 / 22 / 8 / 17 and IDF1 0.961 / 0.977 / 0.982 / 0.889. The
     * reviews that decide wrongly follow entanglements of 1 s or more, after which the prediction is metres wide.
     * Scoring every detection of the review window against the prediction instead of the first one counts the
     * same evidence many times and added switches (22 / 65 / 44 on seeds 5 / 7 / 13).
     */
    public double separationMotionWeight() {
        return separationMotionWeight;
    }

    /**
     * Whether the re-acquisition gate (see {@link #reacquireSpeedMetresPerSecond()}) is also measured from where the
     * track was right after its last own detection, not only from its coasted position (default true). A player
     * hidden behind another often stands still while the track, coasting on a stale velocity, runs off beyond the
     * gate; a detection there would otherwise start a new track next to the one that explains it.
     */
    public boolean reacquireFromLastSeen() {
        return reacquireFromLastSeen;
    }

    /**
     * Whether a low-confidence detection (second pass) whose team contradicts a track's established team is refused
     * outright rather than charged {@link #teamMismatchCost()} (default false: on the simulated match it removed a
     * few switches on one seed, added some on another and lowered IDF1 on both).
     */
    public boolean lowConfidenceTeamGate() {
        return lowConfidenceTeamGate;
    }

    /**
     * Where an identity exchange starts to apply in {@link FixedLagTracker}'s delayed output (default false): from
     * the last frame the two tracks were entangled (false), or from the first (true). While two players are seen as
     * one, both tracks sit on the same detection, so the labels there matter little; relabelling from the start
     * needs a longer lag and, when the tracks only crossed late in the episode, mislabels the frames before.
     */
    public boolean relabelFromEntanglementStart() {
        return relabelFromEntanglementStart;
    }

    /**
     * Whether low-confidence detections (the second pass) keep a track alive (default true). When false, a
     * confirmed track that has had no detection of at least {@link #highConfidence()} for longer than
     * {@link #maxAgeSeconds()} is deleted even if low-confidence detections still match it (a track following a
     * hidden player's occluder is exempt). Clutter near the last position can otherwise keep the track of a player
     * who has left the data alive: on the Sportec clip, whose players enter and leave mid-sequence, false raises
     * IDF1 with a 1 s maximum age from 0.827 to 0.866. On the simulated match, where a hidden or merged player's
     * detections are often below the high threshold, false adds ID switches (seed 5: 19 to 26), hence the default.
     */
    public boolean lowConfidenceKeepsAlive() {
        return lowConfidenceKeepsAlive;
    }

    /**
     * Whether a detection whose team label contradicts a track's established team is refused outright in every
     * association pass, rather than charged {@link #teamMismatchCost()} (default false; needs
     * {@link #teamConstraint()}). A cost alone cannot stop a crossed pairing where it is the only one that matches
     * both tracks, since the assignment first maximises the number of pairs; but the gate measured far worse on the
     * simulated match (seed 5: 19 to 67 switches), as wrongly labelled and merged detections then go unmatched.
     */
    public boolean teamGate() {
        return teamGate;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrackerConfig c
                && filter.equals(c.filter)
                && Double.compare(measurementNoiseMetres, c.measurementNoiseMetres) == 0
                && Double.compare(heightNoiseMetres, c.heightNoiseMetres) == 0
                && gateMode.equals(c.gateMode)
                && Double.compare(gateChiSquare, c.gateChiSquare) == 0
                && Double.compare(maxGateMetres, c.maxGateMetres) == 0
                && Double.compare(fixedGateMetres, c.fixedGateMetres) == 0
                && Double.compare(occlusionGateMetres, c.occlusionGateMetres) == 0
                && Double.compare(occlusionSwitchSeconds, c.occlusionSwitchSeconds) == 0
                && Double.compare(accelerationDecaySeconds, c.accelerationDecaySeconds) == 0
                && Double.compare(highConfidence, c.highConfidence) == 0
                && Double.compare(lowConfidence, c.lowConfidence) == 0
                && confirmHits == c.confirmHits
                && Double.compare(maxAgeSeconds, c.maxAgeSeconds) == 0
                && teamConstraint == c.teamConstraint
                && Double.compare(teamMismatchCost, c.teamMismatchCost) == 0
                && statureConstraint == c.statureConstraint
                && Double.compare(statureCostCap, c.statureCostCap) == 0
                && pitch.equals(c.pitch)
                && Double.compare(pitchMarginMetres, c.pitchMarginMetres) == 0
                && Double.compare(sharedDetectionRadiusMetres, c.sharedDetectionRadiusMetres) == 0
                && Double.compare(ambiguityMargin, c.ambiguityMargin) == 0
                && Double.compare(reacquireMaxMetres, c.reacquireMaxMetres) == 0
                && Double.compare(reacquireBaseMetres, c.reacquireBaseMetres) == 0
                && Double.compare(reacquireSpeedMetresPerSecond, c.reacquireSpeedMetresPerSecond) == 0
                && Double.compare(followNoiseMetres, c.followNoiseMetres) == 0
                && Double.compare(separationReviewSeconds, c.separationReviewSeconds) == 0
                && Double.compare(separationSwapMargin, c.separationSwapMargin) == 0
                && Double.compare(separationProximityMetres, c.separationProximityMetres) == 0
                && Double.compare(separationMotionWeight, c.separationMotionWeight) == 0
                && reacquireFromLastSeen == c.reacquireFromLastSeen
                && lowConfidenceTeamGate == c.lowConfidenceTeamGate
                && relabelFromEntanglementStart == c.relabelFromEntanglementStart
                && lowConfidenceKeepsAlive == c.lowConfidenceKeepsAlive
                && teamGate == c.teamGate;
    }

    @Override
    public int hashCode() {
        return Objects.hash(filter, measurementNoiseMetres, heightNoiseMetres, gateMode, gateChiSquare,
                maxGateMetres, fixedGateMetres, occlusionGateMetres, occlusionSwitchSeconds, accelerationDecaySeconds,
                highConfidence, lowConfidence, confirmHits, maxAgeSeconds, teamConstraint, teamMismatchCost,
                statureConstraint, statureCostCap, pitch, pitchMarginMetres, sharedDetectionRadiusMetres,
                ambiguityMargin,
                reacquireMaxMetres,
                reacquireBaseMetres,
                reacquireSpeedMetresPerSecond,
                followNoiseMetres, separationReviewSeconds, separationSwapMargin, separationProximityMetres, separationMotionWeight,
                reacquireFromLastSeen, lowConfidenceTeamGate, relabelFromEntanglementStart,
                lowConfidenceKeepsAlive, teamGate);
    }

    @Override
    public String toString() {
        return "TrackerConfig["
                + "filter=" + filter
                + ", measurementNoiseMetres=" + measurementNoiseMetres
                + ", heightNoiseMetres=" + heightNoiseMetres
                + ", gateMode=" + gateMode
                + ", gateChiSquare=" + gateChiSquare
                + ", maxGateMetres=" + maxGateMetres
                + ", fixedGateMetres=" + fixedGateMetres
                + ", occlusionGateMetres=" + occlusionGateMetres
                + ", occlusionSwitchSeconds=" + occlusionSwitchSeconds
                + ", accelerationDecaySeconds=" + accelerationDecaySeconds
                + ", highConfidence=" + highConfidence
                + ", lowConfidence=" + lowConfidence
                + ", confirmHits=" + confirmHits
                + ", maxAgeSeconds=" + maxAgeSeconds
                + ", teamConstraint=" + teamConstraint
                + ", teamMismatchCost=" + teamMismatchCost
                + ", statureConstraint=" + statureConstraint
                + ", statureCostCap=" + statureCostCap
                + ", pitch=" + pitch
                + ", pitchMarginMetres=" + pitchMarginMetres
                + ", sharedDetectionRadiusMetres=" + sharedDetectionRadiusMetres
                + ", ambiguityMargin=" + ambiguityMargin
                + ", reacquireMaxMetres=" + reacquireMaxMetres
                + ", reacquireBaseMetres=" + reacquireBaseMetres
                + ", reacquireSpeedMetresPerSecond=" + reacquireSpeedMetresPerSecond
                + ", followNoiseMetres=" + followNoiseMetres
                + ", separationReviewSeconds=" + separationReviewSeconds
                + ", separationSwapMargin=" + separationSwapMargin
                + ", separationProximityMetres=" + separationProximityMetres
                + ", separationMotionWeight=" + separationMotionWeight
                + ", reacquireFromLastSeen=" + reacquireFromLastSeen
                + ", lowConfidenceTeamGate=" + lowConfidenceTeamGate
                + ", relabelFromEntanglementStart=" + relabelFromEntanglementStart
                + ", lowConfidenceKeepsAlive=" + lowConfidenceKeepsAlive
                + ", teamGate=" + teamGate + "]";
    }

    /** Builds {@link TrackerConfig}; every setter validates its argument. */
    public static final class Builder {
        private FilterConfig filter = FilterConfig.defaults();
        private double measurementNoiseMetres = 0.15;
        private double heightNoiseMetres = 0.03;
        private GateMode gateMode = GateMode.MAHALANOBIS;
        private double gateChiSquare = 30.0;
        private double maxGateMetres = 4.0;
        private double fixedGateMetres = 0.6;
        private double occlusionGateMetres = 0.9;
        private double occlusionSwitchSeconds = 0.6;
        private double accelerationDecaySeconds = 0.5;
        private double highConfidence = 0.5;
        private double lowConfidence = 0.1;
        private int confirmHits = 3;
        private double maxAgeSeconds = 3.0;
        private boolean teamConstraint = true;
        private double teamMismatchCost = 100.0;
        private boolean statureConstraint = true;
        private double statureCostCap = 16.0;
        private PitchDimensions pitch = PitchDimensions.STANDARD;
        private double pitchMarginMetres = 10.0;
        private double sharedDetectionRadiusMetres = 1.0;
        private double ambiguityMargin = 4.0;
        private double reacquireMaxMetres = 6.0;
        private double reacquireBaseMetres = 2.0;
        private double reacquireSpeedMetresPerSecond = 4.0;
        private double followNoiseMetres = 0.3;
        private double separationReviewSeconds = 0.8;
        private double separationSwapMargin = 6.0;
        private double separationProximityMetres = 0.0;
        private double separationMotionWeight = 0.0;
        private boolean reacquireFromLastSeen = true;
        private boolean lowConfidenceTeamGate = false;
        private boolean relabelFromEntanglementStart = false;
        private boolean lowConfidenceKeepsAlive = true;
        private boolean teamGate = false;

        private Builder() {
        }

        /** Kalman filter noise and priors. */
        public Builder filter(FilterConfig value) {
            this.filter = Objects.requireNonNull(value, "filter");
            return this;
        }

        /** σ of a detection's position along each axis, m, in (0, 5]. */
        public Builder measurementNoiseMetres(double value) {
            this.measurementNoiseMetres = Checks.inRangeOpenLow("measurementNoiseMetres", value, 0, 5);
            return this;
        }

        /** σ of a detection's stature estimate, m, in (0, 1]. */
        public Builder heightNoiseMetres(double value) {
            this.heightNoiseMetres = Checks.inRangeOpenLow("heightNoiseMetres", value, 0, 1);
            return this;
        }

        /** The gating rule. */
        public Builder gateMode(GateMode value) {
            this.gateMode = Objects.requireNonNull(value, "gateMode");
            return this;
        }

        /**
         * Largest squared Mahalanobis distance of a match in {@link GateMode#MAHALANOBIS} (default 30, wider than
         * χ²₂'s 99.9 % point 13.8 because players' manoeuvres are not Gaussian; measured on the simulator), in (0,
         * 1000].
         */
        public Builder gateChiSquare(double value) {
            this.gateChiSquare = Checks.inRangeOpenLow("gateChiSquare", value, 0, 1000);
            return this;
        }

        /**
         * Largest Euclidean distance of a match in {@link GateMode#MAHALANOBIS}, m, in (0, 100]: a cap for
         * long-coasting tracks.
         */
        public Builder maxGateMetres(double value) {
            this.maxGateMetres = Checks.inRangeOpenLow("maxGateMetres", value, 0, 100);
            return this;
        }

        /** Gate of {@link GateMode#FIXED} while a track is seen, m, in (0, 100]. */
        public Builder fixedGateMetres(double value) {
            this.fixedGateMetres = Checks.inRangeOpenLow("fixedGateMetres", value, 0, 100);
            return this;
        }

        /** Gate of {@link GateMode#FIXED} after {@link #occlusionSwitchSeconds()} unseen, m, in (0, 100]. */
        public Builder occlusionGateMetres(double value) {
            this.occlusionGateMetres = Checks.inRangeOpenLow("occlusionGateMetres", value, 0, 100);
            return this;
        }

        /**
         * Time without a measurement after which a track's motion becomes constant velocity with decaying
         * acceleration, s, in (0, 60].
         */
        public Builder occlusionSwitchSeconds(double value) {
            this.occlusionSwitchSeconds = Checks.inRangeOpenLow("occlusionSwitchSeconds", value, 0, 60);
            return this;
        }

        /** Time constant of that acceleration decay, s, in (0, 60]. */
        public Builder accelerationDecaySeconds(double value) {
            this.accelerationDecaySeconds = Checks.inRangeOpenLow("accelerationDecaySeconds", value, 0, 60);
            return this;
        }

        /** Detections at least this confident take part in the first pass and may start tracks, in [0, 1]. */
        public Builder highConfidence(double value) {
            this.highConfidence = Checks.inRange("highConfidence", value, 0, 1);
            return this;
        }

        /**
         * Detections below this confidence are ignored; those between this and {@link #highConfidence()} only extend
         * confirmed tracks (second pass), in [0, 1].
         */
        public Builder lowConfidence(double value) {
            this.lowConfidence = Checks.inRange("lowConfidence", value, 0, 1);
            return this;
        }

        /** Consecutive matched frames that confirm a tentative track, in [1, 1000]. */
        public Builder confirmHits(int value) {
            this.confirmHits = Checks.inRange("confirmHits", value, 1, 1000);
            return this;
        }

        /** Time a confirmed track may coast before it is deleted, s, in (0, 3600]. */
        public Builder maxAgeSeconds(double value) {
            this.maxAgeSeconds = Checks.inRangeOpenLow("maxAgeSeconds", value, 0, 3600);
            return this;
        }

        /**
         * Whether a detection's kit label must agree with a track's established team (a soft constraint: {@link
         * #teamMismatchCost()} is added).
         */
        public Builder teamConstraint(boolean value) {
            this.teamConstraint = value;
            return this;
        }

        /** Cost added to a pair whose team labels disagree, in squared-Mahalanobis units, in [0, 1000]. */
        public Builder teamMismatchCost(double value) {
            this.teamMismatchCost = Checks.inRange("teamMismatchCost", value, 0, 1000);
            return this;
        }

        /**
         * Whether the difference between a detection's stature and a track's settled stature estimate adds to the
         * cost.
         */
        public Builder statureConstraint(boolean value) {
            this.statureConstraint = value;
            return this;
        }

        /**
         * Cap on the stature term of a pair's cost, the squared normalised stature difference: a capped (robust)
         * penalty rather than a hard gate, so that one outlying height estimate cannot orphan a detection; in (0,
         * 1000].
         */
        public Builder statureCostCap(double value) {
            this.statureCostCap = Checks.inRangeOpenLow("statureCostCap", value, 0, 1000);
            return this;
        }

        /** The pitch; detections further than {@link #pitchMarginMetres()} outside it are skipped. */
        public Builder pitch(PitchDimensions value) {
            this.pitch = Objects.requireNonNull(value, "pitch");
            return this;
        }

        /** Margin around the pitch inside which detections are accepted, m, in [0, 1000]. */
        public Builder pitchMarginMetres(double value) {
            this.pitchMarginMetres = Checks.inRange("pitchMarginMetres", value, 0, 1000);
            return this;
        }

        /** See {@link TrackerConfig#sharedDetectionRadiusMetres()}; in [0, 5]. */
        public Builder sharedDetectionRadiusMetres(double value) {
            this.sharedDetectionRadiusMetres = Checks.inRange("sharedDetectionRadiusMetres", value, 0, 5);
            return this;
        }

        /** See {@link TrackerConfig#followNoiseMetres()}; in [0.01, 5]. */
        public Builder followNoiseMetres(double value) {
            this.followNoiseMetres = Checks.inRange("followNoiseMetres", value, 0.01, 5);
            return this;
        }

        /** See {@link TrackerConfig#reacquireSpeedMetresPerSecond()}; in [0, 12]. */
        public Builder reacquireSpeedMetresPerSecond(double value) {
            this.reacquireSpeedMetresPerSecond = Checks.inRange("reacquireSpeedMetresPerSecond", value, 0, 12);
            return this;
        }

        /** See {@link TrackerConfig#reacquireBaseMetres()}; in [0, 10]. */
        public Builder reacquireBaseMetres(double value) {
            this.reacquireBaseMetres = Checks.inRange("reacquireBaseMetres", value, 0, 10);
            return this;
        }

        /** See {@link TrackerConfig#reacquireMaxMetres()}; in [0, 50]. */
        public Builder reacquireMaxMetres(double value) {
            this.reacquireMaxMetres = Checks.inRange("reacquireMaxMetres", value, 0, 50);
            return this;
        }

        /** See {@link TrackerConfig#ambiguityMargin()}; in [0, 100]. */
        public Builder ambiguityMargin(double value) {
            this.ambiguityMargin = Checks.inRange("ambiguityMargin", value, 0, 100);
            return this;
        }

        /** See {@link TrackerConfig#separationReviewSeconds()}; in [0, 10]. */
        public Builder separationReviewSeconds(double value) {
            this.separationReviewSeconds = Checks.inRange("separationReviewSeconds", value, 0, 10);
            return this;
        }

        /** See {@link TrackerConfig#separationSwapMargin()}; in [0, 1000]. */
        public Builder separationSwapMargin(double value) {
            this.separationSwapMargin = Checks.inRange("separationSwapMargin", value, 0, 1000);
            return this;
        }

        /** See {@link TrackerConfig#separationMotionWeight()}; in [0, 10]. */
        public Builder separationMotionWeight(double value) {
            this.separationMotionWeight = Checks.inRange("separationMotionWeight", value, 0, 10);
            return this;
        }

        /** See {@link TrackerConfig#separationProximityMetres()}; in [0, 5]. */
        public Builder separationProximityMetres(double value) {
            this.separationProximityMetres = Checks.inRange("separationProximityMetres", value, 0, 5);
            return this;
        }

        /** See {@link TrackerConfig#reacquireFromLastSeen()}. */
        public Builder reacquireFromLastSeen(boolean value) {
            this.reacquireFromLastSeen = value;
            return this;
        }

        /** See {@link TrackerConfig#lowConfidenceTeamGate()}. */
        public Builder lowConfidenceTeamGate(boolean value) {
            this.lowConfidenceTeamGate = value;
            return this;
        }

        /** See {@link TrackerConfig#relabelFromEntanglementStart()}. */
        public Builder relabelFromEntanglementStart(boolean value) {
            this.relabelFromEntanglementStart = value;
            return this;
        }

        /** See {@link TrackerConfig#lowConfidenceKeepsAlive()}. */
        public Builder lowConfidenceKeepsAlive(boolean value) {
            this.lowConfidenceKeepsAlive = value;
            return this;
        }

        /** See {@link TrackerConfig#teamGate()}. */
        public Builder teamGate(boolean value) {
            this.teamGate = value;
            return this;
        }

        /** The config; checks that {@code lowConfidence <= highConfidence}. */
        public TrackerConfig build() {
            if (lowConfidence > highConfidence) {
                throw new IllegalArgumentException("lowConfidence (" + lowConfidence
                        + ") must not exceed highConfidence (" + highConfidence + ")");
            }
            return new TrackerConfig(this);
        }
    }
}
