package dev.touchline.reid;

/**
 * sRGB to HSV, and HSV to the Euclidean chroma space ({@code x = S·cos H, y = S·sin H, z = V / 2}) in which the
 * learned kit model clusters. Hue and saturation do not change when a camera's exposure scales R, G and B
 * together, so the chroma plane is exposure-invariant; value, which exposure moves directly, counts half.
 * Hue counts little for greys (small S), where it is unstable.
 */
public final class Hsv {
    private Hsv() {
    }

    /**
     * Converts {@code 0xRRGGBB} to HSV.
     *
     * @param out hue in degrees [0, 360), saturation and value in [0, 1]; modified (3 entries)
     */
    public static void fromRgb(int rgb, float[] out) {
        float r = ((rgb >> 16) & 0xFF) / 255f;
        float g = ((rgb >> 8) & 0xFF) / 255f;
        float b = (rgb & 0xFF) / 255f;
        float max = Math.max(r, Math.max(g, b));
        float min = Math.min(r, Math.min(g, b));
        float d = max - min;
        float h;
        if (d == 0f) {
            h = 0f;
        } else if (max == r) {
            h = 60f * (((g - b) / d) % 6f);
        } else if (max == g) {
            h = 60f * ((b - r) / d + 2f);
        } else {
            h = 60f * ((r - g) / d + 4f);
        }
        if (h < 0f) {
            h += 360f;
        }
        out[0] = h;
        out[1] = max == 0f ? 0f : d / max;
        out[2] = max;
    }

    /**
     * HSV to chroma-space coordinates.
     *
     * @param out x, y, z; modified (3 entries)
     */
    public static void toCone(float hueDegrees, float sat, float val, float[] out) {
        double h = Math.toRadians(hueDegrees);
        out[0] = (float) (sat * Math.cos(h));
        out[1] = (float) (sat * Math.sin(h));
        out[2] = val * 0.5f;
    }
}
