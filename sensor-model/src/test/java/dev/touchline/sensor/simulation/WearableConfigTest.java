package dev.touchline.sensor.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.sensor.SensorKind;
import dev.touchline.sensor.SensorSpec;
import dev.touchline.sensor.Units;
import dev.touchline.sensor.bias.BiasModel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WearableConfigTest {
    @Test
    void defaultsMatchTheDatasheets() {
        WearableConfig d = WearableConfig.defaults();
        assertEquals(1000, d.accelerometer().nominalRateHz());
        assertEquals(Units.gToMetresPerSecondSquared(16), d.accelerometer().rangeMax(), 1e-9);
        assertEquals(200, d.gyroscope().nominalRateHz());
        assertEquals(Math.toRadians(2000), d.gyroscope().rangeMax(), 1e-9);
        assertEquals(250, d.ecgRateHz());
        assertEquals(500, d.ppgRateHz());
        assertEquals(1, d.ppgDutyCycle());
        assertEquals(250, d.fsrRateHz());
        assertEquals(Units.milliGToMetresPerSecondSquared(0.1), d.accelerometerBias().temperatureCoefficient(0),
                1e-12);
    }

    @Test
    void valueSemantics() {
        assertEquals(WearableConfig.defaults(), WearableConfig.builder().build());
        assertEquals(WearableConfig.defaults().hashCode(), WearableConfig.builder().build().hashCode());
        WearableConfig other = WearableConfig.builder().ppgDutyCycle(4).build();
        assertNotEquals(WearableConfig.defaults(), other);
        assertEquals(other, other.toBuilder().build());
    }

    @Test
    void settersNameParameterValueAndRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WearableConfig.builder().ecgRateHz(256));
        assertTrue(e.getMessage().contains("ecgRateHz") && e.getMessage().contains("256"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> WearableConfig.builder().ppgDutyCycle(0));
        assertTrue(e.getMessage().contains("[1, 16]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> WearableConfig.builder().knocksPerMinute(-1));
        assertTrue(e.getMessage().contains("knocksPerMinute") && e.getMessage().contains("-1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WearableConfig.builder().patBaselineMillis(220, 180));
        assertThrows(IllegalArgumentException.class,
                () -> WearableConfig.builder().ppgOnDuration(Duration.ofMillis(10)));
        assertThrows(IllegalArgumentException.class,
                () -> WearableConfig.builder().accelerometer(SensorSpec.builder(SensorKind.GYROSCOPE).build()));
        e = assertThrows(IllegalArgumentException.class,
                () -> WearableConfig.builder().ecgRateHz(3125).fsrRateHz(2000).build());
        assertTrue(e.getMessage().contains("grid"), e.getMessage());
    }

    @Test
    void seedDesignTempcoIsAcceptedWhenSetExplicitly() {
        WearableConfig c = WearableConfig.builder()
                .accelerometerBias(BiasModel.ofMilliG(0, 0, 0, 80, 25)).build();
        assertEquals(0.08 * Units.STANDARD_GRAVITY, c.accelerometerBias().temperatureCoefficient(2), 1e-12);
    }
}
