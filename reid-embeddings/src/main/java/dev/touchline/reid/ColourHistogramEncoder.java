package dev.touchline.reid;

import java.awt.image.BufferedImage;

/**
 * The built-in encoder: HSV colour histograms with spatial layout, 128-D, L2-normalised, pure Java.
 *
 * <p>The crop is cut into four horizontal stripes (head and shoulders, shirt, shorts, socks and boots: 0–20 %,
 * 20–50 %, 50–75 %, 75–100 % of the height), and the central 80 % of the width is kept to cut background. Each
 * stripe contributes 32 bins: 16 hue bins weighted by saturation × value (so chromatic pixels vote for their hue
 * and grey pixels barely vote), 8 value bins and 8 saturation bins. Each stripe is normalised to unit sum so
 * stripes count equally whatever their size, the square root is taken (the Hellinger map, which makes cosine
 * similarity of histograms behave like the Bhattacharyya coefficient), and the whole vector is L2-normalised.
 *
 * <p>It sees colour and layout only: two team-mates in the same kit differ mainly through skin, hair and socks,
 * so its embeddings of look-alike team-mates are close; that is what the escalation path and the stature check
 * are for. Stateless and thread-safe; allocates a small work array per call.
 */
public final class ColourHistogramEncoder implements AppearanceEncoder {
    /** Embedding length. */
    public static final int DIMENSION = 128;
    private static final int STRIPES = 4;
    private static final int PER_STRIPE = 32;
    private static final double[] STRIPE_TOPS = {0.0, 0.20, 0.50, 0.75, 1.0};

    /** The encoder (it has no configuration). */
    public ColourHistogramEncoder() {
        // Stateless.
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public void encode(BufferedImage crop, float[] out, int off) {
        int w = crop.getWidth();
        int h = crop.getHeight();
        if (w < 4 || h < 8) {
            throw new IllegalArgumentException("crop must be at least 4x8 pixels, was " + w + "x" + h);
        }
        if (off < 0 || off + DIMENSION > out.length) {
            throw new IllegalArgumentException("out must hold 128 floats from offset " + off + ", length was "
                    + out.length);
        }
        double[] bins = new double[DIMENSION];
        float[] hsv = new float[3];
        int x0 = (int) (w * 0.1);
        int x1 = Math.max(x0 + 1, (int) Math.ceil(w * 0.9));
        for (int s = 0; s < STRIPES; s++) {
            int y0 = (int) (h * STRIPE_TOPS[s]);
            int y1 = Math.max(y0 + 1, (int) (h * STRIPE_TOPS[s + 1]));
            int base = s * PER_STRIPE;
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    Hsv.fromRgb(crop.getRGB(x, y) & 0xFFFFFF, hsv);
                    int hb = Math.min(15, (int) (hsv[0] / 22.5f));
                    bins[base + hb] += hsv[1] * hsv[2];
                    bins[base + 16 + Math.min(7, (int) (hsv[2] * 8))] += 1;
                    bins[base + 24 + Math.min(7, (int) (hsv[1] * 8))] += 1;
                }
            }
            double sum = 0;
            for (int i = 0; i < PER_STRIPE; i++) {
                sum += bins[base + i];
            }
            for (int i = 0; i < PER_STRIPE; i++) {
                bins[base + i] = Math.sqrt(bins[base + i] / sum);
            }
        }
        double norm = 0;
        for (double b : bins) {
            norm += b * b;
        }
        double inv = 1.0 / Math.sqrt(norm);
        for (int i = 0; i < DIMENSION; i++) {
            out[off + i] = (float) (bins[i] * inv);
        }
    }
}
