package dev.touchline.sensor.simulation;

import java.util.SplittableRandom;

/**
 * Upper-arm PPG in arbitrary units: a DC level of 20000 with a pulse of about 600 per beat. Each pulse starts at
 * its foot (R peak plus the pulse arrival time) with a fast, sine-shaped systolic upstroke whose slope is steepest
 * at the foot, so the foot is the waveform's minimum; then a diastolic decay with a dicrotic notch and wave.
 * Pulses overlap at high heart rates. Breathing moves the baseline; motion adds a step-locked swing and a
 * low-pass random drift that both grow with speed.
 *
 * <p>Draws from the {@code "ppg"} stream, two Gaussians per sample produced (none while the duty cycle is off).
 */
final class PpgModel {
    static final double DC = 20_000;
    static final double PULSE = 600;
    private final SplittableRandom random;
    private final double driftPhase;
    private double motionStage;
    private double motion;

    PpgModel(long seed, RosterEntry player) {
        this.random = new SplittableRandom(Seeds.derive(seed, "ppg", player.objectIndex()));
        this.driftPhase = random.nextDouble();
    }

    /** The PPG at time t; {@code dt} is the sample period in s. */
    double sample(long t, double dt, HeartModel heart, GaitModel gait) {
        double v = DC;
        for (int k = 0; k < heart.footSlots(); k++) {
            long foot = heart.footMicros(k);
            if (foot != Long.MIN_VALUE && foot <= t && t - foot < 3_000_000L) {
                v += PULSE * heart.footAmplitude(k) * pulse((t - foot) / 1e6, heart.footRr(k));
            }
        }
        double seconds = (t % 86_400_000_000L) / 1e6;
        v += 0.05 * PULSE * Math.sin(2 * Math.PI * heart.respPhase())
                + 0.1 * PULSE * Math.sin(2 * Math.PI * (0.02 * seconds + driftPhase));
        double level = Math.min(1.5, gait.speed() / 7);
        double keep = Math.exp(-dt / 0.15);
        // two low-pass stages: motion drift is smooth, so it bends the pulse foot without hiding it
        motionStage = keep * motionStage + Math.sqrt(1 - keep * keep) * Randoms.gaussian(random);
        motion = keep * motion + (1 - keep) * motionStage;
        v += level * PULSE * (0.3 * Math.sin(4 * Math.PI * gait.phase() + 0.5) + 1.5 * motion);
        v += 0.25 * Randoms.gaussian(random);
        return Math.max(0, v);
    }

    /** Shape of one pulse, τ seconds after its foot, peak 1. */
    static double pulse(double tau, double rr) {
        double rise = 0.08 + 0.08 * Math.min(rr, 1.2);
        if (tau < rise) {
            return Math.sin(0.5 * Math.PI * tau / rise);
        }
        double d = tau - rise;
        double decay = 0.5 * rr;
        double notch = 0.12 + 0.1 * rr;
        double w = (d - notch) / 0.035;
        return Math.exp(-d / decay) + 0.2 * Math.exp(-w * w);
    }
}
