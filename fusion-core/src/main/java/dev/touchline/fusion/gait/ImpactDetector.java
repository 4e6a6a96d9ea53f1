package dev.touchline.fusion.gait;

import static dev.touchline.fusion.internal.Checks.check;

import dev.touchline.fusion.BadSensorDataException;
import dev.touchline.fusion.StreamState;
import dev.touchline.fusion.filter.BiquadCascade;
import dev.touchline.fusion.filter.Butterworth;
import dev.touchline.fusion.filter.IirDesign;
import java.util.Objects;

/**
 * Streaming impacts and foot strikes from a tibia accelerometer and gyroscope at their own rates: the rules of
 * {@link ImpactGate} (noise-aware jerk threshold on the low-passed acceleration, axial test, yaw-rate veto in a
 * ± window) sample by sample, the clustering of {@link StrikeDetector}, the impact's size, and an optional
 * accelerometer–gyroscope consistency test.
 *
 * <p><b>Impact size.</b> The peak of the raw axial acceleration over its value {@code baselineSeconds}
 * before the onset (raw, because the gate's low-pass would shave the transient's peak by about 10 %), within
 * {@code peakWindowSeconds} after it: the transient alone, without gravity and the slowly varying support force
 * (what the simulator's {@code FootStrike} peak describes), and the largest resultant |a| in
 * the same window, low-passed (what commercial "impacts in g-bands" count).
 *
 * <p><b>Consistency tests</b> (each off unless configured). <em>Swing phase</em>
 * ({@link Builder#swingPhase(int, double, double)}): a leg lands while its shank rotates forward; when the other
 * foot lands half a stride later, this shank is swinging back fast, and the support force that then runs up the
 * body reaches this accelerometer as a phantom impact. An impact whose held sagittal gyro rate has the wrong sign
 * beyond a limit is not this leg's contact. <em>Rate jump</em>
 * ({@link Builder#maxRateJumpDegreesPerSecond(double)}): a foot contact loads the shank along its axis; the
 * shank's rotation changes smoothly (a twist that builds up over
 * tens of ms). A knock on the housing or a cable whip jolts the sensor itself: its rate jumps from one gyro sample
 * to the next. The test takes the largest second difference of the 3-axis gyro rate, {@code |ω_j − 2ω_{j−1} +
 * ω_{j−2}|}, over the gyro samples within [onset − {@code consistencyBeforeSeconds}, onset +
 * {@code consistencyAfterSeconds}]; an impact whose jump exceeds the limit is reported as not consistent. The
 * second difference needs no timing finer than the gyro's own period, which a 200 Hz gyro cannot give for a 1 kHz
 * shock.
 *
 * <p><b>Streaming contract.</b> Feed each stream in time order ({@link #acceptAccelerometer},
 * {@link #acceptGyroscope}); the two may be fed in blocks, in any interleaving, as long as neither runs more than
 * {@code bufferSeconds} ahead of the other (else {@link BadSensorDataException}). A decision waits until the gyro
 * has reached onset + veto window, and the impact is reported once the accelerometer has passed the peak window.
 * {@link #finish()} decides the rest with the gyro seen so far. Non-finite samples and time stamps that do not
 * increase raise {@link BadSensorDataException}. No allocation per sample. Not thread-safe.
 */
public final class ImpactDetector {
    private static final double G = 9.80665;
    private static final long CLUSTER_MICROS = 20_000;
    private static final String KIND = "ImpactDetector";

    private final IirDesign design;
    private final double jerkThreshold; // g/s
    private final double jerkLimitPerMicro; // the threshold as m/s² of change per µs
    private final double noiseJerkRms;
    private final double axialRatio;
    private final double yawLimit;
    private final boolean yawVeto;
    private final int yawAxis;
    private final long vetoMicros;
    private final long refractoryMicros;
    private final int peakSamples;
    private final int baselineSamples;
    private final double clipLevel;
    private final double maxRateJump;
    private final long beforeMicros;
    private final long afterMicros;
    private final long waitMicros;
    private final double swingLimit;
    private final int swingAxis;
    private final double swingSign;
    private final boolean needsGyro;
    private final ImpactListener listener;

    private final BiquadCascade fx;
    private final BiquadCascade fy;
    private final BiquadCascade fz;

