package dev.touchline.sensor.simulation;

import dev.touchline.sensor.ScalarSeries;
import dev.touchline.sensor.SensorSpec;
import dev.touchline.sensor.TriaxialSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The high-rate wearable signals of one player, chunk by chunk: tibia IMU, ECG, PPG and FSR insoles with their
 * ground truth. See {@link GaitModel}, {@link HeartModel}, {@link ImuModel}, {@link EcgModel}, {@link PpgModel} and
 * {@link FsrModel} for the signal models.
 *
 * <p>Everything advances on one tick grid aligned to the epoch, the greatest common divisor of the sample periods
 * (1 ms by default). At each tick the models read the player's true motion at that tick, produce any samples that
 * fall on it, and then step to the next tick using that motion alone. Events found inside a step (foot contacts,
 * R peaks) get their exact microsecond and are reported in the chunk that contains them. Since a step never reads
 * motion outside its own chunk, the output does not depend on how the session is cut into chunks.
 *
 * <p>A jump forward in time (half time) is a break: the heart recovers towards rest over it, contacts and
 * artefacts in progress end, and the gait and artefact processes resume at the new start.
 *
 * <p>Each signal draws from its own random stream ({@code "imu"}, {@code "ecg"}, {@code "ppg"}, {@code "fsr"}), and
 * the shared gait and heart models from {@code "gait"} and {@code "heart"}, which run whatever is selected: the
 * selection never changes the values of a selected signal. Not thread-safe.
 */
final class WearableSimulator {
    private final RosterEntry player;
    private final WearableConfig wc;
    private final boolean imu;
    private final boolean ecg;
    private final boolean ppg;
    private final boolean fsr;
    private final long tick;
    private final long accPeriod;
    private final long gyroPeriod;
    private final long ecgPeriod;
    private final long ppgPeriod;
    private final long fsrPeriod;
    private final long tempPeriod = 1_000_000L;
    private final long ppgCycle;

    private final GaitModel gait;
    private final HeartModel heart;
    private final ImuModel imuModel;
    private final EcgModel ecgModel;
    private final PpgModel ppgModel;
    private final FsrModel fsrModel;

    private final double[] motion = new double[6];
    private final double[] v3 = new double[3];
    private long stateTime = Long.MIN_VALUE;

    WearableSimulator(SimulationConfig config, RosterEntry player) {
        this.player = player;
        this.wc = config.wearables();
        this.imu = config.produces(Signal.IMU);
        this.ecg = config.produces(Signal.ECG);
        this.ppg = config.produces(Signal.PPG);
        this.fsr = config.produces(Signal.FSR);
        this.accPeriod = WearableConfig.periodMicros(wc.accelerometer().nominalRateHz());
        this.gyroPeriod = WearableConfig.periodMicros(wc.gyroscope().nominalRateHz());
        this.ecgPeriod = WearableConfig.periodMicros(wc.ecgRateHz());
        this.ppgPeriod = WearableConfig.periodMicros(wc.ppgRateHz());
        this.fsrPeriod = WearableConfig.periodMicros(wc.fsrRateHz());
        this.tick = gcd(gcd(gcd(accPeriod, gyroPeriod), gcd(ecgPeriod, ppgPeriod)), gcd(fsrPeriod, tempPeriod));
        this.ppgCycle = wc.ppgOnMicros() * wc.ppgDutyCycle();
        long seed = config.seed();
        this.gait = new GaitModel(seed, player, wc.bodyMassIndex());
        this.heart = new HeartModel(seed, player, wc);
        this.imuModel = new ImuModel(seed, player, wc);
        this.ecgModel = new EcgModel(seed, player);
        this.ppgModel = new PpgModel(seed, player);
        this.fsrModel = new FsrModel(seed, player);
    }

