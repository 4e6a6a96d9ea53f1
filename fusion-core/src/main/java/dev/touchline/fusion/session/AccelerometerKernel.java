package dev.touchline.fusion.session;

import dev.touchline.fusion.StreamState;
import dev.touchline.fusion.filter.Biquad;
import dev.touchline.fusion.filter.IirDesign;
import org.jspecify.annotations.Nullable;

/**
 * The pipeline's accelerometer filters over a block of samples, with the filter state in local variables:
 * <ul>
 *   <li>the impact gate's low-pass (two second-order sections) on every sample and all three axes;</li>
 *   <li>PlayerLoad's decimation: the gate's low-pass is also PlayerLoad's anti-alias filter (the meter's design
 *       must equal it), every {@code decimation}-th sample is kept, counting from the first and from the first
 *       after each gap, and PlayerLoad's low-pass (two sections) runs on the kept samples only. Without
 *       decimation (factor 1) PlayerLoad's low-pass runs on every raw sample.</li>
 * </ul>
 * Same arithmetic as {@link dev.touchline.fusion.filter.BiquadCascade} (transposed direct form II) and the same
 * decimation as {@code PlayerLoadMeter.accept}, so the pipeline's PlayerLoad equals a stand-alone meter's. Both
 * filters are settled on the raw sample at the first sample and after every gap (a jump across a gap is neither
 * load nor an impact). The kept samples are also the orientation filter's accelerometer input.
 */
final class AccelerometerKernel {
    private final double[] c = new double[20]; // PL section 1, PL section 2, gate section 1, gate section 2
    private final double[] s = new double[24]; // per filter, section, axis: s1, s2
    private final double plGain1;
    private final double plGain2;
    private final double gateGain1;
    private final double gateGain2;
    private final long gapMicros;
    private final int decimation;
    private int phase;
    private long lastT = Long.MIN_VALUE;

    /**
     * @param antiAlias PlayerLoad's anti-alias design (null without decimation); must equal the gate's
     * @param decimation PlayerLoad's decimation factor, 1 or more
     * @param playerLoad PlayerLoad's low-pass at the decimated rate
     * @param gate the impact gate's low-pass at the input rate
     * @param gapMicros an input interval longer than this is a gap, µs
     */
    AccelerometerKernel(@Nullable IirDesign antiAlias, int decimation, IirDesign playerLoad, IirDesign gate,
            long gapMicros) {
        if (playerLoad.sections().size() != 2 || gate.sections().size() != 2) {
            throw new IllegalArgumentException("the fused kernel needs two sections per design, got "
                    + playerLoad.sections().size() + " and " + gate.sections().size());
        }
        if (decimation > 1 && !gate.equals(antiAlias)) {
            throw new IllegalArgumentException("the fused kernel shares the gate's low-pass as PlayerLoad's "
                    + "anti-alias filter; they differ: " + gate.describe() + " and "
                    + (antiAlias == null ? "none" : antiAlias.describe()));
        }
        put(0, playerLoad.sections().get(0));
        put(5, playerLoad.sections().get(1));
        put(10, gate.sections().get(0));
        put(15, gate.sections().get(1));
        plGain1 = playerLoad.sections().get(0).dcGain();
        plGain2 = playerLoad.sections().get(1).dcGain();
        gateGain1 = gate.sections().get(0).dcGain();
        gateGain2 = gate.sections().get(1).dcGain();
        this.gapMicros = gapMicros;
        this.decimation = decimation;
    }

    private void put(int k, Biquad b) {
        c[k] = b.b0();
        c[k + 1] = b.b1();
        c[k + 2] = b.b2();
        c[k + 3] = b.a1();
        c[k + 4] = b.a2();
    }

