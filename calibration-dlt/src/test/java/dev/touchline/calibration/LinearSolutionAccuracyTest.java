package dev.touchline.calibration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The linear DLT and homography take the smallest eigenvector of AᵀA instead of the smallest right singular vector
 * of A: on Hartley-normalised systems both agree to near machine precision, with and without pixel noise.
 */
class LinearSolutionAccuracyTest {
    /** Largest element difference of the two unit solutions (sign aligned). */
    private static double difference(DMatrixRMaj a) throws CalibrationException {
        int k = a.numCols;
        double[] ata = new double[k * k];
        double[] row = new double[k];
        for (int r = 0; r < a.numRows; r++) {
            System.arraycopy(a.data, r * k, row, 0, k);
            DltCalibrator.addOuterProduct(ata, row);
        }
        double[] eig = DltCalibrator.smallestEigenvector(ata, k);
        double[] svd = DltCalibrator.smallestRightSingularVector(a);
        double dot = 0;
        for (int i = 0; i < k; i++) {
            dot += eig[i] * svd[i];
        }
        double sign = Math.signum(dot);
        double worst = 0;
        for (int i = 0; i < k; i++) {
            worst = Math.max(worst, Math.abs(eig[i] - sign * svd[i]));
        }
        return worst;
    }

    /** The normalised 2N × 12 DLT system of landmarks, as DltCalibrator.linearDlt builds it. */
    private static DMatrixRMaj dltSystem(List<Landmark> landmarks) {
        int n = landmarks.size();
        DltCalibrator.Normalisation world = DltCalibrator.Normalisation.world(landmarks);
        double mu = 0;
        double mv = 0;
        for (Landmark l : landmarks) {
            mu += l.uPx() / n;
            mv += l.vPx() / n;
        }
        double dist = 0;
        for (Landmark l : landmarks) {
            dist += Math.hypot(l.uPx() - mu, l.vPx() - mv);
        }
        double s = Math.sqrt(2) * n / dist;
        DMatrixRMaj a = new DMatrixRMaj(2 * n, 12);
        for (int i = 0; i < n; i++) {
            Landmark l = landmarks.get(i);
            double x = world.x(l.xM());
            double y = world.y(l.yM());
            double z = world.z(l.zM());
            double un = (l.uPx() - mu) * s;
            double vn = (l.vPx() - mv) * s;
            double[] r1 = {x, y, z, 1, 0, 0, 0, 0, -un * x, -un * y, -un * z, -un};
            double[] r2 = {0, 0, 0, 0, x, y, z, 1, -vn * x, -vn * y, -vn * z, -vn};
            System.arraycopy(r1, 0, a.data, 24 * i, 12);
            System.arraycopy(r2, 0, a.data, 24 * i + 12, 12);
        }
        return a;
    }

    /** The normalised 2N × 9 homography system of the ground landmarks. */
    private static DMatrixRMaj homographySystem(List<Landmark> landmarks) {
        int n = landmarks.size();
        double[] c = new double[4];
        for (Landmark l : landmarks) {
            c[0] += l.xM() / n;
            c[1] += l.yM() / n;
            c[2] += l.uPx() / n;
            c[3] += l.vPx() / n;
        }
        double dw = 0;
        double dp = 0;
        for (Landmark l : landmarks) {
            dw += Math.hypot(l.xM() - c[0], l.yM() - c[1]);
            dp += Math.hypot(l.uPx() - c[2], l.vPx() - c[3]);
        }
        double sw = Math.sqrt(2) * n / dw;
        double sp = Math.sqrt(2) * n / dp;
        DMatrixRMaj a = new DMatrixRMaj(2 * n, 9);
        for (int i = 0; i < n; i++) {
            Landmark l = landmarks.get(i);
            double x = (l.xM() - c[0]) * sw;
            double y = (l.yM() - c[1]) * sw;
            double un = (l.uPx() - c[2]) * sp;
            double vn = (l.vPx() - c[3]) * sp;
            double[] r1 = {x, y, 1, 0, 0, 0, -un * x, -un * y, -un};
            double[] r2 = {0, 0, 0, x, y, 1, -vn * x, -vn * y, -vn};
            System.arraycopy(r1, 0, a.data, 18 * i, 9);
            System.arraycopy(r2, 0, a.data, 18 * i + 9, 9);
        }
        return a;
    }

    /** Synthetic stadium, noise-free and with 0.5 px noise (seed 3), all 56 points and the 49 ground points. */
    @Test
    void eigenAndSvdSolutionsAgreeOnTheSyntheticStadium() throws CalibrationException {
        for (double sigma : new double[] {0, 0.5}) {
            List<Landmark> all = SyntheticCameras.observe(SyntheticCameras.broadcast(-0.08),
                    SyntheticCameras.pitchPoints(7, 7), sigma, 3);
            double dlt = difference(dltSystem(all));
            assertTrue(dlt < 1e-9, "DLT, sigma " + sigma + ": " + dlt);
            List<Landmark> ground = all.stream().filter(l -> l.zM() == 0).toList();
            double h = difference(homographySystem(ground));
            assertTrue(h < 1e-9, "homography, sigma " + sigma + ": " + h);
        }
    }

    /** Thirty random broadcast cameras (seed 2028), every visible landmark, 0.5 px noise. */
    @Test
    void eigenAndSvdSolutionsAgreeOnRandomCameras() throws CalibrationException {
        Random random = new Random(2028);
        for (int c = 0; c < 30; c++) {
            List<Landmark> visible = RandomBroadcastScenes.draw(random, 12).visible();
            double dlt = difference(dltSystem(visible));
            assertTrue(dlt < 1e-9, "camera " + c + " DLT: " + dlt);
            List<Landmark> ground = visible.stream().filter(l -> l.zM() == 0).toList();
            if (ground.size() >= 4) {
                double h = difference(homographySystem(ground));
                assertTrue(h < 1e-9, "camera " + c + " homography: " + h);
            }
        }
    }
}