    /**
     * The signals over {@code [fromMicros, toMicros)}.
     *
     * @param block the true motion, covering the interval (with its look-ahead frame when the period goes on)
     * @throws IllegalArgumentException if the interval is empty or starts before the previous one ended
     */
    WearableChunk next(MotionBlock block, long fromMicros, long toMicros) {
        if (toMicros <= fromMicros) {
            throw new IllegalArgumentException("toMicros must be after fromMicros, was [" + fromMicros + ", "
                    + toMicros + ")");
        }
        long first = ceilTo(fromMicros, tick);
        if (stateTime == Long.MIN_VALUE) {
            stateTime = first;
            imuModel.start(first);
        } else if (first > stateTime) {
            double seconds = (first - stateTime) / 1e6;
            heart.skipGap(seconds);
            gait.resetAfterGap();
            imuModel.skipGap(first);
            stateTime = first;
        } else if (first < stateTime) {
            throw new IllegalArgumentException("chunks must not go back in time: fromMicros " + fromMicros
                    + " is before the end of the previous chunk");
        }

        int nAcc = imu ? count(fromMicros, toMicros, accPeriod) : 0;
        int nGyro = imu ? count(fromMicros, toMicros, gyroPeriod) : 0;
        int nTemp = imu ? count(fromMicros, toMicros, tempPeriod) : 0;
        int nEcg = ecg ? count(fromMicros, toMicros, ecgPeriod) : 0;
        int nPpg = ppg ? count(fromMicros, toMicros, ppgPeriod) : 0;
        int nFsr = fsr ? count(fromMicros, toMicros, fsrPeriod) : 0;
        long[] accT = new long[nAcc];
        float[][] accV = new float[3][nAcc];
        long[] gyroT = new long[nGyro];
        float[][] gyroV = new float[3][nGyro];
        long[] tempT = new long[nTemp];
        float[] tempV = new float[nTemp];
        long[] ecgT = new long[nEcg];
        float[] ecgV = new float[nEcg];
        long[] ppgT = new long[nPpg];
        float[] ppgV = new float[nPpg];
        long[] fsrT = new long[nFsr];
        float[][] fsrV = new float[FsrSamples.CHANNELS][nFsr];
        int iAcc = 0;
        int iGyro = 0;
        int iTemp = 0;
        int iEcg = 0;
        int iPpg = 0;
        int iFsr = 0;
        double ppgDt = ppgPeriod / 1e6;
        int o = player.objectIndex();

        long t = stateTime;
        for (; t < toMicros; t += tick) {
            block.interpolate(o, t, motion);
            gait.observe(motion);
            heart.observe(gait.speed(), gait.accMagnitude());
            if (imu) {
                imuModel.tick(t);
                if (t % accPeriod == 0) {
                    imuModel.accelerometer(t, gait, v3);
                    accT[iAcc] = t;
                    accV[0][iAcc] = (float) v3[0];
                    accV[1][iAcc] = (float) v3[1];
                    accV[2][iAcc] = (float) v3[2];
                    iAcc++;
                }
                if (t % gyroPeriod == 0) {
                    imuModel.gyroscope(t, gait, v3);
                    gyroT[iGyro] = t;
                    gyroV[0][iGyro] = (float) v3[0];
                    gyroV[1][iGyro] = (float) v3[1];
                    gyroV[2][iGyro] = (float) v3[2];
                    iGyro++;
                }
                if (t % tempPeriod == 0) {
                    tempT[iTemp] = t;
                    tempV[iTemp] = (float) imuModel.temperatureSample(t);
                    iTemp++;
                }
            }
            if (ecg && t % ecgPeriod == 0) {
                ecgT[iEcg] = t;
                ecgV[iEcg] = (float) clip(ecgModel.sample(t, heart, gait.speed()), wc.ecg());
                iEcg++;
            }
            if (ppg && t % ppgPeriod == 0) {
                if (Math.floorMod(t, ppgCycle) < wc.ppgOnMicros()) {
                    ppgT[iPpg] = t;
                    ppgV[iPpg] = (float) clip(ppgModel.sample(t, ppgDt, heart, gait), wc.ppg());
                    iPpg++;
                }
            }
            if (fsr && t % fsrPeriod == 0) {
                fsrT[iFsr] = t;
                fsrModel.sample(t, gait, fsrV, iFsr);
                iFsr++;
            }
            gait.advance(t, tick);
            heart.advance(t, tick);
        }
        stateTime = t;

        List<FootStrike> strikes = drain(gait.strikes, toMicros, FootStrike::timeMicros);
        List<FootContact> contacts = drain(gait.contacts, toMicros, FootContact::onMicros);
        List<Beat> beats = drain(heart.beats, toMicros, Beat::rPeakMicros);
        List<Artefact> artefacts = drain(imuModel.artefacts, toMicros, Artefact::startMicros);

        return new WearableChunk(o,
                TriaxialSeries.of(wc.accelerometer(), accT, accV[0], accV[1], accV[2], iAcc),
                TriaxialSeries.of(wc.gyroscope(), gyroT, gyroV[0], gyroV[1], gyroV[2], iGyro),
                ScalarSeries.of(wc.temperature(), tempT, tempV, iTemp),
                ScalarSeries.of(wc.ecg(), ecgT, ecgV, iEcg),
                ScalarSeries.of(wc.ppg(), ppgT, ppgV, iPpg),
                fsr ? new FsrSamples(fsrT, fsrV, iFsr) : FsrSamples.empty(),
                imu ? strikes : List.of(), imu ? artefacts : List.of(),
                ecg || ppg ? beats : List.of(), fsr ? contacts : List.of());
    }

    /** Removes and returns the events before {@code end}; later ones (found in the last step) wait. */
    private static <T> List<T> drain(List<T> pending, long end, ToLongFunction<T> time) {
        List<T> out = new ArrayList<>();
        int keep = 0;
        for (T e : pending) {
            if (time.applyAsLong(e) < end) {
                out.add(e);
            } else {
                pending.set(keep++, e);
            }
        }
        pending.subList(keep, pending.size()).clear();
        return out;
    }

    private static double clip(double v, SensorSpec spec) {
        double r = spec.rangeMax();
        return Math.max(-r, Math.min(r, v));
    }

    /** Grid points {@code k × period} in [from, to). */
    private static int count(long from, long to, long period) {
        return Math.toIntExact(Math.floorDiv(to - 1, period) - Math.floorDiv(from - 1, period));
    }

    private static long ceilTo(long t, long step) {
        return -Math.floorDiv(-t, step) * step;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
