package dev.touchline.sensor.simulation;

import dev.touchline.sensor.SensorSpec;
import dev.touchline.sensor.Units;
import dev.touchline.sensor.bias.BiasModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The IMU strapped to the left shank, 0.25 m below the knee.
 *
 * <p><b>Sensor frame:</b> x along the tibia pointing up (towards the knee), y anterior, z = x × y pointing to the
 * player's left (lateral for the left leg). Standing still, the accelerometer reads +1 g on x.
 *
 * <p><b>Accelerometer</b> (specific force, m/s²): gravity and the body's vertical support (the gait's total ground
 * force divided by body mass, so it reads about 0 g in the flight phase of running), the body's forward and lateral
 * acceleration, all projected through the shank's pitch θ about z; the swing's centripetal (ω²r along x) and
 * tangential (−αr along y) acceleration about the knee; at each left contact a damped 35 Hz impact transient
 * (7 ms decay, peak along x, a smaller one along −y); artefacts; the temperature-dependent bias; white noise from
 * the spec; quantised to the resolution and clipped at the range.
 *
 * <p><b>Gyroscope</b> (rad/s): the swing rate about z, a small rotation about x (the shank's long axis, "yaw";
 * under about 55 °/s during normal running, with a brief twist at each strike) and about y; artefacts; bias; noise;
 * quantised and clipped.
 *
 * <p><b>Shank pitch:</b> θ = −A cos(2π(φ + 0.12)) with φ the gait phase and A the swing amplitude growing with
 * speed (positive θ: knee ahead of the ankle), so the swing rate peaks at about 3 rad/s walking and 10–11 rad/s
 * sprinting.
 *
 * <p><b>Artefacts:</b> cable whips (80–250 Hz burst of 2–6 g over 50–200 ms with a half-sine yaw rate pulse of
 * 200–800 °/s) and knocks (a 3–8 ms half-sine spike of 5–15 g and a 40–115 °/s yaw transient decaying over 30 ms)
 * arrive as Poisson processes, each kind from its own split of the {@code "imu"} stream; so do the noise of the
 * accelerometer, the gyroscope and the thermometer.
 *
 * <p><b>Temperature:</b> T = T<sub>end</sub> − (T<sub>end</sub> − T<sub>start</sub>) exp(−t / τ) from the first
 * sample of the session.
 */
final class ImuModel {
    static final double SHANK_RADIUS = 0.25;
    private static final double PHASE_OFFSET = 0.12;
    private static final double IMPACT_HZ = 35;
    private static final double IMPACT_DECAY = 0.007;
    private static final double IMPACT_NORM;
    /** Peak of exp(−s / 20 ms) sin(2π 12 Hz s), so the strike twist peaks at the gait's strike yaw. */
    private static final double TWIST_NORM = 0.4347;

    static {
        double w = 2 * Math.PI * IMPACT_HZ;
        double peakAt = Math.atan(w * IMPACT_DECAY) / w;
        IMPACT_NORM = Math.exp(-peakAt / IMPACT_DECAY) * Math.sin(w * peakAt);
    }

    private final SensorSpec acc;
    private final SensorSpec gyro;
    private final SensorSpec thermo;
    private final BiasModel accBias;
    private final BiasModel gyroBias;
    private final double tStart;
    private final double tEnd;
    private final double tau;
    private final double whipMeanGapSeconds;
    private final double knockMeanGapSeconds;
    private final SplittableRandom accNoise;
    private final SplittableRandom gyroNoise;
    private final SplittableRandom thermoNoise;
    private final SplittableRandom whipRandom;
    private final SplittableRandom knockRandom;
    private final double[] bias = new double[3];

    private long sessionStart = Long.MIN_VALUE;

    private long whipNext = Long.MAX_VALUE;
    private long whipStart = Long.MIN_VALUE;
    private long whipEnd = Long.MIN_VALUE;
    private double whipHz;
    private double whipAmp;
    private double whipYaw;

    private long knockNext = Long.MAX_VALUE;
    private long knockStart = Long.MIN_VALUE;
    private long knockEnd = Long.MIN_VALUE;
    private long knockSpikeMicros;
    private double knockAmp;
    private double knockYaw;
    private final double[] knockDir = new double[3];

    final List<Artefact> artefacts = new ArrayList<>();

