package dev.touchline.fusion;

import dev.touchline.sensor.ScalarSeries;
import dev.touchline.sensor.SensorKind;
import dev.touchline.sensor.SensorSpec;
import dev.touchline.sensor.TriaxialSeries;
import dev.touchline.sensor.simulation.Artefact;
import dev.touchline.sensor.simulation.Beat;
import dev.touchline.sensor.simulation.FootStrike;
import dev.touchline.sensor.simulation.MatchSimulation;
import dev.touchline.sensor.simulation.MatchSimulator;
import dev.touchline.sensor.simulation.Signal;
import dev.touchline.sensor.simulation.SimulationChunk;
import dev.touchline.sensor.simulation.SimulationConfig;
import dev.touchline.sensor.simulation.WearableChunk;
import dev.touchline.sensor.simulation.WearableConfig;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.UnaryOperator;

/** The first wearable player's signals over the first seconds of a simulated match, concatenated, for tests. */
public final class SimulatedSession {
    public final long[] accT;
    public final float[][] acc = new float[3][];
    public final long[] gyroT;
    public final float[][] gyro = new float[3][];
    public final long[] ecgT;
    public final float[] ecg;
    public final long[] ppgT;
    public final float[] ppg;
    public final List<FootStrike> strikes = new ArrayList<>();
    public final List<Artefact> artefacts = new ArrayList<>();
    public final List<Beat> beats = new ArrayList<>();

    private SimulatedSession(List<WearableChunk> chunks) {
        List<TriaxialSeries> a = new ArrayList<>();
        List<TriaxialSeries> g = new ArrayList<>();
        List<ScalarSeries> e = new ArrayList<>();
        List<ScalarSeries> p = new ArrayList<>();
        for (WearableChunk c : chunks) {
            a.add(c.accelerometer());
            g.add(c.gyroscope());
            e.add(c.ecg());
            p.add(c.ppg());
            strikes.addAll(c.footStrikes());
            artefacts.addAll(c.artefacts());
            beats.addAll(c.beats());
        }
        accT = times3(a);
        for (int k = 0; k < 3; k++) {
            acc[k] = axis(a, k);
        }
        gyroT = times3(g);
        for (int k = 0; k < 3; k++) {
            gyro[k] = axis(g, k);
        }
        ecgT = times1(e);
        ecg = values(e);
        ppgT = times1(p);
        ppg = values(p);
    }

    /**
     * Simulates {@code seconds} of match time.
     *
     * @param seed the simulator seed
     * @param accelerometerRateHz the tibia accelerometer's rate (the default sensor is 1000 Hz)
     */
    public static SimulatedSession simulate(long seed, double seconds, double accelerometerRateHz,
            EnumSet<Signal> signals) {
        return simulate(seed, seconds, accelerometerRateHz, signals, b -> b);
    }

    /** As above, with changes to the wearable configuration (artefact rates, ...). */
    public static SimulatedSession simulate(long seed, double seconds, double accelerometerRateHz,
            EnumSet<Signal> signals, UnaryOperator<WearableConfig.Builder> wearables) {
        SensorSpec spec = WearableConfig.defaultAccelerometer();
        SensorSpec acc = SensorSpec.builder(SensorKind.ACCELEROMETER).nominalRateHz(accelerometerRateHz)
                .rangeMax(spec.rangeMax()).resolution(spec.resolution()).noiseDensity(spec.noiseDensity()).build();
        SimulationConfig config = SimulationConfig.builder().seed(seed).wearablePlayers(1).signals(signals)
                .wearables(wearables.apply(WearableConfig.defaults().toBuilder().accelerometer(acc)).build()).build();
        List<WearableChunk> chunks = new ArrayList<>();
        long end = config.kickoffMicros() + Math.round(seconds * 1e6);
        try (MatchSimulation run = MatchSimulator.of(config).start()) {
            while (run.hasNext()) {
                SimulationChunk c = run.next();
                if (c.startMicros() >= end) {
                    break;
                }
                chunks.add(c.wearables().get(0));
            }
        }
        return new SimulatedSession(chunks);
    }

    private static long[] times3(List<TriaxialSeries> list) {
        int n = list.stream().mapToInt(TriaxialSeries::length).sum();
        long[] t = new long[n];
        int o = 0;
        for (TriaxialSeries s : list) {
            for (int i = 0; i < s.length(); i++) {
                t[o++] = s.timeMicros(i);
            }
        }
        return t;
    }

    private static float[] axis(List<TriaxialSeries> list, int k) {
        int n = list.stream().mapToInt(TriaxialSeries::length).sum();
        float[] v = new float[n];
        int o = 0;
        for (TriaxialSeries s : list) {
            for (int i = 0; i < s.length(); i++) {
                v[o++] = k == 0 ? s.x(i) : k == 1 ? s.y(i) : s.z(i);
            }
        }
        return v;
    }

    private static long[] times1(List<ScalarSeries> list) {
        int n = list.stream().mapToInt(ScalarSeries::length).sum();
        long[] t = new long[n];
        int o = 0;
        for (ScalarSeries s : list) {
            for (int i = 0; i < s.length(); i++) {
                t[o++] = s.timeMicros(i);
            }
        }
        return t;
    }

    private static float[] values(List<ScalarSeries> list) {
        int n = list.stream().mapToInt(ScalarSeries::length).sum();
        float[] v = new float[n];
        int o = 0;
        for (ScalarSeries s : list) {
            for (int i = 0; i < s.length(); i++) {
                v[o++] = s.value(i);
            }
        }
        return v;
    }
}
