package dev.touchline.sensor.simulation;

import dev.touchline.sensor.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The gait of one player, shared by the tibia IMU and the FSR insoles so that both see the same contacts.
 *
 * <p>The gait phase counts strides: the left foot touches down when the phase passes a whole number, the right
 * foot half a stride later. The phase advances at half the cadence, which follows running speed through a table
 * of typical values (walking 1.5–2.0 steps/s, jogging about 2.6, sprinting 3.3–3.5); below
 * {@value #MIN_SPEED} m/s the player stands and the phase stops. Contact time falls with speed (0.6 s walking at
 * 1.5 m/s to 0.12 s sprinting). The peak vertical force of a contact is chosen so that the force averaged over a
 * step carries the body weight, within [1, 3] × body weight: about 1.2 × BW walking and 2.5–3 × BW running.
 *
 * <p>Random draws (stride-to-stride jitter, strike pattern, impact size) come from the {@code "gait"} stream, one
 * fixed sequence per contact, so the gait is identical whichever of IMU and FSR is selected.
 */
final class GaitModel {
    /** Below this speed, m/s, the player stands. */
    static final double MIN_SPEED = 0.3;
    private static final double[] KNOT_SPEED = {0.3, 1.0, 1.5, 2.0, 2.5, 3, 4, 5, 6, 7, 8, 9, 12.5};
    private static final double[] KNOT_CADENCE = {1.5, 1.72, 1.85, 2.0, 2.45, 2.55, 2.7, 2.82, 2.95, 3.12, 3.3,
        3.45, 3.6};
    private static final double[] KNOT_CONTACT = {0.85, 0.68, 0.60, 0.50, 0.30, 0.27, 0.225, 0.195, 0.17, 0.15,
        0.135, 0.125, 0.11};
    private static final int LEFT = 0;
    private static final int RIGHT = 1;

    final double massKg;
    final double weightNewtons;
    /** Relative load difference, left minus right; a few percent. */
    final double asymmetry;
    /** Speed, m/s, at which this player strikes with the forefoot half of the time. */
    final double forefootSpeed;
    private final SplittableRandom random;

    private double speed;
    private double forwardAcc;
    private double lateralAcc;
    private double accMagnitude;
    private double headingX = 1;
    private double headingY;

    private double phase;
    private double strideRate;
    private double strideJitter = 1;

    private final long[] on = {Long.MIN_VALUE, Long.MIN_VALUE};
    private final long[] off = {Long.MIN_VALUE, Long.MIN_VALUE};
    private final double[] peak = new double[2];
    private final double[] shapeC = new double[2];
    private final double[] shapeNorm = {1, 1};
    private final StrikePattern[] pattern = {StrikePattern.REARFOOT, StrikePattern.REARFOOT};

    private long strikeMicros = Long.MIN_VALUE;
    private double strikePeak;
    private double strikeYaw;

    final List<FootStrike> strikes = new ArrayList<>();
    final List<FootContact> contacts = new ArrayList<>();

    GaitModel(long seed, RosterEntry player, double bodyMassIndex) {
        this.random = new SplittableRandom(Seeds.derive(seed, "gait", player.objectIndex()));
        this.massKg = bodyMassIndex * player.statureMetres() * player.statureMetres();
        this.weightNewtons = massKg * Units.STANDARD_GRAVITY;
        this.asymmetry = Math.max(-0.08, Math.min(0.08, Randoms.gaussian(random, 0, 0.03)));
        this.forefootSpeed = Math.max(4.0, Math.min(7.0, Randoms.gaussian(random, 5.5, 0.7)));
        this.phase = random.nextDouble();
    }

    /** Steps per second at a speed in m/s (0 when standing). */
    static double cadence(double v) {
        return v < MIN_SPEED ? 0 : table(KNOT_CADENCE, v);
    }

    /** Typical ground contact time, s, at a speed in m/s. */
    static double contactSeconds(double v) {
        return table(KNOT_CONTACT, v);
    }