    /**
     * Filters the first n samples. The caller has checked that values are finite and times increase.
     *
     * @param gate gate-filtered x, y, z of every sample (three arrays of at least n); Modified
     * @param keptT times of the kept samples; Modified
     * @param kept PlayerLoad-filtered x, y, z of the kept samples (three arrays); Modified
     * @param restart per kept sample, whether it is the first or the first after a gap (its value is the raw
     *        sample); Modified
     * @return the number of kept samples written
     */
    int process(long[] t, double[] ax, double[] ay, double[] az, int n, double[][] gate, long[] keptT,
            double[][] kept, boolean[] restart) {
        long prev = lastT;
        if (prev == Long.MIN_VALUE) {
            return processWithRestarts(t, ax, ay, az, n, gate, keptT, kept, restart);
        }
        for (int i = 0; i < n; i++) {
            if (t[i] - prev > gapMicros) {
                return processWithRestarts(t, ax, ay, az, n, gate, keptT, kept, restart);
            }
            prev = t[i];
        }
        // no gap in the block: the gate over every sample, then PlayerLoad's low-pass over the kept ones, each loop
        // with only its own filter's state and coefficients in registers
        gateFilter(ax, ay, az, n, gate);
        int first = decimation - phase - 1; // the next kept sample
        int o;
        if (decimation > 1) {
            o = playerLoadFilter(t, gate[0], gate[1], gate[2], first, n, decimation, keptT, kept, restart);
            phase = (phase + n) % decimation;
        } else {
            o = playerLoadFilter(t, ax, ay, az, 0, n, 1, keptT, kept, restart);
        }
        lastT = t[n - 1];
        return o;
    }

    private void gateFilter(double[] ax, double[] ay, double[] az, int n, double[][] gate) {
        final double g0 = c[10], g1 = c[11], g2 = c[12], g3 = c[13], g4 = c[14];
        final double h0 = c[15], h1 = c[16], h2 = c[17], h3 = c[18], h4 = c[19];
        double gax = s[12], gbx = s[13], gay = s[14], gby = s[15], gaz = s[16], gbz = s[17];
        double hax = s[18], hbx = s[19], hay = s[20], hby = s[21], haz = s[22], hbz = s[23];
        double[] gx = gate[0];
        double[] gy = gate[1];
        double[] gz = gate[2];
        for (int i = 0; i < n; i++) {
            double x = ax[i];
            double y = ay[i];
            double z = az[i];
            double ux = g0 * x + gax;
            gax = g1 * x - g3 * ux + gbx;
            gbx = g2 * x - g4 * ux;
            double uy = g0 * y + gay;
            gay = g1 * y - g3 * uy + gby;
            gby = g2 * y - g4 * uy;
            double uz = g0 * z + gaz;
            gaz = g1 * z - g3 * uz + gbz;
            gbz = g2 * z - g4 * uz;
            double vx = h0 * ux + hax;
            hax = h1 * ux - h3 * vx + hbx;
            hbx = h2 * ux - h4 * vx;
            double vy = h0 * uy + hay;
            hay = h1 * uy - h3 * vy + hby;
            hby = h2 * uy - h4 * vy;
            double vz = h0 * uz + haz;
            haz = h1 * uz - h3 * vz + hbz;
            hbz = h2 * uz - h4 * vz;
            gx[i] = vx;
            gy[i] = vy;
            gz[i] = vz;
        }
        s[12] = gax; s[13] = gbx; s[14] = gay; s[15] = gby; s[16] = gaz; s[17] = gbz;
        s[18] = hax; s[19] = hbx; s[20] = hay; s[21] = hby; s[22] = haz; s[23] = hbz;
    }

