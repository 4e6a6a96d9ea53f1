package dev.touchline.tracking.eval;

/**
 * How {@link DetectionSynthesizer} errs. The defaults are the simulator's detector defaults: 0.15 m position noise,
 * 5 % misses, 0.6 m occlusion distance, one false positive per frame, 2 % wrong team labels.
 *
 * @param positionNoiseMetres standard deviation of the position error per axis, m, in [0, 5]
 * @param missProbability chance that a visible object is not detected, in [0, 1]
 * @param occlusionMetres of two objects closer than this, the one further from the camera is hidden, and below half
 *                        of it the two are seen as one detection at their midpoint; m, in [0, 5], 0 for none
 * @param falsePositivesPerFrame mean number of false positives per frame (Poisson), in [0, 50]
 * @param teamLabelErrorProbability chance that a known team label is replaced by the other team's, in [0, 1]
 */
public record DetectionNoise(double positionNoiseMetres, double missProbability, double occlusionMetres,
                             double falsePositivesPerFrame, double teamLabelErrorProbability) {
    /** Checks every component's range. */
    public DetectionNoise {
        check("positionNoiseMetres", positionNoiseMetres, 5);
        check("missProbability", missProbability, 1);
        check("occlusionMetres", occlusionMetres, 5);
        check("falsePositivesPerFrame", falsePositivesPerFrame, 50);
        check("teamLabelErrorProbability", teamLabelErrorProbability, 1);
    }

    /** The simulator's defaults. */
    public static DetectionNoise defaults() {
        return new DetectionNoise(0.15, 0.05, 0.6, 1.0, 0.02);
    }

    /** The same with another position noise, m. */
    public DetectionNoise withPositionNoiseMetres(double metres) {
        return new DetectionNoise(metres, missProbability, occlusionMetres, falsePositivesPerFrame,
                teamLabelErrorProbability);
    }

    private static void check(String name, double value, double high) {
        if (!(value >= 0 && value <= high)) {
            throw new IllegalArgumentException(name + " must be in [0, " + high + "], was " + value);
        }
    }
}
