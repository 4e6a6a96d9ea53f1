package dev.touchline.fusion.load;

import dev.touchline.fusion.BadSensorDataException;
import dev.touchline.fusion.StreamState;
import dev.touchline.fusion.filter.BiquadCascade;
import dev.touchline.fusion.filter.Butterworth;
import dev.touchline.fusion.filter.IirDesign;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Streaming PlayerLoad (Catapult's accumulated accelerometer load): {@code PL = Σ √(Δax² + Δay² + Δaz²) / 100},
 * accelerations in g, differences between consecutive samples <em>at 100 Hz</em>. Sum-of-differences grows with the
 * sample rate (more, noisier differences), so the input, whatever its rate, is first low-passed (causal Butterworth,
 * cut-off below 50 Hz) and then linearly interpolated onto a 100 Hz grid aligned to the first sample. An input at
 * 400 Hz or more is first decimated to 200-399 Hz (order-4 Butterworth anti-alias low-pass at 60 Hz, every M-th
 * sample kept) and the PlayerLoad low-pass runs at the decimated rate: the same band at a fraction of the cost.
 * {@link #filterDescription()} records exactly that, to be stored next to the values.
 * PL-2D uses the two axes other than {@code verticalAxis}; PL-vertical that axis alone.
 *
 * <p>Input contract ({@link #accept}): time stamps must increase and values be finite, else
 * {@link BadSensorDataException}; an input interval longer than {@code gapSeconds} is a gap: no load is added across
 * it, the grid and the decimation restart after it and the filters are settled on the first new sample, and
 * intervals report the covered fraction. Completed seconds and minutes go to the listener. No allocation per sample.
 */
public final class PlayerLoadMeter {
    /** Standard gravity, m/s². */
    private static final double G = 9.80665;
    private static final double INV_G = 1 / G;
    private static final double GRID_HZ = 100;
    private static final long GRID_MICROS = 10_000;
    private static final String KIND = "PlayerLoadMeter";

    /** Cut-off of the anti-alias low-pass before decimation, Hz (order 4). */
    static final double ANTI_ALIAS_HZ = 60;
    /** Decimate to the lowest rate at or above this, Hz: every input rate of 400 Hz or more is decimated. */
    static final double DECIMATED_MIN_HZ = 200;

    private final @Nullable IirDesign antiAlias;
    private final int decimation;
    private final IirDesign design;
    private final @Nullable BiquadCascade ax1;
    private final @Nullable BiquadCascade ay1;
    private final @Nullable BiquadCascade az1;
    private final BiquadCascade fx;
    private final BiquadCascade fy;
    private final BiquadCascade fz;
    private int phase;
    private final double[] three = new double[3]; // filter output scratch, not state
    private long lastRawMicros;
    private final Axis vertical;
    private final long gapMicros;
    private final PlayerLoadListener listener;
    private final String description;

    private boolean started;
    private long originMicros;
    private long lastMicros;
    private double lastX;
    private double lastY;
    private double lastZ;
    private long nextGridMicros;
    private boolean haveGridSample;
    private double gx;
    private double gy;
    private double gz;

    private double total;
    private double total2d;
    private double totalVertical;
    private final Bin second = new Bin(1);
    private final Bin minute = new Bin(60);

    private PlayerLoadMeter(Builder b, PlayerLoadListener listener) {
        this.decimation = decimationFor(b.inputRateHz);
        if (decimation > 1) {
            this.antiAlias = Butterworth.lowPass(4, ANTI_ALIAS_HZ, b.inputRateHz);
            this.ax1 = new BiquadCascade(antiAlias);
            this.ay1 = new BiquadCascade(antiAlias);
            this.az1 = new BiquadCascade(antiAlias);
        } else {
            this.antiAlias = null;
            this.ax1 = null;
            this.ay1 = null;
            this.az1 = null;
        }
        this.design = Butterworth.lowPass(b.order, b.cutoffHz, b.inputRateHz / decimation);
        this.fx = new BiquadCascade(design);
        this.fy = new BiquadCascade(design);
        this.fz = new BiquadCascade(design);
        this.vertical = b.vertical;
        this.gapMicros = Math.round(b.gapSeconds * 1e6);
        this.listener = listener;
        String first = antiAlias == null ? "" : antiAlias.describe() + ", causal; one sample in " + decimation
                + " kept, from the first and from the first after each gap (" + b.inputRateHz / decimation
                + " Hz); ";
        this.description = first + design.describe() + ", causal; linear interpolation to 100 Hz; differences in g"
                + " / 100";
    }

    /**
     * The decimation factor for an input rate: the largest whole factor that keeps the rate at or above 200 Hz
     * (1 below 400 Hz). Why decimate: the 20 Hz low-pass then runs on a fifth of a 1 kHz stream, and a 60 Hz
     * order-4 anti-alias filter before it keeps what folds into the PlayerLoad band (0-20 Hz, from 180 Hz and up at
     * 200 Hz) 38 dB down.
     */
    static int decimationFor(double inputRateHz) {
        // a rate estimated from time stamps (999.9999 Hz for 1 kHz) must not lose a factor to rounding
        return Math.max(1, (int) Math.floor(inputRateHz / DECIMATED_MIN_HZ + 1e-6));
    }

    /**
     * A builder: input rate 1000 Hz, order-4 low-pass at 20 Hz, vertical axis X (tibia), gaps above 0.1 s. Why 20 Hz:
     * the cut-off must sit well below the 50 Hz Nyquist of a 100 Hz sensor, whose aliased impact content is in band
     * there; on a simulated session 1 kHz and 100 Hz sensors then agree within 1 % (40 Hz: 19 % apart).
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The processing applied before the sum, to store alongside every value. */
    public String filterDescription() {
        return description;
    }

    /**
     * Adds one accelerometer sample.
     *
     * @param timeMicros sample time, µs since the epoch, increasing
     * @param ax acceleration along sensor x, m/s²
     * @param ay acceleration along sensor y, m/s²
     * @param az acceleration along sensor z, m/s²
     * @throws BadSensorDataException for a non-finite value or a time stamp that does not increase
     */
    public void accept(long timeMicros, double ax, double ay, double az) throws BadSensorDataException {
        if (!(Double.isFinite(ax) && Double.isFinite(ay) && Double.isFinite(az))) {
            throw new BadSensorDataException("accelerometer sample at " + timeMicros + " µs is not finite: " + ax
                    + ", " + ay + ", " + az);
        }
        double x = ax * INV_G;
        double y = ay * INV_G;
        double z = az * INV_G;
        if (!started) {
            started = true;
            originMicros = timeMicros;
            second.start = timeMicros;
            minute.start = timeMicros;
            restartRaw(timeMicros, x, y, z);
            return;
        }
        if (timeMicros <= lastRawMicros) {
            throw new BadSensorDataException("accelerometer time stamp " + timeMicros + " µs does not increase over "
                    + lastRawMicros + " µs");
        }
        if (timeMicros - lastRawMicros > gapMicros) {
            restartRaw(timeMicros, x, y, z);
            return;
        }
        lastRawMicros = timeMicros;
        // the three axes interleaved (bit for bit as one cascade per axis): the recurrences overlap
        double[] v = three;
        if (ax1 != null && ay1 != null && az1 != null) {
            BiquadCascade.process(ax1, ay1, az1, x, y, z, v);
            if (++phase < decimation) {
                return;
            }
            phase = 0;
            x = v[0];
            y = v[1];
            z = v[2];
        }
        BiquadCascade.process(fx, fy, fz, x, y, z, v);
        advance(timeMicros, v[0], v[1], v[2]);
    }

    private void restartRaw(long timeMicros, double x, double y, double z) {
        lastRawMicros = timeMicros;
        phase = 0;
        if (ax1 != null && ay1 != null && az1 != null) {
            ax1.settle(x);
            ay1.settle(y);
            az1.settle(z);
        }
        restart(timeMicros, x, y, z);
    }

    /**
     * Adds one sample of the decimated, low-passed stream that a caller computed itself (e.g. in a block kernel
     * shared with other consumers), exactly as {@link #accept} would: {@link #antiAlias()} on every input sample
     * (when not null), every {@link #decimation()}-th sample kept counting from the first sample and from the first
     * after each gap (an input interval longer than {@link #gapMicros()}), {@link #lowPass()} on the kept samples;
     * both filters settled on the raw sample at the first sample and after every gap, where the value passed is
     * the raw sample and {@code restart} is true. Checks values and time order; the gap decision is the caller's.
     *
     * @param timeMicros sample time, µs since the epoch, increasing
     * @param lx low-passed acceleration along sensor x, m/s²
     * @param ly low-passed acceleration along sensor y, m/s²
     * @param lz low-passed acceleration along sensor z, m/s²
     * @param restart whether this is the first sample or the first after a gap
     * @throws BadSensorDataException for a non-finite value or a time stamp that does not increase
     */
    public void acceptLowPassed(long timeMicros, double lx, double ly, double lz, boolean restart)
            throws BadSensorDataException {
        if (!(Double.isFinite(lx) && Double.isFinite(ly) && Double.isFinite(lz))) {
            throw new BadSensorDataException("accelerometer sample at " + timeMicros + " µs is not finite: " + lx
                    + ", " + ly + ", " + lz);
        }
        double x = lx * INV_G;
        double y = ly * INV_G;
        double z = lz * INV_G;
        if (!started) {
            started = true;
            originMicros = timeMicros;
            second.start = timeMicros;
            minute.start = timeMicros;
            restart(timeMicros, x, y, z);
            return;
        }
        if (timeMicros <= lastMicros) {
            throw new BadSensorDataException("accelerometer time stamp " + timeMicros + " µs does not increase over "
                    + lastMicros + " µs");
        }
        if (restart) {
            restart(timeMicros, x, y, z);
            return;
        }
        advance(timeMicros, x, y, z);
    }

    /** The anti-alias low-pass at the input rate before decimation; empty when the meter does not decimate. */
    public Optional<IirDesign> antiAlias() {
        return Optional.ofNullable(antiAlias);
    }

    /** The decimation factor (1: none). */
    public int decimation() {
        return decimation;
    }

    /** The low-pass applied before the 100 Hz grid, at the decimated rate. */
    public IirDesign lowPass() {
        return design;
    }

    /** An input interval longer than this is a gap, µs. */
    public long gapMicros() {
        return gapMicros;
    }

    private void advance(long timeMicros, double sx, double sy, double sz) {
        while (nextGridMicros <= timeMicros) {
            double u = (nextGridMicros - lastMicros) / (double) (timeMicros - lastMicros);
            double px = lastX + u * (sx - lastX);
            double py = lastY + u * (sy - lastY);
            double pz = lastZ + u * (sz - lastZ);
            gridSample(nextGridMicros, px, py, pz);
            nextGridMicros += GRID_MICROS;
        }
        lastMicros = timeMicros;
        lastX = sx;
        lastY = sy;
        lastZ = sz;
    }

    private void restart(long timeMicros, double x, double y, double z) {
        fx.settle(x);
        fy.settle(y);
        fz.settle(z);
        lastMicros = timeMicros;
        lastX = x;
        lastY = y;
        lastZ = z;
        haveGridSample = false;
        // the grid stays aligned to the origin: next grid time at or after this sample
        long k = Math.floorDiv(timeMicros - originMicros + GRID_MICROS - 1, GRID_MICROS);
        nextGridMicros = originMicros + k * GRID_MICROS;
        if (nextGridMicros == timeMicros) {
            gridSample(timeMicros, x, y, z);
            nextGridMicros += GRID_MICROS;
        }
    }

    private void gridSample(long t, double x, double y, double z) {
        if (haveGridSample) {
            double dx = x - gx;
            double dy = y - gy;
            double dz = z - gz;
            double all = Math.sqrt(dx * dx + dy * dy + dz * dz) / 100;
            double dv = switch (vertical) {
                case X -> dx;
                case Y -> dy;
                case Z -> dz;
            };
            double twoD = Math.sqrt(Math.max(0, dx * dx + dy * dy + dz * dz - dv * dv)) / 100;
            double vert = Math.abs(dv) / 100;
            total += all;
            total2d += twoD;
            totalVertical += vert;
            second.add(t, all, twoD, vert);
            minute.add(t, all, twoD, vert);
        }
        haveGridSample = true;
        gx = x;
        gy = y;
        gz = z;
    }

    /** The meter's state as a plain value (the configuration is not part of it). */
    public StreamState snapshot() {
        StreamState.Writer w = StreamState.writer(KIND).add(phase).add(lastRawMicros).add(started)
                .add(originMicros).add(lastMicros).add(nextGridMicros).add(haveGridSample).add(lastX).add(lastY)
                .add(lastZ).add(gx).add(gy).add(gz).add(total).add(total2d).add(totalVertical);
        for (Bin bin : new Bin[] {second, minute}) {
            w.add(bin.start).add(bin.steps).add(bin.pl).add(bin.pl2).add(bin.plv);
        }
        for (BiquadCascade f : filters()) {
            w.add(f.snapshot().values());
        }
        return w.build();
    }

    /**
     * Continues from a snapshot taken from a meter with the same configuration.
     *
     * @throws IllegalArgumentException when the state does not fit this meter
     */
    public void restore(StreamState state) {
        StreamState.Reader r = state.reader(KIND);
        phase = (int) r.nextLong();
        lastRawMicros = r.nextLong();
        started = r.nextBoolean();
        originMicros = r.nextLong();
        lastMicros = r.nextLong();
        nextGridMicros = r.nextLong();
        haveGridSample = r.nextBoolean();
        lastX = r.nextDouble();
        lastY = r.nextDouble();
        lastZ = r.nextDouble();
        gx = r.nextDouble();
        gy = r.nextDouble();
        gz = r.nextDouble();
        total = r.nextDouble();
        total2d = r.nextDouble();
        totalVertical = r.nextDouble();
        for (Bin bin : new Bin[] {second, minute}) {
            bin.start = r.nextLong();
            bin.steps = (int) r.nextLong();
            bin.pl = r.nextDouble();
            bin.pl2 = r.nextDouble();
            bin.plv = r.nextDouble();
        }
        for (BiquadCascade f : filters()) {
            double[] v = f.snapshot().values();
            r.next(v);
            f.restore(new BiquadCascade.State(v));
        }
        r.end();
    }

    private BiquadCascade[] filters() {
        if (ax1 != null && ay1 != null && az1 != null) {
            return new BiquadCascade[] {ax1, ay1, az1, fx, fy, fz};
        }
        return new BiquadCascade[] {fx, fy, fz};
    }

    /** Reports the partly filled current second and minute (e.g. at the end of a session). */
    public void flush() {
        second.emit();
        minute.emit();
    }

    /** Accumulated PL since the start. */
    public double total() {
        return total;
    }

    /** Accumulated PL-2D since the start. */
    public double total2d() {
        return total2d;
    }

    /** Accumulated PL-vertical since the start. */
    public double totalVertical() {
        return totalVertical;
    }

    /** The rate the grid runs at, Hz. */
    public static double gridRateHz() {
        return GRID_HZ;
    }

    /**
     * PL computed directly on the raw samples at their own rate, without low-pass or resampling: the figure that
     * depends on the sample rate. For comparison only.
     *
     * @param ax x samples, m/s²; Not modified
     * @param ay y samples, m/s²; Not modified
     * @param az z samples, m/s²; Not modified
     * @param length number of samples
     */
    public static double rawPlayerLoad(float[] ax, float[] ay, float[] az, int length) {
        double sum = 0;
        for (int i = 1; i < length; i++) {
            double dx = (ax[i] - ax[i - 1]) / G;
            double dy = (ay[i] - ay[i - 1]) / G;
            double dz = (az[i] - az[i - 1]) / G;
            sum += Math.sqrt(dx * dx + dy * dy + dz * dz) / 100;
        }
        return sum;
    }

    /** One aligned reporting interval. */
    private final class Bin {
        final int seconds;
        final long micros;
        long start;
        double pl;
        double pl2;
        double plv;
        int steps;

        Bin(int seconds) {
            this.seconds = seconds;
            this.micros = seconds * 1_000_000L;
        }

        void add(long t, double a, double b, double c) {
            while (t >= start + micros) {
                emit();
                start += micros;
            }
            pl += a;
            pl2 += b;
            plv += c;
            steps++;
        }

        void emit() {
            if (steps > 0) {
                listener.onInterval(seconds, start, pl, pl2, plv, Math.min(1, steps / (seconds * GRID_HZ)));
            }
            pl = 0;
            pl2 = 0;
            plv = 0;
            steps = 0;
        }
    }

    /** Configuration of a {@link PlayerLoadMeter}. */
    public static final class Builder {
        private double inputRateHz = 1000;
        private double cutoffHz = 20;
        private int order = 4;
        private Axis vertical = Axis.X;
        private double gapSeconds = 0.1;

        private Builder() {
        }

        /** Nominal input rate, Hz, 80..100000 (the cut-off must stay below its Nyquist). */
        public Builder inputRateHz(double hz) {
            if (!(hz >= 80 && hz <= 100_000)) {
                throw new IllegalArgumentException("inputRateHz must be 80..100000, got " + hz);
            }
            this.inputRateHz = hz;
            return this;
        }

        /** Low-pass cut-off, Hz, 1..45 (below the 100 Hz grid's Nyquist); default 20. */
        public Builder cutoffHz(double hz) {
            if (!(hz >= 1 && hz <= 45)) {
                throw new IllegalArgumentException("cutoffHz must be 1..45, got " + hz);
            }
            this.cutoffHz = hz;
            return this;
        }

        /** Low-pass order, 1..8; default 4. */
        public Builder order(int order) {
            if (order < 1 || order > 8) {
                throw new IllegalArgumentException("order must be 1..8, got " + order);
            }
            this.order = order;
            return this;
        }

        /** The sensor axis that is vertical for PL-vertical (X for the simulator's tibia IMU, the default). */
        public Builder verticalAxis(Axis axis) {
            this.vertical = java.util.Objects.requireNonNull(axis, "axis");
            return this;
        }

        /** An input interval longer than this is a gap, s, 0.001..60; default 0.1. */
        public Builder gapSeconds(double seconds) {
            if (!(seconds >= 0.001 && seconds <= 60)) {
                throw new IllegalArgumentException("gapSeconds must be 0.001..60, got " + seconds);
            }
            this.gapSeconds = seconds;
            return this;
        }

        /** A meter keeping totals only. */
        public PlayerLoadMeter build() {
            return build((seconds, start, pl, pl2d, plv, covered) -> { });
        }

        /** A meter reporting completed seconds and minutes to the listener. */
        public PlayerLoadMeter build(PlayerLoadListener listener) {
            java.util.Objects.requireNonNull(listener, "listener");
            if (!(cutoffHz < inputRateHz / 2)) {
                throw new IllegalArgumentException("cutoffHz " + cutoffHz + " must be below inputRateHz/2 = "
                        + inputRateHz / 2);
            }
            return new PlayerLoadMeter(this, listener);
        }
    }
}
