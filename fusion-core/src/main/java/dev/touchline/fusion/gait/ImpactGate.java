package dev.touchline.fusion.gait;

import static dev.touchline.fusion.internal.Checks.check;

import dev.touchline.fusion.BadSensorDataException;
import dev.touchline.fusion.filter.BiquadCascade;
import dev.touchline.fusion.filter.Butterworth;
import dev.touchline.fusion.filter.IirDesign;
import java.util.Random;

/**
 * A micro-load gate whose thresholds follow the sensor noise and sample rate, with artefact rejection. A sample is
 * accepted when
 * <ol>
 *   <li>the jerk of the <em>low-passed</em> acceleration (Butterworth, default order 4 at 60 Hz, so the figure no
 *       longer grows with the sample rate) exceeds the larger of {@code noiseMultiplier} × the RMS jerk that the
 *       sensor's own white noise produces through the same filter at the same rate (computed at build time from
 *       the noise density by running the pipeline on seeded noise) and {@code minimumJerkGPerSecond}, the floor
 *       that separates impacts from the jerk of running itself (on the simulator, 50 g/s still accepts 1 % of
 *       samples away from strikes and artefacts, 100 g/s none, while every isolated strike passes);</li>
 *   <li>the change is mostly along the tibia ({@code |Δx| ≥ axialRatio · √(Δy² + Δz²)}): a foot strike loads the
 *       shank axially, a cable whip or a knock on the sensor shakes it sideways;</li>
 *   <li>no yaw-rate sample above the limit lies within ± {@code vetoSeconds}: a 200 Hz gyro cannot time a 1 kHz
 *       shock, so the veto covers a window rather than the instant (decisions are delayed by that window).</li>
 * </ol>
 * Block processing; the block must be longer than the veto window to be meaningful.
 */
public final class ImpactGate {
    private static final double G = 9.80665;
    private final IirDesign design;
    private final double jerkThresholdGPerSecond;
    private final double noiseJerkRmsGPerSecond;
    private final double axialRatio;
    private final double yawLimit;
    private final long vetoMicros;

    private ImpactGate(Builder b) {
        this.design = Butterworth.lowPass(b.order, b.lowPassHz, b.sampleRateHz);
        this.noiseJerkRmsGPerSecond = noiseJerkRms(design, b.noiseDensity, b.sampleRateHz);
        this.jerkThresholdGPerSecond = Math.max(b.noiseMultiplier * noiseJerkRmsGPerSecond, b.minimumJerk);
        this.axialRatio = b.axialRatio;
        this.yawLimit = Math.toRadians(b.yawLimitDegreesPerSecond);
        this.vetoMicros = Math.round(b.vetoSeconds * 1e6);
    }

    /** A builder with the defaults given on its setters. */
    public static Builder builder() {
        return new Builder();
    }

    /** The jerk threshold in use, g/s. */
    public double jerkThresholdGPerSecond() {
        return jerkThresholdGPerSecond;
    }

    /** The RMS jerk of the sensor's white noise through this gate's filter, g/s. */
    public double noiseJerkRmsGPerSecond() {
        return noiseJerkRmsGPerSecond;
    }

    /** The low-pass applied before the jerk. */
    public IirDesign filter() {
        return design;
    }

    /** RMS jerk, g/s, of white accelerometer noise of the given density through the design at rate fs. */
    static double noiseJerkRms(IirDesign design, double density, double fs) {
        double sd = density * Math.sqrt(fs / 2);
        Random random = new Random(1); // fixed: the threshold must not change between runs
        BiquadCascade[] f = {new BiquadCascade(design), new BiquadCascade(design), new BiquadCascade(design)};
        double[] prev = new double[3];
        double sum = 0;
        int count = 0;
        for (int i = 0; i < 20_000; i++) {
            double s = 0;
            for (int k = 0; k < 3; k++) {
                double v = f[k].process(sd * random.nextGaussian());
                double d = v - prev[k];
                prev[k] = v;
                s += d * d;
            }
            if (i > 1000) {
                sum += s;
                count++;
            }
        }
        return Math.sqrt(sum / count) * fs / G;
    }