    // accelerometer history, indexed by sample count modulo the capacity
    private final int histCap;
    private final double[] histAxial;
    private final double[] histResultant;
    private final boolean[] histClipped;
    private long accCount;
    private long lastAccT = Long.MIN_VALUE;
    private double px;
    private double py;
    private double pz;

    // candidates waiting for the gyro
    private final int candCap;
    private final long[] candT;
    private final long[] candIndex;
    private long candHead;
    private long candTail;

    // gyro history for the consistency test and the over-limit intervals for the veto
    private final int gyroCap;
    private final long[] gyroT;
    private final double[] gyroX;
    private final double[] gyroY;
    private final double[] gyroZ;
    private long gyroCount;
    private long lastGyroT = Long.MIN_VALUE;
    private final int overCap = 256;
    private final long[] overStart = new long[overCap];
    private final long[] overEnd = new long[overCap];
    private long overHead;
    private long overTail;
    private boolean overOpen;

    // clustering and strikes waiting for their peak window
    private long lastAccepted = Long.MIN_VALUE;
    private long lastStrike = Long.MIN_VALUE;
    private final int strikeCap = 8;
    private final long[] strikeT = new long[strikeCap];
    private final long[] strikeIndex = new long[strikeCap];
    private final boolean[] strikeConsistent = new boolean[strikeCap];
    private long strikeHead;
    private long strikeTail;

    private long impacts;
    private long inconsistent;

    private ImpactDetector(Builder b, ImpactListener listener) {
        this.listener = listener;
        this.design = Butterworth.lowPass(b.order, b.lowPassHz, b.sampleRateHz);
        this.noiseJerkRms = ImpactGate.noiseJerkRms(design, b.noiseDensity, b.sampleRateHz);
        this.jerkThreshold = Math.max(b.noiseMultiplier * noiseJerkRms, b.minimumJerk);
        this.jerkLimitPerMicro = jerkThreshold * G * 1e-6;
        this.axialRatio = b.axialRatio;
        this.yawVeto = b.yawVeto;
        this.yawLimit = Math.toRadians(b.yawLimitDegreesPerSecond);
        this.yawAxis = b.yawAxis;
        this.vetoMicros = Math.round(b.vetoSeconds * 1e6);
        this.refractoryMicros = Math.round(b.refractorySeconds * 1e6);
        this.peakSamples = Math.max(1, (int) Math.round(b.peakWindowSeconds * b.sampleRateHz));
        this.baselineSamples = Math.max(1, (int) Math.round(b.baselineSeconds * b.sampleRateHz));
        this.clipLevel = 0.999 * b.rangeMetresPerSecondSquared;
        this.maxRateJump = Math.toRadians(b.maxRateJumpDegreesPerSecond);
        this.beforeMicros = Math.round(b.consistencyBeforeSeconds * 1e6);
        this.afterMicros = Math.round(b.consistencyAfterSeconds * 1e6);
        this.swingLimit = Math.toRadians(b.swingLimitDegreesPerSecond);
        this.swingAxis = b.swingAxis;
        this.swingSign = b.swingSign;
        this.waitMicros = Math.max(yawVeto ? vetoMicros : 0, maxRateJump > 0 ? afterMicros : 0);
        this.needsGyro = yawVeto || maxRateJump > 0 || swingLimit > 0;
        this.fx = new BiquadCascade(design);
        this.fy = new BiquadCascade(design);
        this.fz = new BiquadCascade(design);
        this.histCap = powerOfTwo((b.bufferSeconds + b.peakWindowSeconds + b.baselineSeconds + 0.05)
                * b.sampleRateHz + 4);
        this.histAxial = new double[histCap];
        this.histResultant = new double[histCap];
        this.histClipped = new boolean[histCap];
        this.candCap = powerOfTwo(b.bufferSeconds * b.sampleRateHz + 4);
        this.candT = new long[candCap];
        this.candIndex = new long[candCap];
        this.gyroCap = powerOfTwo(2 * (b.bufferSeconds + 0.1) * b.gyroRateHz + 8);
        this.gyroT = new long[gyroCap];
        this.gyroX = new double[gyroCap];
        this.gyroY = new double[gyroCap];
        this.gyroZ = new double[gyroCap];
    }

    /** A builder with the defaults given on its setters. */
    public static Builder builder() {
        return new Builder();
    }

    /** The jerk threshold in use, g/s. */
    public double jerkThresholdGPerSecond() {
        return jerkThreshold;
    }

