package dev.touchline.codec.gps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.sensor.GpsTrack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The optional lossy speed deadband: its error bound, that it never accumulates, and that it is off by default. */
class SpeedDeadbandTest {

    /**
     * Every decoded speed is within {@code deadband − 0.005} m/s of the original, whatever the track (drifts, jitter,
     * steps, NaN runs, gaps), because each comparison is against the stored value; positions and time are untouched.
     */
    @Property(tries = 200, seed = "41")
    void decodedSpeedStaysWithinTheDeadbandOfTheOriginal(@ForAll long seed,
                                                         @ForAll @IntRange(min = 2, max = 100) int deadbandCm,
                                                         @ForAll EntropyMode mode) throws IOException {
        GpsTrack track = Tracks.random(seed, 2000);
        GpsCodec lossy = GpsCodec.builder().entropyMode(mode).speedDeadband(deadbandCm / 100.0).build();
        GpsTrack back = lossy.decode(lossy.encode(track));
        GpsTrack exact = lossy.quantise(track);
        assertEquals(track.length(), back.length());
        double bound = (deadbandCm - 0.5) / 100.0 + 1e-6;
        for (int i = 0; i < track.length(); i++) {
            assertEquals(exact.timeMicros(i), back.timeMicros(i));
            assertEquals(exact.latDeg(i), back.latDeg(i));
            assertEquals(exact.lonDeg(i), back.lonDeg(i));
            float v = track.speedMetresPerSecond(i);
            float d = back.speedMetresPerSecond(i);
            if (Float.isNaN(v)) {
                assertTrue(Float.isNaN(d), "unknown speed stays unknown at " + i);
            } else {
                assertTrue(Math.abs((double) d - v) <= bound, "fix " + i + ": " + v + " decoded as " + d
                        + ", bound " + bound);
            }
        }
    }

    /** A slow drift of 1 cm/s per fix would accumulate against the last input; against the stored value it cannot. */
    @Test
    void aSlowDriftIsFollowedNotLost() throws IOException {
        int n = 3000;
        long[] t = new long[n];
        double[] lat = new double[n];
        double[] lon = new double[n];
        float[] sp = new float[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 100_000L;
            lat[i] = 51.5;
            lon[i] = -0.1;
            sp[i] = i * 0.01f;
        }
        GpsTrack track = GpsTrack.of(t, lat, lon, sp);
        GpsCodec lossy = GpsCodec.builder().speedDeadband(0.05).build();
        byte[] bytes = lossy.encode(track);
        GpsTrack back = lossy.decode(bytes);
        for (int i = 0; i < n; i++) {
            assertTrue(Math.abs(back.speedMetresPerSecond(i) - sp[i]) <= 0.045 + 1e-4, "fix " + i);
        }
        assertTrue(back.speedMetresPerSecond(n - 1) > 29.9, "the drift is followed to its end");
    }

    /** Seed 42: jitter of ±1 cm/s around a constant speed costs fewer bytes with a 0.02 m/s deadband. */
    @Test
    void jitterBelowTheDeadbandCostsFewerBytes() {
        java.util.Random r = new java.util.Random(42);
        int n = 6000;
        long[] t = new long[n];
        double[] lat = new double[n];
        double[] lon = new double[n];
        float[] sp = new float[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 100_000L;
            lat[i] = 51.5 + i * 1e-6;
            lon[i] = -0.1;
            sp[i] = 3.0f + (r.nextInt(3) - 1) * 0.01f;
        }
        GpsTrack track = GpsTrack.of(t, lat, lon, sp);
        int lossless = GpsCodec.defaults().encode(track).length;
        int lossy = GpsCodec.builder().speedDeadband(0.02).build().encode(track).length;
        assertTrue(lossy < lossless, lossy + " bytes with the deadband, " + lossless + " without");
    }

    @Test
    void offByDefaultAndStreamingMatchesWholeTrack() throws IOException {
        assertEquals(0, GpsCodec.defaults().speedDeadbandCentimetresPerSecond());
        GpsTrack track = Tracks.random(43, 3000);
        // Stream table sample 0: both encoders code with the built-in tables here, so their bytes must agree.
        GpsCodec lossy = GpsCodec.builder().speedDeadband(0.1).keyFrameInterval(Duration.ofSeconds(5))
                .streamTableSample(0).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GpsStreamEncoder e = lossy.newEncoder(out)) {
            for (int i = 0; i < track.length(); i++) {
                e.add(track.timeMicros(i), track.latDeg(i), track.lonDeg(i), track.speedMetresPerSecond(i));
            }
        }
        assertEquals(java.util.Arrays.toString(lossy.encode(track)), java.util.Arrays.toString(out.toByteArray()));
        assertThrows(IllegalArgumentException.class, () -> GpsCodec.builder().speedDeadband(0.005));
        assertThrows(IllegalArgumentException.class, () -> GpsCodec.builder().speedDeadband(2));
        assertThrows(IllegalArgumentException.class, () -> GpsCodec.builder().speedDeadband(Double.NaN));
    }
}
