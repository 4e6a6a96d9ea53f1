package dev.touchline.fusion.filter;

/**
 * One second-order IIR section, {@code H(z) = (b0 + b1 z⁻¹ + b2 z⁻²) / (1 + a1 z⁻¹ + a2 z⁻²)}, normalised so that
 * {@code a0 = 1}. A first-order section has {@code b2 = a2 = 0}.
 *
 * @param b0 numerator coefficient of z⁰
 * @param b1 numerator coefficient of z⁻¹
 * @param b2 numerator coefficient of z⁻²
 * @param a1 denominator coefficient of z⁻¹
 * @param a2 denominator coefficient of z⁻²
 */
public record Biquad(double b0, double b1, double b2, double a1, double a2) {
    /** Checks that every coefficient is finite. */
    public Biquad {
        if (!(Double.isFinite(b0) && Double.isFinite(b1) && Double.isFinite(b2) && Double.isFinite(a1)
                && Double.isFinite(a2))) {
            throw new IllegalArgumentException("biquad coefficients must be finite, got " + b0 + ", " + b1 + ", "
                    + b2 + ", " + a1 + ", " + a2);
        }
    }

    /**
     * The magnitude of the frequency response.
     *
     * @param frequencyHz frequency in Hz, 0 to sampleRateHz/2
     * @param sampleRateHz sample rate in Hz, positive
     * @return |H(e^{jω})|, dimensionless
     */
    public double magnitude(double frequencyHz, double sampleRateHz) {
        double w = 2 * Math.PI * frequencyHz / sampleRateHz;
        double c1 = Math.cos(w);
        double s1 = Math.sin(w);
        double c2 = Math.cos(2 * w);
        double s2 = Math.sin(2 * w);
        double nr = b0 + b1 * c1 + b2 * c2;
        double ni = -b1 * s1 - b2 * s2;
        double dr = 1 + a1 * c1 + a2 * c2;
        double di = -a1 * s1 - a2 * s2;
        return Math.sqrt((nr * nr + ni * ni) / (dr * dr + di * di));
    }

    /** The gain at 0 Hz, {@code (b0 + b1 + b2) / (1 + a1 + a2)}. */
    public double dcGain() {
        return (b0 + b1 + b2) / (1 + a1 + a2);
    }

    /**
     * Whether both poles lie strictly inside the unit circle (the stability triangle of a second-order
     * denominator: |a2| &lt; 1 and |a1| &lt; 1 + a2).
     */
    public boolean isStable() {
        return Math.abs(a2) < 1 && Math.abs(a1) < 1 + a2;
    }

    /**
     * The group delay, {@code −dφ/dω}, at a frequency, in samples. For a rational transfer function it is
     * {@code Re[Σ k·b_k e^{−jωk} / Σ b_k e^{−jωk}] − Re[Σ k·a_k e^{−jωk} / Σ a_k e^{−jωk}]} (a0 = 1).
     *
     * @param frequencyHz frequency in Hz, 0 to sampleRateHz/2, away from a zero of the numerator
     * @param sampleRateHz sample rate in Hz, positive
     * @return the delay in samples (may be fractional)
     */
    public double groupDelaySamples(double frequencyHz, double sampleRateHz) {
        double w = 2 * Math.PI * frequencyHz / sampleRateHz;
        return delayOf(b0, b1, b2, w) - delayOf(1, a1, a2, w);
    }

    private static double delayOf(double p0, double p1, double p2, double w) {
        double c1 = Math.cos(w);
        double s1 = Math.sin(w);
        double c2 = Math.cos(2 * w);
        double s2 = Math.sin(2 * w);
        double re = p0 + p1 * c1 + p2 * c2; // Σ p_k e^{-jωk}
        double im = -p1 * s1 - p2 * s2;
        double kre = p1 * c1 + 2 * p2 * c2; // Σ k p_k e^{-jωk}
        double kim = -p1 * s1 - 2 * p2 * s2;
        return (kre * re + kim * im) / (re * re + im * im);
    }
}