    /** Amplitude of the shank's sagittal swing, rad, at a speed in m/s: 0 standing, about 1 rad sprinting. */
    static double swingAmplitude(double v) {
        if (v <= MIN_SPEED) {
            return 0;
        }
        double full = Math.min(1.05, 0.45 + 0.08 * v);
        return v >= 0.6 ? full : full * (v - MIN_SPEED) / 0.3;
    }

    /** Share of body weight borne statically (standing), from 1 below 0.3 m/s to 0 above 0.6 m/s. */
    static double standingShare(double v) {
        return Math.max(0, Math.min(1, (0.6 - v) / 0.3));
    }

    /** Peak of the tibial impact transient along the tibia, g, for a rearfoot strike at a speed in m/s. */
    static double impactPeakG(double v) {
        return 0.5 + 1.6 * v;
    }

    private static double table(double[] values, double v) {
        if (v <= KNOT_SPEED[0]) {
            return values[0];
        }
        int n = KNOT_SPEED.length;
        if (v >= KNOT_SPEED[n - 1]) {
            return values[n - 1];
        }
        int i = 1;
        while (KNOT_SPEED[i] < v) {
            i++;
        }
        double s = (v - KNOT_SPEED[i - 1]) / (KNOT_SPEED[i] - KNOT_SPEED[i - 1]);
        return values[i - 1] + s * (values[i] - values[i - 1]);
    }

    /**
     * Takes the player's true motion at the current tick.
     *
     * @param m {x, y, vx, vy, ax, ay} from {@link MotionBlock#interpolate}. Not modified.
     */
    void observe(double[] m) {
        speed = Math.hypot(m[2], m[3]);
        if (speed > 0.2) {
            headingX = m[2] / speed;
            headingY = m[3] / speed;
        }
        forwardAcc = m[4] * headingX + m[5] * headingY;
        lateralAcc = headingX * m[5] - headingY * m[4];
        accMagnitude = Math.hypot(m[4], m[5]);
    }

    /** Advances the phase over one tick using the motion observed at its start, recording contacts it passes. */
    void advance(long t, long tickMicros) {
        strideRate = 0.5 * cadence(speed) * strideJitter;
        if (strideRate == 0) {
            return;
        }
        double next = phase + strideRate * tickMicros / 1e6;
        long h0 = (long) Math.floor(2 * phase);
        long h1 = (long) Math.floor(2 * next);
        for (long h = h0 + 1; h <= h1; h++) {
            long time = t + (long) Math.ceil((h / 2.0 - phase) / strideRate * 1e6);
            touchDown(h % 2 == 0 ? LEFT : RIGHT, time);
        }
        phase = next;
    }

    private void touchDown(int foot, long time) {
        double v = speed;
        double stride = 1 / strideRate;
        double tc = Math.min(0.8 * stride, contactSeconds(v) * (1 + 0.03 * clip(Randoms.gaussian(random), 3)));
        double blend = Math.max(0, Math.min(1, (v - 2.0) / 0.5));
        double c = 0.25 * (1 - blend);
        double norm = shapeMax(c);
        double area = (2 / Math.PI) * (1 + c / 3) / norm;
        double bw = Math.max(1.0, Math.min(3.0, 0.5 * stride / (tc * area)));
        double side = foot == LEFT ? 1 + asymmetry / 2 : 1 - asymmetry / 2;
        double f = weightNewtons * bw * (1 - standingShare(v)) * side
                * (1 + 0.04 * clip(Randoms.gaussian(random), 3));
        StrikePattern p = choosePattern(v, random.nextDouble());
        long tcMicros = Math.round(tc * 1e6);
        on[foot] = time;
        off[foot] = time + tcMicros;
        peak[foot] = f;
        shapeC[foot] = c;
        shapeNorm[foot] = norm;
        pattern[foot] = p;
        contacts.add(new FootContact(foot == LEFT ? Foot.LEFT : Foot.RIGHT, time, time + tcMicros, p, f));
        if (foot == LEFT) {
            strideJitter = 1 + 0.015 * clip(Randoms.gaussian(random), 3);
            double softer = p == StrikePattern.FOREFOOT ? 0.75 : p == StrikePattern.MIDFOOT ? 0.9 : 1.0;
            double g = impactPeakG(v) * softer * (1 + 0.08 * clip(Randoms.gaussian(random), 3));
            strikeMicros = time;
            strikePeak = Units.gToMetresPerSecondSquared(Math.max(0.5, Math.min(15, g)));
            strikeYaw = 0.4 * Math.min(1.5, v / 8) * (0.8 + 0.4 * random.nextDouble());
            strikes.add(new FootStrike(time, strikePeak, v));
        }
    }

