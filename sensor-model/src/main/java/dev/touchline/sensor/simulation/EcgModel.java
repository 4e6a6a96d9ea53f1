package dev.touchline.sensor.simulation;

import java.util.SplittableRandom;

/**
 * Single-lead ECG in mV, after ECGSYN (McSharry et al. 2003): each beat is a sum of Gaussian P, Q, R, S and T waves
 * placed on the cardiac phase, so the waveform follows the beat timing without looking ahead. P and T positions
 * scale with the square root of the RR interval (as the QT interval does), so the waves crowd together at high
 * heart rates. Baseline wander follows breathing; muscle noise grows with running speed.
 *
 * <p>Draws from the {@code "ecg"} stream: the player's R amplitude (1.0–1.5 mV) once, then one Gaussian per sample.
 */
final class EcgModel {
    private final SplittableRandom random;
    private final double rAmplitude;
    private final double driftPhase;

    EcgModel(long seed, RosterEntry player) {
        this.random = new SplittableRandom(Seeds.derive(seed, "ecg", player.objectIndex()));
        this.rAmplitude = Randoms.uniform(random, 1.0, 1.5);
        this.driftPhase = random.nextDouble();
    }

    /** The ECG at time t, mV, from the heart's state at t and the running speed in m/s. */
    double sample(long t, HeartModel heart, double speed) {
        double rate = heart.instantRate() / 60;
        double rr = 1 / rate;
        double sq = Math.sqrt(rr);
        double psi = heart.cardiacPhase();
        double v = wave(psi, -0.16 * sq * rate, 0.022 * rate, 0.1 * rAmplitude)
                + wave(psi, -0.028 * rate, 0.010 * rate, -0.1)
                + wave(psi, 0, 0.010 * rate, rAmplitude)
                + wave(psi, 0.032 * rate, 0.012 * rate, -0.25)
                + wave(psi, 0.28 * sq * rate, 0.05 * sq * rate, 0.28);
        double seconds = (t % 86_400_000_000L) / 1e6;
        v += 0.08 * Math.sin(2 * Math.PI * heart.respPhase())
                + 0.05 * Math.sin(2 * Math.PI * (0.03 * seconds + driftPhase));
        v += (0.006 + 0.03 * Math.min(1.5, speed / 7)) * Randoms.gaussian(random);
        return v;
    }

    /** A Gaussian wave of the given centre and width in cycles, wrapped onto the cardiac cycle. */
    private static double wave(double psi, double centre, double width, double amplitude) {
        double d = psi - centre;
        d -= Math.floor(d + 0.5);
        return amplitude * Math.exp(-d * d / (2 * width * width));
    }
}