    /** The RMS jerk of the sensor's white noise through the low-pass, g/s. */
    public double noiseJerkRmsGPerSecond() {
        return noiseJerkRms;
    }

    /** The low-pass applied before the jerk and the peak. */
    public IirDesign filter() {
        return design;
    }

    /** Impacts reported so far. */
    public long impactCount() {
        return impacts;
    }

    /** Impacts reported so far that failed the consistency test. */
    public long inconsistentCount() {
        return inconsistent;
    }

    /**
     * Adds one accelerometer sample.
     *
     * @param timeMicros sample time, µs since the epoch, increasing
     * @param ax acceleration along the tibia (sensor x, up), m/s²
     * @param ay acceleration along sensor y, m/s²
     * @param az acceleration along sensor z, m/s²
     * @throws BadSensorDataException for a non-finite value, time not increasing, or the gyro lagging by more than
     *         the buffer
     */
    public void acceptAccelerometer(long timeMicros, double ax, double ay, double az) throws BadSensorDataException {
        if (!(Double.isFinite(ax) && Double.isFinite(ay) && Double.isFinite(az))) {
            throw new BadSensorDataException("accelerometer sample at " + timeMicros + " µs is not finite: " + ax
                    + ", " + ay + ", " + az);
        }
        boolean clipped = Math.abs(ax) >= clipLevel || Math.abs(ay) >= clipLevel || Math.abs(az) >= clipLevel;
        double x;
        double y;
        double z;
        boolean first = lastAccT == Long.MIN_VALUE;
        if (first) {
            fx.settle(ax);
            fy.settle(ay);
            fz.settle(az);
            x = ax;
            y = ay;
            z = az;
        } else {
            if (timeMicros <= lastAccT) {
                throw new BadSensorDataException("accelerometer time stamp " + timeMicros
                        + " µs does not increase over " + lastAccT + " µs");
            }
            x = fx.process(ax);
            y = fy.process(ay);
            z = fz.process(az);
        }
        step(timeMicros, ax, x, y, z, clipped, first);
    }

    /**
     * Adds one accelerometer sample that the caller has already low-passed with {@link #filter()} (e.g. in a block
     * kernel shared with other consumers), its filter settled on the first sample (so the value passed there is the
     * raw sample). Same checks as {@link #acceptAccelerometer}.
     *
     * @param timeMicros sample time, µs since the epoch, increasing
     * @param ax raw acceleration along the tibia, m/s² (for the impact size and the clipped flag)
     * @param ay raw acceleration along sensor y, m/s² (for the clipped flag)
     * @param az raw acceleration along sensor z, m/s² (for the clipped flag)
     * @param lx low-passed acceleration along the tibia, m/s²
     * @param ly low-passed acceleration along y, m/s²
     * @param lz low-passed acceleration along z, m/s²
     * @throws BadSensorDataException for a non-finite value, time not increasing, or the gyro lagging by more than
     *         the buffer
     */
    public void acceptLowPassed(long timeMicros, double ax, double ay, double az, double lx, double ly, double lz)
            throws BadSensorDataException {
        if (!(Double.isFinite(ax) && Double.isFinite(ay) && Double.isFinite(az) && Double.isFinite(lx)
                && Double.isFinite(ly) && Double.isFinite(lz))) {
            throw new BadSensorDataException("accelerometer sample at " + timeMicros + " µs is not finite: " + ax
                    + ", " + ay + ", " + az);
        }
        boolean first = lastAccT == Long.MIN_VALUE;
        if (!first && timeMicros <= lastAccT) {
            throw new BadSensorDataException("accelerometer time stamp " + timeMicros + " µs does not increase over "
                    + lastAccT + " µs");
        }
        boolean clipped = Math.abs(ax) >= clipLevel || Math.abs(ay) >= clipLevel || Math.abs(az) >= clipLevel;
        step(timeMicros, ax, lx, ly, lz, clipped, first);
    }

