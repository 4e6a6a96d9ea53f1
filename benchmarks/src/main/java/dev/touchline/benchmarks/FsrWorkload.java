package dev.touchline.benchmarks;

import dev.touchline.fusion.BadSensorDataException;
import dev.touchline.fusion.fsr.FootContactDetector;
import dev.touchline.fusion.fsr.FsrContact;
import dev.touchline.sensor.simulation.FsrSamples;
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
 * The input and the work of {@link FsrBenchmark}: one wearable player's simulated insole stream (six force channels,
 * 250 Hz, no half-time break) held in primitive columns, and one pass of it through a fresh
 * {@link FootContactDetector}, sample by sample as a device would deliver them.
 */
public final class FsrWorkload {
    final long[] t;
    final float[][] force = new float[FsrSamples.CHANNELS][];
    final int trueContacts;

    /**
     * Simulates the stream.
     *
     * @param seed simulator seed
     * @param minutes session length, minutes (90 for the benchmark)
     */
    public FsrWorkload(long seed, int minutes) {
        SimulationConfig config = SimulationConfig.builder().seed(seed).wearablePlayers(1)
                .signals(EnumSet.of(Signal.FSR)).matchDuration(Duration.ofMinutes(minutes))
                .halfTimeBreak(Duration.ZERO).build();
        long[] times = new long[1 << 16];
        float[][] f = new float[FsrSamples.CHANNELS][1 << 16];
        int n = 0;
        int contacts = 0;
        try (MatchSimulation run = MatchSimulator.of(config).start()) {
            while (run.hasNext()) {
                SimulationChunk c = run.next();
                WearableChunk w = c.wearables().get(0);
                FsrSamples s = w.fsr();
                contacts += w.contacts().size();
                if (n + s.length() > times.length) {
                    int cap = Math.max(2 * times.length, n + s.length());
                    times = Arrays.copyOf(times, cap);
                    for (int k = 0; k < f.length; k++) {
                        f[k] = Arrays.copyOf(f[k], cap);
                    }
                }
                for (int i = 0; i < s.length(); i++) {
                    times[n] = s.timeMicros(i);
                    for (int k = 0; k < f.length; k++) {
                        f[k][n] = s.force(k, i);
                    }
                    n++;
                }
            }
        }
        t = Arrays.copyOf(times, n);
        for (int k = 0; k < f.length; k++) {
            force[k] = Arrays.copyOf(f[k], n);
        }
        trueContacts = contacts;
    }

    /** Insole samples (each with six channels). */
    public int samples() {
        return t.length;
    }

    /** Foot contacts the simulator recorded as truth, both feet. */
    public int trueContacts() {
        return trueContacts;
    }

    /**
     * One pass through a fresh detector.
     *
     * @return the contacts reported (both feet) and the sum of their durations, µs, as {count, sum}
     */
    public long[] run() throws BadSensorDataException {
        long[] out = new long[2];
        FootContactDetector d = FootContactDetector.builder().build((FsrContact c) -> {
            out[0]++;
            out[1] += c.durationMicros();
        });
        float[] lh = force[0];
        float[] lm = force[1];
        float[] lf = force[2];
        float[] rh = force[3];
        float[] rm = force[4];
        float[] rf = force[5];
        for (int i = 0; i < t.length; i++) {
            d.accept(t[i], lh[i], lm[i], lf[i], rh[i], rm[i], rf[i]);
        }
        d.flush();
        return out;
    }
}
