package dev.touchline.sensor.pitch;

/**
 * Where a pitch lies on the Earth: the centre spot's latitude, longitude and ellipsoidal height, and the bearing
 * of the pitch's +x axis (towards the right-hand goal).
 *
 * @param latDeg latitude of the centre spot, degrees in [−89, 89] (a local tangent plane is ill-conditioned at
 *               the poles)
 * @param lonDeg longitude of the centre spot, degrees in [−180, 180]
 * @param heightMetres ellipsoidal height of the centre spot, metres in [−500, 9000]
 * @param bearingDeg compass bearing of the +x axis, degrees clockwise from true north, in [0, 360)
 */
public record GeoAnchor(double latDeg, double lonDeg, double heightMetres, double bearingDeg) {
    /** Validates every field. */
    public GeoAnchor {
        if (!(latDeg >= -89 && latDeg <= 89)) {
            throw new IllegalArgumentException("latDeg must be in [-89, 89], was " + latDeg);
        }
        if (!(lonDeg >= -180 && lonDeg <= 180)) {
            throw new IllegalArgumentException("lonDeg must be in [-180, 180], was " + lonDeg);
        }
        if (!(heightMetres >= -500 && heightMetres <= 9000)) {
            throw new IllegalArgumentException("heightMetres must be in [-500, 9000], was " + heightMetres);
        }
        if (!(bearingDeg >= 0 && bearingDeg < 360)) {
            throw new IllegalArgumentException("bearingDeg must be in [0, 360), was " + bearingDeg);
        }
    }

    /** An anchor at the given centre spot and bearing, at zero height. */
    public static GeoAnchor of(double latDeg, double lonDeg, double bearingDeg) {
        return new GeoAnchor(latDeg, lonDeg, 0.0, bearingDeg);
    }
}
