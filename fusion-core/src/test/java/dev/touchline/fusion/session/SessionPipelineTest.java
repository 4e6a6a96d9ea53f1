package dev.touchline.fusion.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.fusion.BadSensorDataException;
import dev.touchline.fusion.SimulatedSession;
import dev.touchline.fusion.ahrs.Quaternions;
import dev.touchline.fusion.gait.ImpactBands;
import dev.touchline.fusion.load.PlayerLoadMeter;
import dev.touchline.sensor.simulation.Beat;
import dev.touchline.sensor.simulation.FootStrike;
import dev.touchline.sensor.simulation.Signal;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole-session pipeline against the simulator's truth: 240 s of match play, seed 2024, one wearable player
 * (1 kHz accelerometer, 200 Hz gyro, 500 Hz PPG), fed in interleaved one-second blocks as a device would send them.
 */
class SessionPipelineTest {
    private static SimulatedSession session;

    /** Collects outputs into preallocated arrays (so the pipeline's own allocation can be measured). */
    static final class Recorder implements SessionListener {
        final long[] impactT = new long[20_000];
        final double[] impactPeak = new double[20_000];
        final boolean[] impactConsistent = new boolean[20_000];
        int impacts;
        int rejected;
        long orientations;
        double sumUp;
        double sumEast;
        double sumNorth;
        long linearCount;
        long ppgSamples;
        long ppgNaN;
        final long[] ppgT = new long[200_000];
        final float[] ppg = new float[200_000];
        double minutePl;
        int minutes;

        @Override
        public void onOrientation(long t, double qw, double qx, double qy, double qz, double e, double n, double u) {
            orientations++;
            if (!Double.isNaN(u)) {
                sumUp += u;
                sumEast += e;
                sumNorth += n;
                linearCount++;
            }
        }

        @Override
        public void onImpact(long onset, double peakG, double resultantG, boolean consistent, boolean clipped) {
            if (!consistent) {
                rejected++;
            } else if (impacts < impactT.length) {
                impactT[impacts] = onset;
                impactPeak[impacts] = peakG;
                impactConsistent[impacts] = consistent;
                impacts++;
            }
        }

        @Override
        public void onPlayerLoad(int seconds, long start, double pl, double pl2d, double plv, double covered) {
            if (seconds == 60) {
                minutePl += pl;
                minutes++;
            }
        }

        @Override
        public void onPpg(long t, double v) {
            if (Double.isNaN(v)) {
                ppgNaN++;
            } else if (ppgSamples < ppgT.length) {
                ppgT[(int) ppgSamples] = t;
                ppg[(int) ppgSamples] = (float) v;
            }
            ppgSamples++;
        }
    }

    @BeforeAll
    static void simulate() {
        session = SimulatedSession.simulate(2024, 240, 1000, EnumSet.of(Signal.POSITIONS, Signal.IMU, Signal.PPG));
    }

    /** Feeds [fromMicros, toMicros) of every stream in one-second blocks: accelerometer, then PPG, then gyro. */
    static void feed(SessionPipeline p, SimulatedSession s, long fromMicros, long toMicros)
            throws BadSensorDataException {
        for (long t = fromMicros; t < toMicros; t += 1_000_000) {
            long end = Math.min(toMicros, t + 1_000_000);
            p.acceptAccelerometer(s.accT, s.acc[0], s.acc[1], s.acc[2], lower(s.accT, t), lower(s.accT, end));
            p.acceptPpg(s.ppgT, s.ppg, lower(s.ppgT, t), lower(s.ppgT, end));
            p.acceptGyroscope(s.gyroT, s.gyro[0], s.gyro[1], s.gyro[2], lower(s.gyroT, t), lower(s.gyroT, end));
        }
    }

    static int lower(long[] t, long v) {
        int i = Arrays.binarySearch(t, v);
        return i >= 0 ? i : -i - 1;
    }

    private static SessionPipeline runAll(Recorder r) throws BadSensorDataException {
        SessionPipeline p = SessionPipeline.builder().build(r);
        feed(p, session, session.accT[0], session.accT[session.accT.length - 1] + 1);
        p.finish();
        return p;
    }