    ImuModel(long seed, RosterEntry player, WearableConfig config) {
        SplittableRandom root = new SplittableRandom(Seeds.derive(seed, "imu", player.objectIndex()));
        this.accNoise = root.split();
        this.gyroNoise = root.split();
        this.thermoNoise = root.split();
        this.whipRandom = root.split();
        this.knockRandom = root.split();
        this.acc = config.accelerometer();
        this.gyro = config.gyroscope();
        this.thermo = config.temperature();
        this.accBias = config.accelerometerBias();
        this.gyroBias = config.gyroscopeBias();
        this.tStart = config.temperatureStartCelsius();
        this.tEnd = config.temperatureEndCelsius();
        this.tau = config.temperatureTimeConstantSeconds();
        this.whipMeanGapSeconds = config.cableWhipsPerMinute() > 0 ? 60 / config.cableWhipsPerMinute() : 0;
        this.knockMeanGapSeconds = config.knocksPerMinute() > 0 ? 60 / config.knocksPerMinute() : 0;
    }

    /** Starts the clock of the warm-up and of the artefact processes. */
    void start(long t) {
        sessionStart = t;
        whipNext = whipMeanGapSeconds > 0 ? t + gap(whipRandom, whipMeanGapSeconds) : Long.MAX_VALUE;
        knockNext = knockMeanGapSeconds > 0 ? t + gap(knockRandom, knockMeanGapSeconds) : Long.MAX_VALUE;
    }

    /** Lets a break pass: artefacts due during it never happen. */
    void skipGap(long resume) {
        whipEnd = Long.MIN_VALUE;
        knockEnd = Long.MIN_VALUE;
        while (whipNext < resume) {
            whipNext += gap(whipRandom, whipMeanGapSeconds);
        }
        while (knockNext < resume) {
            knockNext += gap(knockRandom, knockMeanGapSeconds);
        }
        artefacts.clear();
    }

    private static long gap(SplittableRandom r, double meanSeconds) {
        return Math.max(1000L, Math.round(Randoms.exponential(r, meanSeconds) * 1e6));
    }

    /** Starts any artefact due at this tick. */
    void tick(long t) {
        if (t >= whipNext) {
            long d = Math.round(Randoms.uniform(whipRandom, 0.05, 0.2) * 1e6);
            whipStart = t;
            whipEnd = t + d;
            whipHz = Randoms.uniform(whipRandom, 80, 250);
            whipAmp = Units.gToMetresPerSecondSquared(Randoms.uniform(whipRandom, 2, 6));
            double yaw = Math.toRadians(Randoms.uniform(whipRandom, 200, 800));
            whipYaw = whipRandom.nextBoolean() ? yaw : -yaw;
            artefacts.add(new Artefact(t, whipEnd, ArtefactKind.CABLE_WHIP, whipAmp, Math.abs(whipYaw)));
            whipNext = whipEnd + gap(whipRandom, whipMeanGapSeconds);
        }
        if (t >= knockNext) {
            knockSpikeMicros = Math.round(Randoms.uniform(knockRandom, 0.003, 0.008) * 1e6);
            knockStart = t;
            knockEnd = t + 30_000L;
            knockAmp = Units.gToMetresPerSecondSquared(Randoms.uniform(knockRandom, 5, 15));
            double dx = Randoms.uniform(knockRandom, -0.3, 0.3);
            double dy = Randoms.uniform(knockRandom, 0.7, 1.0) * (knockRandom.nextBoolean() ? 1 : -1);
            double dz = Randoms.uniform(knockRandom, -0.5, 0.5);
            double n = Math.sqrt(dx * dx + dy * dy + dz * dz);
            knockDir[0] = dx / n;
            knockDir[1] = dy / n;
            knockDir[2] = dz / n;
            double yaw = Math.toRadians(Randoms.uniform(knockRandom, 40, 115));
            knockYaw = knockRandom.nextBoolean() ? yaw : -yaw;
            artefacts.add(new Artefact(t, knockEnd, ArtefactKind.KNOCK, knockAmp, yaw));
            knockNext = knockEnd + gap(knockRandom, knockMeanGapSeconds);
        }
    }

    /** Die temperature at t, °C (without noise). */
    double trueTemperature(long t) {
        return tEnd - (tEnd - tStart) * Math.exp(-(t - sessionStart) / 1e6 / tau);
    }

    /** A thermometer sample at t, °C. */
    double temperatureSample(long t) {
        double v = trueTemperature(t) + thermo.noiseStdDev() * Randoms.gaussian(thermoNoise);
        return Math.rint(v / thermo.resolution()) * thermo.resolution();
    }

