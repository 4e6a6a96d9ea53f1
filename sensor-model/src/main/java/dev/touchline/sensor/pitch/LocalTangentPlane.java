package dev.touchline.sensor.pitch;

import java.util.Objects;

/**
 * Converts between WGS84 geodetic coordinates and CDF pitch coordinates around a {@link GeoAnchor}.
 *
 * <p>The chain is geodetic (latitude, longitude, ellipsoidal height) → Earth-centred Earth-fixed (ECEF) →
 * East-North-Up (ENU) at the anchor's centre spot → pitch. The pitch frame is the ENU frame turned about the up
 * axis: +x points along the anchor's bearing (degrees clockwise from true north), +y is +x turned 90°
 * counter-clockwise as seen from above, and +z is up, so (x, y, z) is right-handed. With bearing 0°, +x is north
 * and +y is west; with bearing 90°, +x is east and +y is north.
 *
 * <p>Both directions are exact (no flat-Earth approximation): the way back from ECEF to geodetic iterates the
 * latitude to convergence, which is far below 1e−9° for points within a few kilometres of the Earth's surface.
 * Neither direction allocates. Instances are immutable and thread-safe.
 */
public final class LocalTangentPlane {
    /** WGS84 semi-major axis, metres. */
    public static final double SEMI_MAJOR_AXIS_METRES = 6_378_137.0;
    /** WGS84 flattening. */
    public static final double FLATTENING = 1.0 / 298.257223563;

    private static final double E2 = FLATTENING * (2.0 - FLATTENING);
    /*
     * Each pass of the latitude iteration shrinks the error by a factor of about e² (0.0067) for points near the
     * surface; six passes take any start within the first-pass error below double precision.
     */
    private static final int LATITUDE_PASSES = 6;

    private final GeoAnchor anchor;
    private final double originX;
    private final double originY;
    private final double originZ;
    private final double sinLat;
    private final double cosLat;
    private final double sinLon;
    private final double cosLon;
    private final double sinBearing;
    private final double cosBearing;

    private LocalTangentPlane(GeoAnchor anchor) {
        this.anchor = anchor;
        double lat = Math.toRadians(anchor.latDeg());
        double lon = Math.toRadians(anchor.lonDeg());
        this.sinLat = Math.sin(lat);
        this.cosLat = Math.cos(lat);
        this.sinLon = Math.sin(lon);
        this.cosLon = Math.cos(lon);
        double n = primeVerticalRadius(sinLat);
        double h = anchor.heightMetres();
        this.originX = (n + h) * cosLat * cosLon;
        this.originY = (n + h) * cosLat * sinLon;
        this.originZ = (n * (1 - E2) + h) * sinLat;
        double bearing = Math.toRadians(anchor.bearingDeg());
        this.sinBearing = Math.sin(bearing);
        this.cosBearing = Math.cos(bearing);
    }

    /** The plane whose origin is the anchor's centre spot and whose +x axis follows the anchor's bearing. */
    public static LocalTangentPlane of(GeoAnchor anchor) {
        return new LocalTangentPlane(Objects.requireNonNull(anchor, "anchor"));
    }

    /** The anchor this plane was built from. */
    public GeoAnchor anchor() {
        return anchor;
    }

    /**
     * Pitch coordinates of a geodetic point.
     *
     * @param latDeg WGS84 latitude, degrees
     * @param lonDeg WGS84 longitude, degrees
     * @param heightMetres ellipsoidal height, metres
     * @param out receives {x, y, z} in metres (CDF, z up from the centre spot's tangent plane); length ≥ 3.
     *     Modified.
     */
    public void toPitch(double latDeg, double lonDeg, double heightMetres, double[] out) {
        double lat = Math.toRadians(latDeg);
        double lon = Math.toRadians(lonDeg);
        double sLat = Math.sin(lat);
        double cLat = Math.cos(lat);
        double n = primeVerticalRadius(sLat);
        double dx = (n + heightMetres) * cLat * Math.cos(lon) - originX;
        double dy = (n + heightMetres) * cLat * Math.sin(lon) - originY;
        double dz = (n * (1 - E2) + heightMetres) * sLat - originZ;
        double east = -sinLon * dx + cosLon * dy;
        double north = -sinLat * cosLon * dx - sinLat * sinLon * dy + cosLat * dz;
        double up = cosLat * cosLon * dx + cosLat * sinLon * dy + sinLat * dz;
        out[0] = east * sinBearing + north * cosBearing;
        out[1] = -east * cosBearing + north * sinBearing;
        out[2] = up;
    }

    /**
     * Geodetic coordinates of a pitch point; the exact inverse of {@link #toPitch}.
     *
     * @param xMetres pitch x, metres (CDF)
     * @param yMetres pitch y, metres (CDF)
     * @param zMetres height above the centre spot's tangent plane, metres
     * @param out receives {latitude°, longitude° in (−180, 180], ellipsoidal height m}; length ≥ 3. Modified.
     */
    public void toGeodetic(double xMetres, double yMetres, double zMetres, double[] out) {
        double east = xMetres * sinBearing - yMetres * cosBearing;
        double north = xMetres * cosBearing + yMetres * sinBearing;
        double ex = -sinLon * east - sinLat * cosLon * north + cosLat * cosLon * zMetres + originX;
        double ey = cosLon * east - sinLat * sinLon * north + cosLat * sinLon * zMetres + originY;
        double ez = cosLat * north + sinLat * zMetres + originZ;
        double p = Math.hypot(ex, ey);
        double lat = Math.atan2(ez, p * (1 - E2));
        for (int pass = 0; pass < LATITUDE_PASSES; pass++) {
            double s = Math.sin(lat);
            double n = primeVerticalRadius(s);
            // Written with the height folded in so that the step stays well conditioned at any latitude.
            double h = p * Math.cos(lat) + ez * s - SEMI_MAJOR_AXIS_METRES * Math.sqrt(1 - E2 * s * s);
            lat = Math.atan2(ez, p * (1 - E2 * n / (n + h)));
        }
        double s = Math.sin(lat);
        out[0] = Math.toDegrees(lat);
        out[1] = Math.toDegrees(Math.atan2(ey, ex));
        out[2] = p * Math.cos(lat) + ez * s - SEMI_MAJOR_AXIS_METRES * Math.sqrt(1 - E2 * s * s);
    }

    /** Pitch x of a geodetic point, metres; allocates a small array, so loops should call {@link #toPitch}. */
    public double toPitchX(double latDeg, double lonDeg, double heightMetres) {
        double[] out = new double[3];
        toPitch(latDeg, lonDeg, heightMetres, out);
        return out[0];
    }

    /** Pitch y of a geodetic point, metres; allocates a small array, so loops should call {@link #toPitch}. */
    public double toPitchY(double latDeg, double lonDeg, double heightMetres) {
        double[] out = new double[3];
        toPitch(latDeg, lonDeg, heightMetres, out);
        return out[1];
    }

    private static double primeVerticalRadius(double sinLat) {
        return SEMI_MAJOR_AXIS_METRES / Math.sqrt(1 - E2 * sinLat * sinLat);
    }

    @Override
    public String toString() {
        return "LocalTangentPlane[" + anchor + "]";
    }
}