    @Test
    void strikesAndImpactSizesMatchTheTruth() throws Exception {
        Recorder r = new Recorder();
        SessionPipeline p = runAll(r);
        int matched = 0;
        int j = 0;
        double sumErr = 0;
        double[] relPeak = new double[session.strikes.size()];
        ImpactBands truthBands = ImpactBands.defaults();
        for (FootStrike f : session.strikes) {
            truthBands.add(f.peakAccelerationMetresPerSecondSquared() / 9.80665);
            while (j < r.impacts && r.impactT[j] < f.timeMicros() - 50_000) {
                j++;
            }
            if (j < r.impacts && Math.abs(r.impactT[j] - f.timeMicros()) <= 50_000) {
                sumErr += (r.impactT[j] - f.timeMicros()) / 1000.0;
                double truthG = f.peakAccelerationMetresPerSecondSquared() / 9.80665;
                relPeak[matched] = Math.abs(r.impactPeak[j] - truthG) / truthG;
                matched++;
                j++;
            }
        }
        double rate = matched / (double) session.strikes.size();
        int extra = r.impacts - matched;
        double[] rel = Arrays.copyOf(relPeak, matched);
        Arrays.sort(rel);
        ImpactBands ours = p.impactBands();
        System.out.printf("session pipeline strikes (seed 2024, 240 s): %d of %d true (%.1f %%), %d extra, timing "
                + "%.2f ms, peak error median %.1f %% / p90 %.1f %%, %d impacts rejected by the gyro%n  truth %s%n"
                + "  ours  %s%n", matched, session.strikes.size(), 100 * rate, extra, sumErr / matched,
                100 * rel[rel.length / 2],
                100 * rel[(int) (0.9 * rel.length)], r.rejected, truthBands, ours);
        assertTrue(session.strikes.size() > 150, "enough strikes: " + session.strikes.size());
        assertTrue(rate >= 0.97, "detection rate " + rate);
        assertTrue(extra <= 0.05 * session.strikes.size(), "extra impacts " + extra);
        assertTrue(Math.abs(sumErr / matched) <= 5, "timing bias");
        assertTrue(rel[rel.length / 2] <= 0.15, "median relative peak error " + rel[rel.length / 2]);
        // band counts: every band within 15 % of the truth's count (or 5 impacts for sparse bands)
        for (int k = 0; k < ours.bandCount(); k++) {
            long want = truthBands.count(k);
            long got = ours.count(k);
            assertTrue(Math.abs(got - want) <= Math.max(5, 0.15 * want), "band " + k + ": " + got + " vs " + want);
        }
    }

    @Test
    void playerLoadIsTheStandaloneMetersAndOrientationIsUnbiased() throws Exception {
        Recorder r = new Recorder();
        SessionPipeline p = runAll(r);
        PlayerLoadMeter meter = PlayerLoadMeter.builder().gapSeconds(0.0025).build();
        for (int i = 0; i < session.accT.length; i++) {
            meter.accept(session.accT[i], session.acc[0][i], session.acc[1][i], session.acc[2][i]);
        }
        assertEquals(meter.total(), p.playerLoad(), 1e-9);
        assertTrue(p.playerLoad() > 10, "PlayerLoad " + p.playerLoad());
        assertEquals(4, r.minutes);
        // every gyro sample after the accelerometer's start is aligned, except those within the alignment delay
        // (plus one decimated accelerometer period, 5 ms) of the end
        assertEquals(session.gyroT.length, p.orientationUpdates() + p.unalignedGyroSamples());
        long endWindow = (p.alignmentDelayMicros() + 5_000) / 5_000 + 1;
        assertTrue(p.unalignedGyroSamples() <= endWindow, "unaligned " + p.unalignedGyroSamples());
        double up = r.sumUp / r.linearCount;
        double east = r.sumEast / r.linearCount;
        double north = r.sumNorth / r.linearCount;
        System.out.printf("session pipeline: PL %.2f; gravity-free earth acceleration mean E %.3f N %.3f U %.3f m/s^2;"
                + " alignment delay %d us%n", p.playerLoad(), east, north, up, p.alignmentDelayMicros());
        // the sensor does not leave the pitch: over minutes its mean acceleration is about zero in every earth axis;
        // gravity left in by an inclination error e would show as g*e (0.17 m/s^2 per degree)
        assertTrue(Math.abs(up) < 0.2 && Math.hypot(east, north) < 0.35, "mean " + east + ", " + north + ", " + up);
    }

    @Test
    void ppgComesOutOnTheCommonGridWithEveryBeat() throws Exception {
        Recorder r = new Recorder();
        runAll(r);
        long span = session.ppgT[session.ppgT.length - 1] - session.ppgT[0];
        assertEquals(span / 10_000.0, r.ppgSamples, 3);
        assertEquals(0, r.ppgNaN);
        for (int i = 0; i < Math.min(r.ppgSamples, r.ppgT.length); i++) {
            assertEquals(0, r.ppgT[i] % 10_000, "grid time");
        }
        int n = (int) Math.min(r.ppgSamples, r.ppgT.length);
        long[] pulses = new long[2000];
        int found = new dev.touchline.fusion.ppg.PulseDetector(0.25).detect(r.ppgT, r.ppg, n, 100, pulses);
        long truth = session.beats.stream().map(Beat::pulseArrivalMicros)
                .filter(t -> t >= session.ppgT[0] && t <= session.ppgT[session.ppgT.length - 1]).count();
        System.out.printf("session pipeline PPG: %d grid samples, %d pulses found at 100 Hz, %d true%n", n, found,
                truth);
        assertTrue(Math.abs(found - truth) <= 0.05 * truth, found + " pulses vs " + truth);
    }

