package dev.touchline.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The module's own Levenberg–Marquardt reaches the same DLT-16/-20 minimum as commons-math3's
 * LevenbergMarquardtOptimizer (the solver it replaced) from the same DLT-11 start.
 */
class LevenbergMarquardtTest {
    /** Both solvers from the DLT-11 start of a calibration; returns {ours, commons-math3} sums of squares. */
    private static double[] compare(List<Landmark> landmarks, CameraModel model, String label) throws Exception {
        int n = landmarks.size();
        DltCalibrator.Normalisation world = DltCalibrator.Normalisation.world(landmarks);
        double[] wx = new double[n];
        double[] wy = new double[n];
        double[] wz = new double[n];
        double[] u = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            Landmark l = landmarks.get(i);
            wx[i] = world.x(l.xM());
            wy[i] = world.y(l.yM());
            wz[i] = world.z(l.zM());
            u[i] = l.uPx();
            v[i] = l.vPx();
        }
        double[] pn = DltCalibrator.linearDlt(wx, wy, wz, u, v);
        CameraDecomposition dec = CameraDecomposition.of(world.apply(pn));
        double scale = 0.5 * (Math.abs(dec.fx()) + Math.abs(dec.fy()));
        DltLensProblem problem = new DltLensProblem(wx, wy, wz, 960, 540, scale, model.lensTerms());
        double[] q0 = DltCalibrator.initialParameters(problem, pn);
        double[] target = DltCalibrator.interleave(u, v);
        int m = q0.length;

        LevenbergMarquardt lm = new LevenbergMarquardt(m, 2 * n);
        double[] ours = new double[m];
        assertTrue(lm.minimise(problem, q0, target, 200, ours), label + ": converged");
        // The generic path (explicit Jacobian, normal equations formed row by row) lands on the same point.
        double[] viaJacobian = new double[m];
        LevenbergMarquardt.Model explicit = problem::evaluate;
        assertTrue(new LevenbergMarquardt(m, 2 * n).minimise(explicit, q0, target, 200, viaJacobian),
                label + ": converged through the explicit Jacobian");

        MultivariateJacobianFunction f = point -> {
            double[] predicted = new double[2 * n];
            double[][] jacobian = new double[2 * n][m];
            problem.evaluate(point.toArray(), predicted, jacobian);
            return new Pair<RealVector, RealMatrix>(new ArrayRealVector(predicted, false),
                    new Array2DRowRealMatrix(jacobian, false));
        };
        LeastSquaresProblem lsq = new LeastSquaresBuilder().start(q0).target(target).model(f)
                .maxIterations(200).maxEvaluations(800).build();
        double[] reference = new LevenbergMarquardtOptimizer().optimize(lsq).getPoint().toArray();

        double[] pOurs = new double[2 * n];
        double[] pRef = new double[2 * n];
        problem.evaluate(ours, pOurs, null);
        problem.evaluate(reference, pRef, null);
        double costOurs = 0;
        double costRef = 0;
        double worstPx = 0;
        for (int i = 0; i < 2 * n; i++) {
            costOurs += (target[i] - pOurs[i]) * (target[i] - pOurs[i]);
            costRef += (target[i] - pRef[i]) * (target[i] - pRef[i]);
            worstPx = Math.max(worstPx, Math.abs(pOurs[i] - pRef[i]));
        }
        assertEquals(costRef, costOurs, 1e-6 * costRef, label + ": sum of squared residuals");
        double[] pExplicit = new double[2 * n];
        problem.evaluate(viaJacobian, pExplicit, null);
        double costExplicit = 0;
        for (int i = 0; i < 2 * n; i++) {
            costExplicit += (target[i] - pExplicit[i]) * (target[i] - pExplicit[i]);
        }
        assertEquals(costOurs, costExplicit, 1e-9 * costOurs, label + ": structured vs explicit Jacobian");
        assertTrue(worstPx < 1e-4, label + ": predictions differ by " + worstPx + " px");
        // Both stop at the 1e-10 tolerances on a flat valley (DLT-20's lens terms trade off against L1..L11), so
        // parameters agree to a few parts in a million of their block's size, while the residual agrees to 1e-6.
        double lScale = 0;
        for (int k = 0; k < 11; k++) {
            lScale = Math.max(lScale, Math.abs(reference[k]));
        }
        for (int k = 0; k < m; k++) {
            double tolerance = k < 11 ? 1e-5 * lScale : 1e-4;
            assertEquals(reference[k], ours[k], tolerance, label + ": parameter " + k);
        }
        return new double[] {costOurs, costRef};
    }

    /** The in-repository synthetic stadium (f 1500 px, k1 −0.08, k2 0.01), 0.5 px noise, seed 11. */
    @Test
    void sameMinimumAsCommonsMathOnTheSyntheticStadium() throws Exception {
        List<Landmark> landmarks = SyntheticCameras.observe(SyntheticCameras.broadcast(-0.08, 0.01),
                SyntheticCameras.pitchPoints(7, 7), 0.5, 11);
        compare(landmarks, CameraModel.DLT16, "DLT-16");
        compare(landmarks, CameraModel.DLT20, "DLT-20");
    }

    /** The shared synthetic stadium's 56 landmarks (skipped without TOUCHLINE_DATA: SyntheticStadiumTest reads it). */
    @Test
    @Tag("realdata")
    void sameMinimumAsCommonsMathOnTheSharedSyntheticStadium() throws Exception {
        List<Landmark> landmarks = SyntheticStadiumTest.landmarks();
        compare(landmarks, CameraModel.DLT16, "DLT-16");
        compare(landmarks, CameraModel.DLT20, "DLT-20");
    }

    /** Twenty random broadcast cameras with every visible landmark (at least 32), seed 2027. */
    @Test
    void sameMinimumAsCommonsMathOnRandomCameras() throws Exception {
        Random random = new Random(2027);
        for (int c = 0; c < 20; c++) {
            RandomBroadcastScenes.Scene scene = RandomBroadcastScenes.draw(random, 32);
            CameraModel model = scene.visible().size() >= 40 && c % 2 == 0 ? CameraModel.DLT20 : CameraModel.DLT16;
            compare(scene.visible(), model, "camera " + c + " " + model);
        }
    }

    /** A problem with an exact linear solution: the solver lands on it (seed 5). */
    @Test
    void solvesALinearProblemExactly() {
        Random random = new Random(5);
        int n = 30;
        double[][] a = new double[n][3];
        double[] truth = {2, -1, 0.5};
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                a[i][k] = random.nextGaussian();
                b[i] += a[i][k] * truth[k];
            }
        }
        LevenbergMarquardt.Model model = (q, predicted, jacobian) -> {
            for (int i = 0; i < n; i++) {
                predicted[i] = a[i][0] * q[0] + a[i][1] * q[1] + a[i][2] * q[2];
                System.arraycopy(a[i], 0, jacobian[i], 0, 3);
            }
        };
        double[] result = new double[3];
        assertTrue(new LevenbergMarquardt(3, n).minimise(model, new double[3], b, 50, result));
        for (int k = 0; k < 3; k++) {
            assertEquals(truth[k], result[k], 1e-9, "parameter " + k);
        }
    }
}
