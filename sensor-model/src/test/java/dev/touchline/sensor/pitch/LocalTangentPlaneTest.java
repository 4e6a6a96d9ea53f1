package dev.touchline.sensor.pitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

/** Properties and known values of {@link LocalTangentPlane}. jqwik seed: 20261124 for every property. */
class LocalTangentPlaneTest {
    private static final double A = LocalTangentPlane.SEMI_MAJOR_AXIS_METRES;
    private static final double E2 = LocalTangentPlane.FLATTENING * (2 - LocalTangentPlane.FLATTENING);

    @Property(tries = 2000, seed = "20261124")
    void geodeticToPitchToGeodeticIsIdentity(@ForAll @Scale(9) @DoubleRange(min = -89, max = 89) double anchorLat,
                                             @ForAll @Scale(9) @DoubleRange(min = -180, max = 180) double anchorLon,
                                             @ForAll @Scale(9) @DoubleRange(min = -500, max = 9000) double anchorHeight,
                                             @ForAll @Scale(9) @DoubleRange(min = 0, max = 359.999) double bearing,
                                             @ForAll @Scale(9) @DoubleRange(min = -0.01, max = 0.01) double dLat,
                                             @ForAll @Scale(9) @DoubleRange(min = -0.01, max = 0.01) double dLon,
                                             @ForAll @Scale(9) @DoubleRange(min = -100, max = 100) double dHeight) {
        checkRoundTrip(new GeoAnchor(anchorLat, anchorLon, anchorHeight, bearing), dLat, dLon, dHeight);
    }

    @Property(tries = 1000, seed = "20261124")
    void roundTripNearTheAntimeridian(@ForAll @Scale(9) @DoubleRange(min = -60, max = 60) double anchorLat,
                                      @ForAll @Scale(9) @DoubleRange(min = -0.005, max = 0.005) double fromAntimeridian,
                                      @ForAll @Scale(9) @DoubleRange(min = 0, max = 359.999) double bearing,
                                      @ForAll @Scale(9) @DoubleRange(min = -0.01, max = 0.01) double dLat,
                                      @ForAll @Scale(9) @DoubleRange(min = -0.01, max = 0.01) double dLon) {
        double anchorLon = fromAntimeridian >= 0 ? 180 - fromAntimeridian : -180 - fromAntimeridian;
        checkRoundTrip(new GeoAnchor(anchorLat, anchorLon, 20, bearing), dLat, dLon, 1.5);
    }

    @Property(tries = 1000, seed = "20261124")
    void roundTripInTheSouthernHemisphere(@ForAll @Scale(9) @DoubleRange(min = -89, max = -0.001) double anchorLat,
                                          @ForAll @Scale(9) @DoubleRange(min = -180, max = 180) double anchorLon,
                                          @ForAll @Scale(9) @DoubleRange(min = 0, max = 359.999) double bearing,
                                          @ForAll @Scale(9) @DoubleRange(min = -0.01, max = 0.01) double dLat,
                                          @ForAll @Scale(9) @DoubleRange(min = -0.01, max = 0.01) double dLon) {
        checkRoundTrip(new GeoAnchor(anchorLat, anchorLon, 0, bearing), dLat, dLon, 0);
    }

    @Property(tries = 2000, seed = "20261124")
    void pitchToGeodeticToPitchIsIdentity(@ForAll @Scale(9) @DoubleRange(min = -89, max = 89) double anchorLat,
                                          @ForAll @Scale(9) @DoubleRange(min = -180, max = 180) double anchorLon,
                                          @ForAll @Scale(9) @DoubleRange(min = 0, max = 359.999) double bearing,
                                          @ForAll @Scale(9) @DoubleRange(min = -1000, max = 1000) double x,
                                          @ForAll @Scale(9) @DoubleRange(min = -1000, max = 1000) double y,
                                          @ForAll @Scale(9) @DoubleRange(min = -50, max = 50) double z) {
        LocalTangentPlane plane = LocalTangentPlane.of(new GeoAnchor(anchorLat, anchorLon, 35, bearing));
        double[] geo = new double[3];
        double[] back = new double[3];
        plane.toGeodetic(x, y, z, geo);
        plane.toPitch(geo[0], geo[1], geo[2], back);
        assertEquals(x, back[0], 1e-6);
        assertEquals(y, back[1], 1e-6);
        assertEquals(z, back[2], 1e-6);
    }

    @Property(tries = 1000, seed = "20261124")
    void shortBaselinesAgreeWithHaversine(@ForAll @Scale(9) @DoubleRange(min = -80, max = 80) double anchorLat,
                                          @ForAll @Scale(9) @DoubleRange(min = -180, max = 180) double anchorLon,
                                          @ForAll @Scale(9) @DoubleRange(min = 0, max = 359.999) double bearing,
                                          @ForAll @Scale(9) @DoubleRange(min = -1000, max = 1000) double x,
                                          @ForAll @Scale(9) @DoubleRange(min = -1000, max = 1000) double y) {
        double distance = Math.hypot(x, y);
        if (distance < 10) {
            return;
        }
        LocalTangentPlane plane = LocalTangentPlane.of(GeoAnchor.of(anchorLat, anchorLon, bearing));
        double[] geo = new double[3];
        plane.toGeodetic(x, y, 0, geo);
        // A sphere of the Gaussian radius of curvature at the anchor; the ellipsoid's radius still differs from
        // it by up to ±0.34 % depending on direction.
        double s = Math.sin(Math.toRadians(anchorLat));
        double meridional = A * (1 - E2) / Math.pow(1 - E2 * s * s, 1.5);
        double primeVertical = A / Math.sqrt(1 - E2 * s * s);
        double haversine = haversine(anchorLat, anchorLon, geo[0], geo[1], Math.sqrt(meridional * primeVertical));
        assertEquals(distance, haversine, distance * 0.004);
    }

