package dev.touchline.reid;

import java.awt.image.BufferedImage;

/**
 * Turns a player crop into an appearance embedding. Implementations document their dimension and whether the
 * output is L2-normalised (the gallery normalises anyway).
 */
public interface AppearanceEncoder {
    /** Length of the embeddings. */
    int dimension();

    /**
     * Encodes one crop.
     *
     * @param crop the player's image crop, not modified
     * @param out destination; modified (entries {@code [off, off + dimension())})
     * @param off start in {@code out}
     */
    void encode(BufferedImage crop, float[] out, int off);
}
