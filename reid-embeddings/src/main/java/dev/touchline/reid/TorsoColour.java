package dev.touchline.reid;

import java.awt.image.BufferedImage;

/**
 * HSV statistics of the torso of a player crop: the region from 20 % to 50 % of the crop's height and from 25 %
 * to 75 % of its width (below the head, above the shorts, inside the arms for an upright player box).
 */
public final class TorsoColour {
    private TorsoColour() {
    }

    /**
     * Measures the torso colour.
     *
     * @param crop the player crop, at least 4 x 4 pixels, not modified
     * @param out circular mean hue in degrees (weighted by saturation x value, so grey pixels do not pull it),
     *            mean saturation and mean value in [0, 1]; modified (3 entries)
     */
    public static void measure(BufferedImage crop, float[] out) {
        int w = crop.getWidth();
        int h = crop.getHeight();
        if (w < 4 || h < 4) {
            throw new IllegalArgumentException("crop must be at least 4x4 pixels, was " + w + "x" + h);
        }
        int y0 = (int) (h * 0.20);
        int y1 = Math.max(y0 + 1, (int) (h * 0.50));
        int x0 = (int) (w * 0.25);
        int x1 = Math.max(x0 + 1, (int) (w * 0.75));
        float[] hsv = new float[3];
        double hx = 0;
        double hy = 0;
        double s = 0;
        double v = 0;
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                Hsv.fromRgb(crop.getRGB(x, y) & 0xFFFFFF, hsv);
                double weight = hsv[1] * hsv[2];
                double a = Math.toRadians(hsv[0]);
                hx += weight * Math.cos(a);
                hy += weight * Math.sin(a);
                s += hsv[1];
                v += hsv[2];
                n++;
            }
        }
        double hue = Math.toDegrees(Math.atan2(hy, hx));
        out[0] = (float) (hue < 0 ? hue + 360 : hue);
        out[1] = (float) (s / n);
        out[2] = (float) (v / n);
    }
}
