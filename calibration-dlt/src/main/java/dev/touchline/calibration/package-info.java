/**
 * Camera calibration for venue cameras.
 *
 * <p>Landmarks ({@link dev.touchline.calibration.Landmark}: surveyed pitch coordinates in metres and their pixel
 * positions) go into {@link dev.touchline.calibration.DltCalibrator}, which returns a
 * {@link dev.touchline.calibration.Camera}: a 3 × 4 projection matrix plus a {@link
 * dev.touchline.calibration.LensModel}. The models are
 * <ul>
 *   <li>DLT-11: the eleven parameters of the projective camera, solved linearly (Hartley normalisation and SVD);
 *       needs at least six landmarks that do not lie on one plane;</li>
 *   <li>DLT-16: DLT-11 plus five lens terms (radial k1–k3, decentering p1–p2);</li>
 *   <li>DLT-20: DLT-11 plus nine lens terms (the five above and thin prism s1–s4).</li>
 * </ul>
 * "20-parameter DLT" is not a standard term; these definitions are this library's. The lens terms are refined by
 * Levenberg–Marquardt with an analytic Jacobian, starting from the DLT-11 solution.
 *
 * <p>Pixel coordinates follow the convention of the landmarks given (the library never shifts them): u to the
 * right, v down. Pitch coordinates are metres, z up; any right-handed frame works.
 *
 * <p>Bad input data (NaN, duplicates, coplanar landmarks for a 3-D model, too few landmarks) is reported by the
 * checked {@link dev.touchline.calibration.CalibrationException}, whose message names the landmark.
 */
@NullMarked
package dev.touchline.calibration;

import org.jspecify.annotations.NullMarked;
