package dev.touchline.sensor.simulation;

import dev.touchline.sensor.SensorKind;
import dev.touchline.sensor.SensorSpec;
import dev.touchline.sensor.bias.BiasModel;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * Models of the high-rate wearable sensors: a tibia IMU (accelerometer, gyroscope, die temperature), a single-lead
 * ECG, an upper-arm PPG and FSR insoles. Immutable; build with {@link #builder()}.
 *
 * <p>Every sample rate must give a whole number of microseconds per sample, and all the sample periods together
 * must share a common grid of at least {@value #MIN_GRID_MICROS} µs, because samples lie on exact nominal grids
 * aligned to the epoch.
 *
 * <p>Defaults: accelerometer 1 kHz, ±16 g, 150 µg/√Hz, 16 g/32768 resolution; gyroscope 200 Hz, ±2000 °/s,
 * 0.007 (°/s)/√Hz, 2000 (°/s)/32768 resolution; die temperature rising from 24 °C to 33 °C with a 10 min time
 * constant; accelerometer offsets (12, −8, 15) mg at 25 °C with 0.1 mg/°C per axis (datasheet scale); gyroscope
 * offsets (0.3, −0.2, 0.25) °/s at 25 °C with 0.01 (°/s)/°C; ECG 250 Hz; PPG 500 Hz, continuous; FSR 250 Hz;
 * 0.5 cable whips and 0.3 knocks per minute; pulse arrival time drawn per player in [180, 220] ms at rest, falling
 * 0.2 ms per bpm; PAT shift episodes 0.5 per minute, +5 to +7 ms for 10 to 30 beats; heart rate 70 bpm at rest,
 * 195 bpm at most; body mass 23 kg/m² × stature².
 */
public final class WearableConfig {
    /** Smallest common sample grid, microseconds. */
    public static final long MIN_GRID_MICROS = 250;

    private static final WearableConfig DEFAULTS = new Builder().build();

    private final SensorSpec accelerometer;
    private final SensorSpec gyroscope;
    private final SensorSpec temperature;
    private final SensorSpec ecg;
    private final SensorSpec ppg;
    private final double fsrRateHz;
    private final double temperatureStartCelsius;
    private final double temperatureEndCelsius;
    private final double temperatureTimeConstantSeconds;
    private final BiasModel accelerometerBias;
    private final BiasModel gyroscopeBias;
    private final int ppgDutyCycle;
    private final long ppgOnMicros;
    private final double cableWhipsPerMinute;
    private final double knocksPerMinute;
    private final double patMinMillis;
    private final double patMaxMillis;
    private final double patSlopeMillisPerBpm;
    private final double patShiftEpisodesPerMinute;
    private final double patShiftMinMillis;
    private final double patShiftMaxMillis;
    private final int patShiftMinBeats;
    private final int patShiftMaxBeats;
    private final double restingHeartRateBpm;
    private final double maxHeartRateBpm;
    private final double bodyMassIndex;

    private WearableConfig(Builder b) {
        this.accelerometer = b.accelerometer;
        this.gyroscope = b.gyroscope;
        this.temperature = SensorSpec.builder(SensorKind.TEMPERATURE).nominalRateHz(1.0).rangeMax(125.0)
                .resolution(1.0 / 256).noiseDensity(0.02).build();
        this.ecg = SensorSpec.builder(SensorKind.ECG).nominalRateHz(b.ecgRateHz).rangeMax(10.0).build();
        this.ppg = SensorSpec.builder(SensorKind.PPG).nominalRateHz(b.ppgRateHz).rangeMax(65535.0).build();
        this.fsrRateHz = b.fsrRateHz;
        this.temperatureStartCelsius = b.temperatureStartCelsius;
        this.temperatureEndCelsius = b.temperatureEndCelsius;
        this.temperatureTimeConstantSeconds = b.temperatureTimeConstantSeconds;
        this.accelerometerBias = b.accelerometerBias;
        this.gyroscopeBias = b.gyroscopeBias;
        this.ppgDutyCycle = b.ppgDutyCycle;
        this.ppgOnMicros = b.ppgOnMicros;
        this.cableWhipsPerMinute = b.cableWhipsPerMinute;
        this.knocksPerMinute = b.knocksPerMinute;
        this.patMinMillis = b.patMinMillis;
        this.patMaxMillis = b.patMaxMillis;
        this.patSlopeMillisPerBpm = b.patSlopeMillisPerBpm;
        this.patShiftEpisodesPerMinute = b.patShiftEpisodesPerMinute;
        this.patShiftMinMillis = b.patShiftMinMillis;
        this.patShiftMaxMillis = b.patShiftMaxMillis;
        this.patShiftMinBeats = b.patShiftMinBeats;
        this.patShiftMaxBeats = b.patShiftMaxBeats;
        this.restingHeartRateBpm = b.restingHeartRateBpm;
        this.maxHeartRateBpm = b.maxHeartRateBpm;
        this.bodyMassIndex = b.bodyMassIndex;
    }

    /** The defaults. */
    public static WearableConfig defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The default tibia accelerometer: 1 kHz, ±16 g, 150 µg/√Hz, 16-bit. */
    public static SensorSpec defaultAccelerometer() {
        return SensorSpec.builder(SensorKind.ACCELEROMETER).nominalRateHz(1000).rangeG(16)
                .resolution(16 * dev.touchline.sensor.Units.STANDARD_GRAVITY / 32768).noiseDensityMicroG(150)
                .build();
    }

    /** The default tibia gyroscope: 200 Hz, ±2000 °/s, 0.007 (°/s)/√Hz, 16-bit. */
    public static SensorSpec defaultGyroscope() {
        return SensorSpec.builder(SensorKind.GYROSCOPE).nominalRateHz(200).rangeDegreesPerSecond(2000)
                .resolution(Math.toRadians(2000.0 / 32768)).noiseDensityDegreesPerSecond(0.007).build();
    }

    /** The tibia accelerometer, m/s². */
    public SensorSpec accelerometer() {
        return accelerometer;
    }

    /** The tibia gyroscope, rad/s. */
    public SensorSpec gyroscope() {
        return gyroscope;
    }

    /** The IMU die thermometer: 1 Hz, °C, 1/256 °C resolution. */
    public SensorSpec temperature() {
        return temperature;
    }

    /** The ECG, mV, clipped at ±10 mV, not quantised. */
    public SensorSpec ecg() {
        return ecg;
    }

    /** The PPG, arbitrary units in [0, 65535], not quantised. */
    public SensorSpec ppg() {
        return ppg;
    }

    /** ECG sample rate, Hz. */
    public double ecgRateHz() {
        return ecg.nominalRateHz();
    }

    /** PPG sample rate, Hz. */
    public double ppgRateHz() {
        return ppg.nominalRateHz();
    }

    /** FSR sample rate, Hz. */
    public double fsrRateHz() {
        return fsrRateHz;
    }

    /** IMU temperature when the session starts, °C. */
    public double temperatureStartCelsius() {
        return temperatureStartCelsius;
    }

    /** IMU temperature the device settles at when worn, °C. */
    public double temperatureEndCelsius() {
        return temperatureEndCelsius;
    }

    /** Time constant of the warm-up, seconds. */
    public double temperatureTimeConstantSeconds() {
        return temperatureTimeConstantSeconds;
    }

    /** Accelerometer bias, m/s² and m/s² per °C. */
    public BiasModel accelerometerBias() {
        return accelerometerBias;
    }

    /** Gyroscope bias, rad/s and rad/s per °C. */
    public BiasModel gyroscopeBias() {
        return gyroscopeBias;
    }

    /** PPG duty cycle: 1 is continuous, n means on for one period in n. */
    public int ppgDutyCycle() {
        return ppgDutyCycle;
    }

    /** How long the PPG stays on in each duty period, microseconds. */
    public long ppgOnMicros() {
        return ppgOnMicros;
    }

    /** Cable or strap whips per minute (Poisson). */
    public double cableWhipsPerMinute() {
        return cableWhipsPerMinute;
    }

    /** Knocks on the sensor per minute (Poisson). */
    public double knocksPerMinute() {
        return knocksPerMinute;
    }

    /** Lower end of the per-player resting pulse arrival time, ms. */
    public double patMinMillis() {
        return patMinMillis;
    }

    /** Upper end of the per-player resting pulse arrival time, ms. */
    public double patMaxMillis() {
        return patMaxMillis;
    }

    /** How much the pulse arrival time falls per bpm above rest, ms/bpm. */
    public double patSlopeMillisPerBpm() {
        return patSlopeMillisPerBpm;
    }

    /** PAT shift episodes per minute. */
    public double patShiftEpisodesPerMinute() {
        return patShiftEpisodesPerMinute;
    }

    /** Smallest PAT shift of an episode, ms. */
    public double patShiftMinMillis() {
        return patShiftMinMillis;
    }

    /** Largest PAT shift of an episode, ms. */
    public double patShiftMaxMillis() {
        return patShiftMaxMillis;
    }

    /** Fewest beats in a PAT shift episode. */
    public int patShiftMinBeats() {
        return patShiftMinBeats;
    }

    /** Most beats in a PAT shift episode. */
    public int patShiftMaxBeats() {
        return patShiftMaxBeats;
    }

    /** Resting heart rate, bpm (each player scatters around it). */
    public double restingHeartRateBpm() {
        return restingHeartRateBpm;
    }

    /** Maximum heart rate, bpm (each player scatters around it). */
    public double maxHeartRateBpm() {
        return maxHeartRateBpm;
    }

    /** Body mass index used to derive body mass from stature, kg/m². */
    public double bodyMassIndex() {
        return bodyMassIndex;
    }

    private Object[] values() {
        return new Object[] {accelerometer, gyroscope, ecg, ppg, fsrRateHz, temperatureStartCelsius,
            temperatureEndCelsius, temperatureTimeConstantSeconds, accelerometerBias, gyroscopeBias, ppgDutyCycle,
            ppgOnMicros, cableWhipsPerMinute, knocksPerMinute, patMinMillis, patMaxMillis, patSlopeMillisPerBpm,
            patShiftEpisodesPerMinute, patShiftMinMillis, patShiftMaxMillis, patShiftMinBeats, patShiftMaxBeats,
            restingHeartRateBpm, maxHeartRateBpm, bodyMassIndex};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WearableConfig other && Arrays.equals(values(), other.values());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values());
    }

    @Override
    public String toString() {
        return "WearableConfig[acc " + accelerometer.nominalRateHz() + " Hz, gyro " + gyroscope.nominalRateHz()
                + " Hz, ECG " + ecgRateHz() + " Hz, PPG " + ppgRateHz() + " Hz 1:" + ppgDutyCycle + ", FSR "
                + fsrRateHz + " Hz]";
    }

    /** Sample period of a rate in whole microseconds; callers have validated the rate. */
    static long periodMicros(double rateHz) {
        return Math.round(1e6 / rateHz);
    }

    /** Builds {@link WearableConfig}; every setter validates its argument. */
    public static final class Builder {
        private SensorSpec accelerometer = defaultAccelerometer();
        private SensorSpec gyroscope = defaultGyroscope();
        private double ecgRateHz = 250;
        private double ppgRateHz = 500;
        private double fsrRateHz = 250;
        private double temperatureStartCelsius = 24;
        private double temperatureEndCelsius = 33;
        private double temperatureTimeConstantSeconds = 600;
        private BiasModel accelerometerBias = BiasModel.ofMilliG(12, -8, 15,
                BiasModel.DEFAULT_ACCELEROMETER_TEMPCO_MILLI_G_PER_CELSIUS, 25);
        private BiasModel gyroscopeBias = BiasModel.ofDegreesPerSecond(0.3, -0.2, 0.25, 0.01, 25);
        private int ppgDutyCycle = 1;
        private long ppgOnMicros = 2_000_000L;
        private double cableWhipsPerMinute = 0.5;
        private double knocksPerMinute = 0.3;
        private double patMinMillis = 180;
        private double patMaxMillis = 220;
        private double patSlopeMillisPerBpm = 0.2;
        private double patShiftEpisodesPerMinute = 0.5;
        private double patShiftMinMillis = 5;
        private double patShiftMaxMillis = 7;
        private int patShiftMinBeats = 10;
        private int patShiftMaxBeats = 30;
        private double restingHeartRateBpm = 70;
        private double maxHeartRateBpm = 195;
        private double bodyMassIndex = 23;

        private Builder() {
        }

        private Builder(WearableConfig c) {
            accelerometer = c.accelerometer;
            gyroscope = c.gyroscope;
            ecgRateHz = c.ecgRateHz();
            ppgRateHz = c.ppgRateHz();
            fsrRateHz = c.fsrRateHz;
            temperatureStartCelsius = c.temperatureStartCelsius;
            temperatureEndCelsius = c.temperatureEndCelsius;
            temperatureTimeConstantSeconds = c.temperatureTimeConstantSeconds;
            accelerometerBias = c.accelerometerBias;
            gyroscopeBias = c.gyroscopeBias;
            ppgDutyCycle = c.ppgDutyCycle;
            ppgOnMicros = c.ppgOnMicros;
            cableWhipsPerMinute = c.cableWhipsPerMinute;
            knocksPerMinute = c.knocksPerMinute;
            patMinMillis = c.patMinMillis;
            patMaxMillis = c.patMaxMillis;
            patSlopeMillisPerBpm = c.patSlopeMillisPerBpm;
            patShiftEpisodesPerMinute = c.patShiftEpisodesPerMinute;
            patShiftMinMillis = c.patShiftMinMillis;
            patShiftMaxMillis = c.patShiftMaxMillis;
            patShiftMinBeats = c.patShiftMinBeats;
            patShiftMaxBeats = c.patShiftMaxBeats;
            restingHeartRateBpm = c.restingHeartRateBpm;
            maxHeartRateBpm = c.maxHeartRateBpm;
            bodyMassIndex = c.bodyMassIndex;
        }

        /** The tibia accelerometer: an accelerometer spec with a rate in [25, 4000] Hz on a whole-µs period. */
        public Builder accelerometer(SensorSpec spec) {
            this.accelerometer = checkSpec("accelerometer", spec, SensorKind.ACCELEROMETER);
            return this;
        }

        /** The tibia gyroscope: a gyroscope spec with a rate in [25, 4000] Hz on a whole-µs period. */
        public Builder gyroscope(SensorSpec spec) {
            this.gyroscope = checkSpec("gyroscope", spec, SensorKind.GYROSCOPE);
            return this;
        }

        /** ECG rate, Hz, in [50, 4000] with a whole-µs period. */
        public Builder ecgRateHz(double hz) {
            this.ecgRateHz = checkRate("ecgRateHz", hz, 50);
            return this;
        }

        /** PPG rate, Hz, in [25, 4000] with a whole-µs period. */
        public Builder ppgRateHz(double hz) {
            this.ppgRateHz = checkRate("ppgRateHz", hz, 25);
            return this;
        }

        /** FSR rate, Hz, in [25, 4000] with a whole-µs period. */
        public Builder fsrRateHz(double hz) {
            this.fsrRateHz = checkRate("fsrRateHz", hz, 25);
            return this;
        }

        /** IMU temperature at the start, °C, in [−20, 60]. */
        public Builder temperatureStartCelsius(double celsius) {
            this.temperatureStartCelsius = ConfigChecks.inRange("temperatureStartCelsius", celsius, -20, 60, "°C");
            return this;
        }

        /** IMU temperature reached when worn, °C, in [−20, 60]. */
        public Builder temperatureEndCelsius(double celsius) {
            this.temperatureEndCelsius = ConfigChecks.inRange("temperatureEndCelsius", celsius, -20, 60, "°C");
            return this;
        }

        /** Time constant of the warm-up, 1 s to 10 h. */
        public Builder temperatureTimeConstant(Duration tau) {
            double s = tau.toNanos() / 1e9;
            if (!(s >= 1 && s <= 36_000)) {
                throw new IllegalArgumentException("temperatureTimeConstant must be in [1 s, 10 h], was " + tau);
            }
            this.temperatureTimeConstantSeconds = s;
            return this;
        }

        /**
         * Accelerometer bias in m/s² and m/s² per °C. Datasheet scale is about 0.1–0.2 mg/°C; the seed design's
         * 0.08 g/°C is accepted here if set on purpose.
         */
        public Builder accelerometerBias(BiasModel bias) {
            this.accelerometerBias = Objects.requireNonNull(bias, "accelerometerBias");
            return this;
        }

        /** Gyroscope bias in rad/s and rad/s per °C. */
        public Builder gyroscopeBias(BiasModel bias) {
            this.gyroscopeBias = Objects.requireNonNull(bias, "gyroscopeBias");
            return this;
        }

        /** PPG duty cycle: 1 continuous, n in [2, 16] for on one period in n. */
        public Builder ppgDutyCycle(int n) {
            if (n < 1 || n > 16) {
                throw new IllegalArgumentException("ppgDutyCycle must be in [1, 16], was " + n);
            }
            this.ppgDutyCycle = n;
            return this;
        }

        /** PPG on-time per duty period, whole milliseconds in [100 ms, 60 s]. */
        public Builder ppgOnDuration(Duration on) {
            long micros = on.toNanos() / 1000;
            if (micros < 100_000 || micros > 60_000_000 || micros % 1000 != 0) {
                throw new IllegalArgumentException("ppgOnDuration must be whole milliseconds in [100 ms, 60 s], was "
                        + on);
            }
            this.ppgOnMicros = micros;
            return this;
        }

        /** Cable whips per minute, in [0, 60]. */
        public Builder cableWhipsPerMinute(double rate) {
            this.cableWhipsPerMinute = ConfigChecks.inRange("cableWhipsPerMinute", rate, 0, 60, "/min");
            return this;
        }

        /** Knocks per minute, in [0, 60]. */
        public Builder knocksPerMinute(double rate) {
            this.knocksPerMinute = ConfigChecks.inRange("knocksPerMinute", rate, 0, 60, "/min");
            return this;
        }

        /** Range of the per-player resting pulse arrival time, ms, 50 ≤ min ≤ max ≤ 500. */
        public Builder patBaselineMillis(double min, double max) {
            ConfigChecks.inRange("patBaselineMillis min", min, 50, 500, "ms");
            ConfigChecks.inRange("patBaselineMillis max", max, min, 500, "ms");
            this.patMinMillis = min;
            this.patMaxMillis = max;
            return this;
        }

        /** Fall of the pulse arrival time per bpm above rest, ms/bpm, in [0, 1]. */
        public Builder patSlopeMillisPerBpm(double slope) {
            this.patSlopeMillisPerBpm = ConfigChecks.inRange("patSlopeMillisPerBpm", slope, 0, 1, "ms/bpm");
            return this;
        }

        /** PAT shift episodes per minute, in [0, 10]. */
        public Builder patShiftEpisodesPerMinute(double rate) {
            this.patShiftEpisodesPerMinute = ConfigChecks.inRange("patShiftEpisodesPerMinute", rate, 0, 10, "/min");
            return this;
        }

        /** Range of an episode's PAT shift, ms, −50 ≤ min ≤ max ≤ 50. */
        public Builder patShiftMillis(double min, double max) {
            ConfigChecks.inRange("patShiftMillis min", min, -50, 50, "ms");
            ConfigChecks.inRange("patShiftMillis max", max, min, 50, "ms");
            this.patShiftMinMillis = min;
            this.patShiftMaxMillis = max;
            return this;
        }

        /** Range of an episode's length in beats, 1 ≤ min ≤ max ≤ 500. */
        public Builder patShiftBeats(int min, int max) {
            if (min < 1 || max < min || max > 500) {
                throw new IllegalArgumentException("patShiftBeats must satisfy 1 <= min <= max <= 500, was ["
                        + min + ", " + max + "]");
            }
            this.patShiftMinBeats = min;
            this.patShiftMaxBeats = max;
            return this;
        }

        /** Resting heart rate, bpm, in [30, 120] and below the maximum. */
        public Builder restingHeartRateBpm(double bpm) {
            this.restingHeartRateBpm = ConfigChecks.inRange("restingHeartRateBpm", bpm, 30, 120, "bpm");
            return this;
        }

        /** Maximum heart rate, bpm, in [130, 230]. */
        public Builder maxHeartRateBpm(double bpm) {
            this.maxHeartRateBpm = ConfigChecks.inRange("maxHeartRateBpm", bpm, 130, 230, "bpm");
            return this;
        }

        /** Body mass index giving body mass from stature, kg/m², in [15, 40]. */
        public Builder bodyMassIndex(double kgPerSquareMetre) {
            this.bodyMassIndex = ConfigChecks.inRange("bodyMassIndex", kgPerSquareMetre, 15, 40, "kg/m²");
            return this;
        }

        /**
         * The config.
         *
         * @throws IllegalArgumentException if the sample periods share no grid of at least
         *                                  {@value #MIN_GRID_MICROS} µs
         */
        public WearableConfig build() {
            long g = 1_000_000L;
            for (double r : new double[] {accelerometer.nominalRateHz(), gyroscope.nominalRateHz(), ecgRateHz,
                ppgRateHz, fsrRateHz}) {
                g = gcd(g, periodMicros(r));
            }
            if (g < MIN_GRID_MICROS) {
                throw new IllegalArgumentException("sample periods must share a grid of at least " + MIN_GRID_MICROS
                        + " µs, was " + g + " µs");
            }
            return new WearableConfig(this);
        }

        private static long gcd(long a, long b) {
            return b == 0 ? a : gcd(b, a % b);
        }

        private static SensorSpec checkSpec(String name, SensorSpec spec, SensorKind kind) {
            Objects.requireNonNull(spec, name);
            if (spec.kind() != kind) {
                throw new IllegalArgumentException(name + " must be a " + kind + " spec, was " + spec.kind());
            }
            checkRate(name + " rate", spec.nominalRateHz(), 25);
            return spec;
        }

        private static double checkRate(String name, double hz, double min) {
            if (!(hz >= min && hz <= 4000)) {
                throw new IllegalArgumentException(name + " must be in [" + min + ", 4000] Hz, was " + hz);
            }
            double period = 1e6 / hz;
            if (Math.abs(period - Math.rint(period)) > 1e-9 * period) {
                throw new IllegalArgumentException(name + " must give a whole number of microseconds per sample, was "
                        + hz + " Hz (" + period + " µs)");
            }
            return hz;
        }

    }
}