    /** An accelerometer sample at t. @param out receives x, y, z in m/s². Modified. */
    void accelerometer(long t, GaitModel gait, double[] out) {
        double v = gait.speed();
        double a = GaitModel.swingAmplitude(v);
        double arg = 2 * Math.PI * (gait.phase() + PHASE_OFFSET);
        double cosArg = Math.cos(arg);
        double w0 = 2 * Math.PI * gait.strideRate();
        double theta = -a * cosArg;
        double omega = a * w0 * Math.sin(arg);
        double alpha = a * w0 * w0 * cosArg;
        double up = gait.totalForce(t) / gait.massKg;
        double fwd = gait.forwardAcc();
        double sin = Math.sin(theta);
        double cos = Math.cos(theta);
        double x = fwd * sin + up * cos + omega * omega * SHANK_RADIUS;
        double y = fwd * cos - up * sin - alpha * SHANK_RADIUS;
        double z = gait.lateralAcc();

        long sinceStrike = t - gait.strikeMicros();
        if (sinceStrike >= 0 && sinceStrike < 60_000L) {
            double s = sinceStrike / 1e6;
            double env = gait.strikePeak() * Math.exp(-s / IMPACT_DECAY) / IMPACT_NORM;
            x += env * Math.sin(2 * Math.PI * IMPACT_HZ * s);
            y -= 0.35 * env * Math.sin(2 * Math.PI * 28 * s);
        }
        if (t >= whipStart && t < whipEnd) {
            double s = (t - whipStart) / 1e6;
            double env = whipAmp * Math.sin(Math.PI * (t - whipStart) / (double) (whipEnd - whipStart));
            double p = 2 * Math.PI * whipHz * s;
            x += 0.3 * env * Math.sin(p + 1.0);
            y += env * Math.sin(p);
            z += 0.6 * env * Math.cos(p + 0.3);
        }
        if (t >= knockStart && t < knockStart + knockSpikeMicros) {
            double env = knockAmp * Math.sin(Math.PI * (t - knockStart) / (double) knockSpikeMicros);
            x += env * knockDir[0];
            y += env * knockDir[1];
            z += env * knockDir[2];
        }
        accBias.biasInto(trueTemperature(t), bias);
        double sd = acc.noiseStdDev();
        out[0] = finish(x + bias[0] + sd * Randoms.gaussian(accNoise), acc);
        out[1] = finish(y + bias[1] + sd * Randoms.gaussian(accNoise), acc);
        out[2] = finish(z + bias[2] + sd * Randoms.gaussian(accNoise), acc);
    }

    /** A gyroscope sample at t. @param out receives x, y, z in rad/s. Modified. */
    void gyroscope(long t, GaitModel gait, double[] out) {
        double v = gait.speed();
        double a = GaitModel.swingAmplitude(v);
        double phase = gait.phase();
        double arg = 2 * Math.PI * (phase + PHASE_OFFSET);
        double level = Math.min(1.5, v / 8);
        double z = a * 2 * Math.PI * gait.strideRate() * Math.sin(arg);
        double x = 0.2 * level * Math.sin(4 * Math.PI * phase);
        double y = 0.25 * level * Math.sin(2 * Math.PI * phase + 1.0);
        long sinceStrike = t - gait.strikeMicros();
        if (sinceStrike >= 0 && sinceStrike < 100_000L) {
            double s = sinceStrike / 1e6;
            x += gait.strikeYaw() * Math.exp(-s / 0.02) * Math.sin(2 * Math.PI * 12 * s) / TWIST_NORM;
        }
        if (t >= whipStart && t < whipEnd) {
            x += whipYaw * Math.sin(Math.PI * (t - whipStart) / (double) (whipEnd - whipStart));
        }
        if (t >= knockStart && t < knockEnd) {
            double decay = Math.exp(-(t - knockStart) / 8000.0);
            x += knockYaw * decay;
            z += 0.5 * Math.abs(knockYaw) * decay;
        }
        gyroBias.biasInto(trueTemperature(t), bias);
        double sd = gyro.noiseStdDev();
        out[0] = finish(x + bias[0] + sd * Randoms.gaussian(gyroNoise), gyro);
        out[1] = finish(y + bias[1] + sd * Randoms.gaussian(gyroNoise), gyro);
        out[2] = finish(z + bias[2] + sd * Randoms.gaussian(gyroNoise), gyro);
    }

    private static double finish(double value, SensorSpec spec) {
        double q = spec.resolution() > 0 ? Math.rint(value / spec.resolution()) * spec.resolution() : value;
        double r = spec.rangeMax();
        return Math.max(-r, Math.min(r, q));
    }
}
