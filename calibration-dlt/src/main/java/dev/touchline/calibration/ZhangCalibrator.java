package dev.touchline.calibration;

import java.util.List;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;
import org.ejml.data.DMatrixRMaj;

/**
 * Zhang's intrinsic calibration from several views of a planar chessboard: a homography per view (normalised
 * DLT), the closed-form intrinsics from the image of the absolute conic (zero skew imposed afterwards), extrinsics
 * per view, then Levenberg–Marquardt over fx, fy, cx, cy, k1, k2, p1, p2, k3 and every view's pose, minimising
 * pixel reprojection error. The Jacobian is by central differences, each view's pose touching only its own rows.
 */
public final class ZhangCalibrator {
    private ZhangCalibrator() {
    }

    /**
     * Calibrates.
     *
     * @param views       corners per view (at least 3 views)
     * @param squareSizeM board square size, metres (only scales the poses; intrinsics do not depend on it)
     * @throws CalibrationException when there are too few views or the closed form has no real solution
     */
    public static IntrinsicCalibration calibrate(List<ChessboardCorners> views, double squareSizeM)
            throws CalibrationException {
        if (views.size() < 3) {
            throw new CalibrationException(views.size() + " views are too few for intrinsic calibration: need 3");
        }
        if (!(squareSizeM > 0) || !Double.isFinite(squareSizeM)) {
            throw new IllegalArgumentException("squareSizeM must be finite and > 0, got " + squareSizeM);
        }
        int m = views.size();
        double[][] homographies = new double[m][];
        for (int k = 0; k < m; k++) {
            ChessboardCorners c = views.get(k);
            int n = c.cols() * c.rows();
            double[] x = new double[n];
            double[] y = new double[n];
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                x[i] = (i % c.cols()) * squareSizeM;
                y[i] = (i / c.cols()) * squareSizeM;
                idx[i] = i;
            }
            homographies[k] = HomographyCalibrator.linear(x, y, c.u(), c.v(), idx);
        }
        double[] k0 = closedForm(homographies);
        // Parameters: fx, fy, cx, cy, k1, k2, p1, p2, k3, then per view a rotation increment (3) and t (3).
        int p = 9 + 6 * m;
        double[] q0 = new double[p];
        q0[0] = k0[0];
        q0[1] = k0[1];
        q0[2] = k0[2];
        q0[3] = k0[3];
        double[][] r0 = new double[m][];
        for (int k = 0; k < m; k++) {
            double[] pose = pose(homographies[k], k0);
            r0[k] = java.util.Arrays.copyOf(pose, 9);
            q0[9 + 6 * k + 3] = pose[9];
            q0[9 + 6 * k + 4] = pose[10];
            q0[9 + 6 * k + 5] = pose[11];
        }
        int total = 0;
        int[] offset = new int[m + 1];
        for (int k = 0; k < m; k++) {
            offset[k] = total;
            total += views.get(k).cols() * views.get(k).rows();
        }
        offset[m] = total;
        double[] target = new double[2 * total];
        double[][] bx = new double[m][];
        double[][] by = new double[m][];
        for (int k = 0; k < m; k++) {
            ChessboardCorners c = views.get(k);
            int n = c.cols() * c.rows();
            bx[k] = new double[n];
            by[k] = new double[n];
            double[] u = c.u();
            double[] v = c.v();
            for (int i = 0; i < n; i++) {
                bx[k][i] = (i % c.cols()) * squareSizeM;
                by[k][i] = (i / c.cols()) * squareSizeM;
                target[2 * (offset[k] + i)] = u[i];
                target[2 * (offset[k] + i) + 1] = v[i];
            }
        }
        int rows = 2 * total;
        MultivariateJacobianFunction f = point -> {
            double[] q = point.toArray();
            double[] value = new double[rows];
            for (int k = 0; k < m; k++) {
                project(q, k, r0[k], bx[k], by[k], value, 2 * offset[k]);
            }
            double[][] jac = new double[rows][p];
            double[] plus = new double[rows];
            double[] minus = new double[rows];
            for (int j = 0; j < p; j++) {
                double h = 1e-6 * Math.max(1, Math.abs(q[j]));
                double keep = q[j];
                int first = j < 9 ? 0 : (j - 9) / 6;
                int last = j < 9 ? m - 1 : first;
                q[j] = keep + h;
                for (int k = first; k <= last; k++) {
                    project(q, k, r0[k], bx[k], by[k], plus, 2 * offset[k]);
                }
                q[j] = keep - h;
                for (int k = first; k <= last; k++) {
                    project(q, k, r0[k], bx[k], by[k], minus, 2 * offset[k]);
                }
                q[j] = keep;
                for (int r = 2 * offset[first]; r < 2 * offset[last + 1]; r++) {
                    jac[r][j] = (plus[r] - minus[r]) / (2 * h);
                }
            }
            return new Pair<RealVector, RealMatrix>(new ArrayRealVector(value, false),
                    new Array2DRowRealMatrix(jac, false));
        };
        LeastSquaresProblem problem = new LeastSquaresBuilder().start(q0).target(target).model(f)
                .maxIterations(200).maxEvaluations(1000).build();
        double[] q;
        try {
            q = new LevenbergMarquardtOptimizer().optimize(problem).getPoint().toArray();
        } catch (TooManyEvaluationsException | TooManyIterationsException | ConvergenceException e) {
            throw new CalibrationException("intrinsic refinement did not converge: " + e.getMessage(), e);
        }
        double[] predicted = new double[rows];
        double sum = 0;
        double[] viewRms = new double[m];
        for (int k = 0; k < m; k++) {
            project(q, k, r0[k], bx[k], by[k], predicted, 2 * offset[k]);
            double s = 0;
            for (int i = offset[k]; i < offset[k + 1]; i++) {
                double du = predicted[2 * i] - target[2 * i];
                double dv = predicted[2 * i + 1] - target[2 * i + 1];
                s += du * du + dv * dv;
            }
            viewRms[k] = Math.sqrt(s / (offset[k + 1] - offset[k]));
            sum += s;
        }
        return new IntrinsicCalibration(q[0], q[1], q[2], q[3], new double[] {q[4], q[5], q[6], q[7], q[8]},
                Math.sqrt(sum / total), viewRms);
    }

    /** Projects view k's board points into out starting at index start (u, v interleaved). */
    private static void project(double[] q, int k, double[] r0, double[] bx, double[] by, double[] out, int start) {
        int o = 9 + 6 * k;
        double[] r = Mat3.multiply(SquarePixelFitter.rodrigues(q[o], q[o + 1], q[o + 2]), r0);
        double[] lens = {q[4], q[5], q[8], q[6], q[7], 0, 0, 0, 0}; // k1, k2, k3, p1, p2 in LensModel's order
        double[] d = new double[2];
        for (int i = 0; i < bx.length; i++) {
            double xc = r[0] * bx[i] + r[1] * by[i] + q[o + 3];
            double yc = r[3] * bx[i] + r[4] * by[i] + q[o + 4];
            double zc = r[6] * bx[i] + r[7] * by[i] + q[o + 5];
            LensModel.distortNormalised(lens, xc / zc, yc / zc, d);
            out[start + 2 * i] = q[0] * d[0] + q[2];
            out[start + 2 * i + 1] = q[1] * d[1] + q[3];
        }
    }

    /** Closed-form fx, fy, cx, cy (skew dropped) from the image of the absolute conic. */
    static double[] closedForm(double[][] hs) throws CalibrationException {
        DMatrixRMaj a = new DMatrixRMaj(Math.max(2 * hs.length, 6), 6);
        for (int k = 0; k < hs.length; k++) {
            double[] h = hs[k];
            double[] v12 = vij(h, 0, 1);
            double[] v11 = vij(h, 0, 0);
            double[] v22 = vij(h, 1, 1);
            for (int c = 0; c < 6; c++) {
                a.set(2 * k, c, v12[c]);
                a.set(2 * k + 1, c, v11[c] - v22[c]);
            }
        }
        double[] b = DltCalibrator.smallestRightSingularVector(a);
        double b11 = b[0];
        double b12 = b[1];
        double b22 = b[2];
        double b13 = b[3];
        double b23 = b[4];
        double b33 = b[5];
        double den = b11 * b22 - b12 * b12;
        double v0 = (b12 * b13 - b11 * b23) / den;
        double lambda = b33 - (b13 * b13 + v0 * (b12 * b13 - b11 * b23)) / b11;
        double alpha2 = lambda / b11;
        double beta2 = lambda * b11 / den;
        if (!(alpha2 > 0 && beta2 > 0)) {
            throw new CalibrationException("the views do not determine the intrinsics (closed form has no real "
                    + "focal length); use more views at different tilts");
        }
        double alpha = Math.sqrt(alpha2);
        double beta = Math.sqrt(beta2);
        double gamma = -b12 * alpha * alpha * beta / lambda;
        double u0 = gamma * v0 / beta - b13 * alpha * alpha / lambda;
        return new double[] {alpha, beta, u0, v0};
    }

    /** Zhang's v_ij: h_i, h_j are columns i, j of H (row-major). */
    private static double[] vij(double[] h, int i, int j) {
        double h1i = h[i];
        double h2i = h[3 + i];
        double h3i = h[6 + i];
        double h1j = h[j];
        double h2j = h[3 + j];
        double h3j = h[6 + j];
        return new double[] {h1i * h1j, h1i * h2j + h2i * h1j, h2i * h2j, h3i * h1j + h1i * h3j,
            h3i * h2j + h2i * h3j, h3i * h3j};
    }

    /** Rotation (9, row-major, nearest proper rotation) and translation (3) of a view from its homography. */
    private static double[] pose(double[] h, double[] k) {
        double[] kinv = Mat3.inverse(new double[] {k[0], 0, k[2], 0, k[1], k[3], 0, 0, 1});
        double[] m1 = column(kinv, h, 0);
        double[] m2 = column(kinv, h, 1);
        double[] m3 = column(kinv, h, 2);
        double lambda = 1 / Math.sqrt(m1[0] * m1[0] + m1[1] * m1[1] + m1[2] * m1[2]);
        if (m3[2] * lambda < 0) { // the board is in front of the camera
            lambda = -lambda;
        }
        double[] r1 = {m1[0] * lambda, m1[1] * lambda, m1[2] * lambda};
        double[] r2 = {m2[0] * lambda, m2[1] * lambda, m2[2] * lambda};
        double[] r3 = {r1[1] * r2[2] - r1[2] * r2[1], r1[2] * r2[0] - r1[0] * r2[2], r1[0] * r2[1] - r1[1] * r2[0]};
        double[] r = SquarePixelCamera.nearestRotation(new double[] {
            r1[0], r2[0], r3[0], r1[1], r2[1], r3[1], r1[2], r2[2], r3[2]});
        double[] out = java.util.Arrays.copyOf(r, 12);
        out[9] = m3[0] * lambda;
        out[10] = m3[1] * lambda;
        out[11] = m3[2] * lambda;
        return out;
    }

    private static double[] column(double[] kinv, double[] h, int c) {
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = kinv[3 * i] * h[c] + kinv[3 * i + 1] * h[3 + c] + kinv[3 * i + 2] * h[6 + c];
        }
        return out;
    }
}
