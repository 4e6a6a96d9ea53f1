package dev.touchline.benchmarks;

import dev.touchline.fusion.BadSensorDataException;
import dev.touchline.fusion.session.SessionListener;
import dev.touchline.fusion.session.SessionPipeline;
import dev.touchline.sensor.ScalarSeries;
import dev.touchline.sensor.TriaxialSeries;
import dev.touchline.sensor.simulation.MatchSimulation;
import dev.touchline.sensor.simulation.MatchSimulator;
import dev.touchline.sensor.simulation.Signal;
import dev.touchline.sensor.simulation.SimulationChunk;
import dev.touchline.sensor.simulation.SimulationConfig;
import dev.touchline.sensor.simulation.WearableChunk;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;

/**
 * The input and the work of {@link SessionBenchmark}: one wearable player's simulated session (tibia accelerometer
 * 1 kHz, gyroscope 200 Hz, upper-arm PPG 500 Hz; no half-time break) held in primitive columns, and one pass of
 * it through a fresh {@link SessionPipeline}, fed in interleaved one-second blocks as a device would send them.
 */
public final class SessionWorkload {
    final long[] accT;
    final float[] ax;
    final float[] ay;
    final float[] az;
    final long[] gyroT;
    final float[] gx;
    final float[] gy;
    final float[] gz;
    final long[] ppgT;
    final float[] ppg;
    /** Second boundaries: block k covers [blockStart + k s, + 1 s); index of the first sample per stream. */
    final int[] accBlock;
    final int[] gyroBlock;
    final int[] ppgBlock;

    /**
     * Simulates the session.
     *
     * @param seed simulator seed
     * @param minutes session length, minutes (90 for the benchmark)
     */
    public SessionWorkload(long seed, int minutes) {
        SimulationConfig config = SimulationConfig.builder().seed(seed).wearablePlayers(1)
                .signals(EnumSet.of(Signal.POSITIONS, Signal.IMU, Signal.PPG))
                .matchDuration(Duration.ofMinutes(minutes)).halfTimeBreak(Duration.ZERO).build();
        Columns a = new Columns(3);
        Columns g = new Columns(3);
        Columns p = new Columns(1);
        try (MatchSimulation run = MatchSimulator.of(config).start()) {
            while (run.hasNext()) {
                SimulationChunk c = run.next();
                WearableChunk w = c.wearables().get(0);
                a.add(w.accelerometer());
                g.add(w.gyroscope());
                p.add(w.ppg());
            }
        }
        accT = a.times();
        ax = a.values(0);
        ay = a.values(1);
        az = a.values(2);
        gyroT = g.times();
        gx = g.values(0);
        gy = g.values(1);
        gz = g.values(2);
        ppgT = p.times();
        ppg = p.values(0);
        long start = Math.min(accT[0], Math.min(gyroT[0], ppgT[0]));
        long end = Math.max(accT[accT.length - 1], Math.max(gyroT[gyroT.length - 1], ppgT[ppgT.length - 1]));
        int blocks = (int) ((end - start) / 1_000_000L) + 2;
        accBlock = boundaries(accT, start, blocks);
        gyroBlock = boundaries(gyroT, start, blocks);
        ppgBlock = boundaries(ppgT, start, blocks);
    }

    private static int[] boundaries(long[] t, long start, int blocks) {
        int[] b = new int[blocks + 1];
        for (int k = 0; k <= blocks; k++) {
            int i = Arrays.binarySearch(t, start + k * 1_000_000L);
            b[k] = i >= 0 ? i : -i - 1;
        }
        return b;
    }

    /** Samples in the session: accelerometer, gyroscope and PPG together. */
    public long samples() {
        return (long) accT.length + gyroT.length + ppgT.length;
    }

    /** Accelerometer samples. */
    public int accelerometerSamples() {
        return accT.length;
    }

    /**
     * One pass through a fresh pipeline.
     *
     * @param listener receives the outputs
     * @return the pipeline after {@link SessionPipeline#finish()}
     */
    public SessionPipeline run(SessionListener listener) throws BadSensorDataException {
        return run(listener, false);
    }

    /**
     * One pass through a fresh pipeline, its orientation filter updated per gyro sample or per pair
     * ({@link SessionPipeline.Builder#pairedOrientation}).
     *
     * @param listener receives the outputs
     * @return the pipeline after {@link SessionPipeline#finish()}
     */
    public SessionPipeline run(SessionListener listener, boolean pairedOrientation) throws BadSensorDataException {
        SessionPipeline pipeline = SessionPipeline.builder().pairedOrientation(pairedOrientation).build(listener);
        for (int k = 0; k + 1 < accBlock.length; k++) {
            pipeline.acceptAccelerometer(accT, ax, ay, az, accBlock[k], accBlock[k + 1]);
            pipeline.acceptPpg(ppgT, ppg, ppgBlock[k], ppgBlock[k + 1]);
            pipeline.acceptGyroscope(gyroT, gx, gy, gz, gyroBlock[k], gyroBlock[k + 1]);
        }
        pipeline.finish();
        return pipeline;
    }

    /** Growable primitive columns for collecting chunks. */
    private static final class Columns {
        long[] t = new long[1 << 16];
        final float[][] v;
        int n;

        Columns(int axes) {
            v = new float[axes][1 << 16];
        }

        void grow(int extra) {
            if (n + extra > t.length) {
                int cap = Math.max(t.length * 2, n + extra);
                t = Arrays.copyOf(t, cap);
                for (int k = 0; k < v.length; k++) {
                    v[k] = Arrays.copyOf(v[k], cap);
                }
            }
        }

        void add(TriaxialSeries s) {
            grow(s.length());
            for (int i = 0; i < s.length(); i++) {
                t[n] = s.timeMicros(i);
                v[0][n] = s.x(i);
                v[1][n] = s.y(i);
                v[2][n] = s.z(i);
                n++;
            }
        }

        void add(ScalarSeries s) {
            grow(s.length());
            for (int i = 0; i < s.length(); i++) {
                t[n] = s.timeMicros(i);
                v[0][n] = s.value(i);
                n++;
            }
        }

        long[] times() {
            return Arrays.copyOf(t, n);
        }

        float[] values(int k) {
            return Arrays.copyOf(v[k], n);
        }
    }
}
