package dev.touchline.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.sensor.GpsTrack;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Thinning keeps the first fix of each epoch-aligned interval (jqwik seed 8). */
class GnssDownsamplingTest {
    @Test
    void tenHertzThinnedToOneSecondKeepsTheWholeSeconds() {
        GpsTrack.Builder b = GpsTrack.builder();
        long start = 1_786_802_400_000_000L - 300_000; // 0.3 s before a whole second
        for (int i = 0; i < 25; i++) {
            b.add(start + i * 100_000L, 51.5 + i * 1e-6, -0.28, i);
        }
        GpsTrack thin = GnssDownsampling.firstPerInterval(b.build(), Duration.ofSeconds(1));
        assertEquals(4, thin.length(), "the partial second before, two whole seconds, the partial one after");
        assertEquals(start, thin.timeMicros(0));
        assertEquals(1_786_802_400_000_000L, thin.timeMicros(1));
        assertEquals(3f, thin.speedMetresPerSecond(1), "the fix itself, not an average");
        assertThrows(IllegalArgumentException.class,
                () -> GnssDownsampling.firstPerInterval(thin, Duration.ofNanos(999)));
    }

    @Property(seed = "8", tries = 100)
    void keptFixesAreTheFirstOfDistinctIntervals(@ForAll @IntRange(min = 0, max = 300) int n,
                                                 @ForAll @LongRange(min = 1, max = 3_000_000) long intervalMicros,
                                                 @ForAll @LongRange(min = 1, max = 400_000) long stepMicros) {
        GpsTrack.Builder b = GpsTrack.builder();
        for (int i = 0; i < n; i++) {
            b.add(1_786_802_400_000_000L + i * stepMicros, 51.5, -0.28, 1f);
        }
        GpsTrack track = b.build();
        GpsTrack thin = GnssDownsampling.firstPerInterval(track, Duration.ofNanos(intervalMicros * 1_000L));
        int k = 0;
        for (int i = 0; i < n; i++) {
            boolean first = i == 0 || Math.floorDiv(track.timeMicros(i), intervalMicros)
                    != Math.floorDiv(track.timeMicros(i - 1), intervalMicros);
            if (first) {
                assertTrue(k < thin.length());
                assertEquals(track.timeMicros(i), thin.timeMicros(k++));
            }
        }
        assertEquals(k, thin.length());
    }
}
