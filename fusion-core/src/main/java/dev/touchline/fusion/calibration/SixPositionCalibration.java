package dev.touchline.fusion.calibration;

import dev.touchline.fusion.BadSensorDataException;
import dev.touchline.sensor.bias.BiasModel;

/**
 * Six-position accelerometer calibration: the sensor rests in six poses, each axis pointing up and then down, and
 * the mean reading of each pose is taken. With {@code r = M·a + b} and the true specific force {@code ±g·e_k} in
 * the pose where axis k points up (+) or down (−):
 * <ul>
 *   <li>column k of M is {@code (r_k⁺ − r_k⁻) / (2g)}: its diagonal entry the scale factor, the others the
 *       cross-axis sensitivity (misalignment);</li>
 *   <li>the offset is {@code (r_k⁺ + r_k⁻) / 2}, averaged over the three axes.</li>
 * </ul>
 * The poses need not be exactly level for the offset (tilt cancels between opposite poses to first order) but the
 * misalignment terms absorb any tilt of the rig. The spread of the three offset estimates is a check: above
 * {@code maxOffsetSpreadMetresPerSecondSquared} the poses were not opposite, or the sensor moved, and the fit is
 * refused with {@link BadSensorDataException}.
 */
public final class SixPositionCalibration {
    /** Standard gravity, m/s². */
    public static final double STANDARD_GRAVITY = 9.80665;

    private SixPositionCalibration() {
    }

    /**
     * Fits M and b.
     *
     * @param means six mean readings, m/s², each of 3 values, in the order +x up, −x up, +y up, −y up, +z up,
     *        −z up; Not modified
     * @param gravity local gravity, m/s² (e.g. {@link #STANDARD_GRAVITY})
     * @param maxOffsetSpreadMetresPerSecondSquared largest accepted difference between the three offset estimates
     * @return the calibration, with no temperature drift (add one with {@link AccelerometerCalibration#withDrift})
     * @throws BadSensorDataException when a mean is not finite or the offset estimates disagree
     */
    public static AccelerometerCalibration fit(double[][] means, double gravity,
            double maxOffsetSpreadMetresPerSecondSquared) throws BadSensorDataException {
        if (means.length != 6) {
            throw new IllegalArgumentException("means must hold 6 poses, got " + means.length);
        }
        if (!(gravity > 0) || !Double.isFinite(gravity)) {
            throw new IllegalArgumentException("gravity must be positive, got " + gravity);
        }
        for (int p = 0; p < 6; p++) {
            if (means[p].length != 3) {
                throw new IllegalArgumentException("pose " + p + " needs 3 values, got " + means[p].length);
            }
            for (double v : means[p]) {
                if (!Double.isFinite(v)) {
                    throw new BadSensorDataException("six-position calibration: pose " + p + " mean is not finite");
                }
            }
        }
        double[] m = new double[9];
        double[][] offsets = new double[3][3];
        for (int k = 0; k < 3; k++) {
            double[] up = means[2 * k];
            double[] down = means[2 * k + 1];
            for (int row = 0; row < 3; row++) {
                m[3 * row + k] = (up[row] - down[row]) / (2 * gravity);
                offsets[k][row] = (up[row] + down[row]) / 2;
            }
        }
        double[] b = new double[3];
        double spread = 0;
        for (int row = 0; row < 3; row++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < 3; k++) {
                b[row] += offsets[k][row] / 3;
                lo = Math.min(lo, offsets[k][row]);
                hi = Math.max(hi, offsets[k][row]);
            }
            spread = Math.max(spread, hi - lo);
        }
        if (spread > maxOffsetSpreadMetresPerSecondSquared) {
            throw new BadSensorDataException("six-position calibration: the three offset estimates differ by "
                    + spread + " m/s², more than " + maxOffsetSpreadMetresPerSecondSquared
                    + " (poses not opposite, or the sensor moved)");
        }
        try {
            return AccelerometerCalibration.of(m, b, BiasModel.zero());
        } catch (IllegalArgumentException e) {
            throw new BadSensorDataException("six-position calibration: " + e.getMessage(), e);
        }
    }
}
