package dev.touchline.sensor.simulation;

/**
 * Colours of a kit as 24-bit sRGB values ({@code 0xRRGGBB}).
 *
 * @param shirtRgb shirt colour
 * @param shortsRgb shorts colour
 */
public record KitColour(int shirtRgb, int shortsRgb) {
    /** Checks both values are 24-bit. */
    public KitColour {
        if ((shirtRgb & ~0xFFFFFF) != 0 || (shortsRgb & ~0xFFFFFF) != 0) {
            throw new IllegalArgumentException("kit colours must be 0xRRGGBB values, were "
                    + Integer.toHexString(shirtRgb) + " and " + Integer.toHexString(shortsRgb));
        }
    }

    /** The shirt colour as {@code #rrggbb}. */
    public String shirtHex() {
        return String.format("#%06x", shirtRgb);
    }

    /** The shorts colour as {@code #rrggbb}. */
    public String shortsHex() {
        return String.format("#%06x", shortsRgb);
    }
}
