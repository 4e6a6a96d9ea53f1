package dev.touchline.reid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.sensor.simulation.KitColour;
import dev.touchline.sensor.simulation.Roster;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ColourHistogramEncoderTest {
    /** A 32x96 player: skin head, shirt, shorts, socks on grass, with per-pixel noise (seeded). */
    static BufferedImage player(KitColour kit, int skin, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        BufferedImage img = new BufferedImage(32, 96, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 96; y++) {
            for (int x = 0; x < 32; x++) {
                boolean body = x >= 6 && x < 26;
                int c;
                if (!body) {
                    c = 0x2E7D32;
                } else if (y < 19) {
                    c = skin;
                } else if (y < 48) {
                    c = kit.shirtRgb();
                } else if (y < 72) {
                    c = kit.shortsRgb();
                } else {
                    c = kit.shirtRgb();
                }
                img.setRGB(x, y, noisy(c, r));
            }
        }
        return img;
    }

    private static int noisy(int rgb, SplittableRandom r) {
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int v = ((rgb >> shift) & 0xFF) + (int) Math.round(8 * r.nextGaussian());
            out |= Math.min(255, Math.max(0, v)) << shift;
        }
        return out;
    }

    private static float cos(float[] a, float[] b) {
        return Dot.dotScalar(a, 0, b, 0, a.length);
    }

    @Test
    void embeddingsAreUnitLengthAndSeparateKits() {
        ColourHistogramEncoder enc = new ColourHistogramEncoder();
        assertEquals(128, enc.dimension());
        float[] home1 = new float[128];
        float[] home2 = new float[128];
        float[] away = new float[128];
        enc.encode(player(Roster.HOME_KIT, 0xC68642, 1), home1, 0);
        enc.encode(player(Roster.HOME_KIT, 0xC68642, 2), home2, 0);
        enc.encode(player(Roster.AWAY_KIT, 0xC68642, 3), away, 0);
        assertEquals(1.0, Dot.norm(home1, 0, 128), 1e-5);
        float same = cos(home1, home2);
        float other = cos(home1, away);
        assertTrue(same > 0.9, "same player " + same);
        assertTrue(other < same - 0.3, "other kit " + other + " vs " + same);
    }

    @Test
    void rejectsTinyCropsAndShortOutput() {
        ColourHistogramEncoder enc = new ColourHistogramEncoder();
        assertThrows(IllegalArgumentException.class,
                () -> enc.encode(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), new float[128], 0));
        assertThrows(IllegalArgumentException.class,
                () -> enc.encode(player(Roster.AWAY_KIT, 0, 1), new float[130], 5));
    }
}