    /**
     * Adds a block of accelerometer samples that the caller has already low-passed, as n calls of
     * {@link #acceptLowPassed(long, double, double, double, double, double, double)} would, except that impacts
     * become due and are reported at the end of the block rather than at the sample that completes them (the same
     * impacts, with the same values). As with single calls, the samples before a bad one have been taken when the
     * exception is thrown.
     *
     * @param timeMicros sample times, µs since the epoch, increasing; Not modified
     * @param ax raw acceleration along the tibia, m/s²; Not modified
     * @param ay raw acceleration along sensor y, m/s²; Not modified
     * @param az raw acceleration along sensor z, m/s²; Not modified
     * @param lx low-passed acceleration along the tibia, m/s²; Not modified
     * @param ly low-passed acceleration along y, m/s²; Not modified
     * @param lz low-passed acceleration along z, m/s²; Not modified
     * @param n number of samples, from index 0
     * @throws BadSensorDataException for a non-finite value, time not increasing, or the gyro lagging by more than
     *         the buffer
     */
    public void acceptLowPassed(long[] timeMicros, double[] ax, double[] ay, double[] az, double[] lx, double[] ly,
            double[] lz, int n) throws BadSensorDataException {
        final double clip = clipLevel;
        final double ratio2 = axialRatio * axialRatio;
        final boolean axial = axialRatio != 0;
        final int mask = histCap - 1;
        long last = lastAccT;
        long count = accCount;
        double qx = px;
        double qy = py;
        double qz = pz;
        for (int i = 0; i < n; i++) {
            long t = timeMicros[i];
            double x = lx[i];
            double y = ly[i];
            double z = lz[i];
            double rx = ax[i];
            double ry = ay[i];
            double rz = az[i];
            // v * 0 is 0 for a finite v and NaN otherwise: one test for six values
            double finite = rx * 0 + ry * 0 + rz * 0 + x * 0 + y * 0 + z * 0;
            if (finite != 0 || last != Long.MIN_VALUE && t <= last) {
                px = qx;
                py = qy;
                pz = qz;
                lastAccT = last;
                accCount = count;
                if (finite != 0) {
                    throw new BadSensorDataException("accelerometer sample at " + t + " µs is not finite: " + rx
                            + ", " + ry + ", " + rz + " (low-passed " + x + ", " + y + ", " + z + ")");
                }
                throw new BadSensorDataException("accelerometer time stamp " + t + " µs does not increase over "
                        + last + " µs");
            }
            boolean candidate = false;
            if (last != Long.MIN_VALUE) {
                double dx = x - qx;
                double dy = y - qy;
                double dz = z - qz;
                double transverse = dy * dy + dz * dz;
                double limit = jerkLimitPerMicro * (t - last);
                candidate = dx * dx + transverse > limit * limit && (!axial || dx * dx >= ratio2 * transverse);
            }
            qx = x;
            qy = y;
            qz = z;
            last = t;
            int h = (int) (count & mask);
            histAxial[h] = rx;
            histResultant[h] = x * x + y * y + z * z;
            histClipped[h] = Math.abs(rx) >= clip || Math.abs(ry) >= clip || Math.abs(rz) >= clip;
            if (candidate) {
                if (candTail - candHead == candCap) {
                    px = qx;
                    py = qy;
                    pz = qz;
                    lastAccT = last;
                    accCount = count;
                    throw new BadSensorDataException("gyroscope stream lags the accelerometer by more than the "
                            + "buffer: accelerometer at " + t + " µs, gyroscope at " + lastGyroT + " µs");
                }
                int c = (int) (candTail & (candCap - 1));
                candT[c] = t;
                candIndex[c] = count;
                candTail++;
            }
            count++;
        }
        px = qx;
        py = qy;
        pz = qz;
        lastAccT = last;
        accCount = count;
        if (candTail > candHead) {
            decide(false);
        }
        if (strikeTail > strikeHead) {
            report();
        }
    }

    private void step(long timeMicros, double ax, double x, double y, double z, boolean clipped, boolean first)
            throws BadSensorDataException {
        boolean candidate = false;
        if (!first) {
            double dx = x - px;
            double dy = y - py;
            double dz = z - pz;
            double transverse = dy * dy + dz * dz;
            // |Δa| / dt > threshold, squared: no root or division per sample
            double limit = jerkLimitPerMicro * (timeMicros - lastAccT);
            candidate = dx * dx + transverse > limit * limit
                    && (axialRatio == 0 || dx * dx >= axialRatio * axialRatio * transverse);
        }
        px = x;
        py = y;
        pz = z;
        lastAccT = timeMicros;
        int h = (int) (accCount & (histCap - 1));
        histAxial[h] = ax; // raw: the low-pass would shave the 35 Hz transient
        histResultant[h] = x * x + y * y + z * z; // squared; the root is taken of the peak only
        histClipped[h] = clipped;
        if (candidate) {
            if (candTail - candHead == candCap) {
                throw new BadSensorDataException("gyroscope stream lags the accelerometer by more than the "
                        + "buffer: accelerometer at " + timeMicros + " µs, gyroscope at " + lastGyroT + " µs");
            }
            int c = (int) (candTail & (candCap - 1));
            candT[c] = timeMicros;
            candIndex[c] = accCount;
            candTail++;
        }
        accCount++;
        if (candTail > candHead) {
            decide(false);
        }
        if (strikeTail > strikeHead) {
            report();
        }
    }