    /** PlayerLoad's low-pass on samples first, first + step, ... below n; returns the number written. */
    private int playerLoadFilter(long[] t, double[] ax, double[] ay, double[] az, int first, int n, int step,
            long[] keptT, double[][] kept, boolean[] restart) {
        final double p0 = c[0], p1 = c[1], p2 = c[2], p3 = c[3], p4 = c[4];
        final double q0 = c[5], q1 = c[6], q2 = c[7], q3 = c[8], q4 = c[9];
        double pax = s[0], pbx = s[1], pay = s[2], pby = s[3], paz = s[4], pbz = s[5];
        double qax = s[6], qbx = s[7], qay = s[8], qby = s[9], qaz = s[10], qbz = s[11];
        double[] kx = kept[0];
        double[] ky = kept[1];
        double[] kz = kept[2];
        int o = 0;
        for (int i = first; i < n; i += step) {
            double x = ax[i];
            double y = ay[i];
            double z = az[i];
            double wx = p0 * x + pax;
            pax = p1 * x - p3 * wx + pbx;
            pbx = p2 * x - p4 * wx;
            double wy = p0 * y + pay;
            pay = p1 * y - p3 * wy + pby;
            pby = p2 * y - p4 * wy;
            double wz = p0 * z + paz;
            paz = p1 * z - p3 * wz + pbz;
            pbz = p2 * z - p4 * wz;
            double rx = q0 * wx + qax;
            qax = q1 * wx - q3 * rx + qbx;
            qbx = q2 * wx - q4 * rx;
            double ry = q0 * wy + qay;
            qay = q1 * wy - q3 * ry + qby;
            qby = q2 * wy - q4 * ry;
            double rz = q0 * wz + qaz;
            qaz = q1 * wz - q3 * rz + qbz;
            qbz = q2 * wz - q4 * rz;
            keptT[o] = t[i];
            kx[o] = rx;
            ky[o] = ry;
            kz[o] = rz;
            restart[o] = false;
            o++;
        }
        s[0] = pax; s[1] = pbx; s[2] = pay; s[3] = pby; s[4] = paz; s[5] = pbz;
        s[6] = qax; s[7] = qbx; s[8] = qay; s[9] = qby; s[10] = qaz; s[11] = qbz;
        return o;
    }

    /** The general case: a block with the first sample or a gap in it. */
    private int processWithRestarts(long[] t, double[] ax, double[] ay, double[] az, int n, double[][] gate,
            long[] keptT, double[][] kept, boolean[] restart) {
        final double p0 = c[0], p1 = c[1], p2 = c[2], p3 = c[3], p4 = c[4];
        final double q0 = c[5], q1 = c[6], q2 = c[7], q3 = c[8], q4 = c[9];
        final double g0 = c[10], g1 = c[11], g2 = c[12], g3 = c[13], g4 = c[14];
        final double h0 = c[15], h1 = c[16], h2 = c[17], h3 = c[18], h4 = c[19];
        // PL states: section 1 x,y,z (a = s1, b = s2), section 2; then gate
        double pax = s[0], pbx = s[1], pay = s[2], pby = s[3], paz = s[4], pbz = s[5];
        double qax = s[6], qbx = s[7], qay = s[8], qby = s[9], qaz = s[10], qbz = s[11];
        double gax = s[12], gbx = s[13], gay = s[14], gby = s[15], gaz = s[16], gbz = s[17];
        double hax = s[18], hbx = s[19], hay = s[20], hby = s[21], haz = s[22], hbz = s[23];
        double[] gx = gate[0];
        double[] gy = gate[1];
        double[] gz = gate[2];
        double[] kx = kept[0];
        double[] ky = kept[1];
        double[] kz = kept[2];
        final int m = decimation;
        int ph = phase;
        int o = 0;
        long prev = lastT;
        for (int i = 0; i < n; i++) {
            double x = ax[i];
            double y = ay[i];
            double z = az[i];
            long ti = t[i];
            boolean restartHere = prev == Long.MIN_VALUE || ti - prev > gapMicros;
            prev = ti;
            if (restartHere) {
                // settle both filters on this sample; it is kept as it is
                double[] st = settle(x, y, z, p1, p2, p3, p4, plGain1, q1, q2, q3, q4, plGain2);
                pax = st[0]; pbx = st[1]; pay = st[2]; pby = st[3]; paz = st[4]; pbz = st[5];
                qax = st[6]; qbx = st[7]; qay = st[8]; qby = st[9]; qaz = st[10]; qbz = st[11];
                st = settle(x, y, z, g1, g2, g3, g4, gateGain1, h1, h2, h3, h4, gateGain2);
                gax = st[0]; gbx = st[1]; gay = st[2]; gby = st[3]; gaz = st[4]; gbz = st[5];
                hax = st[6]; hbx = st[7]; hay = st[8]; hby = st[9]; haz = st[10]; hbz = st[11];
                gx[i] = x;
                gy[i] = y;
                gz[i] = z;
                keptT[o] = ti;
                kx[o] = x;
                ky[o] = y;
                kz[o] = z;
                restart[o] = true;
                o++;
                ph = 0;
                continue;
            }
            double ux = g0 * x + gax;
            gax = g1 * x - g3 * ux + gbx;
            gbx = g2 * x - g4 * ux;
            double uy = g0 * y + gay;
            gay = g1 * y - g3 * uy + gby;
            gby = g2 * y - g4 * uy;
            double uz = g0 * z + gaz;
            gaz = g1 * z - g3 * uz + gbz;
            gbz = g2 * z - g4 * uz;
            double vx = h0 * ux + hax;
            hax = h1 * ux - h3 * vx + hbx;
            hbx = h2 * ux - h4 * vx;
            double vy = h0 * uy + hay;
            hay = h1 * uy - h3 * vy + hby;
            hby = h2 * uy - h4 * vy;
            double vz = h0 * uz + haz;
            haz = h1 * uz - h3 * vz + hbz;
            hbz = h2 * uz - h4 * vz;
            gx[i] = vx;
            gy[i] = vy;
            gz[i] = vz;
            if (m > 1) {
                if (++ph < m) {
                    continue;
                }
                ph = 0;
                x = vx; // PlayerLoad's low-pass runs on the anti-aliased, kept sample
                y = vy;
                z = vz;
            }
            double wx = p0 * x + pax;
            pax = p1 * x - p3 * wx + pbx;
            pbx = p2 * x - p4 * wx;
            double wy = p0 * y + pay;
            pay = p1 * y - p3 * wy + pby;
            pby = p2 * y - p4 * wy;
            double wz = p0 * z + paz;
            paz = p1 * z - p3 * wz + pbz;
            pbz = p2 * z - p4 * wz;
            double rx = q0 * wx + qax;
            qax = q1 * wx - q3 * rx + qbx;
            qbx = q2 * wx - q4 * rx;
            double ry = q0 * wy + qay;
            qay = q1 * wy - q3 * ry + qby;
            qby = q2 * wy - q4 * ry;
            double rz = q0 * wz + qaz;
            qaz = q1 * wz - q3 * rz + qbz;
            qbz = q2 * wz - q4 * rz;
            keptT[o] = ti;
            kx[o] = rx;
            ky[o] = ry;
            kz[o] = rz;
            restart[o] = false;
            o++;
        }
        phase = ph;
        lastT = prev;
        s[0] = pax; s[1] = pbx; s[2] = pay; s[3] = pby; s[4] = paz; s[5] = pbz;
        s[6] = qax; s[7] = qbx; s[8] = qay; s[9] = qby; s[10] = qaz; s[11] = qbz;
        s[12] = gax; s[13] = gbx; s[14] = gay; s[15] = gby; s[16] = gaz; s[17] = gbz;
        s[18] = hax; s[19] = hbx; s[20] = hay; s[21] = hby; s[22] = haz; s[23] = hbz;
        return o;
    }