    @Test
    void oneMetreNorthWithBearingZeroIsXPlusOne() {
        GeoAnchor anchor = new GeoAnchor(51.556021, -0.279519, 50, 0);
        double[] out = new double[3];
        LocalTangentPlane.of(anchor).toPitch(anchor.latDeg() + metresNorthInDegrees(anchor.latDeg(), 50, 1),
                anchor.lonDeg(), 50, out);
        assertEquals(1.0, out[0], 1e-6);
        assertEquals(0.0, out[1], 1e-6);
        assertEquals(0.0, out[2], 1e-6);
    }

    @Test
    void axesFollowTheBearingAndYIsXTurnedCounterClockwise() {
        double lat = -33.8915;
        double lon = 151.2248;
        double north = lat + metresNorthInDegrees(lat, 0, 1);
        double east = lon + Math.toDegrees(1 / (A / Math.sqrt(1 - E2 * sq(Math.sin(Math.toRadians(lat))))
                * Math.cos(Math.toRadians(lat))));
        double[] out = new double[3];
        // Bearing 0: x north, so y (x turned counter-clockwise) is west.
        LocalTangentPlane.of(GeoAnchor.of(lat, lon, 0)).toPitch(lat, east, 0, out);
        assertEquals(0.0, out[0], 1e-6);
        assertEquals(-1.0, out[1], 1e-6);
        // Bearing 90: x east, y north.
        LocalTangentPlane ninety = LocalTangentPlane.of(GeoAnchor.of(lat, lon, 90));
        ninety.toPitch(lat, east, 0, out);
        assertEquals(1.0, out[0], 1e-6);
        assertEquals(0.0, out[1], 1e-6);
        ninety.toPitch(north, lon, 0, out);
        assertEquals(0.0, out[0], 1e-6);
        assertEquals(1.0, out[1], 1e-6);
        // Bearing 96 (the default stadium): x is 6° south of east.
        LocalTangentPlane.of(GeoAnchor.of(lat, lon, 96)).toPitch(north, lon, 0, out);
        assertEquals(Math.cos(Math.toRadians(96)), out[0], 1e-6);
        assertEquals(Math.sin(Math.toRadians(96)), out[1], 1e-6);
    }

    @Test
    void theAnchorMapsToTheOriginAndBack() {
        GeoAnchor anchor = new GeoAnchor(51.556021, -0.279519, 50, 96);
        LocalTangentPlane plane = LocalTangentPlane.of(anchor);
        double[] out = new double[3];
        plane.toPitch(anchor.latDeg(), anchor.lonDeg(), anchor.heightMetres(), out);
        assertEquals(0, out[0], 1e-9);
        assertEquals(0, out[1], 1e-9);
        assertEquals(0, out[2], 1e-9);
        plane.toGeodetic(0, 0, 0, out);
        assertEquals(anchor.latDeg(), out[0], 1e-12);
        assertEquals(anchor.lonDeg(), out[1], 1e-12);
        assertEquals(anchor.heightMetres(), out[2], 1e-6);
        assertEquals(plane.toPitchX(anchor.latDeg(), anchor.lonDeg(), 50), 0, 1e-9);
        assertEquals(plane.toPitchY(anchor.latDeg(), anchor.lonDeg(), 50), 0, 1e-9);
    }

    private static void checkRoundTrip(GeoAnchor anchor, double dLat, double dLon, double dHeight) {
        LocalTangentPlane plane = LocalTangentPlane.of(anchor);
        double lat = anchor.latDeg() + dLat;
        double lon = wrap(anchor.lonDeg() + dLon);
        double height = anchor.heightMetres() + dHeight;
        double[] pitch = new double[3];
        double[] back = new double[3];
        plane.toPitch(lat, lon, height, pitch);
        plane.toGeodetic(pitch[0], pitch[1], pitch[2], back);
        assertEquals(lat, back[0], 1e-9, "latitude");
        assertTrue(Math.abs(wrap(back[1] - lon)) <= 1e-9, () -> "longitude " + lon + " came back as " + back[1]);
        assertEquals(height, back[2], 1e-3, "height");
    }

    private static double wrap(double lonDeg) {
        double w = lonDeg;
        while (w > 180) {
            w -= 360;
        }
        while (w < -180) {
            w += 360;
        }
        return w;
    }

    /** Latitude change of a short step north at the given height: the meridian's radius plus the height. */
    private static double metresNorthInDegrees(double latDeg, double heightMetres, double metres) {
        double s = Math.sin(Math.toRadians(latDeg));
        double meridional = A * (1 - E2) / Math.pow(1 - E2 * s * s, 1.5);
        return Math.toDegrees(metres / (meridional + heightMetres));
    }

    private static double haversine(double lat1, double lon1, double lat2, double lon2, double radius) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = sq(Math.sin(dp / 2)) + Math.cos(p1) * Math.cos(p2) * sq(Math.sin(dl / 2));
        return 2 * radius * Math.asin(Math.sqrt(h));
    }

    private static double sq(double v) {
        return v * v;
    }
}