    /**
     * Adds one gyroscope sample.
     *
     * @param timeMicros sample time, µs since the epoch, increasing
     * @param gx rate about sensor x (the tibia: yaw), rad/s
     * @param gy rate about sensor y, rad/s
     * @param gz rate about sensor z, rad/s
     * @throws BadSensorDataException for a non-finite value or time not increasing
     */
    public void acceptGyroscope(long timeMicros, double gx, double gy, double gz) throws BadSensorDataException {
        take(timeMicros, gx, gy, gz);
        decide(false);
        report();
    }

    /**
     * Adds gyroscope samples [from, to) of a block, as one call of
     * {@link #acceptGyroscope(long, double, double, double)} per sample would, except that impacts become due and
     * are reported at the end of the block (the same impacts, with the same values). As with single calls, the
     * samples before a bad one have been taken when the exception is thrown.
     *
     * @param timeMicros sample times, µs since the epoch, increasing; Not modified
     * @param gx rates about sensor x, rad/s; Not modified
     * @param gy rates about sensor y, rad/s; Not modified
     * @param gz rates about sensor z, rad/s; Not modified
     * @throws BadSensorDataException for a non-finite value or time not increasing
     */
    public void acceptGyroscope(long[] timeMicros, float[] gx, float[] gy, float[] gz, int from, int to)
            throws BadSensorDataException {
        try {
            for (int i = from; i < to; i++) {
                take(timeMicros[i], gx[i], gy[i], gz[i]);
            }
        } finally {
            decide(false);
            report();
        }
    }

    /** Takes one gyro sample into the history (the caller decides and reports). */
    private void take(long timeMicros, double gx, double gy, double gz) throws BadSensorDataException {
        if (!(Double.isFinite(gx) && Double.isFinite(gy) && Double.isFinite(gz))) {
            throw new BadSensorDataException("gyroscope sample at " + timeMicros + " µs is not finite: " + gx + ", "
                    + gy + ", " + gz);
        }
        if (lastGyroT != Long.MIN_VALUE && timeMicros <= lastGyroT) {
            throw new BadSensorDataException("gyroscope time stamp " + timeMicros + " µs does not increase over "
                    + lastGyroT + " µs");
        }
        double yaw = yawAxis == 0 ? gx : yawAxis == 1 ? gy : gz;
        boolean over = Math.abs(yaw) > yawLimit;
        // a held sample covers the time until the next one: close an open interval here
        if (overOpen) {
            overEnd[(int) ((overTail - 1) & (overCap - 1))] = timeMicros;
            overOpen = false;
        }
        if (over) {
            if (overTail > overHead && overEnd[(int) ((overTail - 1) & (overCap - 1))] == timeMicros) {
                overOpen = true; // continues the previous interval
                overEnd[(int) ((overTail - 1) & (overCap - 1))] = Long.MAX_VALUE;
            } else {
                if (overTail - overHead == overCap) {
                    overHead++; // the oldest interval is far behind any pending candidate
                }
                int k = (int) (overTail & (overCap - 1));
                overStart[k] = timeMicros;
                overEnd[k] = Long.MAX_VALUE;
                overTail++;
                overOpen = true;
            }
        }
        int g = (int) (gyroCount & (gyroCap - 1));
        gyroT[g] = timeMicros;
        gyroX[g] = gx;
        gyroY[g] = gy;
        gyroZ[g] = gz;
        gyroCount++;
        lastGyroT = timeMicros;
    }

