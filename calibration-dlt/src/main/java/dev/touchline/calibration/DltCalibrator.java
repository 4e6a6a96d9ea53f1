package dev.touchline.calibration;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Fits DLT-11, DLT-16 or DLT-20 cameras to landmarks (see {@link CameraModel}).
 *
 * <p>DLT-11 is solved linearly: Hartley normalisation (world points to zero mean and mean distance √3, pixels to
 * zero mean and mean distance √2), then the right singular vector of the smallest singular value of the 2N × 12
 * system, computed as the eigenvector of the smallest eigenvalue of the 12 × 12 AᵀA (EJML's symmetric eigen
 * decomposition; an order of magnitude less work than the SVD of A). DLT-16 and DLT-20 start from that solution
 * with zero lens terms and minimise the reprojection error in pixels by Levenberg–Marquardt
 * ({@link LevenbergMarquardt}, normal equations solved by Cholesky on preallocated arrays) with an analytic
 * Jacobian whose block structure forms JᵀJ in one pass ({@link DltLensProblem}). The lens centre is the image
 * centre when
 * the image size is given, otherwise the DLT-11 principal point; its scale is the DLT-11 focal length.
 *
 * <p>Against mis-clicked landmarks: RANSAC ({@link Builder#ransacThresholdPx}) on minimal DLT-11 samples, the
 * requested model fitted to the consensus set, every landmark judged again under that model, and the ids set aside
 * reported in {@link Calibration#rejectedIds()}; and Huber's loss in the DLT-16/-20 refinement
 * ({@link Builder#huberThresholdPx}). Both are off by default.
 *
 * <p>Guards: at least 6 landmarks (the DLT's algebraic minimum); at least {@code landmarksPerParameter ×
 * parameters} landmarks (default 2, so DLT-11 needs 22, DLT-16 32, DLT-20 40: fewer overfit, see the synthetic
 * stadium figures in the module README); landmarks not all on one plane; no NaN, no repeated id, no repeated pitch
 * position. Each violation is a {@link CalibrationException} naming the landmark or the alternative.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
public final class DltCalibrator {
    /** The DLT's algebraic minimum: 11 unknowns, two equations per landmark. */
    public static final int MINIMUM_LANDMARKS = 6;

    private final CameraModel model;
    private final double landmarksPerParameter;
    private final double coplanarityTolerance;
    private final double imageWidthPx;
    private final double imageHeightPx;
    private final int maxIterations;
    private final double ransacThresholdPx;
    private final int ransacIterations;
    private final long seed;
    private final double huberThresholdPx;

    private DltCalibrator(Builder b) {
        this.model = b.model;
        this.landmarksPerParameter = b.landmarksPerParameter;
        this.coplanarityTolerance = b.coplanarityTolerance;
        this.imageWidthPx = b.imageWidthPx;
        this.imageHeightPx = b.imageHeightPx;
        this.maxIterations = b.maxIterations;
        this.ransacThresholdPx = b.ransacThresholdPx;
        this.ransacIterations = b.ransacIterations;
        this.seed = b.seed;
        this.huberThresholdPx = b.huberThresholdPx;
    }

    /** A builder with DLT-11, 2 landmarks per parameter, coplanarity tolerance 1e-3 and no image size. */
    public static Builder builder() {
        return new Builder();
    }

    /** The model this calibrator fits. */
    public CameraModel model() {
        return model;
    }

    /** A builder holding this calibrator's settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.model = model;
        b.landmarksPerParameter = landmarksPerParameter;
        b.coplanarityTolerance = coplanarityTolerance;
        b.imageWidthPx = imageWidthPx;
        b.imageHeightPx = imageHeightPx;
        b.maxIterations = maxIterations;
        b.ransacThresholdPx = ransacThresholdPx;
        b.ransacIterations = ransacIterations;
        b.seed = seed;
        b.huberThresholdPx = huberThresholdPx;
        return b;
    }

    /**
     * Fits the camera.
     *
     * @param landmarks at least 6 (and at least landmarksPerParameter × parameters), not all on one plane
     * @return the camera and its fit residual
     * @throws CalibrationException for bad landmarks (NaN, duplicate, coplanar, too few) or a fit that fails
     */
    public Calibration calibrate(List<Landmark> landmarks) throws CalibrationException {
        Objects.requireNonNull(landmarks, "landmarks");
        LandmarkChecks.checkFiniteAndDistinct(landmarks);
        int n = landmarks.size();
        int needed = Math.max(MINIMUM_LANDMARKS, (int) Math.ceil(landmarksPerParameter * model.parameterCount()));
        if (n < needed) {
            throw new CalibrationException(String.format(Locale.ROOT,
                    "%d landmarks are too few for %s (%d parameters): it needs at least %d (%s landmarks per "
                            + "parameter, and never fewer than %d); with fewer it overfits. Use more landmarks, a "
                            + "smaller model, or automatic model selection",
                    n, model, model.parameterCount(), needed, landmarksPerParameter, MINIMUM_LANDMARKS));
        }
        LandmarkChecks.checkNotCoplanar(landmarks, coplanarityTolerance);
        if (!(ransacThresholdPx > 0)) {
            Camera camera = fit(landmarks);
            return new Calibration(camera, n, reprojectionRms(camera, landmarks));
        }
        // RANSAC on DLT-11 finds the consensus set; the requested model is fitted to it; then every landmark is
        // judged again against that model (which now includes the lens, so clean landmarks the DLT-11 stage set
        // aside for lens distortion come back, and outliers it let through go), refitted while the set changes
        // (at most three times).
        boolean[] inlier = ransac(landmarks);
        List<Landmark> kept = select(landmarks, inlier, needed);
        Camera camera = fit(kept);
        for (int round = 0; round < 3; round++) {
            boolean[] judged = classify(camera, landmarks);
            if (java.util.Arrays.equals(judged, inlier)) {
                break;
            }
            kept = select(landmarks, judged, needed);
            camera = fit(kept);
            inlier = judged;
        }
        List<String> rejected = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!inlier[i]) {
                rejected.add(landmarks.get(i).id());
            }
        }
        return new Calibration(camera, kept.size(), reprojectionRms(camera, kept), rejected);
    }

    /** The model fitted to checked landmarks (no RANSAC). */
    private Camera fit(List<Landmark> landmarks) throws CalibrationException {
        int n = landmarks.size();
        Normalisation world = Normalisation.world(landmarks);
        double[] tu = new double[n];
        double[] tv = new double[n];
        double[] wx = new double[n];
        double[] wy = new double[n];
        double[] wz = new double[n];
        for (int i = 0; i < n; i++) {
            Landmark l = landmarks.get(i);
            wx[i] = world.x(l.xM());
            wy[i] = world.y(l.yM());
            wz[i] = world.z(l.zM());
            tu[i] = l.uPx();
            tv[i] = l.vPx();
        }
        // pn maps normalised world coordinates to pixels.
        double[] pn = linearDlt(wx, wy, wz, tu, tv);
        LensModel lens;
        if (model.lensTerms() == 0) {
            CameraDecomposition dec = CameraDecomposition.of(world.apply(pn));
            lens = LensModel.none(dec.cx(), dec.cy(), 0.5 * (dec.fx() + dec.fy()));
        } else {
            CameraDecomposition dec = CameraDecomposition.of(world.apply(pn));
            double cu = imageWidthPx > 0 ? imageWidthPx / 2 : dec.cx();
            double cv = imageHeightPx > 0 ? imageHeightPx / 2 : dec.cy();
            double scale = 0.5 * (Math.abs(dec.fx()) + Math.abs(dec.fy()));
            DltLensProblem problem = new DltLensProblem(wx, wy, wz, cu, cv, scale, model.lensTerms());
            if (huberThresholdPx > 0) {
                problem.huberThresholdPx(huberThresholdPx);
            }
            double[] q = refine(problem, pn, tu, tv);
            pn = new double[] {q[0], q[1], q[2], q[3], q[4], q[5], q[6], q[7], q[8], q[9], q[10], 1};
            double[] coefficients = new double[model.lensTerms()];
            System.arraycopy(q, 11, coefficients, 0, coefficients.length);
            lens = LensModel.of(cu, cv, scale, coefficients);
        }
        return Camera.of(model, world.apply(pn), lens);
    }

    /**
     * RANSAC over minimal samples of 6 landmarks solved by the linear DLT-11, scored by the number of landmarks
     * whose reprojection is within the threshold (ties: smaller sum of squares), with the usual adaptive stop at
     * 99.9 % confidence; the best consensus set is then re-fitted and re-judged until it no longer changes.
     */
    private boolean[] ransac(List<Landmark> landmarks) throws CalibrationException {
        int n = landmarks.size();
        Normalisation world = Normalisation.world(landmarks);
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
        java.util.Random random = new java.util.Random(seed);
        int[] sample = new int[MINIMUM_LANDMARKS];
        boolean[] offPlane = offDominantPlane(landmarks);
        int offCount = count(offPlane);
        // Stadium landmarks lie mostly on the ground. A sample with fewer than two landmarks off that plane fits the
        // plane plus at most one raised landmark whatever the camera, and outvotes the true camera; so two of the
        // six come from the landmarks off the dominant plane, when there are at least two.
        int stratified = offCount >= 2 && n - offCount >= MINIMUM_LANDMARKS - 2 ? 2 : 0;
        boolean[] best = new boolean[n];
        boolean[] current = new boolean[n];
        int bestCount = -1;
        double bestSse = Double.POSITIVE_INFINITY;
        double threshold2 = ransacThresholdPx * ransacThresholdPx;
        int limit = ransacIterations;
        for (int it = 0; it < limit; it++) {
            for (int k = 0; k < sample.length; k++) {
                int c;
                boolean repeat;
                do {
                    c = random.nextInt(n);
                    repeat = (k < stratified) != offPlane[c];
                    for (int j = 0; j < k; j++) {
                        repeat |= sample[j] == c;
                    }
                } while (repeat);
                sample[k] = c;
            }
            if (coplanar(landmarks, sample)) {
                // A planar sample fits every landmark on its plane whatever the camera: it would win the vote
                // with a degenerate camera when most landmarks lie on the ground.
                continue;
            }
            double[] p;
            try {
                p = linearDlt(pick(wx, sample), pick(wy, sample), pick(wz, sample), pick(u, sample),
                        pick(v, sample));
            } catch (CalibrationException e) {
                continue; // a degenerate sample says nothing; draw another
            }
            double sse = score(p, wx, wy, wz, u, v, threshold2, current);
            int count = count(current);
            if ((count > bestCount || (count == bestCount && sse < bestSse))
                    && !coplanar(landmarks, current)) {
                bestCount = count;
                bestSse = sse;
                System.arraycopy(current, 0, best, 0, n);
                double w6 = Math.pow((double) count / n, MINIMUM_LANDMARKS);
                if (w6 >= 1) {
                    break;
                }
                // The stop assumes uniform sampling; the stratified draw is not, so at least 200 samples are drawn.
                int needed = Math.max(200, (int) Math.ceil(Math.log(1e-3) / Math.log(1 - w6)));
                limit = Math.min(ransacIterations, Math.max(it + 1, needed));
            }
        }
        // Consensus re-fit: the linear DLT on all inliers, re-judged, until the set is stable (at most 10 rounds).
        for (int round = 0; round < 10 && count(best) >= MINIMUM_LANDMARKS; round++) {
            int[] idx = indices(best);
            double[] p;
            try {
                p = linearDlt(pick(wx, idx), pick(wy, idx), pick(wz, idx), pick(u, idx), pick(v, idx));
            } catch (CalibrationException e) {
                break;
            }
            score(p, wx, wy, wz, u, v, threshold2, current);
            if (java.util.Arrays.equals(current, best) || count(current) < MINIMUM_LANDMARKS
                    || coplanar(landmarks, current)) {
                break;
            }
            System.arraycopy(current, 0, best, 0, n);
        }
        return best;
    }

    /**
     * Landmarks farther from the least-squares plane of all landmarks than twice the median distance (and than 1 %
     * of the spread): the raised ones, when most lie on the ground.
     */
    private static boolean[] offDominantPlane(List<Landmark> landmarks) {
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
        double[] scatter = new double[9];
        for (Landmark l : landmarks) {
            double[] d = {l.xM() - cx, l.yM() - cy, l.zM() - cz};
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    scatter[3 * a + b] += d[a] * d[b];
                }
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(3, true, true);
        boolean[] off = new boolean[n];
        if (!eig.decompose(DMatrixRMaj.wrap(3, 3, scatter))) {
            return off;
        }
        int smallest = -1;
        double largest = 0;
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
            largest = Math.max(largest, eig.getEigenvalue(i).real);
            if (eig.getEigenVector(i) != null
                    && (smallest < 0 || eig.getEigenvalue(i).real < eig.getEigenvalue(smallest).real)) {
                smallest = i;
            }
        }
        if (smallest < 0) {
            return off;
        }
        double[] normal = eig.getEigenVector(smallest).data;
        double norm = Math.sqrt(normal[0] * normal[0] + normal[1] * normal[1] + normal[2] * normal[2]);
        double[] distance = new double[n];
        for (int i = 0; i < n; i++) {
            Landmark l = landmarks.get(i);
            distance[i] = Math.abs(normal[0] * (l.xM() - cx) + normal[1] * (l.yM() - cy)
                    + normal[2] * (l.zM() - cz)) / norm;
        }
        double[] sorted = distance.clone();
        java.util.Arrays.sort(sorted);
        double limit = Math.max(2 * sorted[n / 2], 0.01 * Math.sqrt(largest / n));
        for (int i = 0; i < n; i++) {
            off[i] = distance[i] > limit;
        }
        return off;
    }

    /** True when the sampled landmarks are too flat for a 3-D DLT (10 × the coplanarity tolerance). */
    private boolean coplanar(List<Landmark> landmarks, int[] sample) {
        List<Landmark> chosen = new java.util.ArrayList<>(sample.length);
        for (int i : sample) {
            chosen.add(landmarks.get(i));
        }
        double[] sv = LandmarkChecks.centredSingularValues(chosen);
        return !(sv[2] >= 10 * coplanarityTolerance * sv[0]);
    }

    /**
     * True when the marked landmarks are too flat to vote for a 3-D camera (10 × the coplanarity tolerance): with
     * most landmarks on the ground, a camera fitted to the ground plus one wrong raised landmark explains the whole
     * ground, and would otherwise outvote the true camera, whose DLT-11 residuals include the lens distortion.
     */
    private boolean coplanar(List<Landmark> landmarks, boolean[] mask) {
        List<Landmark> chosen = new java.util.ArrayList<>();
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                chosen.add(landmarks.get(i));
            }
        }
        if (chosen.size() < 4) {
            return true;
        }
        double[] sv = LandmarkChecks.centredSingularValues(chosen);
        return !(sv[2] >= 10 * coplanarityTolerance * sv[0]);
    }

    /** Marks the landmarks P (normalised world → pixels) reprojects within the threshold; returns their SSE. */
    private static double score(double[] p, double[] wx, double[] wy, double[] wz, double[] u, double[] v,
            double threshold2, boolean[] inlier) {
        double sse = 0;
        for (int i = 0; i < u.length; i++) {
            double w = p[8] * wx[i] + p[9] * wy[i] + p[10] * wz[i] + p[11];
            double du = (p[0] * wx[i] + p[1] * wy[i] + p[2] * wz[i] + p[3]) / w - u[i];
            double dv = (p[4] * wx[i] + p[5] * wy[i] + p[6] * wz[i] + p[7]) / w - v[i];
            double e2 = du * du + dv * dv;
            inlier[i] = e2 < threshold2;
            if (inlier[i]) {
                sse += e2;
            }
        }
        return sse;
    }

    /** The landmarks the fitted camera reprojects within the RANSAC threshold. */
    private boolean[] classify(Camera camera, List<Landmark> landmarks) {
        boolean[] mask = new boolean[landmarks.size()];
        double[] out = new double[2];
        double threshold2 = ransacThresholdPx * ransacThresholdPx;
        for (int i = 0; i < mask.length; i++) {
            Landmark l = landmarks.get(i);
            camera.project(l.xM(), l.yM(), l.zM(), out);
            double du = out[0] - l.uPx();
            double dv = out[1] - l.vPx();
            mask[i] = du * du + dv * dv < threshold2;
        }
        return mask;
    }

    /** The inliers, refused when fewer than the model needs or all on one plane. */
    private List<Landmark> select(List<Landmark> landmarks, boolean[] inlier, int needed)
            throws CalibrationException {
        List<Landmark> kept = new java.util.ArrayList<>();
        for (int i = 0; i < inlier.length; i++) {
            if (inlier[i]) {
                kept.add(landmarks.get(i));
            }
        }
        if (kept.size() < needed) {
            throw new CalibrationException(String.format(Locale.ROOT,
                    "RANSAC kept only %d of %d landmarks within %s px, and %s needs at least %d: check the "
                            + "landmarks for mis-clicks, or raise the RANSAC threshold above the lens distortion",
                    kept.size(), landmarks.size(), ransacThresholdPx, model, needed));
        }
        LandmarkChecks.checkNotCoplanar(kept, coplanarityTolerance);
        return kept;
    }

    private static int count(boolean[] mask) {
        int c = 0;
        for (boolean b : mask) {
            c += b ? 1 : 0;
        }
        return c;
    }

    private static int[] indices(boolean[] mask) {
        int[] idx = new int[count(mask)];
        for (int i = 0, k = 0; i < mask.length; i++) {
            if (mask[i]) {
                idx[k++] = i;
            }
        }
        return idx;
    }

    private static double[] pick(double[] values, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = values[idx[i]];
        }
        return out;
    }

    /** Root mean square reprojection distance of the landmarks, pixels (NaN when one falls behind the camera). */
    public static double reprojectionRms(Camera camera, List<Landmark> landmarks) {
        double sum = 0;
        double[] out = new double[2];
        for (Landmark l : landmarks) {
            camera.project(l.xM(), l.yM(), l.zM(), out);
            double du = out[0] - l.uPx();
            double dv = out[1] - l.vPx();
            sum += du * du + dv * dv;
        }
        return Math.sqrt(sum / landmarks.size());
    }

    /** Normalised linear DLT; returns P (12, row-major) from normalised world coordinates to pixels. */
    static double[] linearDlt(double[] wx, double[] wy, double[] wz, double[] u, double[] v)
            throws CalibrationException {
        int n = u.length;
        double mu = 0;
        double mv = 0;
        for (int i = 0; i < n; i++) {
            mu += u[i];
            mv += v[i];
        }
        mu /= n;
        mv /= n;
        double dist = 0;
        for (int i = 0; i < n; i++) {
            dist += Math.hypot(u[i] - mu, v[i] - mv);
        }
        double s = dist > 0 ? Math.sqrt(2) * n / dist : 1;
        // AᵀA of the 2N × 12 system, accumulated row by row without forming A: its eigenvector of the smallest
        // eigenvalue is A's right singular vector of the smallest singular value (A is Hartley-normalised, so
        // squaring the condition number costs no accuracy that matters; see LinearSolutionAccuracyTest).
        double[] ata = new double[144];
        double[] row = new double[12];
        for (int i = 0; i < n; i++) {
            double x = wx[i];
            double y = wy[i];
            double z = wz[i];
            double un = (u[i] - mu) * s;
            double vn = (v[i] - mv) * s;
            row[0] = x;
            row[1] = y;
            row[2] = z;
            row[3] = 1;
            row[4] = 0;
            row[5] = 0;
            row[6] = 0;
            row[7] = 0;
            row[8] = -un * x;
            row[9] = -un * y;
            row[10] = -un * z;
            row[11] = -un;
            addOuterProduct(ata, row);
            row[0] = 0;
            row[1] = 0;
            row[2] = 0;
            row[3] = 0;
            row[4] = x;
            row[5] = y;
            row[6] = z;
            row[7] = 1;
            row[8] = -vn * x;
            row[9] = -vn * y;
            row[10] = -vn * z;
            row[11] = -vn;
            addOuterProduct(ata, row);
        }
        double[] h = smallestEigenvector(ata, 12);
        // Undo the pixel normalisation: P = T⁻¹ Pn with T = [s 0 −s mu; 0 s −s mv; 0 0 1].
        double[] p = new double[12];
        for (int c = 0; c < 4; c++) {
            p[c] = h[c] / s + mu * h[8 + c];
            p[4 + c] = h[4 + c] / s + mv * h[8 + c];
            p[8 + c] = h[8 + c];
        }
        return p;
    }

    /** Adds row rowᵀ to the upper triangle of the k × k matrix ata (row-major), skipping zero entries. */
    static void addOuterProduct(double[] ata, double[] row) {
        int k = row.length;
        for (int i = 0; i < k; i++) {
            double ri = row[i];
            if (ri == 0) {
                continue;
            }
            int o = i * k;
            for (int j = i; j < k; j++) {
                ata[o + j] += ri * row[j];
            }
        }
    }

    /**
     * The unit eigenvector of the smallest eigenvalue of the symmetric k × k matrix whose upper triangle
     * {@code ata} holds (row-major; the lower triangle is filled in here. Modified.).
     */
    static double[] smallestEigenvector(double[] ata, int k) throws CalibrationException {
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                ata[i * k + j] = ata[j * k + i];
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
        if (!eig.decompose(DMatrixRMaj.wrap(k, k, ata))) {
            throw new CalibrationException("the eigen decomposition of the normal equations failed");
        }
        int best = -1;
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
            double value = eig.getEigenvalue(i).real;
            if (value < smallest && eig.getEigenVector(i) != null) {
                smallest = value;
                best = i;
            }
        }
        if (best < 0) {
            throw new CalibrationException("the eigen decomposition of the normal equations gave no eigenvector");
        }
        DMatrixRMaj vector = eig.getEigenVector(best);
        double norm = 0;
        for (int i = 0; i < k; i++) {
            norm += vector.data[i] * vector.data[i];
        }
        norm = Math.sqrt(norm);
        double[] h = new double[k];
        for (int i = 0; i < k; i++) {
            h[i] = vector.data[i] / norm;
        }
        return h;
    }

    /** The right singular vector of a's smallest singular value. */
    static double[] smallestRightSingularVector(DMatrixRMaj a) throws CalibrationException {
        int cols = a.numCols;
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(a.numRows, cols, false, true, false);
        if (!svd.decompose(a)) {
            throw new CalibrationException("the singular value decomposition of the DLT system failed");
        }
        double[] sv = svd.getSingularValues();
        int k = 0;
        for (int i = 1; i < svd.numberOfSingularValues(); i++) {
            if (sv[i] < sv[k]) {
                k = i;
            }
        }
        DMatrixRMaj vt = svd.getV(null, true);
        double[] h = new double[cols];
        System.arraycopy(vt.data, k * cols, h, 0, cols);
        return h;
    }

    private double[] refine(DltLensProblem problem, double[] pn, double[] u, double[] v)
            throws CalibrationException {
        int n = u.length;
        double[] q0 = initialParameters(problem, pn);
        double[] target = interleave(u, v);
        double[] q = new double[q0.length];
        LevenbergMarquardt lm = new LevenbergMarquardt(q0.length, 2 * n);
        if (!lm.minimise(problem, q0, target, maxIterations, q)) {
            throw new CalibrationException(model + " refinement did not converge in " + maxIterations
                    + " iterations (" + lm.evaluations() + " evaluations)");
        }
        return q;
    }

    /** L1..L11 of the normalised DLT-11 solution {@code pn} with zero lens terms. */
    static double[] initialParameters(DltLensProblem problem, double[] pn) {
        double[] q0 = new double[problem.parameterCount()];
        for (int i = 0; i < 11; i++) {
            q0[i] = pn[i] / pn[11];
        }
        return q0;
    }

    /** u0, v0, u1, v1, … */
    static double[] interleave(double[] u, double[] v) {
        double[] target = new double[2 * u.length];
        for (int i = 0; i < u.length; i++) {
            target[2 * i] = u[i];
            target[2 * i + 1] = v[i];
        }
        return target;
    }

    /** Hartley normalisation of the world points: translation to the centroid and an isotropic scale. */
    static final class Normalisation {
        final double cx;
        final double cy;
        final double cz;
        final double s;

        private Normalisation(double cx, double cy, double cz, double s) {
            this.cx = cx;
            this.cy = cy;
            this.cz = cz;
            this.s = s;
        }

        static Normalisation world(List<Landmark> landmarks) {
            double cx = 0;
            double cy = 0;
            double cz = 0;
            for (Landmark l : landmarks) {
                cx += l.xM();
                cy += l.yM();
                cz += l.zM();
            }
            int n = landmarks.size();
            cx /= n;
            cy /= n;
            cz /= n;
            double dist = 0;
            for (Landmark l : landmarks) {
                double dx = l.xM() - cx;
                double dy = l.yM() - cy;
                double dz = l.zM() - cz;
                dist += Math.sqrt(dx * dx + dy * dy + dz * dz);
            }
            return new Normalisation(cx, cy, cz, dist > 0 ? Math.sqrt(3) * n / dist : 1);
        }

        double x(double xM) {
            return (xM - cx) * s;
        }

        double y(double yM) {
            return (yM - cy) * s;
        }

        double z(double zM) {
            return (zM - cz) * s;
        }

        /** P T: a matrix on normalised coordinates turned into one on metres. */
        double[] apply(double[] pn) {
            double[] p = new double[12];
            for (int r = 0; r < 3; r++) {
                int o = 4 * r;
                p[o] = pn[o] * s;
                p[o + 1] = pn[o + 1] * s;
                p[o + 2] = pn[o + 2] * s;
                p[o + 3] = pn[o + 3] - s * (pn[o] * cx + pn[o + 1] * cy + pn[o + 2] * cz);
            }
            return p;
        }
    }

    /** Settings of a {@link DltCalibrator}. */
    public static final class Builder {
        private CameraModel model = CameraModel.DLT11;
        private double landmarksPerParameter = 2.0;
        private double coplanarityTolerance = 1e-3;
        private double imageWidthPx;
        private double imageHeightPx;
        private int maxIterations = 200;
        private double ransacThresholdPx;
        private int ransacIterations = 1000;
        private long seed;
        private double huberThresholdPx;

        private Builder() {
        }

        /**
         * RANSAC against mis-clicked landmarks: the reprojection distance in pixels beyond which a landmark is an
         * outlier, first under the linear DLT-11 (so it must exceed what the lens distortion leaves there: up to
         * about 15 px for a broadcast lens with k1 ≈ −0.1 at the image corners, so 20 px), then under the fitted
         * model. 0 (the default) turns RANSAC off. Range [0, 1000].
         */
        public Builder ransacThresholdPx(double value) {
            if (!(value >= 0 && value <= 1000)) {
                throw new IllegalArgumentException("ransacThresholdPx must be in [0, 1000], got " + value);
            }
            this.ransacThresholdPx = value;
            return this;
        }

        /**
         * RANSAC sample limit, default 1000 (the adaptive stop, never before 200 samples, usually ends earlier),
         * range [1, 1000000].
         */
        public Builder ransacIterations(int value) {
            if (value < 1 || value > 1_000_000) {
                throw new IllegalArgumentException("ransacIterations must be in [1, 1000000], got " + value);
            }
            this.ransacIterations = value;
            return this;
        }

        /** RANSAC sampling seed, default 0. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Huber loss for the DLT-16/-20 refinement: a landmark's reprojection distance s counts s² up to this many
         * pixels and 2 δ s − δ² beyond, so a landmark that is off by much pulls no harder than one off by δ.
         * DLT-11 is linear and ignores it. Meant for moderate mis-clicks that RANSAC's threshold (set above the
         * lens distortion) cannot see; against gross outliers use RANSAC as well: from a DLT-11 start spoiled by
         * them, the reweighted refinement may not settle within the iteration limit. 0 (the default) means least
         * squares. Range [0, 1000].
         */
        public Builder huberThresholdPx(double value) {
            if (!(value >= 0 && value <= 1000)) {
                throw new IllegalArgumentException("huberThresholdPx must be in [0, 1000], got " + value);
            }
            this.huberThresholdPx = value;
            return this;
        }

        /** The model to fit: DLT11, DLT16 or DLT20. */
        public Builder model(CameraModel value) {
            Objects.requireNonNull(value, "model");
            if (!value.isDlt()) {
                throw new IllegalArgumentException("model must be DLT11, DLT16 or DLT20, got " + value
                        + " (the square-pixel models are fitted by AutoCalibrator)");
            }
            this.model = value;
            return this;
        }

        /**
         * Minimum landmarks per model parameter, default 2 (the "N ≥ 2 × parameters" rule); 0 keeps only the
         * algebraic minimum of 6. Range [0, 10].
         */
        public Builder landmarksPerParameter(double value) {
            if (!(value >= 0 && value <= 10)) {
                throw new IllegalArgumentException("landmarksPerParameter must be in [0, 10], got " + value);
            }
            this.landmarksPerParameter = value;
            return this;
        }

        /**
         * Landmarks count as coplanar when the smallest singular value of their centred pitch coordinates is below
         * this fraction of the largest. Default 1e-3, range (0, 0.5).
         */
        public Builder coplanarityTolerance(double value) {
            if (!(value > 0 && value < 0.5)) {
                throw new IllegalArgumentException("coplanarityTolerance must be in (0, 0.5), got " + value);
            }
            this.coplanarityTolerance = value;
            return this;
        }

        /** Image size in pixels; its centre becomes the lens centre. Both &gt; 0. */
        public Builder imageSize(double widthPx, double heightPx) {
            if (!(widthPx > 0 && heightPx > 0) || !Double.isFinite(widthPx) || !Double.isFinite(heightPx)) {
                throw new IllegalArgumentException("image size must be finite and > 0, got " + widthPx + " x "
                        + heightPx);
            }
            this.imageWidthPx = widthPx;
            this.imageHeightPx = heightPx;
            return this;
        }

        /** Levenberg–Marquardt iteration limit, default 200, range [1, 100000]. */
        public Builder maxIterations(int value) {
            if (value < 1 || value > 100_000) {
                throw new IllegalArgumentException("maxIterations must be in [1, 100000], got " + value);
            }
            this.maxIterations = value;
            return this;
        }

        /** The calibrator. */
        public DltCalibrator build() {
            return new DltCalibrator(this);
        }
    }
}
