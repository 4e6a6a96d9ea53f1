package dev.touchline.tracking.metrics;

import dev.touchline.tracking.RectangularAssignment;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Collects ground-truth and tracker positions frame by frame and computes CLEAR MOT, the identity metrics and HOTA
 * as TrackEval does, with the metric-space similarity {@code sim = max(0, 1 − d / s)} where {@code s} is
 * {@link #similarityScaleMetres()} (2 m by default, so TrackEval's threshold 0.5 means d ≤ 1 m).
 *
 * <p>Definitions (TrackEval's {@code CLEAR}, {@code Identity} and {@code HOTA} classes):
 * <ul>
 *   <li>CLEAR: per frame, pairs with {@code sim ≥ 0.5} are matched by maximising
 *       {@code 1000·[track continues the object's match of the previous frame] + sim}. An ID switch is a matched
 *       object whose track differs from the last track it was ever matched to; a fragmentation is every start of a
 *       tracked run after the first. {@code MOTA = (TP − FP − IDSW) / gt}, {@code MOTP = Σ sim / TP}. As in TrackEval,
 *       a frame without objects or without tracks leaves the previous-frame memory untouched.</li>
 *   <li>Identity: every pair with {@code sim ≥ 0.5} in any frame counts for its (object, track) pair; the
 *       one-to-one object–track assignment with the most such counts gives IDTP; {@code IDFN = gt − IDTP},
 *       {@code IDFP = tracker − IDTP}.</li>
 *   <li>HOTA: a global alignment score per (object, track) pair from the per-frame similarity IoU; per frame the
 *       assignment maximising alignment × similarity; for each α in 0.05, 0.10, …, 0.95 the pairs with
 *       {@code sim ≥ α} give DetA, AssA and LocA, and {@code HOTA = √(DetA · AssA)}; the reported figures are the
 *       means over α.</li>
 * </ul>
 * Besides TrackEval's figures it reports the root-mean-square distance of the CLEAR matches, in metres.
 *
 * <p>Mutable, not thread-safe; {@link #evaluate()} may be called at any time and does not change the collected
 * frames.
 */
public final class MotEvaluator {
    /** The α thresholds of HOTA: 0.05, 0.10, …, 0.95. */
    static final int ALPHAS = 19;
    private static final double EPS = Math.ulp(1.0);

    private final double scale;
    private final Map<Integer, Integer> gtIndex = new HashMap<>();
    private final Map<Integer, Integer> trIndex = new HashMap<>();
    private int frames;
    private int[] gtStart = new int[1024];
    private int[] trStart = new int[1024];
    private int gtLen;
    private int trLen;
    private int[] gtId = new int[4096];
    private double[] gtX = new double[4096];
    private double[] gtY = new double[4096];
    private int[] trId = new int[4096];
    private double[] trX = new double[4096];
    private double[] trY = new double[4096];

    /** An evaluator with the 2 m similarity scale. */
    public MotEvaluator() {
        this(2.0);
    }

    /**
     * An evaluator with a given similarity scale.
     *
     * @param similarityScaleMetres distance at which similarity reaches 0, m, finite and &gt; 0
     */
    public MotEvaluator(double similarityScaleMetres) {
        if (!(similarityScaleMetres > 0) || Double.isInfinite(similarityScaleMetres)) {
            throw new IllegalArgumentException("similarityScaleMetres must be finite and > 0 m, was "
                    + similarityScaleMetres);
        }
        this.scale = similarityScaleMetres;
    }

    /** Distance at which the similarity reaches 0, m. */
    public double similarityScaleMetres() {
        return scale;
    }

    /** Number of frames added. */
    public int frames() {
        return frames;
    }

    /**
     * Adds one frame. Ids are any integers; an id must not appear twice in one frame.
     *
     * @param gtCount number of ground-truth objects
     * @param gtIds their ids. Not modified.
     * @param gtXs their x, m. Not modified.
     * @param gtYs their y, m. Not modified.
     * @param trackCount number of tracks
     * @param trackIds their ids. Not modified.
     * @param trackXs their x, m. Not modified.
     * @param trackYs their y, m. Not modified.
     */
    public void addFrame(int gtCount, int[] gtIds, double[] gtXs, double[] gtYs,
                         int trackCount, int[] trackIds, double[] trackXs, double[] trackYs) {
        if (gtCount < 0 || gtIds.length < gtCount || gtXs.length < gtCount || gtYs.length < gtCount
                || trackCount < 0 || trackIds.length < trackCount || trackXs.length < trackCount
                || trackYs.length < trackCount) {
            throw new IllegalArgumentException("addFrame: counts " + gtCount + "/" + trackCount
                    + " negative or beyond a column's length");
        }
        checkUnique("gtIds", gtIds, gtCount);
        checkUnique("trackIds", trackIds, trackCount);
        if (frames + 1 >= gtStart.length) {
            gtStart = Arrays.copyOf(gtStart, 2 * gtStart.length);
            trStart = Arrays.copyOf(trStart, 2 * trStart.length);
        }
        gtStart[frames] = gtLen;
        trStart[frames] = trLen;
        frames++;
        for (int i = 0; i < gtCount; i++) {
            checkFinite("ground truth", gtXs[i], gtYs[i]);
            if (gtLen == gtId.length) {
                gtId = Arrays.copyOf(gtId, 2 * gtLen);
                gtX = Arrays.copyOf(gtX, 2 * gtLen);
                gtY = Arrays.copyOf(gtY, 2 * gtLen);
            }
            gtId[gtLen] = gtIndex.computeIfAbsent(gtIds[i], k -> gtIndex.size());
            gtX[gtLen] = gtXs[i];
            gtY[gtLen] = gtYs[i];
            gtLen++;
        }
        for (int i = 0; i < trackCount; i++) {
            checkFinite("track", trackXs[i], trackYs[i]);
            if (trLen == trId.length) {
                trId = Arrays.copyOf(trId, 2 * trLen);
                trX = Arrays.copyOf(trX, 2 * trLen);
                trY = Arrays.copyOf(trY, 2 * trLen);
            }
            trId[trLen] = trIndex.computeIfAbsent(trackIds[i], k -> trIndex.size());
            trX[trLen] = trackXs[i];
            trY[trLen] = trackYs[i];
            trLen++;
        }
        gtStart[frames] = gtLen;
        trStart[frames] = trLen;
    }

    private static void checkUnique(String name, int[] ids, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (ids[i] == ids[j]) {
                    throw new IllegalArgumentException(name + " has id " + ids[i] + " twice in one frame");
                }
            }
        }
    }

    private static void checkFinite(String what, double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException(what + " position must be finite, was (" + x + ", " + y + ")");
        }
    }

    private double similarity(int g, int t) {
        double d = Math.hypot(gtX[g] - trX[t], gtY[g] - trY[t]);
        return Math.max(0, 1 - d / scale);
    }

    /** Computes every metric over the frames added so far. */
    public MotResult evaluate() {
        int numGt = gtIndex.size();
        int numTr = trIndex.size();
        int maxN = 1;
        int maxM = 1;
        for (int f = 0; f < frames; f++) {
            maxN = Math.max(maxN, gtStart[f + 1] - gtStart[f]);
            maxM = Math.max(maxM, trStart[f + 1] - trStart[f]);
        }
        RectangularAssignment solver = new RectangularAssignment(maxN, maxM);
        double[] sim = new double[maxN * maxM];
        double[] cost = new double[maxN * maxM];
        int[] rowToCol = new int[maxN];

        // ---- CLEAR MOT
        long tp = 0;
        long fn = 0;
        long fp = 0;
        long idsw = 0;
        double motpSum = 0;
        double squaredDistanceSum = 0;
        double distanceSum = 0;
        int[] prevTracker = new int[numGt];
        int[] prevTimestepTracker = new int[numGt];
        Arrays.fill(prevTracker, -1);
        Arrays.fill(prevTimestepTracker, -1);
        int[] gtCount = new int[numGt];
        int[] gtMatched = new int[numGt];
        int[] gtFrag = new int[numGt];
        int[] trCount = new int[numTr];
        long gtTotal = gtLen;
        long trTotal = trLen;
        int[] newPrev = new int[numGt];
        for (int f = 0; f < frames; f++) {
            int g0 = gtStart[f];
            int n = gtStart[f + 1] - g0;
            int t0 = trStart[f];
            int m = trStart[f + 1] - t0;
            for (int j = 0; j < m; j++) {
                trCount[trId[t0 + j]]++;
            }
            if (n == 0) {
                fp += m;
                continue;
            }
            if (m == 0) {
                fn += n;
                for (int i = 0; i < n; i++) {
                    gtCount[gtId[g0 + i]]++;
                }
                continue;
            }
            for (int i = 0; i < n; i++) {
                int g = gtId[g0 + i];
                for (int j = 0; j < m; j++) {
                    double s = similarity(g0 + i, t0 + j);
                    sim[i * m + j] = s;
                    double score = (trId[t0 + j] == prevTimestepTracker[g] ? 1000 : 0) + s;
                    cost[i * m + j] = s < 0.5 - EPS ? 0 : -score;
                }
            }
            solver.solve(cost, n, m, rowToCol);
            Arrays.fill(newPrev, -1);
            int matches = 0;
            for (int i = 0; i < n; i++) {
                int g = gtId[g0 + i];
                gtCount[g]++;
                int j = rowToCol[i];
                if (j < 0 || !(-cost[i * m + j] > EPS)) {
                    continue;
                }
                int t = trId[t0 + j];
                if (prevTracker[g] >= 0 && prevTracker[g] != t) {
                    idsw++;
                }
                prevTracker[g] = t;
                newPrev[g] = t;
                gtMatched[g]++;
                matches++;
                motpSum += sim[i * m + j];
                double d = Math.hypot(gtX[g0 + i] - trX[t0 + j], gtY[g0 + i] - trY[t0 + j]);
                distanceSum += d;
                squaredDistanceSum += d * d;
            }
            for (int g = 0; g < numGt; g++) {
                if (prevTimestepTracker[g] < 0 && newPrev[g] >= 0) {
                    gtFrag[g]++;
                }
                prevTimestepTracker[g] = newPrev[g];
            }
            tp += matches;
            fn += n - matches;
            fp += m - matches;
        }
        int mostlyTracked = 0;
        int mostlyLost = 0;
        int partlyTracked = 0;
        long frag = 0;
        for (int g = 0; g < numGt; g++) {
            if (gtCount[g] > 0) {
                double ratio = (double) gtMatched[g] / gtCount[g];
                if (ratio > 0.8) {
                    mostlyTracked++;
                } else if (ratio < 0.2) {
                    mostlyLost++;
                } else {
                    partlyTracked++;
                }
            }
            if (gtFrag[g] > 0) {
                frag += gtFrag[g] - 1;
            }
        }
        double mota = (double) (tp - fp - idsw) / Math.max(1, gtTotal);
        double motp = motpSum / Math.max(1, tp);

        // ---- Identity
        double[] potential = new double[Math.max(1, numGt * numTr)];
        for (int f = 0; f < frames; f++) {
            int g0 = gtStart[f];
            int t0 = trStart[f];
            for (int i = g0; i < gtStart[f + 1]; i++) {
                for (int j = t0; j < trStart[f + 1]; j++) {
                    if (similarity(i, j) >= 0.5) {
                        potential[gtId[i] * numTr + trId[j]]++;
                    }
                }
            }
        }
        double[] idCost = new double[Math.max(1, numGt * numTr)];
        for (int k = 0; k < numGt * numTr; k++) {
            idCost[k] = -potential[k];
        }
        int[] idRowToCol = new int[Math.max(1, numGt)];
        RectangularAssignment idSolver = new RectangularAssignment(numGt, numTr);
        idSolver.solve(idCost, numGt, numTr, idRowToCol);
        long idtp = 0;
        for (int g = 0; g < numGt; g++) {
            if (idRowToCol[g] >= 0) {
                idtp += (long) potential[g * numTr + idRowToCol[g]];
            }
        }
        long idfn = gtTotal - idtp;
        long idfp = trTotal - idtp;
        double idr = idtp / Math.max(1.0, idtp + idfn);
        double idp = idtp / Math.max(1.0, idtp + idfp);
        double idf1 = idtp / Math.max(1.0, idtp + 0.5 * idfp + 0.5 * idfn);

        Hota hota = hota(numGt, numTr, solver, sim, cost, rowToCol);
        double rmse = tp == 0 ? Double.NaN : Math.sqrt(squaredDistanceSum / tp);
        double motpMetres = tp == 0 ? Double.NaN : distanceSum / tp;
        return new MotResult(frames, gtTotal, trTotal, numGt, numTr, tp, fn, fp, idsw, frag, mostlyTracked,
                partlyTracked, mostlyLost, mota, motp, motpMetres, rmse, idtp, idfn, idfp, idf1, idp, idr,
                hota.hota, hota.detA, hota.assA, hota.locA, hota.perAlpha);
    }

    private record Hota(double hota, double detA, double assA, double locA, double[] perAlpha) {
    }

    private Hota hota(int numGt, int numTr, RectangularAssignment solver, double[] sim, double[] cost,
                      int[] rowToCol) {
        int pairs = Math.max(1, numGt * numTr);
        double[] potential = new double[pairs];
        int[] gtCount = new int[numGt];
        int[] trCount = new int[numTr];
        int maxN = sim.length;
        double[] rowSum = new double[maxN];
        double[] colSum = new double[maxN];
        for (int f = 0; f < frames; f++) {
            int g0 = gtStart[f];
            int n = gtStart[f + 1] - g0;
            int t0 = trStart[f];
            int m = trStart[f + 1] - t0;
            for (int i = 0; i < n; i++) {
                gtCount[gtId[g0 + i]]++;
            }
            for (int j = 0; j < m; j++) {
                trCount[trId[t0 + j]]++;
            }
            Arrays.fill(rowSum, 0, n, 0);
            Arrays.fill(colSum, 0, m, 0);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double s = similarity(g0 + i, t0 + j);
                    sim[i * m + j] = s;
                    rowSum[i] += s;
                    colSum[j] += s;
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double denom = rowSum[i] + colSum[j] - sim[i * m + j];
                    if (denom > EPS) {
                        potential[gtId[g0 + i] * numTr + trId[t0 + j]] += sim[i * m + j] / denom;
                    }
                }
            }
        }
        double[] alignment = new double[pairs];
        for (int g = 0; g < numGt; g++) {
            for (int t = 0; t < numTr; t++) {
                double p = potential[g * numTr + t];
                alignment[g * numTr + t] = p / (gtCount[g] + trCount[t] - p);
            }
        }
        double[] tp = new double[ALPHAS];
        double[] fn = new double[ALPHAS];
        double[] fp = new double[ALPHAS];
        double[] loc = new double[ALPHAS];
        int[][] matchCounts = new int[ALPHAS][pairs];
        for (int f = 0; f < frames; f++) {
            int g0 = gtStart[f];
            int n = gtStart[f + 1] - g0;
            int t0 = trStart[f];
            int m = trStart[f + 1] - t0;
            if (n == 0 || m == 0) {
                for (int a = 0; a < ALPHAS; a++) {
                    fp[a] += m;
                    fn[a] += n;
                }
                continue;
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double s = similarity(g0 + i, t0 + j);
                    sim[i * m + j] = s;
                    cost[i * m + j] = -alignment[gtId[g0 + i] * numTr + trId[t0 + j]] * s;
                }
            }
            solver.solve(cost, n, m, rowToCol);
            for (int a = 0; a < ALPHAS; a++) {
                double alpha = alpha(a);
                int matches = 0;
                for (int i = 0; i < n; i++) {
                    int j = rowToCol[i];
                    if (j >= 0 && sim[i * m + j] >= alpha - EPS) {
                        matches++;
                        loc[a] += sim[i * m + j];
                        matchCounts[a][gtId[g0 + i] * numTr + trId[t0 + j]]++;
                    }
                }
                tp[a] += matches;
                fn[a] += n - matches;
                fp[a] += m - matches;
            }
        }
        double[] perAlpha = new double[ALPHAS];
        double hotaSum = 0;
        double detSum = 0;
        double assSum = 0;
        double locSum = 0;
        for (int a = 0; a < ALPHAS; a++) {
            double assNumerator = 0;
            int[] mc = matchCounts[a];
            for (int g = 0; g < numGt; g++) {
                for (int t = 0; t < numTr; t++) {
                    int c = mc[g * numTr + t];
                    if (c > 0) {
                        double assIou = c / Math.max(1.0, gtCount[g] + trCount[t] - c);
                        assNumerator += c * assIou;
                    }
                }
            }
            double assA = assNumerator / Math.max(1.0, tp[a]);
            double detA = tp[a] / Math.max(1.0, tp[a] + fn[a] + fp[a]);
            double locA = Math.max(1e-10, loc[a]) / Math.max(1e-10, tp[a]);
            double h = Math.sqrt(detA * assA);
            perAlpha[a] = h;
            hotaSum += h;
            detSum += detA;
            assSum += assA;
            locSum += locA;
        }
        return new Hota(hotaSum / ALPHAS, detSum / ALPHAS, assSum / ALPHAS, locSum / ALPHAS, perAlpha);
    }

    /** The α of index {@code a}: 0.05 (a + 1). */
    static double alpha(int a) {
        return 0.05 * (a + 1);
    }
}
