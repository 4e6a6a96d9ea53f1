package dev.touchline.benchmarks;

import dev.touchline.fusion.ahrs.ComplementaryFilter;
import dev.touchline.fusion.ahrs.MadgwickFilter;
import dev.touchline.fusion.ahrs.MahonyFilter;
import dev.touchline.fusion.ahrs.OrientationFilter;
import java.util.SplittableRandom;

/**
 * Inputs and kernels of {@link FusionBenchmark}: a fixed block of synthetic IMU samples (a tumbling sensor with
 * noise, seed given by the caller) and one-sample steps through an orientation filter.
 */
public final class FusionKernels {
    /** Samples in the cycled input block (a power of two). */
    public static final int BLOCK = 4096;
    private static final double G = 9.80665;

    final double[] gx = new double[BLOCK];
    final double[] gy = new double[BLOCK];
    final double[] gz = new double[BLOCK];
    final double[] ax = new double[BLOCK];
    final double[] ay = new double[BLOCK];
    final double[] az = new double[BLOCK];
    final double[] mx = new double[BLOCK];
    final double[] my = new double[BLOCK];
    final double[] mz = new double[BLOCK];

    /** A block of samples from the given seed. */
    public FusionKernels(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < BLOCK; i++) {
            double t = i / 200.0;
            gx[i] = 2 * Math.sin(2 * Math.PI * 1.3 * t) + 0.01 * gauss(r);
            gy[i] = 1.5 * Math.cos(2 * Math.PI * 0.7 * t) + 0.01 * gauss(r);
            gz[i] = 0.5 + 0.01 * gauss(r);
            ax[i] = G * Math.sin(0.3 * Math.sin(t)) + 0.05 * gauss(r);
            ay[i] = 0.5 * Math.cos(t) + 0.05 * gauss(r);
            az[i] = G * Math.cos(0.3 * Math.sin(t)) + 0.05 * gauss(r);
            mx[i] = 20 + 0.5 * gauss(r);
            my[i] = 5 + 0.5 * gauss(r);
            mz[i] = -40 + 0.5 * gauss(r);
        }
    }

    private static double gauss(SplittableRandom r) {
        return r.nextDouble() + r.nextDouble() + r.nextDouble() - 1.5; // cheap, deterministic, roughly normal
    }

    /** A filter by name: madgwick, mahony or complementary. */
    public static OrientationFilter filter(String name) {
        return switch (name) {
            case "madgwick" -> new MadgwickFilter(0.05);
            case "mahony" -> new MahonyFilter(0.5, 0.01);
            case "complementary" -> ComplementaryFilter.builder().build();
            default -> throw new IllegalArgumentException("algorithm must be madgwick, mahony or complementary, was "
                    + name);
        };
    }

    /** One 6-D update with sample {@code i & (BLOCK − 1)} at 200 Hz; returns qw so the work is not dead. */
    public double step6(OrientationFilter f, int i) {
        int k = i & (BLOCK - 1);
        f.update(gx[k], gy[k], gz[k], ax[k], ay[k], az[k], 0.005);
        return f.qw();
    }

    /** One 9-D update; returns qw. */
    public double step9(OrientationFilter f, int i) {
        int k = i & (BLOCK - 1);
        f.update(gx[k], gy[k], gz[k], ax[k], ay[k], az[k], mx[k], my[k], mz[k], 0.005);
        return f.qw();
    }

    /** The accelerometer x sample {@code i & (BLOCK − 1)}, as filter input. */
    public double sample(int i) {
        return ax[i & (BLOCK - 1)];
    }
}
