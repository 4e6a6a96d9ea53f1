package dev.touchline.sensor.simulation;

import java.nio.charset.StandardCharsets;

/**
 * Independent random streams from one match seed. Every simulated signal of every object draws from its own
 * stream, {@code derive(seed, "gnss", objectIndex)}, so choosing which signals to produce never changes the
 * values of the others, and adding a signal never shifts an existing one. Streams in use: {@code roster},
 * {@code motion}, {@code detections}, {@code gnss}, and for the wearables {@code gait} and {@code heart} (shared
 * by the signals that see the same steps and beats), {@code imu}, {@code ecg}, {@code ppg} and {@code fsr}.
 */
final class Seeds {
    private Seeds() {
    }

    /** A 64-bit seed for the named stream of one object. */
    static long derive(long matchSeed, String stream, int index) {
        long h = mix(matchSeed ^ 0x9E3779B97F4A7C15L);
        for (byte b : stream.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF));
        }
        return mix(h ^ index);
    }

    /** SplitMix64's finaliser (Steele, Lea, Flood 2014): a bijection with full avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
