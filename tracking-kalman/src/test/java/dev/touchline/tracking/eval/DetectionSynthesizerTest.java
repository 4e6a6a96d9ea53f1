package dev.touchline.tracking.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.sensor.pitch.PitchDimensions;
import org.junit.jupiter.api.Test;

class DetectionSynthesizerTest {
    private final double[] ox = new double[DetectionSynthesizer.capacity(3)];
    private final double[] oy = new double[ox.length];
    private final double[] oh = new double[ox.length];
    private final int[] ot = new int[ox.length];
    private final double[] oc = new double[ox.length];
    private final int[] truth = new int[ox.length];

    @Test
    void withoutErrorsEveryObjectIsDetectedWhereItIs() {
        // seed 1
        DetectionSynthesizer s = new DetectionSynthesizer(new DetectionNoise(0, 0, 0, 0, 0), PitchDimensions.STANDARD,
                1);
        int n = s.frame(3, new double[] {1, 2, 3}, new double[] {-1, -2, -3}, new int[] {0, 1, -1}, ox, oy, oh, ot,
                oc, truth);
        assertEquals(3, n);
        for (int i = 0; i < n; i++) {
            int o = truth[i];
            assertEquals(o + 1.0, ox[i]);
            assertEquals(-(o + 1.0), oy[i]);
            assertEquals(o == 2 ? -1 : o, ot[i]);
            assertTrue(oc[i] >= 0.6 && oc[i] <= 0.99);
            assertTrue(Double.isNaN(oh[i]));
        }
    }

    @Test
    void closeObjectsMergeAndNearlyCloseOnesHide() {
        // seed 2; the camera is below the bottom touchline, so the object with the smaller y is nearer
        DetectionSynthesizer s = new DetectionSynthesizer(new DetectionNoise(0, 0, 0.6, 0, 0), PitchDimensions.STANDARD,
                2);
        int n = s.frame(2, new double[] {0, 0}, new double[] {0.2, 0}, new int[] {0, 1}, ox, oy, oh, ot, oc, truth);
        assertEquals(1, n);
        assertEquals(1, truth[0]);
        assertEquals(0.1, oy[0], 1e-12);
        assertTrue(oc[0] >= 0.3 && oc[0] <= 0.6);
        n = s.frame(2, new double[] {0, 0}, new double[] {0.5, 0}, new int[] {0, 1}, ox, oy, oh, ot, oc, truth);
        assertEquals(1, n);
        assertEquals(1, truth[0]);
        assertEquals(0.0, oy[0], 1e-12);
    }

    @Test
    void noiseMissesAndFalsePositivesHaveTheirRates() {
        // seed 3; 20,000 frames of one object far from anything
        DetectionSynthesizer s = new DetectionSynthesizer(new DetectionNoise(0.2, 0.1, 0.6, 0.5, 0),
                PitchDimensions.STANDARD, 3);
        int frames = 20_000;
        int detected = 0;
        int falsePositives = 0;
        double sumSq = 0;
        for (int f = 0; f < frames; f++) {
            int n = s.frame(1, new double[] {10}, new double[] {5}, new int[] {0}, ox, oy, oh, ot, oc, truth);
            for (int i = 0; i < n; i++) {
                if (truth[i] == 0) {
                    detected++;
                    sumSq += (ox[i] - 10) * (ox[i] - 10);
                } else {
                    falsePositives++;
                    assertTrue(oc[i] >= 0.1 && oc[i] <= 0.5);
                }
            }
        }
        assertEquals(0.9, detected / (double) frames, 0.01);
        assertEquals(0.5, falsePositives / (double) frames, 0.02);
        assertEquals(0.2, Math.sqrt(sumSq / detected), 0.005);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new DetectionNoise(-1, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new DetectionNoise(0, 1.5, 0, 0, 0));
        DetectionSynthesizer s = new DetectionSynthesizer(DetectionNoise.defaults(), PitchDimensions.STANDARD, 4);
        assertThrows(IllegalArgumentException.class, () -> s.frame(2, new double[1], new double[1], new int[1], ox,
                oy, oh, ot, oc, truth));
        assertThrows(IllegalArgumentException.class, () -> s.frame(1, new double[1], new double[1], new int[1],
                new double[2], oy, oh, ot, oc, truth));
    }
}