    /**
     * The detector's state as a plain value (the configuration is not part of it): its own filters, the
     * accelerometer and gyro history, the candidates and strikes waiting, the counts.
     */
    public StreamState snapshot() {
        StreamState.Writer w = StreamState.writer(KIND).add(accCount).add(lastAccT).add(candHead).add(candTail)
                .add(gyroCount).add(lastGyroT).add(overHead).add(overTail).add(overOpen).add(lastAccepted)
                .add(lastStrike).add(strikeHead).add(strikeTail).add(impacts).add(inconsistent).add(px).add(py)
                .add(pz);
        w.add(histAxial).add(histResultant).add(histClipped).add(candT).add(candIndex).add(gyroT).add(gyroX)
                .add(gyroY).add(gyroZ).add(overStart).add(overEnd).add(strikeT).add(strikeIndex)
                .add(strikeConsistent);
        for (BiquadCascade f : new BiquadCascade[] {fx, fy, fz}) {
            w.add(f.snapshot().values());
        }
        return w.build();
    }

    /**
     * Continues from a snapshot taken from a detector with the same configuration.
     *
     * @throws IllegalArgumentException when the state does not fit this detector
     */
    public void restore(StreamState state) {
        StreamState.Reader r = state.reader(KIND);
        accCount = r.nextLong();
        lastAccT = r.nextLong();
        candHead = r.nextLong();
        candTail = r.nextLong();
        gyroCount = r.nextLong();
        lastGyroT = r.nextLong();
        overHead = r.nextLong();
        overTail = r.nextLong();
        overOpen = r.nextBoolean();
        lastAccepted = r.nextLong();
        lastStrike = r.nextLong();
        strikeHead = r.nextLong();
        strikeTail = r.nextLong();
        impacts = r.nextLong();
        inconsistent = r.nextLong();
        px = r.nextDouble();
        py = r.nextDouble();
        pz = r.nextDouble();
        r.next(histAxial);
        r.next(histResultant);
        r.next(histClipped);
        r.next(candT);
        r.next(candIndex);
        r.next(gyroT);
        r.next(gyroX);
        r.next(gyroY);
        r.next(gyroZ);
        r.next(overStart);
        r.next(overEnd);
        r.next(strikeT);
        r.next(strikeIndex);
        r.next(strikeConsistent);
        for (BiquadCascade f : new BiquadCascade[] {fx, fy, fz}) {
            double[] v = f.snapshot().values();
            r.next(v);
            f.restore(new BiquadCascade.State(v));
        }
        r.end();
    }

    /** Decides every waiting candidate with the gyro seen so far and reports every impact. */
    public void finish() {
        decide(true);
        while (strikeTail > strikeHead) {
            int k = (int) (strikeHead & (strikeCap - 1));
            emit(k, Math.min(accCount - 1, strikeIndex[k]
                    + peakSamples));
            strikeHead++;
        }
    }

    private void decide(boolean end) {
        while (candTail > candHead) {
            int c = (int) (candHead & (candCap - 1));
            long t = candT[c];
            if (!end && needsGyro && (lastGyroT == Long.MIN_VALUE || lastGyroT < t + waitMicros)) {
                return;
            }
            candHead++;
            if (yawVeto && vetoed(t)) {
                continue;
            }
            boolean newCluster = lastAccepted == Long.MIN_VALUE || t - lastAccepted >= CLUSTER_MICROS;
            boolean pastRefractory = lastStrike == Long.MIN_VALUE || t - lastStrike >= refractoryMicros;
            lastAccepted = t;
            if (newCluster && pastRefractory) {
                boolean consistent = (maxRateJump <= 0 || rateJump(t) <= maxRateJump) && !swinging(t);
                if (consistent) {
                    lastStrike = t; // an impact the gyro rejects is not a strike and does not start a refractory
                }
                if (strikeTail - strikeHead == strikeCap) {
                    int k = (int) (strikeHead & (strikeCap - 1));
                    emit(k, Math.min(accCount - 1, strikeIndex[k] + peakSamples));
                    strikeHead++;
                }
                int k = (int) (strikeTail & (strikeCap - 1));
                strikeT[k] = t;
                strikeIndex[k] = candIndex[c];
                strikeConsistent[k] = consistent;
                strikeTail++;
            }
        }
    }

    private boolean vetoed(long t) {
        long lo = t - vetoMicros;
        long hi = t + vetoMicros;
        // drop intervals that ended before any remaining candidate's window
        while (overTail > overHead && overEnd[(int) (overHead & (overCap - 1))] <= lo) {
            overHead++;
        }
        for (long i = overHead; i < overTail; i++) {
            int k = (int) (i & (overCap - 1));
            if (overStart[k] <= hi && overEnd[k] > lo) {
                return true;
            }
        }
        return false;
    }

