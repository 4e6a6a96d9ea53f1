package dev.touchline.sensor.pitch;

/**
 * Converts tracking-data vendors' pitch coordinates to and from CDF metres (origin at the centre spot, x towards
 * the right-hand goal, y towards the top touchline as drawn, z up).
 *
 * <p>Each vendor has a pair of functions per direction, one for x and one for y, returning a {@code double} so
 * that per-frame conversion allocates nothing. Conventions that are normalised to a fixed grid (Metrica,
 * StatsBomb, Last Row) are stretched onto the actual {@link PitchDimensions}; conventions already in physical
 * units (TRACAB, centred metres) do not depend on the pitch size.
 *
 * <p>All conversions assume the data have already been oriented so that the vendor's "left to right" is the
 * CDF +x direction; flipping the attacking direction per period or team is the reader's business.
 */
public final class VendorCoordinates {
    private static final double CENTIMETRES_PER_METRE = 100.0;
    /** StatsBomb's pitch length on its fixed grid, yards. */
    public static final double STATSBOMB_LENGTH_YARDS = 120.0;
    /** StatsBomb's pitch width on its fixed grid, yards. */
    public static final double STATSBOMB_WIDTH_YARDS = 80.0;
    /** Last Row's extent on both axes, percent of the pitch. */
    public static final double LAST_ROW_EXTENT = 100.0;

    private VendorCoordinates() {
    }

    // Metrica Sports: x and y normalised to [0, 1] from the top-left corner, x to the right, y pointing down.

    /** CDF x in metres of a Metrica x (0 = left goal line, 1 = right goal line). */
    public static double metricaToX(double xNormalised, PitchDimensions pitch) {
        return (xNormalised - 0.5) * pitch.lengthMetres();
    }

    /** CDF y in metres of a Metrica y (0 = top touchline, 1 = bottom touchline; y points down). */
    public static double metricaToY(double yNormalised, PitchDimensions pitch) {
        return (0.5 - yNormalised) * pitch.widthMetres();
    }

    /** Metrica x (0 = left goal line, 1 = right goal line) of a CDF x in metres. */
    public static double xToMetrica(double xMetres, PitchDimensions pitch) {
        return xMetres / pitch.lengthMetres() + 0.5;
    }

    /** Metrica y (0 = top touchline, 1 = bottom touchline) of a CDF y in metres. */
    public static double yToMetrica(double yMetres, PitchDimensions pitch) {
        return 0.5 - yMetres / pitch.widthMetres();
    }

    // ChyronHego TRACAB: centimetres from the centre spot, x to the right, y up. No scaling by pitch size.

    /** CDF x in metres of a TRACAB x in centimetres (centre origin). */
    public static double tracabToX(double xCentimetres) {
        return xCentimetres / CENTIMETRES_PER_METRE;
    }

    /** CDF y in metres of a TRACAB y in centimetres (centre origin, y up). */
    public static double tracabToY(double yCentimetres) {
        return yCentimetres / CENTIMETRES_PER_METRE;
    }

    /** TRACAB x in centimetres of a CDF x in metres. */
    public static double xToTracab(double xMetres) {
        return xMetres * CENTIMETRES_PER_METRE;
    }

    /** TRACAB y in centimetres of a CDF y in metres. */
    public static double yToTracab(double yMetres) {
        return yMetres * CENTIMETRES_PER_METRE;
    }

    /*
     * StatsBomb: a fixed 120 × 80 "yard" grid from the top-left corner, x to the right, y pointing down. The grid
     * is the same for every stadium, so it is stretched onto the real pitch rather than read as physical yards.
     */

    /** CDF x in metres of a StatsBomb x on the 0..120 grid (0 = left goal line). */
    public static double statsBombToX(double x, PitchDimensions pitch) {
        return (x / STATSBOMB_LENGTH_YARDS - 0.5) * pitch.lengthMetres();
    }

    /** CDF y in metres of a StatsBomb y on the 0..80 grid (0 = top touchline; y points down). */
    public static double statsBombToY(double y, PitchDimensions pitch) {
        return (0.5 - y / STATSBOMB_WIDTH_YARDS) * pitch.widthMetres();
    }

    /** StatsBomb x on the 0..120 grid of a CDF x in metres. */
    public static double xToStatsBomb(double xMetres, PitchDimensions pitch) {
        return (xMetres / pitch.lengthMetres() + 0.5) * STATSBOMB_LENGTH_YARDS;
    }

    /** StatsBomb y on the 0..80 grid of a CDF y in metres. */
    public static double yToStatsBomb(double yMetres, PitchDimensions pitch) {
        return (0.5 - yMetres / pitch.widthMetres()) * STATSBOMB_WIDTH_YARDS;
    }

    /*
     * Sportec (DFL positional data), SkillCorner and PFF tracking data already use metres from the centre spot
     * with y up, so these are the identity; they exist so that readers state their convention explicitly.
     */

    /** CDF x in metres of a centre-origin x in metres (Sportec/DFL tracking, SkillCorner, PFF): the identity. */
    public static double centredMetresToX(double xMetres) {
        return xMetres;
    }

    /** CDF y in metres of a centre-origin, y-up y in metres (Sportec/DFL tracking, SkillCorner, PFF). */
    public static double centredMetresToY(double yMetres) {
        return yMetres;
    }

    /** Centre-origin x in metres (Sportec/DFL tracking, SkillCorner, PFF) of a CDF x: the identity. */
    public static double xToCentredMetres(double xMetres) {
        return xMetres;
    }

    /** Centre-origin y in metres (Sportec/DFL tracking, SkillCorner, PFF) of a CDF y: the identity. */
    public static double yToCentredMetres(double yMetres) {
        return yMetres;
    }

    /*
     * Last Row (Friends of Tracking sample data): x and y each run 0..100 across the pitch. Its README gives only
     * the range; the origin is taken at the bottom-left corner with y up, as the sample notebook draws the data on
     * default matplotlib axes. In the Liverpool–Chelsea sample the ball ends at x ≈ −0.7, y ≈ 49 (a goal at the
     * left end, centred), which agrees with this reading for x; y is symmetric there and cannot confirm it.
     */

    /** CDF x in metres of a Last Row x (0 = left goal line, 100 = right goal line). */
    public static double lastRowToX(double x, PitchDimensions pitch) {
        return (x / LAST_ROW_EXTENT - 0.5) * pitch.lengthMetres();
    }

    /** CDF y in metres of a Last Row y (0 = bottom touchline, 100 = top touchline; y up). */
    public static double lastRowToY(double y, PitchDimensions pitch) {
        return (y / LAST_ROW_EXTENT - 0.5) * pitch.widthMetres();
    }

    /** Last Row x (0..100) of a CDF x in metres. */
    public static double xToLastRow(double xMetres, PitchDimensions pitch) {
        return (xMetres / pitch.lengthMetres() + 0.5) * LAST_ROW_EXTENT;
    }

    /** Last Row y (0..100, y up) of a CDF y in metres. */
    public static double yToLastRow(double yMetres, PitchDimensions pitch) {
        return (yMetres / pitch.widthMetres() + 0.5) * LAST_ROW_EXTENT;
    }
}
