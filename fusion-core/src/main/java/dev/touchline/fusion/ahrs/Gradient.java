package dev.touchline.fusion.ahrs;

/**
 * The gradient of Madgwick's objective {@code ½‖Rᵀ(q)·d − s‖²} with respect to the quaternion, written once for
 * any earth reference direction d and measured sensor direction s, i.e. {@code Jᵀ·f} with
 * {@code f = Rᵀ(q)·d − s} and J its 3×4 Jacobian.
 *
 * <p>Why a general form: Madgwick's widely copied C/C# code (MadgwickAHRS.c, 2010/2011, and its ports) expands
 * this product by hand for the magnetometer and names {@code sqrt(hx² + hy²)} "_2bx" and {@code hz} "_2bz",
 * although they are b_x and b_z themselves; every magnetometer term then uses half the reference field, so the
 * objective compares the measured (unit) field with a predicted field of half length, and the gradient does not
 * vanish at the true orientation. (Reported e.g. in github.com/RideBeeline/madgwick-investigation and
 * dlaidig/broad issue #1; the fix is {@code _2bx = 2·bx}, {@code _2bz = 2·bz}.) Here the reference field
 * {@code (0, b_h, b_z)} is used with its true length, and a unit test checks this gradient against finite
 * differences and that it vanishes at the true orientation.
 */
final class Gradient {
    private Gradient() {
    }

    /**
     * Adds Jᵀ·f for one reference/measurement pair to acc.
     *
     * @param acc the gradient accumulator (w, x, y, z); Modified (added to)
     */
    static void add(double w, double x, double y, double z, double dx, double dy, double dz, double sx, double sy,
            double sz, double[] acc) {
        double fx = (1 - 2 * (y * y + z * z)) * dx + 2 * (x * y + w * z) * dy + 2 * (x * z - w * y) * dz - sx;
        double fy = 2 * (x * y - w * z) * dx + (1 - 2 * (x * x + z * z)) * dy + 2 * (y * z + w * x) * dz - sy;
        double fz = 2 * (x * z + w * y) * dx + 2 * (y * z - w * x) * dy + (1 - 2 * (x * x + y * y)) * dz - sz;
        acc[0] += (2 * z * dy - 2 * y * dz) * fx + (-2 * z * dx + 2 * x * dz) * fy + (2 * y * dx - 2 * x * dy) * fz;
        acc[1] += (2 * y * dy + 2 * z * dz) * fx + (2 * y * dx - 4 * x * dy + 2 * w * dz) * fy
                + (2 * z * dx - 2 * w * dy - 4 * x * dz) * fz;
        acc[2] += (-4 * y * dx + 2 * x * dy - 2 * w * dz) * fx + (2 * x * dx + 2 * z * dz) * fy
                + (2 * w * dx + 2 * z * dy - 4 * y * dz) * fz;
        acc[3] += (-4 * z * dx + 2 * w * dy + 2 * x * dz) * fx + (-2 * w * dx - 4 * z * dy + 2 * y * dz) * fy
                + (2 * x * dx + 2 * y * dy) * fz;
    }
}