    /** Rearfoot when jogging, forefoot when sprinting, the switch centred on this player's habit. */
    private StrikePattern choosePattern(double v, double u) {
        double fore = 1 / (1 + Math.exp(-(v - forefootSpeed) / 0.7));
        double mid = 0.05 + 0.2 * (1 - Math.abs(2 * fore - 1));
        if (u < fore) {
            return StrikePattern.FOREFOOT;
        }
        return u < fore + mid ? StrikePattern.MIDFOOT : StrikePattern.REARFOOT;
    }

    private static double clip(double z, double limit) {
        return Math.max(-limit, Math.min(limit, z));
    }

    /** Maximum over u of sin(πu) + c sin(3πu): the walking double hump has its peaks above the valley. */
    private static double shapeMax(double c) {
        double max = 0;
        for (int i = 0; i <= 200; i++) {
            double u = i / 200.0;
            max = Math.max(max, Math.sin(Math.PI * u) + c * Math.sin(3 * Math.PI * u));
        }
        return max;
    }

    /** Forgets contacts and motion across a break in the recording. */
    void resetAfterGap() {
        for (int f = 0; f < 2; f++) {
            on[f] = Long.MIN_VALUE;
            off[f] = Long.MIN_VALUE;
        }
        strikeMicros = Long.MIN_VALUE;
        strikes.clear();
        contacts.clear();
    }

    /** Progress through the current contact of a foot in [0, 1), or −1 when the foot is off the ground. */
    double contactProgress(int foot, long t) {
        if (t < on[foot] || t >= off[foot]) {
            return -1;
        }
        return (double) (t - on[foot]) / (off[foot] - on[foot]);
    }

    /** Dynamic vertical force of one foot's contact at time t, N (0 off the ground). */
    double contactForce(int foot, long t) {
        double u = contactProgress(foot, t);
        if (u < 0) {
            return 0;
        }
        double g = Math.sin(Math.PI * u) + shapeC[foot] * Math.sin(3 * Math.PI * u);
        return Math.max(0, peak[foot] * g / shapeNorm[foot]);
    }

    /** Static (standing) vertical force of one foot, N. */
    double standingForce(int foot) {
        double share = standingShare(speed);
        double side = foot == LEFT ? 1 + asymmetry : 1 - asymmetry;
        return 0.5 * weightNewtons * share * side;
    }

    /** Total vertical ground reaction force of both feet, N. */
    double totalForce(long t) {
        return contactForce(LEFT, t) + contactForce(RIGHT, t) + standingForce(LEFT) + standingForce(RIGHT);
    }

    StrikePattern pattern(int foot) {
        return pattern[foot];
    }

    double speed() {
        return speed;
    }

    double forwardAcc() {
        return forwardAcc;
    }

    double lateralAcc() {
        return lateralAcc;
    }

    double accMagnitude() {
        return accMagnitude;
    }

    /** Gait phase, strides; left contact at whole numbers. */
    double phase() {
        return phase;
    }

    /** Strides per second over the last tick (0 standing). */
    double strideRate() {
        return strideRate;
    }

    long strikeMicros() {
        return strikeMicros;
    }

    double strikePeak() {
        return strikePeak;
    }

    double strikeYaw() {
        return strikeYaw;
    }
}