    /** Logs every output with the exact bits of its values. */
    static final class EventLog implements SessionListener {
        final java.util.List<String> events = new java.util.ArrayList<>();

        private static String bits(double... v) {
            StringBuilder b = new StringBuilder();
            for (double d : v) {
                b.append(' ').append(Long.toHexString(Double.doubleToRawLongBits(d)));
            }
            return b.toString();
        }

        @Override
        public void onOrientation(long t, double qw, double qx, double qy, double qz, double e, double n, double u) {
            events.add("o " + t + bits(qw, qx, qy, qz, e, n, u));
        }

        @Override
        public void onImpact(long onset, double peakG, double resultantG, boolean consistent, boolean clipped) {
            events.add("i " + onset + bits(peakG, resultantG) + consistent + clipped);
        }

        @Override
        public void onPlayerLoad(int seconds, long start, double pl, double pl2d, double plv, double covered) {
            events.add("l " + seconds + " " + start + bits(pl, pl2d, plv, covered));
        }

        @Override
        public void onPpg(long t, double v) {
            events.add("p " + t + bits(v));
        }
    }

    @Test
    void aRestoredPipelineContinuesBitForBit() throws Exception {
        // seed 2024 session; the snapshot is taken 97.3 s in, mid-stride and mid-second
        long t0 = session.accT[0];
        long split = t0 + 97_300_000L;
        long end = session.accT[session.accT.length - 1] + 1;
        EventLog whole = new EventLog();
        SessionPipeline a = SessionPipeline.builder().build(whole);
        feed(a, session, t0, split);
        int before = whole.events.size();
        feed(a, session, split, end);
        a.finish();

        SessionPipeline b = SessionPipeline.builder().build(new EventLog());
        feed(b, session, t0, split);
        SessionPipeline.Snapshot snap = b.snapshot();
        EventLog rest = new EventLog();
        SessionPipeline c = SessionPipeline.builder().restore(snap, rest);
        assertEquals(snap, c.snapshot(), "a restored pipeline hands out the same state");
        feed(c, session, split, end);
        c.finish();

        assertTrue(before > 1000 && whole.events.size() - before > 1000, "events on both sides of the split");
        assertEquals(whole.events.subList(before, whole.events.size()), rest.events);
        assertEquals(Double.doubleToRawLongBits(a.playerLoad()), Double.doubleToRawLongBits(c.playerLoad()));
        assertEquals(a.impactCount(), c.impactCount());
        assertEquals(a.impactBands().toString(), c.impactBands().toString());
        assertEquals(a.orientationUpdates(), c.orientationUpdates());
        double[] qa = new double[4];
        double[] qc = new double[4];
        a.orientation(qa);
        c.orientation(qc);
        assertTrue(Arrays.equals(qa, qc), Arrays.toString(qa) + " vs " + Arrays.toString(qc));
        // a snapshot does not fit a pipeline of another configuration
        assertThrows(IllegalArgumentException.class,
                () -> SessionPipeline.builder().bufferSeconds(5).restore(snap, new EventLog()));
    }

    /** Every orientation report: time and quaternion. */
    static final class QuaternionLog implements SessionListener {
        final long[] t = new long[60_000];
        final double[][] q = new double[60_000][];
        int n;
        double sumUp;
        long linear;

        @Override
        public void onOrientation(long time, double qw, double qx, double qy, double qz, double e, double no,
                double u) {
            t[n] = time;
            q[n++] = new double[] {qw, qx, qy, qz};
            if (!Double.isNaN(u)) {
                sumUp += u;
                linear++;
            }
        }
    }

