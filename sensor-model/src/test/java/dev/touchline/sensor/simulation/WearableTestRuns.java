package dev.touchline.sensor.simulation;

import dev.touchline.sensor.PlayerId;
import dev.touchline.sensor.TimeMicros;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/** Synthetic motion and whole-run collection for the wearable tests (the real motion model is elsewhere). */
final class WearableTestRuns {
    static final long START = TimeMicros.of(SimulationConfig.DEFAULT_KICKOFF);

    private WearableTestRuns() {
    }

    static RosterEntry player() {
        return new RosterEntry(0, 1, PlayerId.nameBased("wearable-test"), TeamSide.HOME, Role.MIDFIELDER, 8, 1.80,
                Roster.HOME_KIT, 9.0);
    }

    static SimulationConfig config(long seed, Set<Signal> signals, WearableConfig wearables) {
        return SimulationConfig.builder().seed(seed).signals(signals).wearables(wearables).build();
    }

    static SimulationConfig config(long seed) {
        return config(seed, EnumSet.allOf(Signal.class), WearableConfig.defaults());
    }

    /**
     * A block of one player running along x (heading turns slowly so the lateral axis sees something) at
     * {@code speed(seconds since START)} m/s.
     */
    static MotionBlock block(long start, int frames, boolean lookahead, DoubleUnaryOperator speed) {
        MotionBlock b = new MotionBlock(1, 1, frames, lookahead);
        for (int f = 0; f < b.frameCount(); f++) {
            long t = start + f * MotionBlock.FRAME_MICROS;
            double s = (t - START) / 1e6;
            double v = speed.applyAsDouble(s);
            double a = (speed.applyAsDouble(s + 0.02) - speed.applyAsDouble(s - 0.02)) / 0.04;
            b.timeMicros[f] = t;
            b.frameNumber[f] = (int) ((t - START) / MotionBlock.FRAME_MICROS);
            b.x[f] = v * s;
            b.vx[f] = v;
            b.ax[f] = a;
        }
        return b;
    }

    /** Runs a simulator from START for {@code seconds} in chunks of {@code chunkMicros}. */
    static List<WearableChunk> run(SimulationConfig config, double seconds, long chunkMicros,
                                   DoubleUnaryOperator speed) {
        WearableSimulator sim = new WearableSimulator(config, player());
        List<WearableChunk> out = new ArrayList<>();
        long end = START + Math.round(seconds * 1e6);
        for (long from = START; from < end; from += chunkMicros) {
            long to = Math.min(end, from + chunkMicros);
            int frames = (int) ((to - from) / MotionBlock.FRAME_MICROS);
            out.add(sim.next(block(from, frames, true, speed), from, to));
        }
        return out;
    }

    static List<WearableChunk> runConstant(long seed, double seconds, double speed) {
        return run(config(seed), seconds, 1_000_000L, s -> speed);
    }

    /** Concatenated columns of a run. */
    static final class Joined {
        final long[] accT;
        final float[][] acc;
        final long[] gyroT;
        final float[][] gyro;
        final long[] ecgT;
        final float[] ecg;
        final long[] ppgT;
        final float[] ppg;
        final long[] fsrT;
        final float[][] fsr;
        final long[] tempT;
        final float[] temp;
        final List<FootStrike> strikes = new ArrayList<>();
        final List<Artefact> artefacts = new ArrayList<>();
        final List<Beat> beats = new ArrayList<>();
        final List<FootContact> contacts = new ArrayList<>();

        Joined(List<WearableChunk> chunks) {
            int na = 0;
            int ng = 0;
            int ne = 0;
            int np = 0;
            int nf = 0;
            int nt = 0;
            for (WearableChunk c : chunks) {
                na += c.accelerometer().length();
                ng += c.gyroscope().length();
                ne += c.ecg().length();
                np += c.ppg().length();
                nf += c.fsr().length();
                nt += c.temperature().length();
                strikes.addAll(c.footStrikes());
                artefacts.addAll(c.artefacts());
                beats.addAll(c.beats());
                contacts.addAll(c.contacts());
            }
            accT = new long[na];
            acc = new float[3][na];
            gyroT = new long[ng];
            gyro = new float[3][ng];
            ecgT = new long[ne];
            ecg = new float[ne];
            ppgT = new long[np];
            ppg = new float[np];
            fsrT = new long[nf];
            fsr = new float[FsrSamples.CHANNELS][nf];
            tempT = new long[nt];
            temp = new float[nt];
            int ia = 0;
            int ig = 0;
            int ie = 0;
            int ip = 0;
            int jf = 0;
            int it = 0;
            for (WearableChunk c : chunks) {
                for (int i = 0; i < c.accelerometer().length(); i++, ia++) {
                    accT[ia] = c.accelerometer().timeMicros(i);
                    acc[0][ia] = c.accelerometer().x(i);
                    acc[1][ia] = c.accelerometer().y(i);
                    acc[2][ia] = c.accelerometer().z(i);
                }
                for (int i = 0; i < c.gyroscope().length(); i++, ig++) {
                    gyroT[ig] = c.gyroscope().timeMicros(i);
                    gyro[0][ig] = c.gyroscope().x(i);
                    gyro[1][ig] = c.gyroscope().y(i);
                    gyro[2][ig] = c.gyroscope().z(i);
                }
                for (int i = 0; i < c.ecg().length(); i++, ie++) {
                    ecgT[ie] = c.ecg().timeMicros(i);
                    ecg[ie] = c.ecg().value(i);
                }
                for (int i = 0; i < c.ppg().length(); i++, ip++) {
                    ppgT[ip] = c.ppg().timeMicros(i);
                    ppg[ip] = c.ppg().value(i);
                }
                for (int i = 0; i < c.fsr().length(); i++, jf++) {
                    fsrT[jf] = c.fsr().timeMicros(i);
                    for (int ch = 0; ch < FsrSamples.CHANNELS; ch++) {
                        fsr[ch][jf] = c.fsr().force(ch, i);
                    }
                }
                for (int i = 0; i < c.temperature().length(); i++, it++) {
                    tempT[it] = c.temperature().timeMicros(i);
                    temp[it] = c.temperature().value(i);
                }
            }
        }
    }
}