    /** Whether the shank swings the wrong way at t (the held sagittal rate, signed, below −limit). */
    private boolean swinging(long t) {
        if (swingLimit <= 0) {
            return false;
        }
        long oldest = Math.max(0, gyroCount - gyroCap);
        for (long j = gyroCount - 1; j >= oldest; j--) {
            int k = (int) (j & (gyroCap - 1));
            if (gyroT[k] <= t) {
                double rate = swingAxis == 0 ? gyroX[k] : swingAxis == 1 ? gyroY[k] : gyroZ[k];
                return swingSign * rate < -swingLimit;
            }
        }
        return false;
    }

    private double rateJump(long t) {
        long lo = t - beforeMicros;
        long hi = t + afterMicros;
        long oldest = Math.max(2, gyroCount - gyroCap + 2);
        double max = 0;
        for (long j = gyroCount - 1; j >= oldest; j--) {
            int k = (int) (j & (gyroCap - 1));
            long tj = gyroT[k];
            if (tj > hi) {
                continue;
            }
            if (tj < lo) {
                break;
            }
            int k1 = (int) ((j - 1) & (gyroCap - 1));
            int k2 = (int) ((j - 2) & (gyroCap - 1));
            double dx = gyroX[k] - 2 * gyroX[k1] + gyroX[k2];
            double dy = gyroY[k] - 2 * gyroY[k1] + gyroY[k2];
            double dz = gyroZ[k] - 2 * gyroZ[k1] + gyroZ[k2];
            max = Math.max(max, Math.sqrt(dx * dx + dy * dy + dz * dz));
        }
        return max;
    }

    private void report() {
        while (strikeTail > strikeHead) {
            int k = (int) (strikeHead & (strikeCap - 1));
            long last = strikeIndex[k] + peakSamples;
            if (accCount - 1 < last) {
                return;
            }
            emit(k, last);
            strikeHead++;
        }
    }

    private void emit(int k, long lastIndex) {
        long onset = strikeIndex[k];
        long base = Math.max(Math.max(0, onset - baselineSamples), accCount - histCap);
        double baseline = histAxial[(int) (base & (histCap - 1))];
        double peak = 0;
        double resultant = 0;
        boolean clipped = false;
        for (long i = Math.max(onset, accCount - histCap); i <= lastIndex; i++) {
            int h = (int) (i & (histCap - 1));
            peak = Math.max(peak, histAxial[h] - baseline);
            resultant = Math.max(resultant, histResultant[h]);
            clipped |= histClipped[h];
        }
        impacts++;
        if (!strikeConsistent[k]) {
            inconsistent++;
        }
        listener.onImpact(strikeT[k], peak / G, Math.sqrt(resultant) / G, strikeConsistent[k], clipped);
    }

    /** Configuration of an {@link ImpactDetector}. */
    public static final class Builder {
        private double sampleRateHz = 1000;
        private double gyroRateHz = 200;
        private double noiseDensity = 150e-6 * G;
        private double lowPassHz = 60;
        private int order = 4;
        private double noiseMultiplier = 8;
        private double minimumJerk = 75;
        private double axialRatio = 1;
        private boolean yawVeto = true;
        private double yawLimitDegreesPerSecond = 120;
        private int yawAxis;
        private double vetoSeconds = 0.05;
        private double refractorySeconds = 0.25;
        private double peakWindowSeconds = 0.06;
        private double baselineSeconds = 0.01;
        private double rangeMetresPerSecondSquared = 16 * G;
        private double maxRateJumpDegreesPerSecond;
        private double consistencyBeforeSeconds = 0.005;
        private double consistencyAfterSeconds = 0.02;
        private double bufferSeconds = 2;
        private double swingLimitDegreesPerSecond;
        private int swingAxis = 2;
        private double swingSign = 1;

        private Builder() {
        }

        /** Accelerometer nominal rate, Hz, 50..100000; default 1000. */
        public Builder sampleRateHz(double hz) {
            sampleRateHz = check("sampleRateHz", hz, 50, 100_000);
            return this;
        }

