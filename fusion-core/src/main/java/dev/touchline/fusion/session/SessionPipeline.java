package dev.touchline.fusion.session;

import static dev.touchline.fusion.internal.Checks.check;

import dev.touchline.fusion.BadSensorDataException;
import dev.touchline.fusion.StreamState;
import dev.touchline.fusion.ahrs.ComplementaryFilter;
import dev.touchline.fusion.ahrs.InertialLowPassFilter;
import dev.touchline.fusion.ahrs.LinearAcceleration;
import dev.touchline.fusion.ahrs.OrientationFilter;
import dev.touchline.fusion.ahrs.OrientationState;
import dev.touchline.fusion.ahrs.Quaternions;
import dev.touchline.fusion.filter.IirDesign;
import dev.touchline.fusion.filter.StreamingResampler;
import dev.touchline.fusion.gait.ImpactBands;
import dev.touchline.fusion.gait.ImpactDetector;
import dev.touchline.fusion.load.PlayerLoadMeter;
import dev.touchline.sensor.ScalarSeries;
import dev.touchline.sensor.TriaxialSeries;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One player's wearable session, streaming: a tibia accelerometer (default 1 kHz), gyroscope (200 Hz) and an
 * upper-arm PPG (500 Hz), each at its own rate and with its own time stamps, through
 * <ol>
 *   <li><b>input checks</b>: non-finite samples, time going backwards, and a rate (over any stretch of at least
 *       1 s without a gap) more than {@code rateTolerance} from nominal raise {@link BadSensorDataException};
 *       intervals beyond {@code gapFactor} nominal periods are counted as gaps and never bridged; clipped
 *       accelerometer and over-range gyro samples are counted;</li>
 *   <li><b>alignment</b>: the accelerometer, decimated and low-passed by PlayerLoad's filters (at 1 kHz: the
 *       impact gate's 60 Hz low-pass as anti-alias filter, every 5th sample, causal Butterworth order 4 at 20 Hz on
 *       those), is read at each gyro time plus the filters' 0 Hz group delay, so the orientation filter sees both
 *       sensors at the same instant; the PPG goes through a {@link StreamingResampler} onto a
 *       {@code ppgOutputRateHz} grid shared with every other stream resampled to that rate;</li>
 *   <li><b>orientation</b>: by default an {@link InertialLowPassFilter} (accelerometer averaged in a
 *       quasi-inertial frame, rest-based gyro bias; a {@link ComplementaryFilter} loses the inclination in sustained
 *       running, where no single sample is gravity) with per-sample dt, updated once per pair of gyro samples
 *       (both rotations integrated, the accelerometer step at half the gyro rate; see
 *       {@link Builder#pairedOrientation}), re-initialised from the accelerometer after a gyro gap; every gyro
 *       sample is reported with its orientation and the gravity-free earth-frame acceleration;</li>
 *   <li><b>gating and impacts</b>: an {@link ImpactDetector} (noise-aware jerk gate, axial test, yaw veto, and the
 *       swing-phase consistency test: an impact while the shank swings back is the other foot's landing), impact sizes counted in {@link ImpactBands} (foot strikes only: impacts that pass
 *       the consistency test);</li>
 *   <li><b>PlayerLoad</b>: a {@link PlayerLoadMeter} (low-pass, 100 Hz grid, PL / PL-2D / PL-vertical per second,
 *       per minute and in total).</li>
 * </ol>
 * Streams may be fed in blocks in any interleaving as long as none runs more than {@code bufferSeconds} ahead of
 * another; outputs go to the {@link SessionListener} as they become final. Call {@link #finish()} at the end. No
 * allocation per sample (after construction). Not thread-safe: one pipeline per player.
 */
public final class SessionPipeline {
    private final SessionListener listener;
    private final StreamCheck accCheck;
    private final StreamCheck gyroCheck;
    private final StreamCheck ppgCheck;
    private final PlayerLoadMeter load;
    private final ImpactDetector impacts;
    private final ImpactBands bands;
    private final OrientationFilter ahrs;
    /** The orientation filter when it is updated from pairs of gyro samples, else null. */
    private final @Nullable InertialLowPassFilter pairs;
    private final double[] mid = new double[4];
    private final StreamingResampler ppg;
    private static final int BLOCK = 256;
    private static final int GYRO_CHUNK = 64;
    private static final String KIND = "SessionPipeline";
    private final AccelerometerKernel kernel;
    private final long[] bt = new long[BLOCK];
    private final double[] bx = new double[BLOCK];
    private final double[] by = new double[BLOCK];
    private final double[] bz = new double[BLOCK];
    private final double[][] gate = new double[3][BLOCK];
    private final long[] keptT = new long[BLOCK];
    private final double[][] kept = new double[3][BLOCK];
    private final boolean[] keptRestart = new boolean[BLOCK];
    private long lastAccT = Long.MIN_VALUE;
    private final @Nullable IirDesign antiAlias;
    private final IirDesign alignDesign;
    private final long alignDelayMicros;
    private final long gyroGapMicros;
    private final double accClip;
    private final double gyroClip;

    private final int accCap;
    private final long[] aT;
    private final double[] aX;
    private final double[] aY;
    private final double[] aZ;
    private final boolean[] aAfterGap;
    private long aCount;
    private long cursor = -1;
    private long firstAccT = Long.MIN_VALUE;

    private final int gyroCap;
    private final long[] gT;
    private final double[] gX;
    private final double[] gY;
    private final double[] gZ;
    private long gHead;
    private long gTail;

    private long lastAhrsT = Long.MIN_VALUE;
    private final double[] earth = new double[3];

    private long clippedAcc;
    private long overRangeGyro;
    private long unalignedGyro;
    private long orientationUpdates;
    private boolean finished;

    private SessionPipeline(Builder b, SessionListener listener) {
        this.listener = listener;
        this.accCheck = new StreamCheck("accelerometer", b.accRate, b.gapFactor, 1, b.rateTolerance);
        this.gyroCheck = new StreamCheck("gyroscope", b.gyroRate, b.gapFactor, 1, b.rateTolerance);
        this.ppgCheck = new StreamCheck("PPG", b.ppgRate, b.gapFactor, 1, b.rateTolerance);
        this.load = PlayerLoadMeter.builder().inputRateHz(b.accRate).gapSeconds(b.gapFactor / b.accRate)
                .build(listener::onPlayerLoad);
        this.bands = new ImpactBands(b.bandEdges);
        ImpactDetector.Builder ib = ImpactDetector.builder().sampleRateHz(b.accRate).gyroRateHz(b.gyroRate)
                .noiseDensity(b.accNoiseDensity).rangeMetresPerSecondSquared(b.accRange)
                .maxRateJumpDegreesPerSecond(b.maxRateJump).bufferSeconds(b.bufferSeconds)
                .minimumJerkGPerSecond(b.minimumJerk).refractorySeconds(b.refractorySeconds)
                .swingPhase(2, 1, b.swingLimit);
        this.impacts = ib.build((onset, peak, resultant, consistent, clipped) -> {
            if (consistent) {
                bands.add(peak);
            }
            listener.onImpact(onset, peak, resultant, consistent, clipped);
        });
        this.ahrs = b.orientation != null ? b.orientation : InertialLowPassFilter.builder().build();
        this.pairs = b.pairedOrientation && ahrs instanceof InertialLowPassFilter f ? f : null;
        this.ppg = StreamingResampler.builder().inputRateHz(b.ppgRate).outputRateHz(b.ppgOutputRate)
                .gapFactor(b.gapFactor).build(listener::onPpg);
        // the orientation filter reads PlayerLoad's low-pass: one filter fewer per sample, and a 20 Hz accelerometer
        // is all an inclination correction at 200 Hz needs
        this.antiAlias = load.antiAlias().orElse(null);
        this.alignDesign = load.lowPass();
        this.kernel = new AccelerometerKernel(antiAlias, load.decimation(), alignDesign, impacts.filter(),
                load.gapMicros());
        double delay = alignDesign.groupDelaySeconds(0) + (antiAlias == null ? 0 : antiAlias.groupDelaySeconds(0));
        this.alignDelayMicros = Math.round(delay * 1e6);
        this.gyroGapMicros = Math.round(b.gapFactor * 1e6 / b.gyroRate);
        this.accClip = 0.999 * b.accRange;
        this.gyroClip = 0.98 * b.gyroRange;
        this.accCap = powerOfTwo((b.bufferSeconds + 0.2) * b.accRate / load.decimation() + 8);
        this.aT = new long[accCap];
        this.aX = new double[accCap];
        this.aY = new double[accCap];
        this.aZ = new double[accCap];
        this.aAfterGap = new boolean[accCap];
        this.gyroCap = powerOfTwo((b.bufferSeconds + 0.2) * b.gyroRate + 8);
        this.gT = new long[gyroCap];
        this.gX = new double[gyroCap];
        this.gY = new double[gyroCap];
        this.gZ = new double[gyroCap];
    }

    /** A builder with the defaults given on its setters. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Adds one accelerometer sample.
     *
     * @param timeMicros sample time, µs since the epoch, increasing
     * @param ax along sensor x (the tibia, up), m/s²
     * @param ay along sensor y, m/s²
     * @param az along sensor z, m/s²
     * @throws BadSensorDataException for a non-finite value, time not increasing, a rate far from nominal, or the
     *         gyroscope lagging by more than the buffer
     */
    public void acceptAccelerometer(long timeMicros, double ax, double ay, double az) throws BadSensorDataException {
        bt[0] = timeMicros;
        bx[0] = ax;
        by[0] = ay;
        bz[0] = az;
        accelerometerBlock(1);
    }

    /** Checks and processes the first n samples of the block scratch arrays. */
    private void accelerometerBlock(int n) throws BadSensorDataException {
        checkOpen();
        if (n == 0) {
            return;
        }
        long last = lastAccT;
        double clip = accClip;
        long clipped = 0;
        for (int i = 0; i < n; i++) {
            double x = bx[i];
            double y = by[i];
            double z = bz[i];
            if (!(Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z))) {
                throw new BadSensorDataException("accelerometer sample at " + bt[i] + " µs is not finite: " + x
                        + ", " + y + ", " + z);
            }
            if (last != Long.MIN_VALUE && bt[i] <= last) {
                throw new BadSensorDataException("accelerometer: time stamp " + bt[i] + " µs does not increase over "
                        + last + " µs");
            }
            last = bt[i];
            if (Math.abs(x) >= clip || Math.abs(y) >= clip || Math.abs(z) >= clip) {
                clipped++;
            }
        }
        accCheck.check(bt, 0, n);
        clippedAcc += clipped;
        checkedBlock(n);
    }

    /** Processes the first n samples of the block scratch arrays, checked and counted. */
    private void checkedBlock(int n) throws BadSensorDataException {
        int m = kernel.process(bt, bx, by, bz, n, gate, keptT, kept, keptRestart);
        impacts.acceptLowPassed(bt, bx, by, bz, gate[0], gate[1], gate[2], n);
        double[] kx = kept[0];
        double[] ky = kept[1];
        double[] kz = kept[2];
        for (int i = 0; i < m; i++) {
            long t = keptT[i];
            load.acceptLowPassed(t, kx[i], ky[i], kz[i], keptRestart[i]);
            if (aCount - accCap >= cursor && cursor >= 0 && gTail > gHead) {
                throw new BadSensorDataException("gyroscope stream lags the accelerometer by more than the buffer "
                        + "at " + t + " µs");
            }
            if (aCount == 0) {
                firstAccT = t;
            }
            int k = (int) (aCount & (accCap - 1));
            aT[k] = t;
            aX[k] = kx[i];
            aY[k] = ky[i];
            aZ[k] = kz[i];
            aAfterGap[k] = keptRestart[i];
            aCount++;
        }
        lastAccT = bt[n - 1];
        drainGyro();
    }

    /**
     * Adds one gyroscope sample.
     *
     * @param timeMicros sample time, µs since the epoch, increasing
     * @param gx rate about sensor x (the tibia), rad/s
     * @param gy rate about sensor y, rad/s
     * @param gz rate about sensor z, rad/s
     * @throws BadSensorDataException for a non-finite value, time not increasing, a rate far from nominal, or the
     *         accelerometer lagging by more than the buffer
     */
    public void acceptGyroscope(long timeMicros, double gx, double gy, double gz) throws BadSensorDataException {
        if (!(Double.isFinite(gx) && Double.isFinite(gy) && Double.isFinite(gz))) {
            throw new BadSensorDataException("gyroscope sample at " + timeMicros + " µs is not finite: " + gx + ", "
                    + gy + ", " + gz);
        }
        checkOpen();
        gyroCheck.check(timeMicros);
        if (Math.abs(gx) >= gyroClip || Math.abs(gy) >= gyroClip || Math.abs(gz) >= gyroClip) {
            overRangeGyro++;
        }
        impacts.acceptGyroscope(timeMicros, gx, gy, gz);
        if (gTail - gHead == gyroCap) {
            throw new BadSensorDataException("accelerometer stream lags the gyroscope by more than the buffer at "
                    + timeMicros + " µs");
        }
        int k = (int) (gTail & (gyroCap - 1));
        gT[k] = timeMicros;
        gX[k] = gx;
        gY[k] = gy;
        gZ[k] = gz;
        gTail++;
        drainGyro();
    }

    /**
     * Adds one PPG sample.
     *
     * @param timeMicros sample time, µs since the epoch, increasing (gaps of duty-cycled capture allowed)
     * @param value PPG value, any unit, finite
     * @throws BadSensorDataException for a non-finite value, time not increasing, or a rate far from nominal
     */
    public void acceptPpg(long timeMicros, double value) throws BadSensorDataException {
        if (!Double.isFinite(value)) {
            throw new BadSensorDataException("PPG sample at " + timeMicros + " µs is not finite (" + value + ")");
        }
        checkOpen();
        ppgCheck.check(timeMicros);
        ppg.accept(timeMicros, value);
    }

    /** Adds a block of accelerometer samples [from, to) (arrays Not modified). */
    public void acceptAccelerometer(long[] timeMicros, float[] x, float[] y, float[] z, int from, int to)
            throws BadSensorDataException {
        checkOpen();
        for (int i = from; i < to; i += BLOCK) {
            int n = Math.min(BLOCK, to - i);
            // copy, finite and time-order checks and the clip count in one pass
            long last = lastAccT;
            double clip = accClip;
            long clipped = 0;
            for (int k = 0; k < n; k++) {
                long t = timeMicros[i + k];
                float fx = x[i + k];
                float fy = y[i + k];
                float fz = z[i + k];
                if (!(Float.isFinite(fx) && Float.isFinite(fy) && Float.isFinite(fz))) {
                    throw new BadSensorDataException("accelerometer sample at " + t + " µs is not finite: " + fx
                            + ", " + fy + ", " + fz);
                }
                if (last != Long.MIN_VALUE && t <= last) {
                    throw new BadSensorDataException("accelerometer: time stamp " + t + " µs does not increase over "
                            + last + " µs");
                }
                last = t;
                if (Math.abs(fx) >= clip || Math.abs(fy) >= clip || Math.abs(fz) >= clip) {
                    clipped++;
                }
                bt[k] = t;
                bx[k] = fx;
                by[k] = fy;
                bz[k] = fz;
            }
            accCheck.check(bt, 0, n);
            clippedAcc += clipped;
            checkedBlock(n);
        }
    }

    /** Adds a block of gyroscope samples [from, to) (arrays Not modified). */
    public void acceptGyroscope(long[] timeMicros, float[] x, float[] y, float[] z, int from, int to)
            throws BadSensorDataException {
        for (int i = from; i < to; i++) {
            if (!(Float.isFinite(x[i]) && Float.isFinite(y[i]) && Float.isFinite(z[i]))) {
                throw new BadSensorDataException("gyroscope sample at " + timeMicros[i] + " µs is not finite: "
                        + x[i] + ", " + y[i] + ", " + z[i]);
            }
        }
        checkOpen();
        // in chunks that fit the alignment buffer: checks, impacts and buffering per chunk, then alignment
        for (int c = from; c < to; c += GYRO_CHUNK) {
            int end = Math.min(to, c + GYRO_CHUNK);
            gyroCheck.check(timeMicros, c, end);
            double clip = gyroClip;
            for (int i = c; i < end; i++) {
                if (Math.abs(x[i]) >= clip || Math.abs(y[i]) >= clip || Math.abs(z[i]) >= clip) {
                    overRangeGyro++;
                }
            }
            impacts.acceptGyroscope(timeMicros, x, y, z, c, end);
            if (gTail - gHead + (end - c) > gyroCap) {
                throw new BadSensorDataException("accelerometer stream lags the gyroscope by more than the buffer "
                        + "at " + timeMicros[c] + " µs");
            }
            for (int i = c; i < end; i++) {
                int k = (int) (gTail & (gyroCap - 1));
                gT[k] = timeMicros[i];
                gX[k] = x[i];
                gY[k] = y[i];
                gZ[k] = z[i];
                gTail++;
            }
            drainGyro();
        }
    }

    /** Adds a block of PPG samples [from, to) (arrays Not modified). */
    public void acceptPpg(long[] timeMicros, float[] values, int from, int to) throws BadSensorDataException {
        for (int i = from; i < to; i++) {
            if (!Float.isFinite(values[i])) {
                throw new BadSensorDataException("PPG sample at " + timeMicros[i] + " µs is not finite ("
                        + values[i] + ")");
            }
        }
        checkOpen();
        ppgCheck.check(timeMicros, from, to);
        ppg.accept(timeMicros, values, from, to);
    }

    /** Adds a whole accelerometer series (m/s²). */
    public void acceptAccelerometer(TriaxialSeries s) throws BadSensorDataException {
        for (int i = 0; i < s.length(); i += BLOCK) {
            int n = Math.min(BLOCK, s.length() - i);
            for (int k = 0; k < n; k++) {
                bt[k] = s.timeMicros(i + k);
                bx[k] = s.x(i + k);
                by[k] = s.y(i + k);
                bz[k] = s.z(i + k);
            }
            accelerometerBlock(n);
        }
    }

    /** Adds a whole gyroscope series (rad/s). */
    public void acceptGyroscope(TriaxialSeries s) throws BadSensorDataException {
        for (int i = 0; i < s.length(); i++) {
            acceptGyroscope(s.timeMicros(i), s.x(i), s.y(i), s.z(i));
        }
    }

    /** Adds a whole PPG series. */
    public void acceptPpg(ScalarSeries s) throws BadSensorDataException {
        for (int i = 0; i < s.length(); i++) {
            acceptPpg(s.timeMicros(i), s.value(i));
        }
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("the session has finished; build a new pipeline for more samples");
        }
    }

    private void drainGyro() {
        drainGyro(pairs != null);
    }

    /** Orientation for every gyro sample the accelerometer has passed; pairs of them when paired. */
    private void drainGyro(boolean paired) {
        if (aCount == 0 || gTail == gHead) {
            return;
        }
        long newest = aT[(int) ((aCount - 1) & (accCap - 1))];
        while (gTail > gHead) {
            int g = (int) (gHead & (gyroCap - 1));
            long t = gT[g];
            long target = t + alignDelayMicros;
            if (newest < target) {
                return; // wait for the accelerometer to pass this time
            }
            if (paired && cursor >= 0 && lastAhrsT != Long.MIN_VALUE && t - lastAhrsT <= gyroGapMicros) {
                if (gTail - gHead < 2) {
                    return; // wait for the partner (finish() takes a lone sample singly)
                }
                int g2 = (int) ((gHead + 1) & (gyroCap - 1));
                long t2 = gT[g2];
                if (newest < t2 + alignDelayMicros) {
                    return;
                }
                if (t2 - t <= gyroGapMicros && align(target) && align2(t2 + alignDelayMicros)) {
                    gHead += 2;
                    pair(t, g, t2, g2);
                    continue;
                }
            }
            gHead++;
            if (cursor < 0) {
                if (firstAccT > target) {
                    unalignedGyro++; // before the accelerometer started
                    continue;
                }
                cursor = 0;
            }
            align(target);
            orientation(t, gX[g], gY[g], gZ[g], alX, alY, alZ);
        }
    }

    // the accelerometer interpolated at an aligned time (NaN after a gap); the second set for a pair's partner
    private double alX;
    private double alY;
    private double alZ;
    private double al2X;
    private double al2Y;
    private double al2Z;

    /** Moves the cursor to the target time and interpolates into alX..; returns whether the value is finite. */
    private boolean align(long target) {
        while (cursor + 1 < aCount && aT[(int) ((cursor + 1) & (accCap - 1))] <= target) {
            cursor++;
        }
        int i0 = (int) (cursor & (accCap - 1));
        if (aT[i0] == target) {
            alX = aX[i0];
            alY = aY[i0];
            alZ = aZ[i0];
        } else {
            int i1 = (int) ((cursor + 1) & (accCap - 1));
            if (aAfterGap[i1]) {
                alX = Double.NaN;
                alY = Double.NaN;
                alZ = Double.NaN;
                return false;
            } else {
                double u = (target - aT[i0]) / (double) (aT[i1] - aT[i0]);
                alX = aX[i0] + u * (aX[i1] - aX[i0]);
                alY = aY[i0] + u * (aY[i1] - aY[i0]);
                alZ = aZ[i0] + u * (aZ[i1] - aZ[i0]);
            }
        }
        return true;
    }

    /**
     * As {@link #align} for a pair's partner, into al2X..; leaves the cursor where it was when the value is not
     * finite, so that the first sample can still be taken singly (its own align is then repeated, same result).
     */
    private boolean align2(long target) {
        long keep = cursor;
        double x = alX;
        double y = alY;
        double z = alZ;
        boolean ok = align(target);
        al2X = alX;
        al2Y = alY;
        al2Z = alZ;
        alX = x;
        alY = y;
        alZ = z;
        if (!ok) {
            cursor = keep;
        }
        return ok;
    }

    private void pair(long t1, int g1, long t2, int g2) {
        InertialLowPassFilter f = pairs;
        f.updatePair(gX[g1], gY[g1], gZ[g1], (t1 - lastAhrsT) * 1e-6, gX[g2], gY[g2], gZ[g2], (t2 - t1) * 1e-6,
                al2X, al2Y, al2Z);
        lastAhrsT = t2;
        orientationUpdates += 2;
        double[] q = mid;
        f.pairMidpoint(q);
        Quaternions.sensorToEarth(q[0], q[1], q[2], q[3], alX, alY, alZ, earth);
        listener.onOrientation(t1, q[0], q[1], q[2], q[3], earth[0], earth[1],
                earth[2] - LinearAcceleration.STANDARD_GRAVITY);
        LinearAcceleration.gravityFreeEarth(f, al2X, al2Y, al2Z, earth);
        listener.onOrientation(t2, f.qw(), f.qx(), f.qy(), f.qz(), earth[0], earth[1], earth[2]);
    }

    private void orientation(long t, double gx, double gy, double gz, double ax, double ay, double az) {
        boolean haveAcc = !Double.isNaN(ax);
        if (lastAhrsT == Long.MIN_VALUE || t - lastAhrsT > gyroGapMicros) {
            if (!haveAcc) {
                return; // no attitude to start from yet
            }
            ahrs.initialise(ax, ay, az); // start, or restart after a gyro gap: integration across it is wrong
        } else if (haveAcc) {
            ahrs.update(gx, gy, gz, ax, ay, az, (t - lastAhrsT) * 1e-6);
        } else {
            ahrs.update(gx, gy, gz, 0, 0, 0, (t - lastAhrsT) * 1e-6); // gyro alone across an accelerometer gap
        }
        lastAhrsT = t;
        orientationUpdates++;
        if (haveAcc) {
            LinearAcceleration.gravityFreeEarth(ahrs, ax, ay, az, earth);
            listener.onOrientation(t, ahrs.qw(), ahrs.qx(), ahrs.qy(), ahrs.qz(), earth[0], earth[1], earth[2]);
        } else {
            listener.onOrientation(t, ahrs.qw(), ahrs.qx(), ahrs.qy(), ahrs.qz(), Double.NaN, Double.NaN,
                    Double.NaN);
        }
    }

    /**
     * Ends the session: decides the impacts still waiting for the gyroscope, reports the partly filled PlayerLoad
     * second and minute. Gyro samples later than the last accelerometer sample minus the alignment delay are not
     * aligned ({@link #unalignedGyroSamples()}). Further samples are refused with {@link IllegalStateException}.
     */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        drainGyro(false); // a lone sample waiting for its partner is taken singly
        impacts.finish();
        load.flush();
        unalignedGyro += gTail - gHead;
        gHead = gTail;
    }

    /** Accumulated PlayerLoad. */
    public double playerLoad() {
        return load.total();
    }

    /** Accumulated PlayerLoad-2D. */
    public double playerLoad2d() {
        return load.total2d();
    }

    /** Accumulated PlayerLoad-vertical (the tibia axis). */
    public double playerLoadVertical() {
        return load.totalVertical();
    }

    /** The processing before the PlayerLoad sum, to store with the values. */
    public String playerLoadFilter() {
        return load.filterDescription();
    }

    /** A copy of the foot-strike counts per g-band so far. */
    public ImpactBands impactBands() {
        return bands.copy();
    }

    /** Impacts reported so far (foot strikes and inconsistent ones). */
    public long impactCount() {
        return impacts.impactCount();
    }

    /** Impacts reported so far that failed the consistency test (counted apart from the strikes). */
    public long inconsistentImpactCount() {
        return impacts.inconsistentCount();
    }

    /** The jerk threshold of the impact gate, g/s. */
    public double jerkThresholdGPerSecond() {
        return impacts.jerkThresholdGPerSecond();
    }

    /** The current orientation, w, x, y, z (sensor to earth, ENU), into out; out is Modified. */
    public void orientation(double[] out) {
        ahrs.quaternion(out, 0);
    }

    /** The orientation filter's gyro-bias estimate, rad/s, into out; out is Modified. */
    public void gyroBias(double[] out) {
        if (ahrs instanceof InertialLowPassFilter f) {
            f.gyroBias(out);
        } else if (ahrs instanceof ComplementaryFilter f) {
            f.gyroBias(out);
        } else {
            java.util.Arrays.fill(out, 0, 3, Double.NaN);
        }
    }

    /** Orientation updates made (one per aligned gyro sample). */
    public long orientationUpdates() {
        return orientationUpdates;
    }

    /** Gyro samples that could not be aligned with the accelerometer (before its start, after its end). */
    public long unalignedGyroSamples() {
        return unalignedGyro;
    }

    /** Accelerometer samples at the sensor's range (clipped). */
    public long clippedAccelerometerSamples() {
        return clippedAcc;
    }

    /** Gyro samples at 98 % of the range or more (over-range: the orientation filter recovers after them). */
    public long overRangeGyroSamples() {
        return overRangeGyro;
    }

    /** Gaps seen in the accelerometer, gyroscope and PPG streams, in that order, into out; out is Modified. */
    public void gaps(long[] out) {
        out[0] = accCheck.gaps();
        out[1] = gyroCheck.gaps();
        out[2] = ppgCheck.gaps();
    }

    /** The accelerometer low-pass used for alignment and its compensated group delay, µs. */
    public long alignmentDelayMicros() {
        return alignDelayMicros;
    }

    /** A description of every filter in the pipeline, to store alongside its outputs. */
    public String describe() {
        String decimated = antiAlias == null ? "" : antiAlias.describe() + ", one sample in " + load.decimation()
                + " kept, ";
        return "alignment: accelerometer " + decimated + alignDesign.describe() + ", read at gyro time + "
                + alignDelayMicros
                + " µs (its 0 Hz group delay); impacts: " + impacts.filter().describe() + ", jerk threshold "
                + String.format(java.util.Locale.ROOT, "%.1f", impacts.jerkThresholdGPerSecond()) + " g/s; "
                + "PlayerLoad: " + load.filterDescription() + "; PPG: " + ppg.describe();
    }

    /**
     * The pipeline's state as a plain value (DESIGN §2), e.g. to keep a player's session in Flink keyed state: a
     * pipeline rebuilt from it with {@link Builder#restore(Snapshot, SessionListener)} and fed the rest of the
     * streams reports exactly what this one would have reported. Outputs already reported are not repeated. Not
     * part of the state: the configuration and the listener.
     */
    public Snapshot snapshot() {
        StreamState.Writer w = StreamState.writer(KIND);
        accCheck.snapshot(w);
        gyroCheck.snapshot(w);
        ppgCheck.snapshot(w);
        kernel.snapshot(w);
        w.add(lastAccT).add(aCount).add(cursor).add(firstAccT).add(gHead).add(gTail).add(lastAhrsT).add(clippedAcc)
                .add(overRangeGyro).add(unalignedGyro).add(orientationUpdates).add(finished);
        w.add(aT).add(aX).add(aY).add(aZ).add(aAfterGap).add(gT).add(gX).add(gY).add(gZ);
        return new Snapshot(w.build(), load.snapshot(), impacts.snapshot(), bands.snapshot(), ppg.snapshot(),
                ahrs.snapshot());
    }

    private void restore(Snapshot snapshot) {
        StreamState.Reader r = snapshot.pipeline().reader(KIND);
        accCheck.restore(r);
        gyroCheck.restore(r);
        ppgCheck.restore(r);
        kernel.restore(r);
        lastAccT = r.nextLong();
        aCount = r.nextLong();
        cursor = r.nextLong();
        firstAccT = r.nextLong();
        gHead = r.nextLong();
        gTail = r.nextLong();
        lastAhrsT = r.nextLong();
        clippedAcc = r.nextLong();
        overRangeGyro = r.nextLong();
        unalignedGyro = r.nextLong();
        orientationUpdates = r.nextLong();
        finished = r.nextBoolean();
        r.next(aT);
        r.next(aX);
        r.next(aY);
        r.next(aZ);
        r.next(aAfterGap);
        r.next(gT);
        r.next(gX);
        r.next(gY);
        r.next(gZ);
        r.end();
        load.restore(snapshot.playerLoad());
        impacts.restore(snapshot.impacts());
        bands.restore(snapshot.bands());
        ppg.restore(snapshot.ppg());
        ahrs.restore(snapshot.orientation());
    }

    /**
     * The plain state of a {@link SessionPipeline}: its own part and that of each component.
     *
     * @param pipeline input checks, the accelerometer kernel's filters, the alignment buffers and the counts
     * @param playerLoad the PlayerLoad meter
     * @param impacts the impact detector
     * @param bands the foot-strike counts per g-band
     * @param ppg the PPG resampler
     * @param orientation the orientation filter
     */
    public record Snapshot(StreamState pipeline, StreamState playerLoad, StreamState impacts, StreamState bands,
            StreamState ppg, OrientationState orientation) {
        /** Checks for null. */
        public Snapshot {
            Objects.requireNonNull(pipeline, "pipeline");
            Objects.requireNonNull(playerLoad, "playerLoad");
            Objects.requireNonNull(impacts, "impacts");
            Objects.requireNonNull(bands, "bands");
            Objects.requireNonNull(ppg, "ppg");
            Objects.requireNonNull(orientation, "orientation");
        }
    }

    /** Configuration of a {@link SessionPipeline}. */
    public static final class Builder {
        private double accRate = 1000;
        private double gyroRate = 200;
        private double ppgRate = 500;
        private double ppgOutputRate = 100;
        private double[] bandEdges = {0.5, 1, 2, 3, 5, 8, 12};
        private double maxRateJump;
        private double minimumJerk = 75;
        private double swingLimit = 60;
        private double refractorySeconds = 0.25;
        private double accRange = 16 * LinearAcceleration.STANDARD_GRAVITY;
        private double gyroRange = Math.toRadians(2000);
        private double accNoiseDensity = 150e-6 * LinearAcceleration.STANDARD_GRAVITY;
        private double rateTolerance = 0.2;
        private double gapFactor = 2.5;
        private double bufferSeconds = 2;
        private @Nullable OrientationFilter orientation;
        private boolean pairedOrientation = true;

        private Builder() {
        }

        /** Accelerometer nominal rate, Hz, 80..100000; default 1000. */
        public Builder accelerometerRateHz(double hz) {
            accRate = check("accelerometerRateHz", hz, 80, 100_000);
            return this;
        }

        /** Gyroscope nominal rate, Hz, above 50 up to 100000; default 200. */
        public Builder gyroscopeRateHz(double hz) {
            gyroRate = check("gyroscopeRateHz", hz, 10, 100_000);
            return this;
        }

        /** PPG nominal rate, Hz, 10..100000; default 500. */
        public Builder ppgRateHz(double hz) {
            ppgRate = check("ppgRateHz", hz, 10, 100_000);
            return this;
        }

        /** The common grid the PPG is resampled to, Hz, whole-µs period; default 100. */
        public Builder ppgOutputRateHz(double hz) {
            ppgOutputRate = check("ppgOutputRateHz", hz, 1, 100_000);
            return this;
        }

        /** Lower edges of the impact g-bands, g (see {@link ImpactBands}); default 0.5, 1, 2, 3, 5, 8, 12. */
        public Builder impactBandsG(double... edges) {
            new ImpactBands(edges); // validates
            bandEdges = edges.clone();
            return this;
        }

        /** Gyro consistency test limit, °/s (0, the default, turns it off): see {@link ImpactDetector}. */
        public Builder maxRateJumpDegreesPerSecond(double degreesPerSecond) {
            maxRateJump = check("maxRateJumpDegreesPerSecond", degreesPerSecond, 0, 100_000);
            return this;
        }

        /**
         * Swing-phase test limit, °/s (0 turns it off; default 60): an impact while the shank swings back faster
         * than this about sensor z is the other foot's landing (see {@link ImpactDetector}).
         */
        public Builder swingLimitDegreesPerSecond(double degreesPerSecond) {
            swingLimit = check("swingLimitDegreesPerSecond", degreesPerSecond, 0, 10_000);
            return this;
        }

        /** Lowest jerk threshold of the impact gate, g/s (see {@link ImpactDetector}); default 75. */
        public Builder minimumJerkGPerSecond(double gPerSecond) {
            minimumJerk = check("minimumJerkGPerSecond", gPerSecond, 0, 100_000);
            return this;
        }

        /** Quiet time between two strikes of the instrumented leg, s, 0.05..2; default 0.25. */
        public Builder refractorySeconds(double seconds) {
            refractorySeconds = check("refractorySeconds", seconds, 0.05, 2);
            return this;
        }

        /** Accelerometer full-scale range, m/s²; default 16 g. */
        public Builder accelerometerRange(double metresPerSecondSquared) {
            accRange = check("accelerometerRange", metresPerSecondSquared, 1, 100_000);
            return this;
        }

        /** Gyroscope full-scale range, rad/s, 0.1..1000; default 2000 °/s. */
        public Builder gyroscopeRange(double radPerSecond) {
            gyroRange = check("gyroscopeRange", radPerSecond, 0.1, 1000);
            return this;
        }

        /** Accelerometer white-noise density, (m/s²)/√Hz; default 150 µg/√Hz. */
        public Builder accelerometerNoiseDensity(double density) {
            accNoiseDensity = check("accelerometerNoiseDensity", density, 0, 1);
            return this;
        }

        /** Largest accepted relative rate error over a 1 s stretch, 0.01..0.9; default 0.2. */
        public Builder rateTolerance(double fraction) {
            rateTolerance = check("rateTolerance", fraction, 0.01, 0.9);
            return this;
        }

        /** An interval longer than this many nominal periods is a gap, 1.5..100; default 2.5. */
        public Builder gapFactor(double periods) {
            gapFactor = check("gapFactor", periods, 1.5, 100);
            return this;
        }

        /** How far one stream may run ahead of another, s, 0.2..60; default 2. */
        public Builder bufferSeconds(double seconds) {
            bufferSeconds = check("bufferSeconds", seconds, 0.2, 60);
            return this;
        }

        /**
         * The orientation filter to run (a fresh instance, owned by the pipeline from now on); default an
         * {@link InertialLowPassFilter}, which holds the inclination through sustained running where a
         * sample-by-sample accelerometer correction cannot.
         */
        public Builder orientationFilter(OrientationFilter filter) {
            orientation = Objects.requireNonNull(filter, "filter");
            return this;
        }

        /**
         * Whether an {@link InertialLowPassFilter} is updated once per pair of gyro samples
         * ({@link InertialLowPassFilter#updatePair}: both samples' rotations integrated, the accelerometer step at
         * half the gyro rate) instead of once per sample; default true (BROAD 02 / 24 inclination 0.441° / 0.608° against 0.440° /
         * 0.595° per sample, about 10 % less time per session). Each gyro sample is still reported to
         * {@link SessionListener#onOrientation}, the first of a pair with
         * {@link InertialLowPassFilter#pairMidpoint}. A sample waits for its partner; a gap, a missing
         * accelerometer value or the end of the session makes it a single update. Ignored for other filters.
         */
        public Builder pairedOrientation(boolean paired) {
            pairedOrientation = paired;
            return this;
        }

        /**
         * A pipeline with this configuration continuing from a snapshot (taken from a pipeline built with the same
         * configuration; with {@link #orientationFilter} give a fresh filter of the same type and configuration).
         *
         * @throws IllegalArgumentException when the snapshot does not fit this configuration
         */
        public SessionPipeline restore(Snapshot snapshot, SessionListener listener) {
            Objects.requireNonNull(snapshot, "snapshot");
            SessionPipeline p = build(listener);
            p.restore(snapshot);
            return p;
        }

        /** The pipeline, reporting to the listener. */
        public SessionPipeline build(SessionListener listener) {
            Objects.requireNonNull(listener, "listener");
            if (!(gyroRate > 50)) {
                throw new IllegalArgumentException("gyroscopeRateHz must be above 50 Hz, the Nyquist of the 20 Hz "
                        + "accelerometer low-pass read at its times; got " + gyroRate);
            }
            return new SessionPipeline(this, listener);
        }
    }

    /** The smallest power of two at or above the value (ring capacities: index by mask, not by division). */
    private static int powerOfTwo(double atLeast) {
        int n = 1;
        while (n < atLeast) {
            n <<= 1;
        }
        return n;
    }
}
