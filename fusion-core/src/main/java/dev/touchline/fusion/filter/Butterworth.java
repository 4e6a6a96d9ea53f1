package dev.touchline.fusion.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Butterworth IIR designs as cascades of second-order sections.
 *
 * <p>Method: the analog prototype's poles {@code exp(jπ(2k+n+1)/(2n))} are mapped to the wanted response
 * (low-pass {@code s = Ωc·p}, high-pass {@code s = Ωc/p}, band-pass {@code s² − p·B·s + Ω0² = 0} with
 * {@code B = Ω2 − Ω1}, {@code Ω0² = Ω1·Ω2}), where every Ω is <em>pre-warped</em>, {@code Ω = tan(π f / fs)}, so
 * the digital filter has its −3 dB points exactly at the requested frequencies. The bilinear transform
 * {@code z = (1 + s) / (1 − s)} then maps each conjugate pole pair to one biquad; zeros sit at z = −1 (low-pass),
 * z = +1 (high-pass) or one of each per section (band-pass). Each section is scaled to unit gain at the reference
 * frequency (0 Hz, Nyquist, or the band centre {@code atan(Ω0)·fs/π}), so the cascade has unit gain there.
 *
 * <p>The digital magnitude is then exactly {@code 1/√(1 + (Ω'/Ωc)^{2n})} with Ω' the pre-warped frequency, which
 * {@link #analyticMagnitude(IirDesign, double)} returns and the tests compare against.
 */
public final class Butterworth {
    /** The highest supported prototype order. */
    public static final int MAX_ORDER = 12;

    private Butterworth() {
    }

    /**
     * A low-pass design.
     *
     * @param order prototype order, 1 to {@value #MAX_ORDER}
     * @param cutoffHz −3 dB frequency in Hz, strictly between 0 and sampleRateHz/2
     * @param sampleRateHz sample rate in Hz, positive and finite
     */
    public static IirDesign lowPass(int order, double cutoffHz, double sampleRateHz) {
        check(order, cutoffHz, sampleRateHz, "cutoffHz");
        return design(FilterKind.LOW_PASS, order, cutoffHz, cutoffHz, sampleRateHz);
    }

    /**
     * A high-pass design.
     *
     * @param order prototype order, 1 to {@value #MAX_ORDER}
     * @param cutoffHz −3 dB frequency in Hz, strictly between 0 and sampleRateHz/2
     * @param sampleRateHz sample rate in Hz, positive and finite
     */
    public static IirDesign highPass(int order, double cutoffHz, double sampleRateHz) {
        check(order, cutoffHz, sampleRateHz, "cutoffHz");
        return design(FilterKind.HIGH_PASS, order, cutoffHz, cutoffHz, sampleRateHz);
    }

    /**
     * A band-pass design with 2·order poles.
     *
     * @param order prototype order, 1 to {@value #MAX_ORDER}
     * @param lowHz lower −3 dB frequency in Hz, strictly between 0 and highHz
     * @param highHz upper −3 dB frequency in Hz, strictly below sampleRateHz/2
     * @param sampleRateHz sample rate in Hz, positive and finite
     */
    public static IirDesign bandPass(int order, double lowHz, double highHz, double sampleRateHz) {
        check(order, lowHz, sampleRateHz, "lowHz");
        check(order, highHz, sampleRateHz, "highHz");
        if (!(lowHz < highHz)) {
            throw new IllegalArgumentException("lowHz must be below highHz, got " + lowHz + " and " + highHz);
        }
        return design(FilterKind.BAND_PASS, order, lowHz, highHz, sampleRateHz);
    }

    /**
     * The ideal magnitude of the design's Butterworth response at a frequency, from the closed form with
     * pre-warped frequencies.
     *
     * @param design a design made by this class
     * @param frequencyHz frequency in Hz, 0 to sampleRateHz/2
     */
    public static double analyticMagnitude(IirDesign design, double frequencyHz) {
        double fs = design.sampleRateHz();
        double w = warp(frequencyHz, fs);
        double ratio;
        switch (design.kind()) {
            case LOW_PASS -> ratio = w / warp(design.lowCutoffHz(), fs);
            case HIGH_PASS -> ratio = warp(design.lowCutoffHz(), fs) / w;
            default -> {
                double w1 = warp(design.lowCutoffHz(), fs);
                double w2 = warp(design.highCutoffHz(), fs);
                ratio = (w * w - w1 * w2) / (w * (w2 - w1));
            }
        }
        return 1 / Math.sqrt(1 + Math.pow(ratio * ratio, design.order()));
    }

    private static double warp(double hz, double fs) {
        return Math.tan(Math.PI * hz / fs);
    }

    private static void check(int order, double hz, double fs, String name) {
        if (order < 1 || order > MAX_ORDER) {
            throw new IllegalArgumentException("order must be 1.." + MAX_ORDER + ", got " + order);
        }
        if (!(fs > 0) || !Double.isFinite(fs)) {
            throw new IllegalArgumentException("sampleRateHz must be positive and finite, got " + fs);
        }
        if (!(hz > 0 && hz < fs / 2)) {
            throw new IllegalArgumentException(name + " must be in (0, " + fs / 2 + ") Hz, got " + hz);
        }
    }

    private static IirDesign design(FilterKind kind, int n, double f1, double f2, double fs) {
        double w1 = warp(f1, fs);
        double w2 = warp(f2, fs);
        List<Biquad> sections = new ArrayList<>();
        double refHz = switch (kind) {
            case LOW_PASS -> 0;
            case HIGH_PASS -> fs / 2;
            case BAND_PASS -> Math.atan(Math.sqrt(w1 * w2)) * fs / Math.PI;
        };
        for (int k = 0; k < n / 2; k++) {
            double angle = Math.PI * (2 * k + n + 1) / (2.0 * n);
            C p = new C(Math.cos(angle), Math.sin(angle)); // upper half plane; its conjugate is implied
            switch (kind) {
                case LOW_PASS -> sections.add(pair(p.scale(w1), 2, refHz, fs));
                case HIGH_PASS -> sections.add(pair(C.div(new C(w1, 0), p), -2, refHz, fs));
                case BAND_PASS -> {
                    C[] roots = bandPoles(p, w2 - w1, w1 * w2);
                    sections.add(pair(roots[0], 0, refHz, fs));
                    sections.add(pair(roots[1], 0, refHz, fs));
                }
            }
        }
        if (n % 2 == 1) {
            C p = new C(-1, 0);
            switch (kind) {
                case LOW_PASS -> sections.add(single(-w1, 1, refHz, fs));
                case HIGH_PASS -> sections.add(single(-w1, -1, refHz, fs));
                case BAND_PASS -> {
                    // s² + B s + Ω0² = 0: either a conjugate pair or two real poles, one biquad either way.
                    C[] roots = bandPoles(p, w2 - w1, w1 * w2);
                    sections.add(twoPoles(roots[0], roots[1], 0, refHz, fs));
                }
            }
        }
        return new IirDesign(kind, n, f1, f2, fs, sections);
    }

    /** The two band-pass poles made from one prototype pole: roots of s² − p·B·s + Ω0² = 0. */
    private static C[] bandPoles(C p, double bandwidth, double centreSquared) {
        C pb = p.scale(bandwidth);
        C disc = C.sqrt(pb.mul(pb).minus(new C(4 * centreSquared, 0)));
        return new C[] {pb.plus(disc).scale(0.5), pb.minus(disc).scale(0.5)};
    }

    private static Biquad pair(C s, int b1Numerator, double refHz, double fs) {
        return twoPoles(s, s.conj(), b1Numerator, refHz, fs);
    }

    private static Biquad twoPoles(C s1, C s2, int b1Numerator, double refHz, double fs) {
        C z1 = bilinear(s1);
        C z2 = bilinear(s2);
        double a1 = -(z1.re + z2.re);
        double a2 = z1.mul(z2).re;
        double b0 = 1;
        double b1 = b1Numerator;
        double b2 = b1Numerator == 0 ? -1 : 1;
        Biquad raw = new Biquad(b0, b1, b2, a1, a2);
        double g = 1 / raw.magnitude(refHz, fs);
        return new Biquad(b0 * g, b1 * g, b2 * g, a1, a2);
    }

    private static Biquad single(double s, int b1Numerator, double refHz, double fs) {
        double z = (1 + s) / (1 - s);
        Biquad raw = new Biquad(1, b1Numerator, 0, -z, 0);
        double g = 1 / raw.magnitude(refHz, fs);
        return new Biquad(g, b1Numerator * g, 0, -z, 0);
    }

    private static C bilinear(C s) {
        return C.div(new C(1 + s.re, s.im), new C(1 - s.re, -s.im));
    }

    /** A minimal complex number for design-time arithmetic only. */
    private record C(double re, double im) {
        C plus(C o) {
            return new C(re + o.re, im + o.im);
        }

        C minus(C o) {
            return new C(re - o.re, im - o.im);
        }

        C mul(C o) {
            return new C(re * o.re - im * o.im, re * o.im + im * o.re);
        }

        C scale(double k) {
            return new C(re * k, im * k);
        }

        C conj() {
            return new C(re, -im);
        }

        static C div(C a, C b) {
            double d = b.re * b.re + b.im * b.im;
            return new C((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d);
        }

        static C sqrt(C a) {
            double r = Math.hypot(a.re, a.im);
            double re = Math.sqrt((r + a.re) / 2);
            double im = Math.copySign(Math.sqrt((r - a.re) / 2), a.im);
            return new C(re, im);
        }
    }
}
