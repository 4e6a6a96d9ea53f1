package dev.touchline.calibration;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** Input checks shared by the solvers; every failure names the landmark. */
final class LandmarkChecks {
    private LandmarkChecks() {
    }

    /** NaN or infinite values, repeated ids and repeated pitch positions are bad input. */
    static void checkFiniteAndDistinct(List<Landmark> landmarks) throws CalibrationException {
        Map<String, Integer> ids = new HashMap<>();
        Map<List<Double>, String> positions = new HashMap<>();
        for (int i = 0; i < landmarks.size(); i++) {
            Landmark l = landmarks.get(i);
            if (!l.isFinite()) {
                throw new CalibrationException(String.format(Locale.ROOT,
                        "landmark '%s' (#%d) has a NaN or infinite value: X_m=%s Y_m=%s Z_m=%s u_px=%s v_px=%s",
                        l.id(), i, l.xM(), l.yM(), l.zM(), l.uPx(), l.vPx()));
            }
            Integer previous = ids.putIfAbsent(l.id(), i);
            if (previous != null) {
                throw new CalibrationException("landmark id '" + l.id() + "' appears twice (#" + previous + " and #"
                        + i + ")");
            }
            String same = positions.putIfAbsent(List.of(l.xM() + 0.0, l.yM() + 0.0, l.zM() + 0.0), l.id());
            if (same != null) {
                throw new CalibrationException("landmarks '" + same + "' and '" + l.id()
                        + "' have the same pitch position (" + l.xM() + ", " + l.yM() + ", " + l.zM() + ") m");
            }
        }
    }

    /**
     * Refuses landmarks on one plane (a 3-D DLT is then undetermined): the smallest singular value of the centred
     * pitch coordinates below {@code tolerance} times the largest.
     */
    static void checkNotCoplanar(List<Landmark> landmarks, double tolerance) throws CalibrationException {
        double[] sv = centredSingularValues(landmarks);
        double ratio = sv[2] / sv[0];
        if (!(ratio >= tolerance)) {
            throw new CalibrationException(String.format(Locale.ROOT,
                    "the %d landmarks lie on one plane (thickness/extent %.2g < %.2g): a 3-D DLT is undetermined; "
                            + "fit a planar homography instead (model homography), or add raised landmarks",
                    landmarks.size(), ratio, tolerance));
        }
    }

    /** Singular values of the n × 3 matrix of centred pitch coordinates, in descending order. */
    static double[] centredSingularValues(List<Landmark> landmarks) {
        int n = landmarks.size();
        double cx = 0;
        double cy = 0;
        double cz = 0;
        for (Landmark l : landmarks) {
            cx += l.xM();
            cy += l.yM();
            cz += l.zM();
        }
        cx /= n;
        cy /= n;
        cz /= n;
        // Singular values of the n × 3 matrix are the square roots of the eigenvalues of its 3 × 3 scatter matrix:
        // a 3 × 3 symmetric eigen decomposition instead of an n × 3 SVD.
        double[] scatter = new double[9];
        for (Landmark l : landmarks) {
            double dx = l.xM() - cx;
            double dy = l.yM() - cy;
            double dz = l.zM() - cz;
            scatter[0] += dx * dx;
            scatter[1] += dx * dy;
            scatter[2] += dx * dz;
            scatter[4] += dy * dy;
            scatter[5] += dy * dz;
            scatter[8] += dz * dz;
        }
        scatter[3] = scatter[1];
        scatter[6] = scatter[2];
        scatter[7] = scatter[5];
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(3, false, true);
        if (!eig.decompose(DMatrixRMaj.wrap(3, 3, scatter))) {
            return new double[] {0, 0, 0};
        }
        double[] out = new double[3];
        int count = Math.min(3, eig.getNumberOfEigenvalues());
        for (int i = 0; i < count; i++) {
            out[i] = Math.sqrt(Math.max(0, eig.getEigenvalue(i).real));
        }
        java.util.Arrays.sort(out);
        return new double[] {out[2], out[1], out[0]};
    }
}
