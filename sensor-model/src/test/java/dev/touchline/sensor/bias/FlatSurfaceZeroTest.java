package dev.touchline.sensor.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.sensor.SensorKind;
import dev.touchline.sensor.SensorSpec;
import dev.touchline.sensor.TriaxialSeries;
import dev.touchline.sensor.Units;
import java.time.Duration;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FlatSurfaceZeroTest {
    private static final double G = Units.STANDARD_GRAVITY;
    private static final SensorSpec ACC = SensorSpec.builder(SensorKind.ACCELEROMETER).nominalRateHz(1000).rangeG(16)
            .noiseDensityMicroG(150).build();
    private static final SensorSpec ACC_100 = SensorSpec.builder(SensorKind.ACCELEROMETER).nominalRateHz(100)
            .rangeG(16).noiseDensityMicroG(150).build();
    private static final SensorSpec GYRO = SensorSpec.builder(SensorKind.GYROSCOPE).nominalRateHz(200)
            .rangeDegreesPerSecond(2000).noiseDensityDegreesPerSecond(0.007).build();

    /** Rest samples: gravity on one axis, a bias at a temperature, the spec's white noise, optional shaking. */
    static TriaxialSeries rest(SensorSpec spec, double seconds, int upAxis, int sign, BiasModel bias,
                               double temperature, double shake, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = (int) Math.round(seconds * spec.nominalRateHz());
        long[] t = new long[n];
        float[][] v = new float[3][n];
        double sd = spec.noiseStdDev();
        long period = Math.round(1e6 / spec.nominalRateHz());
        for (int i = 0; i < n; i++) {
            t[i] = 1_700_000_000_000_000L + i * period;
            for (int a = 0; a < 3; a++) {
                double g = spec.kind() == SensorKind.ACCELEROMETER && a == upAxis ? sign * G : 0;
                double wobble = shake * Math.sin(2 * Math.PI * 2.0 * i / spec.nominalRateHz() + a);
                v[a][i] = (float) (g + bias.bias(a, temperature) + wobble + sd * gaussian(r));
            }
        }
        return TriaxialSeries.of(spec, t, v[0], v[1], v[2], n);
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void recoversAKnownOffsetFromFifteenSecondsAtRest() {
        // seed 101
        BiasModel truth = BiasModel.ofMilliG(25, -40, 12, 0.1, 25);
        FlatSurfaceZero.Result r = FlatSurfaceZero.defaults()
                .accelerometer(rest(ACC, 15, 2, 1, truth, 25, 0, 101)).requireStill();
        assertEquals(FlatSurfaceZero.Orientation.Z_UP, r.up());
        double mg = G / 1000;
        // noise 3.4 mg per sample over 15 000 samples: the mean is good to ~0.03 mg; float storage adds ~0.5 µg
        assertEquals(truth.offset(0), r.offsetX(), 0.2 * mg);
        assertEquals(truth.offset(1), r.offsetY(), 0.2 * mg);
        assertEquals(truth.offset(2), r.offsetZ(), 0.2 * mg);
        assertEquals(ACC.noiseStdDev() * Math.sqrt(3), r.residualRms(), 0.1 * r.residualRms());
        assertEquals(15.0, r.durationSeconds(), 1e-9);
        BiasModel back = r.toBiasModel(25, 0.1);
        assertEquals(truth.bias(1, 30), back.bias(1, 30), 0.2 * mg);
    }

    @Test
    void rejectsWindowsShorterThanTheMinimum() {
        // seed 103
        TriaxialSeries shortWindow = rest(ACC, 14, 2, 1, BiasModel.zero(), 25, 0, 103);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FlatSurfaceZero.defaults().accelerometer(shortWindow));
        assertTrue(e.getMessage().contains("14.0 s") && e.getMessage().contains("15.0 s"), e.getMessage());
        FlatSurfaceZero lenient = FlatSurfaceZero.builder().minimumDuration(Duration.ofSeconds(10)).build();
        assertFalse(lenient.accelerometer(shortWindow).moved());
    }

    @Test
    void flagsMovement() {
        // seed 105: a 2 Hz wobble of 0.5 m/s²
        FlatSurfaceZero.Result r = FlatSurfaceZero.defaults()
                .accelerometer(rest(ACC, 16, 2, 1, BiasModel.zero(), 25, 0.5, 105));
        assertTrue(r.moved());
        IllegalStateException e = assertThrows(IllegalStateException.class, r::requireStill);
        assertTrue(e.getMessage().contains("standard deviation"), e.getMessage());
    }

    @Test
    void choosesOrHonoursTheUpAxis() {
        // seed 107: lying on its side with -y up
        TriaxialSeries s = rest(ACC, 15, 1, -1, BiasModel.ofMilliG(5, 5, 5, 0, 25), 25, 0, 107);
        assertEquals(FlatSurfaceZero.Orientation.Y_DOWN, FlatSurfaceZero.defaults().accelerometer(s).up());
        FlatSurfaceZero given = FlatSurfaceZero.builder().upAxis(FlatSurfaceZero.Orientation.Y_DOWN).build();
        assertEquals(Units.milliGToMetresPerSecondSquared(5), given.accelerometer(s).offsetY(), 3e-3);
    }

    @Test
    void gyroscopeZeroIsTheMeanRate() {
        // seed 109
        BiasModel truth = BiasModel.ofDegreesPerSecond(0.5, -0.3, 0.2, 0, 25);
        FlatSurfaceZero.GyroResult r = FlatSurfaceZero.defaults()
                .gyroscope(rest(GYRO, 15, -1, 1, truth, 25, 0, 109)).requireStill();
        assertEquals(truth.offset(0), r.offsetX(), 1e-4);
        assertEquals(truth.offset(1), r.offsetY(), 1e-4);
        assertEquals(truth.offset(2), r.offsetZ(), 1e-4);
        assertThrows(IllegalArgumentException.class,
                () -> FlatSurfaceZero.defaults().gyroscope(rest(ACC, 15, 2, 1, truth, 25, 0, 109)));
    }

    @Test
    void builderRejectsBadSettings() {
        assertThrows(IllegalArgumentException.class,
                () -> FlatSurfaceZero.builder().minimumDuration(Duration.ofMillis(500)));
        assertThrows(IllegalArgumentException.class, () -> FlatSurfaceZero.builder().maxAccelerometerStdDev(0));
        assertThrows(IllegalArgumentException.class, () -> FlatSurfaceZero.builder().maxGyroscopeStdDev(2));
    }

    /** Any offset within ±200 mg and any temperature: the zero recovers the bias at that temperature. */
    @Property(tries = 60)
    void recoversRandomOffsetsAtRandomTemperatures(@ForAll @DoubleRange(min = -200, max = 200) double xMg,
                                                   @ForAll @DoubleRange(min = -200, max = 200) double yMg,
                                                   @ForAll @DoubleRange(min = -200, max = 200) double zMg,
                                                   @ForAll @DoubleRange(min = -10, max = 50) double celsius,
                                                   @ForAll @IntRange(min = 0, max = 2) int upAxis) {
        BiasModel truth = BiasModel.ofMilliG(xMg, yMg, zMg, 0.1, 25);
        TriaxialSeries s = rest(ACC_100, 15, upAxis, 1, truth, celsius, 0, Double.doubleToLongBits(xMg + celsius));
        FlatSurfaceZero.Result r = FlatSurfaceZero.defaults().accelerometer(s).requireStill();
        assertEquals(upAxis, r.up().axis());
        for (int a = 0; a < 3; a++) {
            assertEquals(truth.bias(a, celsius), r.offset(a), Units.milliGToMetresPerSecondSquared(0.3));
        }
    }
}
