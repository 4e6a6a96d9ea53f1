package dev.touchline.calibration;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the inner corners of a chessboard in a greyscale image and refines them to sub-pixel accuracy.
 *
 * <ol>
 *   <li>Saddle points: on the image blurred with σ = 1.5 px, the Hessian response {@code Ixy² − Ixx·Iyy} (positive
 *       only at saddles), non-maximum suppression, then a ring test: around a board corner the intensity on a
 *       circle changes between dark and bright exactly four times, with strong contrast.</li>
 *   <li>Grid: from a seed corner and its two nearest non-parallel neighbours, the grid is grown breadth-first,
 *       predicting each neighbour from the local spacing vectors; the board is found when the grid has exactly
 *       cols × rows corners in one of its two orientations.</li>
 *   <li>Sub-pixel refinement (Förstner's operator, as OpenCV's cornerSubPix): the point minimising the weighted sum
 *       of squared distances to the lines through each window pixel along its gradient, iterated with the window
 *       re-centred (bilinear) until it moves less than 1e-4 px. The half window is 0.4 × the smallest local corner
 *       spacing, at most {@code maxHalfWindowPx} (default 11, OpenCV's sample), so it never reaches the next
 *       corner.</li>
 * </ol>
 *
 * <p>Pixel-centre convention: by default OpenCV's, where integer coordinates are pixel centres (pixel (0, 0)
 * covers −0.5…0.5). {@link PixelConvention#CORNER_AT_INTEGER} adds 0.5 px (integer coordinates are pixel
 * corners, as in BoofCV's results on the same images). Immutable and thread-safe.
 */
public final class ChessboardDetector {
    /** Where a pixel's centre lies in the reported coordinates. */
    public enum PixelConvention {
        /** Integer coordinates are pixel centres (OpenCV). */
        CENTRE_AT_INTEGER,
        /** Integer coordinates are pixel corners; centres at +0.5 (add 0.5 px to the OpenCV convention). */
        CORNER_AT_INTEGER
    }

    private final int cols;
    private final int rows;
    private final PixelConvention convention;
    private final int maxHalfWindow;

    private ChessboardDetector(int cols, int rows, PixelConvention convention, int maxHalfWindow) {
        this.cols = cols;
        this.rows = rows;
        this.convention = convention;
        this.maxHalfWindow = maxHalfWindow;
    }

    /**
     * A detector for a board with the given inner-corner counts, OpenCV's pixel convention, half window ≤ 11 px.
     *
     * @param cols inner corners along a row, 2–50
     * @param rows inner corners along a column, 2–50
     */
    public static ChessboardDetector of(int cols, int rows) {
        return of(cols, rows, PixelConvention.CENTRE_AT_INTEGER, 11);
    }

    /** A detector with every setting; maxHalfWindowPx in [2, 50]. */
    public static ChessboardDetector of(int cols, int rows, PixelConvention convention, int maxHalfWindowPx) {
        if (cols < 2 || cols > 50 || rows < 2 || rows > 50) {
            throw new IllegalArgumentException("cols and rows must be in [2, 50], got " + cols + " x " + rows);
        }
        if (maxHalfWindowPx < 2 || maxHalfWindowPx > 50) {
            throw new IllegalArgumentException("maxHalfWindowPx must be in [2, 50], got " + maxHalfWindowPx);
        }
        return new ChessboardDetector(cols, rows, java.util.Objects.requireNonNull(convention, "convention"),
                maxHalfWindowPx);
    }

    /** Reads an image file (javax.imageio) and detects the board. */
    public ChessboardCorners detect(Path image) throws CalibrationException {
        GreyImage grey = GreyImage.read(image);
        try {
            return detect(grey);
        } catch (CalibrationException e) {
            throw new CalibrationException(image + ": " + e.getMessage(), e);
        }
    }

    /** Detects the board in an image. */
    public ChessboardCorners detect(BufferedImage image) throws CalibrationException {
        return detect(GreyImage.of(image));
    }

    ChessboardCorners detect(GreyImage image) throws CalibrationException {
        GreyImage smooth = image.blur(1.5);
        List<double[]> candidates = saddles(smooth);
        int[][] grid = null;
        int tried = 0;
        for (int seed = 0; seed < candidates.size() && grid == null && tried < 60; seed++, tried++) {
            grid = grow(candidates, seed);
        }
        if (grid == null) {
            throw new CalibrationException("no " + cols + " x " + rows + " chessboard found (" + candidates.size()
                    + " corner candidates)");
        }
        int n = cols * rows;
        double[] u = new double[n];
        double[] v = new double[n];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double[] p = candidates.get(grid[r][c]);
                u[r * cols + c] = p[0];
                v[r * cols + c] = p[1];
            }
        }
        double offset = convention == PixelConvention.CORNER_AT_INTEGER ? 0.5 : 0;
        for (int i = 0; i < n; i++) {
            int r = i / cols;
            int c = i % cols;
            double spacing = Double.POSITIVE_INFINITY;
            if (c > 0) {
                spacing = Math.min(spacing, Math.hypot(u[i] - u[i - 1], v[i] - v[i - 1]));
            }
            if (c < cols - 1) {
                spacing = Math.min(spacing, Math.hypot(u[i] - u[i + 1], v[i] - v[i + 1]));
            }
            if (r > 0) {
                spacing = Math.min(spacing, Math.hypot(u[i] - u[i - cols], v[i] - v[i - cols]));
            }
            if (r < rows - 1) {
                spacing = Math.min(spacing, Math.hypot(u[i] - u[i + cols], v[i] - v[i + cols]));
            }
            int half = (int) Math.max(2, Math.min(maxHalfWindow, Math.floor(0.4 * spacing)));
            double[] refined = refine(image, u[i], v[i], half);
            u[i] = refined[0] + offset;
            v[i] = refined[1] + offset;
        }
        return new ChessboardCorners(cols, rows, u, v);
    }

    private static final int RING_SAMPLES = 32;
    private static final double[] RING_RADII = {5, 7};
    /** Offsets of the ring test's samples, radius × (cos, sin) of 2πk/32, computed once. */
    private static final double[][] RING_DX = new double[RING_RADII.length][RING_SAMPLES];
    private static final double[][] RING_DY = new double[RING_RADII.length][RING_SAMPLES];

    static {
        for (int c = 0; c < RING_RADII.length; c++) {
            for (int k = 0; k < RING_SAMPLES; k++) {
                double a = 2 * Math.PI * k / RING_SAMPLES;
                RING_DX[c][k] = RING_RADII[c] * Math.cos(a);
                RING_DY[c][k] = RING_RADII[c] * Math.sin(a);
            }
        }
    }

    /** Saddle candidates as {x, y, response}, strongest first, after non-maximum suppression and the ring test. */
    private static List<double[]> saddles(GreyImage g) {
        int w = g.width;
        int h = g.height;
        double[] d = g.data;
        double[] response = new double[w * h];
        double max = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                double ixx = d[i + 1] - 2 * d[i] + d[i - 1];
                double iyy = d[i + w] - 2 * d[i] + d[i - w];
                double ixy = 0.25 * (d[i + w + 1] - d[i + w - 1] - d[i - w + 1] + d[i - w - 1]);
                double r = ixy * ixy - ixx * iyy;
                response[i] = r;
                max = Math.max(max, r);
            }
        }
        double threshold = 0.01 * max;
        int radius = 4;
        List<double[]> out = new ArrayList<>();
        for (int y = 8; y < h - 8; y++) {
            for (int x = 8; x < w - 8; x++) {
                double r = response[y * w + x];
                if (r <= threshold) {
                    continue;
                }
                boolean isMax = true;
                for (int dy = -radius; dy <= radius && isMax; dy++) {
                    for (int dx = -radius; dx <= radius; dx++) {
                        double o = response[(y + dy) * w + x + dx];
                        if (o > r || (o == r && (dy < 0 || (dy == 0 && dx < 0)))) {
                            isMax = false;
                            break;
                        }
                    }
                }
                if (isMax && ringTest(g, x, y)) {
                    out.add(new double[] {x, y, r});
                }
            }
        }
        out.sort((a, b) -> Double.compare(b[2], a[2]));
        return out;
    }

    /**
     * Four dark/bright transitions on circles of radius 5 and 7 px, point-symmetric, with contrast of at least 40
     * grey levels.
     */
    private static boolean ringTest(GreyImage g, double x, double y) {
        int samples = RING_SAMPLES;
        double[] ring = new double[samples];
        for (int circle = 0; circle < RING_RADII.length; circle++) {
            double[] dx = RING_DX[circle];
            double[] dy = RING_DY[circle];
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < samples; k++) {
                ring[k] = g.sample(x + dx[k], y + dy[k]);
                lo = Math.min(lo, ring[k]);
                hi = Math.max(hi, ring[k]);
            }
            if (hi - lo < 40) {
                return false;
            }
            double mid = 0.5 * (hi + lo);
            int changes = 0;
            for (int k = 0; k < samples; k++) {
                boolean a = ring[k] > mid;
                boolean b = ring[(k + 1) % samples] > mid;
                changes += a != b ? 1 : 0;
            }
            if (changes != 4) {
                return false;
            }
            // An X-junction is point-symmetric: opposite samples fall on the same colour. Edge junctions of the
            // board's border and stripes are not.
            int same = 0;
            for (int k = 0; k < samples / 2; k++) {
                same += (ring[k] > mid) == (ring[k + samples / 2] > mid) ? 1 : 0;
            }
            if (same < 0.7 * samples / 2) {
                return false;
            }
        }
        return true;
    }

    /** Grows a grid from a seed; returns candidate indices as [row][col] in the board's numbering, or null. */
    private int[] @org.jspecify.annotations.Nullable [] grow(List<double[]> c, int seed) {
        double[] p = c.get(seed);
        int first = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < c.size(); i++) {
            double dd = dist(c.get(i), p);
            if (i != seed && dd < best) {
                best = dd;
                first = i;
            }
        }
        if (first < 0) {
            return null;
        }
        double ax = c.get(first)[0] - p[0];
        double ay = c.get(first)[1] - p[1];
        int second = -1;
        best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < c.size(); i++) {
            if (i == seed || i == first) {
                continue;
            }
            double bx = c.get(i)[0] - p[0];
            double by = c.get(i)[1] - p[1];
            double cos = Math.abs(ax * bx + ay * by) / Math.hypot(ax, ay) / Math.hypot(bx, by);
            double dd = Math.hypot(bx, by);
            if (cos < 0.5 && dd < best && dd < 2.5 * Math.hypot(ax, ay)) {
                best = dd;
                second = i;
            }
        }
        if (second < 0) {
            return null;
        }
        double bx = c.get(second)[0] - p[0];
        double by = c.get(second)[1] - p[1];
        Map<Long, Integer> cell = new HashMap<>();
        Map<Integer, double[]> vectors = new HashMap<>(); // candidate -> {ax, ay, bx, by}
        Map<Integer, int[]> position = new HashMap<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        cell.put(key(0, 0), seed);
        position.put(seed, new int[] {0, 0});
        vectors.put(seed, new double[] {ax, ay, bx, by});
        queue.add(seed);
        int limit = 2 * cols * rows + 10;
        while (!queue.isEmpty()) {
            int node = queue.poll();
            int[] ij = position.get(node);
            double[] vec = vectors.get(node);
            double[] q = c.get(node);
            int[][] steps = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
            for (int[] s : steps) {
                long k = key(ij[0] + s[0], ij[1] + s[1]);
                if (cell.containsKey(k)) {
                    continue;
                }
                double px = q[0] + s[0] * vec[0] + s[1] * vec[2];
                double py = q[1] + s[0] * vec[1] + s[1] * vec[3];
                double tolerance = 0.3 * Math.min(Math.hypot(vec[0], vec[1]), Math.hypot(vec[2], vec[3]));
                int found = -1;
                double nearest = tolerance;
                for (int i = 0; i < c.size(); i++) {
                    double dd = Math.hypot(c.get(i)[0] - px, c.get(i)[1] - py);
                    if (dd < nearest && !position.containsKey(i)) {
                        nearest = dd;
                        found = i;
                    }
                }
                if (found < 0) {
                    continue;
                }
                double[] f = c.get(found);
                double[] nv = vec.clone();
                if (s[0] != 0) {
                    nv[0] = s[0] * (f[0] - q[0]);
                    nv[1] = s[0] * (f[1] - q[1]);
                } else {
                    nv[2] = s[1] * (f[0] - q[0]);
                    nv[3] = s[1] * (f[1] - q[1]);
                }
                cell.put(k, found);
                position.put(found, new int[] {ij[0] + s[0], ij[1] + s[1]});
                vectors.put(found, nv);
                queue.add(found);
                if (cell.size() > limit) {
                    return null;
                }
            }
        }
        int minI = Integer.MAX_VALUE;
        int maxI = Integer.MIN_VALUE;
        int minJ = Integer.MAX_VALUE;
        int maxJ = Integer.MIN_VALUE;
        for (int[] ij : position.values()) {
            minI = Math.min(minI, ij[0]);
            maxI = Math.max(maxI, ij[0]);
            minJ = Math.min(minJ, ij[1]);
            maxJ = Math.max(maxJ, ij[1]);
        }
        if (cell.size() < cols * rows) {
            return null;
        }
        // Border artefacts (the board's edge against its margin) can extend the grid by a partial row or column:
        // take the fully populated cols x rows window with the strongest saddle response.
        int[][] bestGrid = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (boolean iAlongCols : new boolean[] {true, false}) {
            int spanI = iAlongCols ? cols : rows;
            int spanJ = iAlongCols ? rows : cols;
            for (int i0 = minI; i0 + spanI - 1 <= maxI; i0++) {
                for (int j0 = minJ; j0 + spanJ - 1 <= maxJ; j0++) {
                    int[][] grid = new int[rows][cols];
                    double score = 0;
                    boolean full = true;
                    for (int r = 0; r < rows && full; r++) {
                        for (int col = 0; col < cols; col++) {
                            Integer index = cell.get(key(iAlongCols ? i0 + col : i0 + r, iAlongCols ? j0 + r : j0 + col));
                            if (index == null) {
                                full = false;
                                break;
                            }
                            grid[r][col] = index;
                            score += c.get(index)[2];
                        }
                    }
                    if (full && score > bestScore && !fullLineOutside(cell, i0, j0, spanI, spanJ)) {
                        bestScore = score;
                        bestGrid = grid;
                    }
                }
            }
        }
        if (bestGrid == null) {
            return null;
        }
        int[][] grid = bestGrid;
        return orient(c, grid);
    }

    /** Right-handed numbering with corner 0 nearest the image's top-left (of the two half-turn-related ones). */
    private int[][] orient(List<double[]> c, int[][] grid) {
        double[] o = c.get(grid[0][0]);
        double[] alongRow = c.get(grid[0][1]);
        double[] alongCol = c.get(grid[1][0]);
        double cross = (alongRow[0] - o[0]) * (alongCol[1] - o[1]) - (alongRow[1] - o[1]) * (alongCol[0] - o[0]);
        int[][] g = grid;
        if (cross < 0) { // mirror the rows so the numbering is right-handed in the image (y down)
            int[][] m = new int[rows][cols];
            for (int r = 0; r < rows; r++) {
                m[r] = g[rows - 1 - r].clone();
            }
            g = m;
        }
        double[] first = c.get(g[0][0]);
        double[] last = c.get(g[rows - 1][cols - 1]);
        if (last[0] + last[1] < first[0] + first[1]) { // half turn
            int[][] t = new int[rows][cols];
            for (int r = 0; r < rows; r++) {
                for (int col = 0; col < cols; col++) {
                    t[r][col] = g[rows - 1 - r][cols - 1 - col];
                }
            }
            g = t;
        }
        return g;
    }

    /**
     * Förstner / cornerSubPix refinement: solves {@code Σ w g gᵀ (p − q) = 0} over a (2·half+1)² window with
     * Gaussian weights exp(−(dx² + dy²)/half²), re-centring the window until the step is below 1e-4 px (30
     * iterations at most).
     */
    static double[] refine(GreyImage image, double x0, double y0, int half) {
        double x = x0;
        double y = y0;
        int size = 2 * half + 3;
        double[] patch = new double[size * size];
        // The Gaussian window is the same at every iteration: computed once (exp dominated the loop).
        double[] weights = new double[size * size];
        for (int j = 1; j < size - 1; j++) {
            for (int i = 1; i < size - 1; i++) {
                double dx = i - half - 1;
                double dy = j - half - 1;
                weights[j * size + i] = Math.exp(-(dx * dx + dy * dy) / (half * (double) half));
            }
        }
        for (int iteration = 0; iteration < 30; iteration++) {
            for (int j = 0; j < size; j++) {
                for (int i = 0; i < size; i++) {
                    patch[j * size + i] = image.sample(x + i - half - 1, y + j - half - 1);
                }
            }
            double a = 0;
            double b = 0;
            double cc = 0;
            double bx = 0;
            double by = 0;
            for (int j = 1; j < size - 1; j++) {
                for (int i = 1; i < size - 1; i++) {
                    double dx = i - half - 1;
                    double dy = j - half - 1;
                    double weight = weights[j * size + i];
                    double gx = 0.5 * (patch[j * size + i + 1] - patch[j * size + i - 1]);
                    double gy = 0.5 * (patch[(j + 1) * size + i] - patch[(j - 1) * size + i]);
                    double gxx = weight * gx * gx;
                    double gxy = weight * gx * gy;
                    double gyy = weight * gy * gy;
                    a += gxx;
                    b += gxy;
                    cc += gyy;
                    bx += gxx * dx + gxy * dy;
                    by += gxy * dx + gyy * dy;
                }
            }
            double det = a * cc - b * b;
            if (!(Math.abs(det) > 1e-12)) {
                break;
            }
            double sx = (cc * bx - b * by) / det;
            double sy = (a * by - b * bx) / det;
            x += sx;
            y += sy;
            if (Math.hypot(x - x0, y - y0) > half) { // ran off: keep the integer estimate
                return new double[] {x0, y0};
            }
            if (sx * sx + sy * sy < 1e-8) {
                break;
            }
        }
        return new double[] {x, y};
    }

    /**
     * True when a fully populated line lies just outside the window: the board is larger than asked for (border
     * artefacts never fill a whole line).
     */
    private static boolean fullLineOutside(Map<Long, Integer> cell, int i0, int j0, int spanI, int spanJ) {
        for (int i : new int[] {i0 - 1, i0 + spanI}) {
            boolean full = true;
            for (int j = j0; j < j0 + spanJ && full; j++) {
                full = cell.containsKey(key(i, j));
            }
            if (full) {
                return true;
            }
        }
        for (int j : new int[] {j0 - 1, j0 + spanJ}) {
            boolean full = true;
            for (int i = i0; i < i0 + spanI && full; i++) {
                full = cell.containsKey(key(i, j));
            }
            if (full) {
                return true;
            }
        }
        return false;
    }

    private static long key(int i, int j) {
        return ((long) i << 32) ^ (j & 0xffffffffL);
    }

    private static double dist(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }
}
