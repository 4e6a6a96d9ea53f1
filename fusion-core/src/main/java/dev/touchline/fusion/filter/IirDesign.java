package dev.touchline.fusion.filter;

import java.util.List;
import java.util.Objects;

/**
 * An immutable IIR filter design: a cascade of {@link Biquad} sections plus what it was designed for, so that a
 * result computed with it can carry the filter alongside the value ({@link #describe()}).
 *
 * @param kind the response type
 * @param order the prototype order (a band-pass of order n has 2n poles)
 * @param lowCutoffHz the -3 dB frequency in Hz (low-pass, high-pass) or the lower band edge (band-pass)
 * @param highCutoffHz the upper band edge in Hz for a band-pass, otherwise equal to lowCutoffHz
 * @param sampleRateHz the sample rate in Hz the coefficients were computed for
 * @param sections the second-order sections, applied in order
 */
public record IirDesign(FilterKind kind, int order, double lowCutoffHz, double highCutoffHz, double sampleRateHz,
        List<Biquad> sections) {
    /** Copies the section list. */
    public IirDesign {
        Objects.requireNonNull(kind, "kind");
        sections = List.copyOf(sections);
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("sections must not be empty");
        }
    }

    /** The magnitude of the whole cascade at a frequency in Hz (0 to sampleRateHz/2). */
    public double magnitude(double frequencyHz) {
        double m = 1;
        for (Biquad b : sections) {
            m *= b.magnitude(frequencyHz, sampleRateHz);
        }
        return m;
    }

    /**
     * The group delay of the whole cascade at a frequency, seconds: how late a narrow-band signal at that frequency
     * comes out of the causal filter. At 0 Hz it is the delay of slow trends (gravity, posture), the figure to
     * compensate when aligning a filtered signal with an unfiltered one.
     *
     * @param frequencyHz frequency in Hz, 0 to sampleRateHz/2 (not at a zero of the filter, e.g. not 0 Hz for a
     *        high-pass)
     */
    public double groupDelaySeconds(double frequencyHz) {
        if (!(frequencyHz >= 0 && frequencyHz <= sampleRateHz / 2)) {
            throw new IllegalArgumentException("frequencyHz must be 0.." + sampleRateHz / 2 + ", got " + frequencyHz);
        }
        double samples = 0;
        for (Biquad b : sections) {
            samples += b.groupDelaySamples(frequencyHz, sampleRateHz);
        }
        return samples / sampleRateHz;
    }

    /** The gain of the whole cascade at 0 Hz. */
    public double dcGain() {
        double g = 1;
        for (Biquad b : sections) {
            g *= b.dcGain();
        }
        return g;
    }

    /** Whether every section is stable. */
    public boolean isStable() {
        return sections.stream().allMatch(Biquad::isStable);
    }

    /** A one-line description to record next to values computed with this filter. */
    public String describe() {
        String band = kind == FilterKind.BAND_PASS ? lowCutoffHz + "-" + highCutoffHz + " Hz" : lowCutoffHz + " Hz";
        return "Butterworth " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " order " + order
                + ", " + band + " at " + sampleRateHz + " Hz";
    }
}
