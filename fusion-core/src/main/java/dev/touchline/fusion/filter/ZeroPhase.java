package dev.touchline.fusion.filter;

/**
 * Offline zero-phase filtering: the design runs forward, then backward over the result, so the phase cancels and
 * the magnitude is squared (a Butterworth of order n filtered this way is −6 dB at its cut-off). As in MATLAB's and
 * SciPy's {@code filtfilt}, the ends are padded by odd reflection (3·(2·sections + 1) samples, fewer for short
 * input) and each pass starts from the steady state of its first padded sample, which keeps start-up transients
 * out of the result.
 */
public final class ZeroPhase {
    private ZeroPhase() {
    }

    /**
     * Filters {@code in[0..length)} into {@code out[0..length)}; in and out may be the same array.
     *
     * @param design the filter
     * @param in the input samples; Not modified (unless it is out)
     * @param out the output; Modified
     * @param length number of samples, at least 1
     */
    public static void filter(IirDesign design, double[] in, double[] out, int length) {
        if (length < 1 || length > in.length || length > out.length) {
            throw new IllegalArgumentException("length must be 1.." + Math.min(in.length, out.length) + ", got "
                    + length);
        }
        int pad = Math.min(3 * (2 * design.sections().size() + 1), length - 1);
        double[] ext = new double[length + 2 * pad];
        for (int i = 0; i < pad; i++) {
            ext[i] = 2 * in[0] - in[pad - i];
            ext[pad + length + i] = 2 * in[length - 1] - in[length - 2 - i];
        }
        System.arraycopy(in, 0, ext, pad, length);
        BiquadCascade f = new BiquadCascade(design);
        f.settle(ext[0]);
        f.processInPlace(ext, 0, ext.length);
        // backward pass
        f.settle(ext[ext.length - 1]);
        for (int i = ext.length - 1; i >= 0; i--) {
            ext[i] = f.process(ext[i]);
        }
        System.arraycopy(ext, pad, out, 0, length);
    }
}
