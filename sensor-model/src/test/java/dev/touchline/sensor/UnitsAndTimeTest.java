package dev.touchline.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class UnitsAndTimeTest {

    @Test
    void namedConvertersUseStandardGravityAndExactFactors() {
        assertEquals(9.80665, Units.gToMetresPerSecondSquared(1), 0);
        assertEquals(156.9064, Units.gToMetresPerSecondSquared(16), 1e-12);
        assertEquals(Math.PI, Units.degreesPerSecondToRadiansPerSecond(180), 1e-15);
        assertEquals(10, Units.kilometresPerHourToMetresPerSecond(36), 1e-12);
        assertEquals(0.9144, Units.yardsToMetres(1), 0);
        assertEquals(9.80665e-4, Units.milliGToMetresPerSecondSquared(0.1), 1e-18);
    }

    @Property
    void conversionsRoundTrip(@ForAll @DoubleRange(min = -1e4, max = 1e4) double v) {
        assertEquals(v, Units.metresPerSecondSquaredToG(Units.gToMetresPerSecondSquared(v)), 1e-9);
        assertEquals(v, Units.radiansPerSecondToDegreesPerSecond(Units.degreesPerSecondToRadiansPerSecond(v)), 1e-9);
        assertEquals(v, Units.metresPerSecondToKilometresPerHour(Units.kilometresPerHourToMetresPerSecond(v)), 1e-9);
        assertEquals(v, Units.metresToYards(Units.yardsToMetres(v)), 1e-9);
    }

    @Property
    void epochMicrosRoundTripThroughInstant(@ForAll @LongRange(min = -62_000_000_000_000_000L,
            max = 250_000_000_000_000_000L) long micros) {
        assertEquals(micros, TimeMicros.of(TimeMicros.toInstant(micros)));
    }

    @Test
    void instantsBeforeTheEpochFloorCorrectly() {
        assertEquals(-1, TimeMicros.of(Instant.ofEpochSecond(-1, 999_999_000)));
        assertEquals(Instant.ofEpochSecond(-1, 999_999_000), TimeMicros.toInstant(-1));
        assertEquals(90L * 60 * 1_000_000, TimeMicros.of(Duration.ofMinutes(90)));
        assertEquals(1_500_000, TimeMicros.ofSeconds(1.5));
        assertThrows(IllegalArgumentException.class, () -> TimeMicros.ofSeconds(Double.NaN));
    }
}
