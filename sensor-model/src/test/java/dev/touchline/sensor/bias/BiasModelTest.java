package dev.touchline.sensor.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.sensor.Units;
import org.junit.jupiter.api.Test;

class BiasModelTest {
    @Test
    void milliGFactoryGivesLinearBiasInSi() {
        BiasModel m = BiasModel.ofMilliG(10, -20, 5, 0.1, 25);
        double mg = Units.STANDARD_GRAVITY / 1000;
        assertEquals(10 * mg, m.bias(0, 25), 1e-12);
        assertEquals((-20 + 0.1 * 10) * mg, m.bias(1, 35), 1e-12);
        assertEquals((5 - 0.1 * 5) * mg, m.bias(2, 20), 1e-12);
        double[] out = new double[3];
        m.biasInto(35, out);
        assertEquals(m.bias(0, 35), out[0], 0);
        assertEquals(m.bias(1, 35), out[1], 0);
        assertEquals(m.bias(2, 35), out[2], 0);
    }

    @Test
    void degreesFactoryGivesRadians() {
        BiasModel g = BiasModel.ofDegreesPerSecond(1, 0, 0, 0.01, 25);
        assertEquals(Math.toRadians(1 + 0.01 * 8), g.bias(0, 33), 1e-12);
    }

    @Test
    void defaultTempcoIsDatasheetScaleAndTheSeedValueNeedsSettingExplicitly() {
        assertEquals(0.1, BiasModel.DEFAULT_ACCELEROMETER_TEMPCO_MILLI_G_PER_CELSIUS);
        BiasModel seed = BiasModel.builder().temperatureCoefficientsMilliGPerCelsius(80, 80, 80).build();
        assertEquals(0.08 * Units.STANDARD_GRAVITY, seed.temperatureCoefficient(0), 1e-12);
    }

    @Test
    void settersRejectOutOfRangeValuesNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BiasModel.builder().offsets(0, Double.NaN, 0));
        assertTrue(e.getMessage().contains("offset y") && e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BiasModel.builder().temperatureCoefficients(0, 0, 11));
        assertTrue(e.getMessage().contains("temperature coefficient z"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BiasModel.builder().referenceTemperatureCelsius(200));
        assertTrue(e.getMessage().contains("referenceTemperatureCelsius") && e.getMessage().contains("200"));
        assertThrows(IllegalArgumentException.class, () -> BiasModel.zero().bias(3, 20));
    }

    @Test
    void valueSemantics() {
        BiasModel a = BiasModel.ofMilliG(1, 2, 3, 0.1, 25);
        assertEquals(a, BiasModel.ofMilliG(1, 2, 3, 0.1, 25));
        assertEquals(a.hashCode(), BiasModel.ofMilliG(1, 2, 3, 0.1, 25).hashCode());
        assertEquals(a, a.toBuilder().build());
        assertNotEquals(a, BiasModel.ofMilliG(1, 2, 3, 0.1, 26));
        assertEquals(0, BiasModel.zero().bias(2, -10));
    }
}
