package dev.touchline.calibration;

import java.util.List;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Levenberg–Marquardt fit of the square-pixel broadcast models ({@link CameraModel#SQUARE_PIXEL} and its lens
 * variants): parameters f, a rotation increment (axis-angle, applied on the left of the starting rotation), the
 * camera centre, then k1, k2 and the principal point as the model releases them. The lens is OpenCV's radial model
 * about the principal point, normalised by f. The Jacobian is by central differences: these models have at most 11
 * parameters, and the fit is only ever run on tens of landmarks.
 */
final class SquarePixelFitter {
    private SquarePixelFitter() {
    }

    /** A starting point: focal length, world-to-camera rotation (row-major), centre, principal point, k1, k2. */
    record Start(double f, double[] rotation, double[] centre, double cx, double cy, double k1, double k2) {
        static Start of(Camera camera) {
            CameraDecomposition d = camera.decompose();
            LensModel lens = camera.lens();
            double[] c = lens.coefficients();
            boolean sameCentre = Math.abs(lens.centreU() - d.cx()) < 1e-9 && Math.abs(lens.centreV() - d.cy()) < 1e-9;
            return new Start(0.5 * (d.fx() + d.fy()), d.rotation(), d.centreM(), d.cx(), d.cy(),
                    sameCentre ? c[0] : 0, sameCentre ? c[1] : 0);
        }
    }

    /** Fits the model to the landmarks from the start; returns the camera and the sum of squared residuals. */
    static Pair<Camera, Double> fit(CameraModel model, Start start, double cx0, double cy0,
            List<Landmark> landmarks) throws CalibrationException {
        int n = landmarks.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        double[] target = new double[2 * n];
        for (int i = 0; i < n; i++) {
            Landmark l = landmarks.get(i);
            x[i] = l.xM();
            y[i] = l.yM();
            z[i] = l.zM();
            target[2 * i] = l.uPx();
            target[2 * i + 1] = l.vPx();
        }
        boolean freePp = model == CameraModel.SQUARE_PIXEL_K1K2_PP;
        int k = model.lensTerms();
        int m = 7 + k + (freePp ? 2 : 0);
        double[] q0 = new double[m];
        q0[0] = start.f();
        System.arraycopy(start.centre(), 0, q0, 4, 3);
        if (k >= 1) {
            q0[7] = start.k1();
        }
        if (k >= 2) {
            q0[8] = start.k2();
        }
        if (freePp) {
            q0[7 + k] = start.cx();
            q0[8 + k] = start.cy();
        }
        double[] r0 = start.rotation();
        MultivariateJacobianFunction function = point -> {
            double[] q = point.toArray();
            double[] value = new double[2 * n];
            predict(q, r0, k, freePp, cx0, cy0, x, y, z, value);
            double[][] jac = new double[2 * n][m];
            double[] plus = new double[2 * n];
            double[] minus = new double[2 * n];
            for (int j = 0; j < m; j++) {
                double h = 1e-6 * Math.max(1, Math.abs(q[j]));
                double keep = q[j];
                q[j] = keep + h;
                predict(q, r0, k, freePp, cx0, cy0, x, y, z, plus);
                q[j] = keep - h;
                predict(q, r0, k, freePp, cx0, cy0, x, y, z, minus);
                q[j] = keep;
                for (int r = 0; r < 2 * n; r++) {
                    jac[r][j] = (plus[r] - minus[r]) / (2 * h);
                }
            }
            return new Pair<RealVector, RealMatrix>(new ArrayRealVector(value, false),
                    new Array2DRowRealMatrix(jac, false));
        };
        LeastSquaresProblem problem = new LeastSquaresBuilder().start(q0).target(target).model(function)
                .maxIterations(200).maxEvaluations(800).build();
        LeastSquaresOptimizer.Optimum optimum;
        try {
            optimum = new LevenbergMarquardtOptimizer().optimize(problem);
        } catch (TooManyEvaluationsException | TooManyIterationsException | ConvergenceException e) {
            throw new CalibrationException(model + " fit did not converge: " + e.getMessage(), e);
        }
        double[] q = optimum.getPoint().toArray();
        double[] rot = Mat3.multiply(rodrigues(q[1], q[2], q[3]), r0);
        double cx = freePp ? q[7 + k] : cx0;
        double cy = freePp ? q[8 + k] : cy0;
        double[] lens = new double[k];
        System.arraycopy(q, 7, lens, 0, k);
        if (!(q[0] > 0)) {
            throw new CalibrationException(model + " fit gave a non-positive focal length " + q[0]);
        }
        Camera camera = Camera.of(model, SquarePixelCamera.projection(q[0], cx, cy, rot,
                new double[] {q[4], q[5], q[6]}), LensModel.of(cx, cy, q[0], lens));
        double cost = optimum.getCost();
        return new Pair<>(camera, cost * cost);
    }

    private static void predict(double[] q, double[] r0, int k, boolean freePp, double cx0, double cy0,
            double[] x, double[] y, double[] z, double[] out) {
        double[] r = Mat3.multiply(rodrigues(q[1], q[2], q[3]), r0);
        double f = q[0];
        double k1 = k >= 1 ? q[7] : 0;
        double k2 = k >= 2 ? q[8] : 0;
        double cx = freePp ? q[7 + k] : cx0;
        double cy = freePp ? q[8 + k] : cy0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - q[4];
            double dy = y[i] - q[5];
            double dz = z[i] - q[6];
            double xc = r[0] * dx + r[1] * dy + r[2] * dz;
            double yc = r[3] * dx + r[4] * dy + r[5] * dz;
            double zc = r[6] * dx + r[7] * dy + r[8] * dz;
            double xn = xc / zc;
            double yn = yc / zc;
            double r2 = xn * xn + yn * yn;
            double radial = 1 + k1 * r2 + k2 * r2 * r2;
            out[2 * i] = cx + f * xn * radial;
            out[2 * i + 1] = cy + f * yn * radial;
        }
    }

    /** Rotation matrix (row-major) of an axis-angle vector. */
    static double[] rodrigues(double ax, double ay, double az) {
        double theta = Math.sqrt(ax * ax + ay * ay + az * az);
        if (theta < 1e-12) {
            return new double[] {1, -az, ay, az, 1, -ax, -ay, ax, 1};
        }
        double kx = ax / theta;
        double ky = ay / theta;
        double kz = az / theta;
        double s = Math.sin(theta);
        double c = 1 - Math.cos(theta);
        return new double[] {
            1 - c * (ky * ky + kz * kz), -s * kz + c * kx * ky, s * ky + c * kx * kz,
            s * kz + c * kx * ky, 1 - c * (kx * kx + kz * kz), -s * kx + c * ky * kz,
            -s * ky + c * kx * kz, s * kx + c * ky * kz, 1 - c * (kx * kx + ky * ky),
        };
    }
}
