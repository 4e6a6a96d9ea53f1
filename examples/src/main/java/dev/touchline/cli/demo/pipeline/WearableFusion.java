package dev.touchline.cli.demo.pipeline;

import dev.touchline.fusion.BadSensorDataException;
import dev.touchline.fusion.ahrs.MadgwickFilter;
import dev.touchline.fusion.ahrs.Quaternions;
import dev.touchline.fusion.ecg.QrsDetector;
import dev.touchline.fusion.gait.ImpactGate;
import dev.touchline.fusion.gait.StrikeDetector;
import dev.touchline.fusion.load.PlayerLoadMeter;
import dev.touchline.fusion.ppg.Fiducial;
import dev.touchline.fusion.ppg.PulseArrival;
import dev.touchline.sensor.ScalarSeries;
import dev.touchline.sensor.TriaxialSeries;
import dev.touchline.sensor.simulation.Artefact;
import dev.touchline.sensor.simulation.ArtefactKind;
import dev.touchline.sensor.simulation.Beat;
import dev.touchline.sensor.simulation.FootStrike;
import dev.touchline.sensor.simulation.FsrSamples;
import dev.touchline.sensor.simulation.WearableChunk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fuses one player's wearable signals chunk by chunk: Madgwick 6-D orientation of the shank, the noise-aware
 * micro-load gate and strike detection with impact peaks, PlayerLoad per minute, heart rate from ECG R peaks
 * (streaming QRS detector) and pulse arrival time from ECG + PPG. Chunks must arrive in time order.
 */
final class WearableFusion {
    private static final double G = 9.80665;
    private static final long STRIKE_MATCH_MICROS = 50_000;
    private static final long BEAT_MATCH_MICROS = 75_000;
    private static final long MINUTE = 60_000_000L;
    private static final int TIME_RING = 1 << 13;
    private static final long FSR_GAP_MICROS = 100_000;

    private final PlayerInfo player;
    private final long originMicros;
    private final PlayerLoadMeter load;
    private final List<double[]> minutes = new ArrayList<>(); // {start s, PL}
    /** Per second since the origin: PlayerLoad, insole impulse (N·s), whether the second has any data. */
    private float[] plPerSecond = new float[4096];
    private float[] impulsePerSecond = new float[4096];
    private boolean[] secondPresent = new boolean[4096];
    private long fsrPreviousMicros = Long.MIN_VALUE;
    private double fsrPreviousForce;
    private long[] strikeMicros = new long[1024];
    private int[] strikeBand = new int[1024];
    private int strikeCount;
    private final MadgwickFilter orientation = new MadgwickFilter(0.1);
    private boolean orientationStarted;
    private long lastGyroMicros = Long.MIN_VALUE;
    private final double[] inclinationSum = new double[400];
    private final int[] inclinationCount = new int[400];
    private final double[] earth = new double[3];
    private final ImpactGate gate = ImpactGate.builder().build();
    private final StrikeDetector strikeDetector = new StrikeDetector(0.25);
    private int strikesDetected;
    private int strikesTrue;
    private int strikesMatched;
    private final int[] impacts = new int[FusionResult.IMPACT_BAND_EDGES_G.length];
    private long accSamples;
    private long accAccepted;
    private int artefactsTrue;
    private int artefactsRejected;
    private @org.jspecify.annotations.Nullable QrsDetector qrs;
    private double ecgRateHz;
    private final long[] ecgTimes = new long[TIME_RING];
    private long ecgSamples;
    private long[] rPeaks = new long[1024];
    private int rPeakCount;
    private int patDone;
    private final List<Beat> trueBeats = new ArrayList<>();
    private final PulseArrival pulseArrival = new PulseArrival(100, 350, 15);
    private long[] ppgPrevT = new long[0];
    private float[] ppgPrev = new float[0];
    private double ppgRateHz;
    private final List<Double> pats = new ArrayList<>();
    private double patAbsErrorSum;
    private int patMatched;

    WearableFusion(PlayerInfo player, long originMicros) {
        this.player = player;
        this.originMicros = originMicros;
        this.load = PlayerLoadMeter.builder().build((seconds, start, pl, pl2d, plv, covered) -> {
            if (seconds == 60) {
                minutes.add(new double[] {(start - originMicros) * 1e-6, pl});
            } else if (seconds == 1) {
                int s = secondIndex(Math.floorDiv(start - originMicros + 500_000L, 1_000_000L));
                if (s >= 0) {
                    plPerSecond[s] += (float) pl;
                    secondPresent[s] = true;
                }
            }
        });
    }

