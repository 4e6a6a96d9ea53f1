package dev.touchline.sensor.simulation;

/**
 * How the simulated optical detector errs: position noise, missed and occluded objects, false positives, unseen
 * heads and wrong or unknown team labels. Immutable; build with {@link #builder()}.
 *
 * <p>Two objects closer than {@link #occlusionDistanceMetres()} overlap in the camera's view: the one further
 * from the camera is hidden behind the nearer one, and when they are closer than half that distance both come out
 * as one merged detection at their midpoint. Either way confidence drops.
 */
public final class DetectionConfig {
    private static final DetectionConfig DEFAULTS = builder().build();

    private final double positionNoiseMetres;
    private final double missProbability;
    private final double occlusionDistanceMetres;
    private final double falsePositivesPerFrame;
    private final double headVisibleProbability;
    private final double heightNoiseMetres;
    private final double teamLabelErrorProbability;
    private final double unknownTeamProbability;

    private DetectionConfig(Builder b) {
        this.positionNoiseMetres = b.positionNoiseMetres;
        this.missProbability = b.missProbability;
        this.occlusionDistanceMetres = b.occlusionDistanceMetres;
        this.falsePositivesPerFrame = b.falsePositivesPerFrame;
        this.headVisibleProbability = b.headVisibleProbability;
        this.heightNoiseMetres = b.heightNoiseMetres;
        this.teamLabelErrorProbability = b.teamLabelErrorProbability;
        this.unknownTeamProbability = b.unknownTeamProbability;
    }

    /** The defaults: 0.15 m noise, 5 % misses, 0.6 m occlusion, 1 false positive per frame, 80 % heads seen. */
    public static DetectionConfig defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Standard deviation of the position error along each pitch axis, m. */
    public double positionNoiseMetres() {
        return positionNoiseMetres;
    }

    /** Chance that a visible object is not detected in a frame. */
    public double missProbability() {
        return missProbability;
    }

    /** Distance below which two objects overlap in the camera's view, m. */
    public double occlusionDistanceMetres() {
        return occlusionDistanceMetres;
    }

    /** Mean number of false positives per frame (Poisson). */
    public double falsePositivesPerFrame() {
        return falsePositivesPerFrame;
    }

    /** Chance that a detection's head is seen, so that its height is estimated (NaN otherwise). */
    public double headVisibleProbability() {
        return headVisibleProbability;
    }

    /** Standard deviation of the height estimate, m. */
    public double heightNoiseMetres() {
        return heightNoiseMetres;
    }

    /** Chance that a recognised kit is given the wrong team. */
    public double teamLabelErrorProbability() {
        return teamLabelErrorProbability;
    }

    /** Chance that a detection's kit is not recognised at all. */
    public double unknownTeamProbability() {
        return unknownTeamProbability;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DetectionConfig c
                && Double.compare(positionNoiseMetres, c.positionNoiseMetres) == 0
                && Double.compare(missProbability, c.missProbability) == 0
                && Double.compare(occlusionDistanceMetres, c.occlusionDistanceMetres) == 0
                && Double.compare(falsePositivesPerFrame, c.falsePositivesPerFrame) == 0
                && Double.compare(headVisibleProbability, c.headVisibleProbability) == 0
                && Double.compare(heightNoiseMetres, c.heightNoiseMetres) == 0
                && Double.compare(teamLabelErrorProbability, c.teamLabelErrorProbability) == 0
                && Double.compare(unknownTeamProbability, c.unknownTeamProbability) == 0;
    }

    @Override
    public int hashCode() {
        int h = Double.hashCode(positionNoiseMetres);
        h = 31 * h + Double.hashCode(missProbability);
        h = 31 * h + Double.hashCode(occlusionDistanceMetres);
        h = 31 * h + Double.hashCode(falsePositivesPerFrame);
        h = 31 * h + Double.hashCode(headVisibleProbability);
        h = 31 * h + Double.hashCode(heightNoiseMetres);
        h = 31 * h + Double.hashCode(teamLabelErrorProbability);
        return 31 * h + Double.hashCode(unknownTeamProbability);
    }

    @Override
    public String toString() {
        return "DetectionConfig[positionNoiseMetres=" + positionNoiseMetres + ", missProbability=" + missProbability
                + ", occlusionDistanceMetres=" + occlusionDistanceMetres + ", falsePositivesPerFrame="
                + falsePositivesPerFrame + ", headVisibleProbability=" + headVisibleProbability
                + ", heightNoiseMetres=" + heightNoiseMetres + ", teamLabelErrorProbability="
                + teamLabelErrorProbability + ", unknownTeamProbability=" + unknownTeamProbability + "]";
    }

    /** Builds {@link DetectionConfig}; every setter validates its argument. */
    public static final class Builder {
        private double positionNoiseMetres = 0.15;
        private double missProbability = 0.05;
        private double occlusionDistanceMetres = 0.6;
        private double falsePositivesPerFrame = 1.0;
        private double headVisibleProbability = 0.8;
        private double heightNoiseMetres = 0.03;
        private double teamLabelErrorProbability = 0.02;
        private double unknownTeamProbability = 0.05;

        private Builder() {
        }

        /** Position noise per axis, m, in [0, 5]. */
        public Builder positionNoiseMetres(double metres) {
            this.positionNoiseMetres = ConfigChecks.inRange("positionNoiseMetres", metres, 0, 5);
            return this;
        }

        /** Miss probability, in [0, 1]. */
        public Builder missProbability(double probability) {
            this.missProbability = ConfigChecks.inRange("missProbability", probability, 0, 1);
            return this;
        }

        /** Occlusion distance, m, in [0, 5]; 0 turns occlusion off. */
        public Builder occlusionDistanceMetres(double metres) {
            this.occlusionDistanceMetres = ConfigChecks.inRange("occlusionDistanceMetres", metres, 0, 5);
            return this;
        }

        /** Mean false positives per frame, in [0, 50]. */
        public Builder falsePositivesPerFrame(double mean) {
            this.falsePositivesPerFrame = ConfigChecks.inRange("falsePositivesPerFrame", mean, 0, 50);
            return this;
        }

        /** Head-visible probability, in [0, 1]. */
        public Builder headVisibleProbability(double probability) {
            this.headVisibleProbability = ConfigChecks.inRange("headVisibleProbability", probability, 0, 1);
            return this;
        }

        /** Height noise, m, in [0, 0.5]. */
        public Builder heightNoiseMetres(double metres) {
            this.heightNoiseMetres = ConfigChecks.inRange("heightNoiseMetres", metres, 0, 0.5);
            return this;
        }

        /** Wrong-team probability, in [0, 1]. */
        public Builder teamLabelErrorProbability(double probability) {
            this.teamLabelErrorProbability = ConfigChecks.inRange("teamLabelErrorProbability", probability, 0, 1);
            return this;
        }

        /** Unknown-team probability, in [0, 1]. */
        public Builder unknownTeamProbability(double probability) {
            this.unknownTeamProbability = ConfigChecks.inRange("unknownTeamProbability", probability, 0, 1);
            return this;
        }

        /** The config. */
        public DetectionConfig build() {
            return new DetectionConfig(this);
        }

    }
}
