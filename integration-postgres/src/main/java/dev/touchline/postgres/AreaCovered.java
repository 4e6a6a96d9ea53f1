package dev.touchline.postgres;

/**
 * The area a player covered in a time window: the convex hull of the GNSS fixes, projected onto the local tangent
 * plane at the window's first fix.
 *
 * @param fromMicros window start, epoch microseconds (inclusive)
 * @param toMicros window end, epoch microseconds (inclusive)
 * @param fixes fixes in the window
 * @param hullVertices corners of the convex hull (0 to 2 when the fixes span no area)
 * @param areaSquareMetres the hull's area, m²
 */
public record AreaCovered(long fromMicros, long toMicros, int fixes, int hullVertices, double areaSquareMetres) {
}