    void accept(WearableChunk c) throws BadSensorDataException {
        TriaxialSeries acc = c.accelerometer();
        TriaxialSeries gyr = c.gyroscope();
        if (acc.length() > 0) {
            for (int i = 0; i < acc.length(); i++) {
                load.accept(acc.timeMicros(i), acc.x(i), acc.y(i), acc.z(i));
            }
            if (gyr.length() > 0) {
                orientation(acc, gyr);
                strikes(c, acc, gyr);
            }
        }
        fsr(c.fsr());
        ecg(c.ecg());
        for (Beat b : c.beats()) {
            trueBeats.add(b);
        }
        pat(c.ppg());
    }

    private void orientation(TriaxialSeries acc, TriaxialSeries gyr) {
        int a = 0;
        for (int i = 0; i < gyr.length(); i++) {
            long t = gyr.timeMicros(i);
            while (a + 1 < acc.length() && acc.timeMicros(a + 1) <= t) {
                a++;
            }
            double ax = acc.x(a);
            double ay = acc.y(a);
            double az = acc.z(a);
            long dt = t - lastGyroMicros;
            if (!orientationStarted || dt <= 0 || dt > 100_000) {
                orientation.initialise(ax, ay, az);
                orientationStarted = true;
            } else {
                orientation.update(gyr.x(i), gyr.y(i), gyr.z(i), ax, ay, az, dt * 1e-6);
            }
            lastGyroMicros = t;
            Quaternions.sensorToEarth(orientation.qw(), orientation.qx(), orientation.qy(), orientation.qz(), 1, 0,
                    0, earth);
            int m = (int) ((t - originMicros) / MINUTE);
            if (m >= 0 && m < inclinationSum.length) {
                inclinationSum[m] += Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, Math.abs(earth[2])))));
                inclinationCount[m]++;
            }
        }
    }

    private void strikes(WearableChunk c, TriaxialSeries acc, TriaxialSeries gyr) throws BadSensorDataException {
        int n = acc.length();
        long[] t = acc.copyTimeMicros();
        float[] ax = acc.copyX();
        float[] ay = acc.copyY();
        float[] az = acc.copyZ();
        boolean[] accepted = new boolean[n];
        int accepts = gate.apply(t, ax, ay, az, n, gyr.copyTimeMicros(), gyr.copyX(), gyr.length(), accepted);
        accSamples += n;
        accAccepted += accepts;
        long[] found = new long[Math.max(16, n / 100)];
        int k = strikeDetector.detect(t, accepted, n, found);
        strikesDetected += k;
        int s = 0;
        for (int j = 0; j < k; j++) {
            while (s + 1 < n && t[s] < found[j]) {
                s++;
            }
            double peak = 0;
            for (int i = Math.max(0, s - 20); i < Math.min(n, s + 20); i++) {
                peak = Math.max(peak, Math.sqrt(ax[i] * ax[i] + ay[i] * ay[i] + az[i] * az[i]) / G);
            }
            int band = 0;
            while (band + 1 < impacts.length && peak >= FusionResult.IMPACT_BAND_EDGES_G[band + 1]) {
                band++;
            }
            impacts[band]++;
            if (strikeCount == strikeMicros.length) {
                strikeMicros = Arrays.copyOf(strikeMicros, strikeCount * 2);
                strikeBand = Arrays.copyOf(strikeBand, strikeCount * 2);
            }
            strikeMicros[strikeCount] = found[j];
            strikeBand[strikeCount++] = band;
        }
        List<FootStrike> truth = c.footStrikes();
        strikesTrue += truth.size();
        int j = 0;
        for (FootStrike f : truth) {
            while (j < k && found[j] < f.timeMicros() - STRIKE_MATCH_MICROS) {
                j++;
            }
            if (j < k && Math.abs(found[j] - f.timeMicros()) <= STRIKE_MATCH_MICROS) {
                strikesMatched++;
                j++;
            }
        }
        for (Artefact a : c.artefacts()) {
            if (a.kind() != ArtefactKind.CABLE_WHIP && a.kind() != ArtefactKind.KNOCK) {
                continue;
            }
            artefactsTrue++;
            boolean any = false;
            for (int i = 0; i < n && !any; i++) {
                any = accepted[i] && t[i] >= a.startMicros() && t[i] <= a.endMicros();
            }
            if (!any) {
                artefactsRejected++;
            }
        }
    }

    /**
     * Insole impulse per second by the rectangle rule: a sample's summed force holds until the next sample.
     * Intervals longer than {@link #FSR_GAP_MICROS} are gaps and add nothing.
     */
    private void fsr(FsrSamples fsr) {
        for (int i = 0; i < fsr.length(); i++) {
            long t = fsr.timeMicros(i);
            double force = 0;
            for (int c = 0; c < FsrSamples.CHANNELS; c++) {
                force += fsr.force(c, i);
            }
            long prev = fsrPreviousMicros;
            if (prev != Long.MIN_VALUE && t > prev && t - prev <= FSR_GAP_MICROS) {
                int s = secondIndex(Math.floorDiv(prev - originMicros, 1_000_000L));
                if (s >= 0) {
                    impulsePerSecond[s] += (float) (fsrPreviousForce * (t - prev) * 1e-6);
                    secondPresent[s] = true;
                }
            }
            fsrPreviousMicros = t;
            fsrPreviousForce = force;
        }
    }

    /** The array index of second {@code s} since the origin, growing the arrays; -1 before the origin. */
    private int secondIndex(long s) {
        if (s < 0 || s > Integer.MAX_VALUE / 2) {
            return -1;
        }
        int i = (int) s;
        if (i >= secondPresent.length) {
            int n = Math.max(i + 1, secondPresent.length * 2);
            plPerSecond = Arrays.copyOf(plPerSecond, n);
            impulsePerSecond = Arrays.copyOf(impulsePerSecond, n);
            secondPresent = Arrays.copyOf(secondPresent, n);
        }
        return i;
    }

    /** The per-second load, the R peaks and the strikes; call after {@link #finish}. */
    WearableSeries series() {
        int n = 0;
        for (boolean p : secondPresent) {
            n += p ? 1 : 0;
        }
        long[] start = new long[n];
        float[] pl = new float[n];
        float[] impulse = new float[n];
        int k = 0;
        for (int s = 0; s < secondPresent.length; s++) {
            if (secondPresent[s]) {
                start[k] = originMicros + s * 1_000_000L;
                pl[k] = plPerSecond[s];
                impulse[k++] = impulsePerSecond[s];
            }
        }
        return new WearableSeries(player, start, pl, impulse, n, Arrays.copyOf(rPeaks, rPeakCount),
                Arrays.copyOf(strikeMicros, strikeCount), Arrays.copyOf(strikeBand, strikeCount));
    }

    private void ecg(ScalarSeries ecg) {
        if (ecg.length() == 0) {
            return;
        }
        if (qrs == null) {
            ecgRateHz = ecg.spec().nominalRateHz();
            qrs = new QrsDetector(ecgRateHz, (sample, searchBack) -> {
                if (rPeakCount == rPeaks.length) {
                    rPeaks = Arrays.copyOf(rPeaks, rPeakCount * 2);
                }
                rPeaks[rPeakCount++] = ecgTimes[(int) (sample % TIME_RING)];
            });
        }
        QrsDetector d = qrs;
        for (int i = 0; i < ecg.length(); i++) {
            ecgTimes[(int) (ecgSamples % TIME_RING)] = ecg.timeMicros(i);
            ecgSamples++;
            d.accept(ecg.value(i));
        }
    }

    /** PAT of the R peaks whose PPG window is complete: the previous and this chunk's PPG together. */
    private void pat(ScalarSeries ppg) throws BadSensorDataException {
        if (ppg.length() == 0) {
            return;
        }
        ppgRateHz = ppg.spec().nominalRateHz();
        int n = ppgPrev.length + ppg.length();
        long[] t = Arrays.copyOf(ppgPrevT, n);
        float[] v = Arrays.copyOf(ppgPrev, n);
        for (int i = 0; i < ppg.length(); i++) {
            t[ppgPrev.length + i] = ppg.timeMicros(i);
            v[ppgPrev.length + i] = ppg.value(i);
        }
        long ready = t[n - 1] - 1_000_000L;
        int to = patDone;
        while (to < rPeakCount && rPeaks[to] <= ready) {
            to++;
        }
        int from = patDone;
        while (from < to && rPeaks[from] < t[0]) {
            from++;
        }
        if (to > from && strictlyIncreasing(t)) {
            long[] r = Arrays.copyOfRange(rPeaks, from, to);
            double[] out = new double[r.length];
            pulseArrival.estimate(t, v, n, ppgRateHz, r, r.length, Fiducial.INTERSECTING_TANGENTS, out);
            for (int i = 0; i < r.length; i++) {
                if (Double.isFinite(out[i])) {
                    pats.add(out[i]);
                    Beat b = nearestBeat(r[i]);
                    if (b != null && Double.isFinite(b.patMillis())) {
                        patAbsErrorSum += Math.abs(out[i] - b.patMillis());
                        patMatched++;
                    }
                }
            }
        }
        patDone = to;
        ppgPrevT = ppg.copyTimeMicros();
        ppgPrev = ppg.copyValues();
    }

    private static boolean strictlyIncreasing(long[] t) {
        for (int i = 1; i < t.length; i++) {
            if (t[i] <= t[i - 1]) {
                return false;
            }
        }
        return true;
    }

    private @org.jspecify.annotations.Nullable Beat nearestBeat(long rMicros) {
        // true beats arrive in order; a binary search over the list
        int lo = 0;
        int hi = trueBeats.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long m = trueBeats.get(mid).rPeakMicros();
            if (m < rMicros) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        Beat best = null;
        for (int i = Math.max(0, lo - 1); i <= Math.min(trueBeats.size() - 1, lo); i++) {
            Beat b = trueBeats.get(i);
            if (Math.abs(b.rPeakMicros() - rMicros) <= BEAT_MATCH_MICROS
                    && (best == null || Math.abs(b.rPeakMicros() - rMicros) < Math.abs(best.rPeakMicros() - rMicros))) {
                best = b;
            }
        }
        return best;
    }

    FusionResult.PlayerFusion finish() {
        load.flush();
        QrsDetector d = qrs;
        if (d != null) {
            d.flush();
        }
        int minuteCount = minutes.size();
        double[] starts = new double[minuteCount];
        double[] pl = new double[minuteCount];
        for (int i = 0; i < minuteCount; i++) {
            starts[i] = minutes.get(i)[0];
            pl[i] = minutes.get(i)[1];
        }
        int lastMinute = 0;
        for (int m = 0; m < inclinationCount.length; m++) {
            if (inclinationCount[m] > 0) {
                lastMinute = m + 1;
            }
        }
        long[] truthR = new long[trueBeats.size()];
        for (int i = 0; i < truthR.length; i++) {
            truthR[i] = trueBeats.get(i).rPeakMicros();
        }
        long last = Math.max(rPeakCount > 0 ? rPeaks[rPeakCount - 1] : originMicros,
                truthR.length > 0 ? truthR[truthR.length - 1] : originMicros);
        int hrMinutes = (int) Math.max(lastMinute, (last - originMicros) / MINUTE + 1);
        double[] inclination = new double[hrMinutes];
        for (int m = 0; m < hrMinutes; m++) {
            inclination[m] = m < inclinationCount.length && inclinationCount[m] > 0
                    ? inclinationSum[m] / inclinationCount[m] : Double.NaN;
        }
        double[] hr = perMinuteRate(Arrays.copyOf(rPeaks, rPeakCount), hrMinutes);
        double[] hrTrue = truthR.length == 0 ? nans(hrMinutes) : perMinuteRate(truthR, hrMinutes);
        int beatsMatched = 0;
        int j = 0;
        for (long r : truthR) {
            while (j < rPeakCount && rPeaks[j] < r - BEAT_MATCH_MICROS) {
                j++;
            }
            if (j < rPeakCount && Math.abs(rPeaks[j] - r) <= BEAT_MATCH_MICROS) {
                beatsMatched++;
                j++;
            }
        }
        double[] patArray = pats.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double patMedian = patArray.length == 0 ? Double.NaN : patArray[patArray.length / 2];
        return new FusionResult.PlayerFusion(player, starts, pl, load.total(), inclination, strikesDetected,
                strikesTrue, strikesMatched, impacts.clone(),
                accSamples == 0 ? Double.NaN : accAccepted / (double) accSamples, artefactsTrue, artefactsRejected,
                rPeakCount, truthR.length, beatsMatched, hr, hrTrue, patArray.length, patMedian,
                patMatched == 0 ? Double.NaN : patAbsErrorSum / patMatched);
    }

    /** Beats per minute in each whole minute since the origin; a minute with no beat at all is NaN. */
    private double[] perMinuteRate(long[] beats, int minuteCount) {
        int[] count = new int[minuteCount];
        for (long b : beats) {
            int m = (int) ((b - originMicros) / MINUTE);
            if (m >= 0 && m < minuteCount) {
                count[m]++;
            }
        }
        double[] out = new double[minuteCount];
        for (int m = 0; m < minuteCount; m++) {
            out[m] = count[m] == 0 ? Double.NaN : count[m];
        }
        return out;
    }

    private static double[] nans(int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        return out;
    }

}