        /** Gyroscope nominal rate, Hz, 10..100000 (sizes the buffers); default 200. */
        public Builder gyroRateHz(double hz) {
            gyroRateHz = check("gyroRateHz", hz, 10, 100_000);
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

        /** Whether a yaw rate above the limit within ± the veto window rejects a sample; default true. */
        public Builder yawVeto(boolean on) {
            yawVeto = on;
            return this;
        }

        /** Yaw-rate limit, °/s, 1..10000; default 120 (the seed's figure). */
        public Builder yawLimitDegreesPerSecond(double degreesPerSecond) {
            yawLimitDegreesPerSecond = check("yawLimitDegreesPerSecond", degreesPerSecond, 1, 10_000);
            return this;
        }

        /** The gyro axis along the tibia (0 = x, the default; 1 = y; 2 = z). */
        public Builder yawAxis(int axis) {
            yawAxis = (int) check("yawAxis", axis, 0, 2);
            return this;
        }

        /** Half-width of the yaw veto window, s, 0..1; default 0.05. */
        public Builder vetoSeconds(double seconds) {
            vetoSeconds = check("vetoSeconds", seconds, 0, 1);
            return this;
        }

        /** Quiet time that separates two strikes, s, 0.05..2; default 0.25. */
        public Builder refractorySeconds(double seconds) {
            refractorySeconds = check("refractorySeconds", seconds, 0.05, 2);
            return this;
        }

        /** Window after the onset in which the peak is taken, s, 0.005..0.2; default 0.06. */
        public Builder peakWindowSeconds(double seconds) {
            peakWindowSeconds = check("peakWindowSeconds", seconds, 0.005, 0.2);
            return this;
        }

        /** How long before the onset the baseline of the peak is read, s, 0.001..0.1; default 0.01. */
        public Builder baselineSeconds(double seconds) {
            baselineSeconds = check("baselineSeconds", seconds, 0.001, 0.1);
            return this;
        }

        /** Accelerometer full-scale range, m/s², for the clipped flag; default 16 g. */
        public Builder rangeMetresPerSecondSquared(double range) {
            rangeMetresPerSecondSquared = check("rangeMetresPerSecondSquared", range, 1, 100_000);
            return this;
        }

        /**
         * Turns on the consistency test: the largest gyro second difference near the onset allowed for a ground
         * contact, °/s, 0..100000 (0, the default, turns the test off).
         */
        public Builder maxRateJumpDegreesPerSecond(double degreesPerSecond) {
            maxRateJumpDegreesPerSecond = check("maxRateJumpDegreesPerSecond", degreesPerSecond, 0, 100_000);
            return this;
        }

        /** Consistency window before and after the onset, s, 0..0.5 each; defaults 0.005 and 0.02. */
        public Builder consistencyWindow(double beforeSeconds, double afterSeconds) {
            consistencyBeforeSeconds = check("consistencyBeforeSeconds", beforeSeconds, 0, 0.5);
            consistencyAfterSeconds = check("consistencyAfterSeconds", afterSeconds, 0, 0.5);
            return this;
        }

        /**
         * Turns on the swing-phase test: an impact while the shank's sagittal rate, times {@code sign}, is below
         * −{@code limitDegreesPerSecond} is not a contact of this leg (the leg is swinging back, as when the other
         * foot lands half a stride later). For the simulator's left-tibia frame (z lateral) the sagittal axis is
         * 2 (z) and the sign +1.
         *
         * @param axis the gyro axis of the sagittal (swing) rotation, 0..2
         * @param sign +1 or −1: the sign of that rate at this leg's ground contact
         * @param limitDegreesPerSecond how fast the wrong-way swing must be, °/s, 0..10000 (0 turns it off)
         */
        public Builder swingPhase(int axis, double sign, double limitDegreesPerSecond) {
            swingAxis = (int) check("axis", axis, 0, 2);
            if (sign != 1 && sign != -1) {
                throw new IllegalArgumentException("sign must be +1 or -1, got " + sign);
            }
            swingSign = sign;
            swingLimitDegreesPerSecond = check("limitDegreesPerSecond", limitDegreesPerSecond, 0, 10_000);
            return this;
        }

        /** How far one stream may run ahead of the other, s, 0.2..60; default 2. */
        public Builder bufferSeconds(double seconds) {
            bufferSeconds = check("bufferSeconds", seconds, 0.2, 60);
            return this;
        }

        /** The detector. */
        public ImpactDetector build(ImpactListener listener) {
            Objects.requireNonNull(listener, "listener");
            if (!(lowPassHz < sampleRateHz / 2)) {
                throw new IllegalArgumentException("lowPassHz " + lowPassHz + " must be below sampleRateHz/2 = "
                        + sampleRateHz / 2);
            }
            return new ImpactDetector(this, listener);
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