    /**
     * Marks accepted accelerometer samples.
     *
     * @param accT accelerometer times, µs, increasing; Not modified
     * @param ax accelerometer x (along the tibia), m/s²; Not modified
     * @param ay accelerometer y, m/s²; Not modified
     * @param az accelerometer z, m/s²; Not modified
     * @param n number of accelerometer samples
     * @param gyrT gyro times, µs, increasing; Not modified
     * @param yaw gyro rate about the shank's long axis, rad/s; Not modified
     * @param m number of gyro samples
     * @param accepted one flag per accelerometer sample; Modified
     * @return the number of accepted samples
     * @throws BadSensorDataException for non-finite samples or time going backwards
     */
    public int apply(long[] accT, float[] ax, float[] ay, float[] az, int n, long[] gyrT, float[] yaw, int m,
            boolean[] accepted) throws BadSensorDataException {
        ImuBlock.check("accelerometer", accT, n, ax, ay, az);
        ImuBlock.check("gyroscope", gyrT, m, yaw);
        double[] held = new double[n];
        ImuBlock.holdOnto(accT, n, gyrT, yaw, m, held);
        // prefix count of over-limit yaw samples, for the ± window veto
        int[] over = new int[n + 1];
        for (int i = 0; i < n; i++) {
            over[i + 1] = over[i] + (Math.abs(held[i]) > yawLimit ? 1 : 0);
        }
        BiquadCascade fx = new BiquadCascade(design);
        BiquadCascade fy = new BiquadCascade(design);
        BiquadCascade fz = new BiquadCascade(design);
        fx.settle(ax[0]);
        fy.settle(ay[0]);
        fz.settle(az[0]);
        double px = ax[0];
        double py = ay[0];
        double pz = az[0];
        int lo = 0;
        int hi = 0;
        int count = 0;
        accepted[0] = false;
        for (int i = 1; i < n; i++) {
            double x = fx.process(ax[i]);
            double y = fy.process(ay[i]);
            double z = fz.process(az[i]);
            double dx = x - px;
            double dy = y - py;
            double dz = z - pz;
            px = x;
            py = y;
            pz = z;
            double dt = (accT[i] - accT[i - 1]) / 1e6;
            double jerk = Math.sqrt(dx * dx + dy * dy + dz * dz) / G / dt;
            while (accT[lo] < accT[i] - vetoMicros) {
                lo++;
            }
            while (hi < n && accT[hi] <= accT[i] + vetoMicros) {
                hi++;
            }
            boolean vetoed = over[hi] - over[lo] > 0;
            boolean axial = Math.abs(dx) >= axialRatio * Math.sqrt(dy * dy + dz * dz);
            boolean ok = jerk > jerkThresholdGPerSecond && axial && !vetoed;
            accepted[i] = ok;
            if (ok) {
                count++;
            }
        }
        return count;
    }

    /** Configuration of an {@link ImpactGate}. */
    public static final class Builder {
        private double sampleRateHz = 1000;
        private double noiseDensity = 150e-6 * G;
        private double lowPassHz = 60;
        private int order = 4;
        private double noiseMultiplier = 8;
        private double minimumJerk = 75;
        private double axialRatio = 1;
        private double yawLimitDegreesPerSecond = 120;
        private double vetoSeconds = 0.05;

        private Builder() {
        }

        /** Accelerometer nominal rate, Hz, 50..100000; default 1000. */
        public Builder sampleRateHz(double hz) {
            sampleRateHz = check("sampleRateHz", hz, 50, 100_000);
            return this;
        }

        /** Accelerometer white-noise density, (m/s²)/√Hz, 0..1; default 150 µg/√Hz. */
        public Builder noiseDensity(double metresPerSecondSquaredPerRootHz) {
            noiseDensity = check("noiseDensity", metresPerSecondSquaredPerRootHz, 0, 1);
            return this;
        }

        /** Low-pass cut-off before the jerk, Hz, below half the sample rate; default 60. */
        public Builder lowPassHz(double hz) {
            lowPassHz = check("lowPassHz", hz, 1, 50_000);
            return this;
        }

        /** Low-pass order, 1..8; default 4. */
        public Builder order(int order) {
            this.order = (int) check("order", order, 1, 8);
            return this;
        }

        /** Jerk threshold as a multiple of the noise's RMS jerk, 1..1000; default 8. */
        public Builder noiseMultiplier(double multiple) {
            noiseMultiplier = check("noiseMultiplier", multiple, 1, 1000);
            return this;
        }

        /** Lowest jerk threshold, g/s, 0..100000; default 75. */
        public Builder minimumJerkGPerSecond(double gPerSecond) {
            minimumJerk = check("minimumJerkGPerSecond", gPerSecond, 0, 100_000);
            return this;
        }

        /** Required ratio of axial to transverse change, 0..100 (0 disables the test); default 1. */
        public Builder axialRatio(double ratio) {
            axialRatio = check("axialRatio", ratio, 0, 100);
            return this;
        }

        /** Yaw-rate limit, °/s, positive; default 120 (the seed's figure). */
        public Builder yawLimitDegreesPerSecond(double degreesPerSecond) {
            yawLimitDegreesPerSecond = check("yawLimitDegreesPerSecond", degreesPerSecond, 1, 10_000);
            return this;
        }

        /** Half-width of the yaw veto window, s, 0..1; default 0.05. */
        public Builder vetoSeconds(double seconds) {
            vetoSeconds = check("vetoSeconds", seconds, 0, 1);
            return this;
        }

        /** The gate. */
        public ImpactGate build() {
            if (!(lowPassHz < sampleRateHz / 2)) {
                throw new IllegalArgumentException("lowPassHz " + lowPassHz + " must be below sampleRateHz/2 = "
                        + sampleRateHz / 2);
            }
            return new ImpactGate(this);
        }
    }
}
