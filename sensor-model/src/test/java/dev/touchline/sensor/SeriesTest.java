package dev.touchline.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeriesTest {
    private static final SensorSpec ACC = SensorSpec.builder(SensorKind.ACCELEROMETER).nominalRateHz(1000)
            .rangeG(16).resolution(16 * Units.STANDARD_GRAVITY / 32768).noiseDensityMicroG(150).build();

    @Test
    void sensorSpecValidatesAndDerivesNoise() {
        assertEquals(16 * 9.80665, ACC.rangeMax(), 1e-12);
        // 150 µg/√Hz over a 500 Hz bandwidth: 3.35 mg
        assertEquals(150e-6 * 9.80665 * Math.sqrt(500), ACC.noiseStdDev(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> SensorSpec.builder(SensorKind.GYROSCOPE)
                .nominalRateHz(0).build());
        assertThrows(IllegalArgumentException.class, () -> SensorSpec.builder(SensorKind.GYROSCOPE)
                .noiseDensity(-1).build());
    }

    @Test
    void triaxialAcceptsClippedSamplesAndRejectsBeyondRange() {
        float max = (float) ACC.rangeMax();
        TriaxialSeries s = TriaxialSeries.of(ACC, new long[] {0, 1000}, new float[] {max, -max},
                new float[] {0, 0}, new float[] {9.8f, 9.8f}, 2);
        assertEquals(2, s.length());
        assertEquals(Math.sqrt((double) max * max + 9.8f * 9.8f), s.norm(0), 1e-3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TriaxialSeries.of(ACC,
                new long[] {0}, new float[] {max * 1.01f}, new float[] {0}, new float[] {0}, 1));
        assertTrue(e.getMessage().contains("x[0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TriaxialSeries.of(ACC, new long[] {0},
                new float[] {Float.NaN}, new float[] {0}, new float[] {0}, 1));
        assertThrows(IllegalArgumentException.class, () -> TriaxialSeries.of(ACC, new long[] {5, 4},
                new float[2], new float[2], new float[2], 2));
        assertThrows(IllegalArgumentException.class, () -> TriaxialSeries.of(ACC, new long[] {5},
                new float[2], new float[2], new float[2], 2));
    }

    @Test
    void scalarSeriesAllowsRepeatedTimeStampsButNotGoingBack() {
        SensorSpec ecg = SensorSpec.builder(SensorKind.ECG).nominalRateHz(250).build();
        assertEquals(2, ScalarSeries.of(ecg, new long[] {7, 7}, new float[] {1, 2}, 2).length());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScalarSeries.of(ecg, new long[] {7, 6}, new float[] {1, 2}, 2));
        assertTrue(e.getMessage().contains("index 1"), e.getMessage());
    }

    @Test
    void positionFramesCheckFrameOrderIdsAndFiniteness() {
        PositionFrames p = PositionFrames.of(new int[] {0, 0, 1}, new long[] {0, 0, 40_000}, new int[] {1, 2, 1},
                new float[] {1, 2, 3}, new float[] {0, 0, 0}, 3);
        assertEquals(3, p.length());
        assertEquals(1, p.frame(2));
        assertThrows(IllegalArgumentException.class, () -> PositionFrames.of(new int[] {1, 0}, new long[] {0, 0},
                new int[] {1, 2}, new float[2], new float[2], 2));
        assertThrows(IllegalArgumentException.class, () -> PositionFrames.of(new int[] {0}, new long[] {0},
                new int[] {-1}, new float[1], new float[1], 1));
        assertThrows(IllegalArgumentException.class, () -> PositionFrames.of(new int[] {0}, new long[] {0},
                new int[] {1}, new float[] {Float.POSITIVE_INFINITY}, new float[1], 1));
    }
}