    void snapshot(StreamState.Writer w) {
        w.add(phase).add(lastT).add(s);
    }

    void restore(StreamState.Reader r) {
        phase = (int) r.nextLong();
        lastT = r.nextLong();
        r.next(s);
    }

    private final double[] settled = new double[12];

    /** Steady-state (s1, s2) of two sections for constant inputs x, y, z: as BiquadCascade.settle. */
    private double[] settle(double x, double y, double z, double b1, double b2, double a1, double a2, double gain1,
            double d1, double d2, double e1, double e2, double gain2) {
        settleAxis(0, x, b1, b2, a1, a2, gain1, d1, d2, e1, e2, gain2);
        settleAxis(1, y, b1, b2, a1, a2, gain1, d1, d2, e1, e2, gain2);
        settleAxis(2, z, b1, b2, a1, a2, gain1, d1, d2, e1, e2, gain2);
        return settled;
    }

    private void settleAxis(int k, double v, double b1, double b2, double a1, double a2, double gain1, double d1,
            double d2, double e1, double e2, double gain2) {
        double[] st = settled;
        double u = gain1 * v;
        st[2 * k + 1] = b2 * v - a2 * u;
        st[2 * k] = b1 * v - a1 * u + st[2 * k + 1];
        double w = gain2 * u;
        st[6 + 2 * k + 1] = d2 * u - e2 * w;
        st[6 + 2 * k] = d1 * u - e1 * w + st[6 + 2 * k + 1];
    }
}