    @Test
    void pairedOrientationFollowsTheSingleSampleFilter() throws Exception {
        // seed 2024 session, 240 s of running; the paired filter reports every gyro sample too
        long t0 = session.accT[0];
        long end = session.accT[session.accT.length - 1] + 1;
        QuaternionLog single = new QuaternionLog();
        SessionPipeline a = SessionPipeline.builder().pairedOrientation(false).build(single);
        feed(a, session, t0, end);
        a.finish();
        QuaternionLog paired = new QuaternionLog();
        SessionPipeline b = SessionPipeline.builder().pairedOrientation(true).build(paired);
        feed(b, session, t0, end);
        b.finish();
        assertEquals(a.orientationUpdates(), b.orientationUpdates());
        assertEquals(single.n, paired.n);
        double worst = 0;
        double sum2 = 0;
        for (int i = 0; i < single.n; i++) {
            assertEquals(single.t[i], paired.t[i]);
            double[] x = single.q[i];
            double[] y = paired.q[i];
            double d = Math.toDegrees(Quaternions.inclinationAngle(x[0], x[1], x[2], x[3], y[0], y[1], y[2], y[3]));
            worst = Math.max(worst, d);
            sum2 += d * d;
        }
        double rms = Math.sqrt(sum2 / single.n);
        System.out.printf("paired against single-sample orientation: inclination difference RMS %.4f deg, "
                + "max %.4f deg; mean up acceleration %.4f against %.4f m/s^2%n", rms, worst,
                paired.sumUp / paired.linear, single.sumUp / single.linear);
        assertTrue(rms < 0.1 && worst < 0.5, "inclination difference RMS " + rms + " max " + worst + " deg");
        assertTrue(Math.abs(paired.sumUp / paired.linear) < 0.2, "mean up " + paired.sumUp / paired.linear);

        // and a paired pipeline restored mid-session continues bit for bit
        long split = t0 + 97_300_000L;
        SessionPipeline c = SessionPipeline.builder().pairedOrientation(true).build(new QuaternionLog());
        feed(c, session, t0, split);
        QuaternionLog rest = new QuaternionLog();
        SessionPipeline d = SessionPipeline.builder().pairedOrientation(true).restore(c.snapshot(), rest);
        feed(d, session, split, end);
        d.finish();
        int offset = paired.n - rest.n;
        assertTrue(offset > 1000 && rest.n > 1000, "reports on both sides of the split");
        for (int i = 0; i < rest.n; i++) {
            assertEquals(paired.t[offset + i], rest.t[i]);
            assertTrue(Arrays.equals(paired.q[offset + i], rest.q[i]), "report " + i + " after the split");
        }
    }

    @Test
    void allocatesNothingPerSample() throws Exception {
        // through reflection: the tests compile against the module, which does not read jdk.management
        Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                .invoke(null);
        Method allocated = Class.forName("com.sun.management.ThreadMXBean")
                .getMethod("getCurrentThreadAllocatedBytes");
        Recorder r = new Recorder();
        SessionPipeline p = SessionPipeline.builder().build(r);
        long t0 = session.accT[0];
        feed(p, session, t0, t0 + 60_000_000); // warm-up
        long before = (long) allocated.invoke(bean);
        feed(p, session, t0 + 60_000_000, t0 + 180_000_000);
        long bytes = (long) allocated.invoke(bean) - before;
        long samples = 120L * (1000 + 200 + 500);
        System.out.printf("session pipeline allocation: %d bytes over %d samples%n", bytes, samples);
        // a few hundred bytes of JVM noise at most; one object per sample would be megabytes
        assertTrue(bytes < 16_384, bytes + " bytes allocated over " + samples + " samples");
    }

    @Test
    void badInputIsAnErrorOrAGap() throws Exception {
        SessionPipeline p = SessionPipeline.builder().build(new SessionListener() { });
        p.acceptAccelerometer(1_000_000, 0, 0, 9.8);
        assertThrows(BadSensorDataException.class, () -> p.acceptAccelerometer(1_001_000, Double.NaN, 0, 9.8));
        assertThrows(BadSensorDataException.class, () -> p.acceptAccelerometer(999_000, 0, 0, 9.8));
        assertThrows(BadSensorDataException.class, () -> p.acceptGyroscope(1_000_000, Double.POSITIVE_INFINITY, 0,
                0));
        assertThrows(BadSensorDataException.class, () -> p.acceptPpg(1_000_000, Double.NaN));
        // a 1 kHz accelerometer that really runs at 1.5 kHz
        SessionPipeline fast = SessionPipeline.builder().build(new SessionListener() { });
        BadSensorDataException e = assertThrows(BadSensorDataException.class, () -> {
            for (int i = 0; i < 3000; i++) {
                fast.acceptAccelerometer(1_000_000 + i * 667L, 0, 0, 9.8);
            }
        });
        assertTrue(e.getMessage().contains("nominal"), e.getMessage());
        // a gap is counted, not bridged; clipped samples are counted
        SessionPipeline gappy = SessionPipeline.builder().build(new SessionListener() { });
        for (int i = 0; i < 2000; i++) {
            long t = 1_000_000 + i * 1000L + (i >= 1000 ? 500_000 : 0);
            gappy.acceptAccelerometer(t, i == 10 ? 16 * 9.80665 : 0, 0, 9.8);
        }
        long[] gaps = new long[3];
        gappy.gaps(gaps);
        assertEquals(1, gaps[0]);
        assertEquals(1, gappy.clippedAccelerometerSamples());
        gappy.finish();
        assertThrows(IllegalStateException.class, () -> gappy.acceptAccelerometer(9_000_000, 0, 0, 9.8));
    }
}
