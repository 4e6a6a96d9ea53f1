package dev.touchline.fusion.filter;

import java.util.Arrays;
import java.util.Objects;

/**
 * A causal streaming filter running an {@link IirDesign} in transposed direct form II. {@link #process(double)}
 * allocates nothing; the state can be taken out as a {@link State} snapshot and a filter rebuilt from it.
 * Not thread-safe: one instance per signal.
 */
public final class BiquadCascade {
    private final IirDesign design;
    private final double[] coefficients; // per section: b0, b1, b2, a1, a2
    private final double[] state; // per section: s1, s2
    private final int sections;

    /** A filter with zero state. */
    public BiquadCascade(IirDesign design) {
        this.design = Objects.requireNonNull(design, "design");
        this.sections = design.sections().size();
        this.coefficients = new double[5 * sections];
        this.state = new double[2 * sections];
        for (int i = 0; i < sections; i++) {
            Biquad b = design.sections().get(i);
            coefficients[5 * i] = b.b0();
            coefficients[5 * i + 1] = b.b1();
            coefficients[5 * i + 2] = b.b2();
            coefficients[5 * i + 3] = b.a1();
            coefficients[5 * i + 4] = b.a2();
        }
    }

    /** A filter continuing from a snapshot taken from a filter of the same design. */
    public static BiquadCascade restore(IirDesign design, State snapshot) {
        BiquadCascade f = new BiquadCascade(design);
        if (snapshot.values().length != f.state.length) {
            throw new IllegalArgumentException("snapshot has " + snapshot.values().length
                    + " state values, the design needs " + f.state.length);
        }
        System.arraycopy(snapshot.values(), 0, f.state, 0, f.state.length);
        return f;
    }

    /** The design this filter runs. */
    public IirDesign design() {
        return design;
    }

    /** Filters one sample; no allocation. */
    public double process(double x) {
        double v = x;
        double[] c = coefficients;
        double[] s = state;
        for (int i = 0, k = 0, j = 0; i < sections; i++, k += 5, j += 2) {
            double y = c[k] * v + s[j];
            s[j] = c[k + 1] * v - c[k + 3] * y + s[j + 1];
            s[j + 1] = c[k + 2] * v - c[k + 4] * y;
            v = y;
        }
        return v;
    }

    /**
     * Filters one sample on each of three filters of one design (e.g. the three axes of an accelerometer),
     * interleaved so that the three independent recurrences overlap: the same arithmetic as {@link #process} on
     * each filter, so the results are bit for bit the same. No allocation.
     *
     * @param out the three filtered values; Modified
     * @throws IllegalArgumentException when the filters' designs differ
     */
    public static void process(BiquadCascade fx, BiquadCascade fy, BiquadCascade fz, double x, double y, double z,
            double[] out) {
        IirDesign d = fx.design;
        if ((fy.design != d && !fy.design.equals(d)) || (fz.design != d && !fz.design.equals(d))) {
            throw new IllegalArgumentException("three filters of one design needed, got " + d.describe() + ", "
                    + fy.design.describe() + " and " + fz.design.describe());
        }
        double[] c = fx.coefficients;
        double[] sx = fx.state;
        double[] sy = fy.state;
        double[] sz = fz.state;
        double vx = x;
        double vy = y;
        double vz = z;
        for (int i = 0, k = 0, j = 0; i < fx.sections; i++, k += 5, j += 2) {
            double b0 = c[k];
            double b1 = c[k + 1];
            double b2 = c[k + 2];
            double a1 = c[k + 3];
            double a2 = c[k + 4];
            double px1 = sx[j];
            double px2 = sx[j + 1];
            double py1 = sy[j];
            double py2 = sy[j + 1];
            double pz1 = sz[j];
            double pz2 = sz[j + 1];
            double ux = b0 * vx + px1;
            double uy = b0 * vy + py1;
            double uz = b0 * vz + pz1;
            sx[j] = b1 * vx - a1 * ux + px2;
            sy[j] = b1 * vy - a1 * uy + py2;
            sz[j] = b1 * vz - a1 * uz + pz2;
            sx[j + 1] = b2 * vx - a2 * ux;
            sy[j + 1] = b2 * vy - a2 * uy;
            sz[j + 1] = b2 * vz - a2 * uz;
            vx = ux;
            vy = uy;
            vz = uz;
        }
        out[0] = vx;
        out[1] = vy;
        out[2] = vz;
    }

    /**
     * Filters a block in place.
     *
     * @param values the samples; Modified (replaced by the filtered samples)
     * @param from first index
     * @param to index after the last
     */
    public void processInPlace(double[] values, int from, int to) {
        // section by section over the block, each section's state in locals: the same arithmetic per sample as
        // process(double), without the state's round trip through memory
        double[] c = coefficients;
        for (int k = 0; k < sections; k++) {
            double b0 = c[5 * k];
            double b1 = c[5 * k + 1];
            double b2 = c[5 * k + 2];
            double a1 = c[5 * k + 3];
            double a2 = c[5 * k + 4];
            double s1 = state[2 * k];
            double s2 = state[2 * k + 1];
            for (int i = from; i < to; i++) {
                double v = values[i];
                double y = b0 * v + s1;
                s1 = b1 * v - a1 * y + s2;
                s2 = b2 * v - a2 * y;
                values[i] = y;
            }
            state[2 * k] = s1;
            state[2 * k + 1] = s2;
        }
    }

    /** Sets the state to the steady state for a constant input x, as if x had been fed forever. */
    public void settle(double x) {
        double v = x;
        for (int i = 0; i < sections; i++) {
            int k = 5 * i;
            double b0 = coefficients[k];
            double b1 = coefficients[k + 1];
            double b2 = coefficients[k + 2];
            double a1 = coefficients[k + 3];
            double a2 = coefficients[k + 4];
            double y = (b0 + b1 + b2) / (1 + a1 + a2) * v;
            state[2 * i + 1] = b2 * v - a2 * y;
            state[2 * i] = b1 * v - a1 * y + state[2 * i + 1];
            v = y;
        }
    }

    /** Clears the state to zero. */
    public void reset() {
        Arrays.fill(state, 0);
    }

    /**
     * Continues from a snapshot taken from a filter of the same design (this filter's state is replaced).
     *
     * @throws IllegalArgumentException when the snapshot does not fit the design
     */
    public void restore(State snapshot) {
        double[] v = snapshot.values;
        if (v.length != state.length) {
            throw new IllegalArgumentException("snapshot has " + v.length + " state values, the design needs "
                    + state.length);
        }
        System.arraycopy(v, 0, state, 0, state.length);
    }

    /** A copy of the state. */
    public State snapshot() {
        return new State(state.clone());
    }

    /**
     * The plain state of a cascade: two values per section (transposed direct form II), to rebuild a filter with
     * {@link #restore(IirDesign, State)}.
     *
     * @param values the state values; copied
     */
    public record State(double[] values) {
        /** Copies the values. */
        public State {
            values = values.clone();
        }

        /** A copy of the state values. */
        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof State s && Arrays.equals(values, s.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "State" + Arrays.toString(values);
        }
    }
}
