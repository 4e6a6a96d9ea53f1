package dev.touchline.sensor.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The heart and breathing of one player, shared by the ECG and the PPG so that both see the same beats.
 *
 * <p>Heart rate follows a speed-driven target with first-order kinetics (time constant 30 s rising, 60 s falling).
 * The target is {@code rest + (max − rest) × (1 − exp(−e / 2.2 m/s))} with effort {@code e = speed + 0.5 s × |a|},
 * so standing gives the resting rate, walking about 130 bpm, running at 4 m/s about 175 bpm and sprinting close to
 * the maximum. The instantaneous rate adds respiratory sinus arrhythmia (a few bpm at rest, under 1 bpm near the
 * maximum) and a per-beat random offset; integrating it gives the cardiac phase, whose whole numbers are the
 * R peaks. Breathing runs at 0.25 Hz at rest up to 0.65 Hz near the maximum.
 *
 * <p>Each beat's pulse arrival time (PAT) is the player's resting value, falling with heart rate, plus 1 ms of
 * beat-to-beat noise, plus the shift of a labelled episode when one is running. Random draws come from the
 * {@code "heart"} stream in a fixed sequence per beat.
 */
final class HeartModel {
    private static final int FEET = 8;

    final double restBpm;
    final double maxBpm;
    final double patRestMillis;
    private final WearableConfig config;
    private final SplittableRandom random;

    private double target;
    private double hr;
    private double hrInst;
    private double cardiacPhase;
    private double respPhase;
    private double beatOffset;
    private long lastR = Long.MIN_VALUE;
    private int episodeLeft;
    private double episodeShift;

    private final long[] footMicros = new long[FEET];
    private final double[] footAmplitude = new double[FEET];
    private final double[] footRr = new double[FEET];
    private int feet;

    final List<Beat> beats = new ArrayList<>();

    HeartModel(long seed, RosterEntry player, WearableConfig config) {
        this.config = config;
        this.random = new SplittableRandom(Seeds.derive(seed, "heart", player.objectIndex()));
        this.restBpm = Randoms.gaussian(random, config.restingHeartRateBpm(), 3);
        this.maxBpm = Math.max(restBpm + 60, Randoms.gaussian(random, config.maxHeartRateBpm(), 3));
        this.patRestMillis = Randoms.uniform(random, config.patMinMillis(), config.patMaxMillis());
        this.cardiacPhase = random.nextDouble();
        this.respPhase = random.nextDouble();
        // players come out warmed up
        this.hr = restBpm + 0.3 * (maxBpm - restBpm);
        this.hrInst = hr;
        this.target = restBpm;
        for (int i = 0; i < FEET; i++) {
            footMicros[i] = Long.MIN_VALUE;
        }
    }

    /** Sets the target from the motion at the current tick. */
    void observe(double speed, double accMagnitude) {
        double effort = speed + 0.5 * accMagnitude;
        target = restBpm + (maxBpm - restBpm) * (1 - Math.exp(-effort / 2.2));
    }

    /** Advances one tick using the target observed at its start, recording the R peaks it passes. */
    void advance(long t, long tickMicros) {
        double dt = tickMicros / 1e6;
        double tau = target > hr ? 30 : 60;
        hr += (target - hr) * dt / tau;
        double frac = fraction();
        respPhase += (0.25 + 0.4 * frac) * dt;
        if (respPhase >= 1) {
            respPhase -= 1;
        }
        double rsa = (0.5 + 3.5 * (1 - frac)) * Math.sin(2 * Math.PI * respPhase);
        hrInst = Math.max(35, Math.min(215, hr + rsa + beatOffset));
        double rate = hrInst / 60;
        double next = cardiacPhase + rate * dt;
        if (next >= 1) {
            long r = t + (long) Math.ceil((1 - cardiacPhase) / rate * 1e6);
            beat(r);
            next -= 1;
        }
        cardiacPhase = next;
    }

    private void beat(long r) {
        double rr = lastR == Long.MIN_VALUE ? 60 / hrInst : (r - lastR) / 1e6;
        lastR = r;
        double frac = fraction();
        beatOffset = Randoms.gaussian(random, 0, 0.8 + 2.7 * (1 - frac));
        boolean start = random.nextDouble() < config.patShiftEpisodesPerMinute() * rr / 60;
        if (episodeLeft == 0 && start) {
            episodeLeft = config.patShiftMinBeats()
                    + random.nextInt(config.patShiftMaxBeats() - config.patShiftMinBeats() + 1);
            episodeShift = Randoms.uniform(random, config.patShiftMinMillis(), config.patShiftMaxMillis());
        }
        boolean shifted = episodeLeft > 0;
        if (shifted) {
            episodeLeft--;
        }
        double pat = patRestMillis - config.patSlopeMillisPerBpm() * Math.max(0, hr - restBpm)
                + (shifted ? episodeShift : 0) + Randoms.gaussian(random, 0, 1.0);
        long foot = r + Math.round(Math.max(40, pat) * 1000);
        int k = feet % FEET;
        footMicros[k] = foot;
        footAmplitude[k] = 1 - 0.35 * frac;
        footRr[k] = rr;
        feet++;
        beats.add(new Beat(r, foot, (foot - r) / 1000.0, shifted));
    }

    /** Lets a break pass: the heart recovers towards rest and no beats are recorded. */
    void skipGap(double seconds) {
        hr = restBpm + (hr - restBpm) * Math.exp(-seconds / 60);
        hrInst = hr;
        lastR = Long.MIN_VALUE;
        beats.clear();
    }

    /** Heart rate kinetics as a fraction of the reserve, in [0, 1]. */
    double fraction() {
        return Math.max(0, Math.min(1, (hr - restBpm) / (maxBpm - restBpm)));
    }

    /** Smoothed heart rate, bpm. */
    double heartRate() {
        return hr;
    }

    /** Instantaneous heart rate including RSA and beat noise, bpm. */
    double instantRate() {
        return hrInst;
    }

    /** Cardiac phase in [0, 1): 0 at the R peak. */
    double cardiacPhase() {
        return cardiacPhase;
    }

    /** Breathing phase in [0, 1). */
    double respPhase() {
        return respPhase;
    }

    int footSlots() {
        return FEET;
    }

    long footMicros(int slot) {
        return footMicros[slot];
    }

    double footAmplitude(int slot) {
        return footAmplitude[slot];
    }

    double footRr(int slot) {
        return footRr[slot];
    }
}
