package dev.touchline.fusion.ahrs;

/**
 * Quaternion helpers on plain doubles and arrays (w, x, y, z). Orientation quaternions rotate sensor vectors into
 * the earth frame (ENU).
 */
public final class Quaternions {
    private Quaternions() {
    }

    /**
     * The angle, in radians (0..π), of the rotation between two orientations.
     */
    public static double angle(double w1, double x1, double y1, double z1, double w2, double x2, double y2,
            double z2) {
        double dot = Math.abs(w1 * w2 + x1 * x2 + y1 * y2 + z1 * z2)
                / Math.sqrt((w1 * w1 + x1 * x1 + y1 * y1 + z1 * z1) * (w2 * w2 + x2 * x2 + y2 * y2 + z2 * z2));
        return 2 * Math.acos(Math.min(1, dot));
    }

    /**
     * The inclination difference of two orientations, radians (0..π): the angle between the earth's vertical
     * seen from the sensor by each, {@code R1ᵀ·e_z} and {@code R2ᵀ·e_z}. Independent of either heading.
     */
    public static double inclinationAngle(double w1, double x1, double y1, double z1, double w2, double x2,
            double y2, double z2) {
        // third row of R, i.e. Rᵀ e_z, for unit quaternions
        double n1 = w1 * w1 + x1 * x1 + y1 * y1 + z1 * z1;
        double n2 = w2 * w2 + x2 * x2 + y2 * y2 + z2 * z2;
        double ax = 2 * (x1 * z1 - w1 * y1) / n1;
        double ay = 2 * (y1 * z1 + w1 * x1) / n1;
        double az = 1 - 2 * (x1 * x1 + y1 * y1) / n1;
        double bx = 2 * (x2 * z2 - w2 * y2) / n2;
        double by = 2 * (y2 * z2 + w2 * x2) / n2;
        double bz = 1 - 2 * (x2 * x2 + y2 * y2) / n2;
        double cx = ay * bz - az * by;
        double cy = az * bx - ax * bz;
        double cz = ax * by - ay * bx;
        return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), ax * bx + ay * by + az * bz);
    }

    /**
     * Writes q1 ⊗ q2 into out.
     *
     * @param out destination, length ≥ 4; Modified
     */
    public static void multiply(double w1, double x1, double y1, double z1, double w2, double x2, double y2,
            double z2, double[] out) {
        out[0] = w1 * w2 - x1 * x2 - y1 * y2 - z1 * z2;
        out[1] = w1 * x2 + x1 * w2 + y1 * z2 - z1 * y2;
        out[2] = w1 * y2 - x1 * z2 + y1 * w2 + z1 * x2;
        out[3] = w1 * z2 + x1 * y2 - y1 * x2 + z1 * w2;
    }

    /**
     * The orientation whose earth vertical matches a measured gravity direction, with the smallest rotation
     * (heading arbitrary but deterministic).
     *
     * @param out destination (w, x, y, z); Modified only when the result is true
     * @return false if the vector is zero or not finite
     */
    public static boolean fromGravity(double ax, double ay, double az, double[] out) {
        double n = Math.sqrt(ax * ax + ay * ay + az * az);
        if (!(n > 0) || !Double.isFinite(n)) {
            return false;
        }
        double ux = ax / n;
        double uy = ay / n;
        double uz = az / n;
        // rotation taking u (sensor) onto e_z (earth): axis u × e_z, half-angle trick
        double w = 1 + uz;
        double x = uy;
        double y = -ux;
        double z = 0;
        if (w < 1e-9) { // upside down: rotate by π about x
            w = 0;
            x = 1;
            y = 0;
        }
        double m = Math.sqrt(w * w + x * x + y * y + z * z);
        out[0] = w / m;
        out[1] = x / m;
        out[2] = y / m;
        out[3] = z / m;
        return true;
    }

    /**
     * The orientation from gravity and the magnetic field: earth z up along the measured specific force, y north
     * along the horizontal part of the field, x east.
     *
     * @param out destination (w, x, y, z); Modified only when the result is true
     * @return false if either vector is zero or they are parallel
     */
    public static boolean fromGravityAndField(double ax, double ay, double az, double mx, double my, double mz,
            double[] out) {
        double an = Math.sqrt(ax * ax + ay * ay + az * az);
        if (!(an > 0) || !Double.isFinite(an)) {
            return false;
        }
        double ux = ax / an;
        double uy = ay / an;
        double uz = az / an;
        double ex = my * uz - mz * uy; // east = field × up
        double ey = mz * ux - mx * uz;
        double ez = mx * uy - my * ux;
        double en = Math.sqrt(ex * ex + ey * ey + ez * ez);
        if (!(en > 1e-9) || !Double.isFinite(en)) {
            return false;
        }
        ex /= en;
        ey /= en;
        ez /= en;
        double nx = uy * ez - uz * ey; // north = up × east
        double ny = uz * ex - ux * ez;
        double nz = ux * ey - uy * ex;
        // rows of R (sensor to earth) are east, north, up
        fromMatrix(ex, ey, ez, nx, ny, nz, ux, uy, uz, out);
        return true;
    }

    /** A unit quaternion from a rotation matrix given by rows; out is Modified. */
    static void fromMatrix(double r00, double r01, double r02, double r10, double r11, double r12, double r20,
            double r21, double r22, double[] out) {
        double trace = r00 + r11 + r22;
        double w;
        double x;
        double y;
        double z;
        if (trace > 0) {
            double s = 0.5 / Math.sqrt(trace + 1);
            w = 0.25 / s;
            x = (r21 - r12) * s;
            y = (r02 - r20) * s;
            z = (r10 - r01) * s;
        } else if (r00 > r11 && r00 > r22) {
            double s = 2 * Math.sqrt(1 + r00 - r11 - r22);
            w = (r21 - r12) / s;
            x = 0.25 * s;
            y = (r01 + r10) / s;
            z = (r02 + r20) / s;
        } else if (r11 > r22) {
            double s = 2 * Math.sqrt(1 + r11 - r00 - r22);
            w = (r02 - r20) / s;
            x = (r01 + r10) / s;
            y = 0.25 * s;
            z = (r12 + r21) / s;
        } else {
            double s = 2 * Math.sqrt(1 + r22 - r00 - r11);
            w = (r10 - r01) / s;
            x = (r02 + r20) / s;
            y = (r12 + r21) / s;
            z = 0.25 * s;
        }
        double m = Math.sqrt(w * w + x * x + y * y + z * z);
        if (w < 0) {
            m = -m;
        }
        out[0] = w / m;
        out[1] = x / m;
        out[2] = y / m;
        out[3] = z / m;
    }

    /**
     * Rotates an earth-frame vector into the sensor frame, {@code Rᵀ·d}, for a unit quaternion.
     *
     * @param out destination, length ≥ 3; Modified
     */
    public static void earthToSensor(double w, double x, double y, double z, double dx, double dy, double dz,
            double[] out) {
        out[0] = (1 - 2 * (y * y + z * z)) * dx + 2 * (x * y + w * z) * dy + 2 * (x * z - w * y) * dz;
        out[1] = 2 * (x * y - w * z) * dx + (1 - 2 * (x * x + z * z)) * dy + 2 * (y * z + w * x) * dz;
        out[2] = 2 * (x * z + w * y) * dx + 2 * (y * z - w * x) * dy + (1 - 2 * (x * x + y * y)) * dz;
    }

    /**
     * Rotates a sensor-frame vector into the earth frame, {@code R·v}, for a unit quaternion.
     *
     * @param out destination, length ≥ 3; Modified
     */
    public static void sensorToEarth(double w, double x, double y, double z, double vx, double vy, double vz,
            double[] out) {
        out[0] = (1 - 2 * (y * y + z * z)) * vx + 2 * (x * y - w * z) * vy + 2 * (x * z + w * y) * vz;
        out[1] = 2 * (x * y + w * z) * vx + (1 - 2 * (x * x + z * z)) * vy + 2 * (y * z - w * x) * vz;
        out[2] = 2 * (x * z - w * y) * vx + 2 * (y * z + w * x) * vy + (1 - 2 * (x * x + y * y)) * vz;
    }
}
