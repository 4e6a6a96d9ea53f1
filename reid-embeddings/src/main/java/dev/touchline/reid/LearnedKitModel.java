package dev.touchline.reid;

import dev.touchline.sensor.simulation.KitColour;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A kit model learned per match from unlabelled torso colours, in an exposure-invariant HSV chroma space
 * ({@link Hsv#toCone}): one isotropic Gaussian cluster per distinct kit of the roster, each seeded at its kit's
 * nominal shirt colour so a cluster keeps the meaning "this kit" while its centre moves to the colour the cameras
 * actually see (floodlights, shade, white balance). Fitting is classification EM (Lloyd's algorithm with
 * per-cluster spread and priors): a colour joins the kit of highest {@code prior × N(colour; centre, σ²I)}, the
 * priors being each kit's share of the roster (ten outfield shirts against one keeper's), so a rare kit close in
 * colour to a common one (orange keeper, yellow outfield) cannot swallow the common kit's darker samples as plain
 * k-means does.
 *
 * <p>A (query, player) pair is vetoed when the query's torso colour is clear evidence of another kit: farther
 * than {@code radiusFactor} times the RMS radius (at least {@code minRadius}) from the player's kit's centre, or
 * with a posterior probability of the player's kit below {@value #MIN_POSTERIOR}. An ambiguous colour, between two
 * close kits, vetoes neither. A query without a torso colour, or a player without a kit, passes. Immutable.
 */
public final class LearnedKitModel implements ConsistencyCheck {
    /** Posterior probability of the player's kit below which the colour vetoes the pair. */
    public static final double MIN_POSTERIOR = 0.05;
    /** Smallest per-axis spread of a cluster, cone units (keeps a cluster of identical colours usable). */
    private static final double MIN_SIGMA = 0.02;

    private final RosterIndex roster;
    private final KitColour[] kits;
    private final float[] centres;
    private final float[] radii;
    private final double[] sigmas;
    private final double[] logPriors;
    private final Map<KitColour, Integer> clusterOfKit;

    private LearnedKitModel(RosterIndex roster, KitColour[] kits, float[] centres, float[] radii, double[] sigmas,
                            double[] logPriors) {
        this.roster = roster;
        this.kits = kits;
        this.centres = centres;
        this.radii = radii;
        this.sigmas = sigmas;
        this.logPriors = logPriors;
        Map<KitColour, Integer> m = new HashMap<>();
        for (int k = 0; k < kits.length; k++) {
            m.put(kits[k], k);
        }
        this.clusterOfKit = m;
    }

    /**
     * Fits the model.
     *
     * @param roster kits by player id (also the kits' prior shares)
     * @param hsv torso colours as (hue degrees, saturation, value) triples, unlabelled; not modified
     * @param count number of triples, >= 1
     * @param iterations EM iterations, 1 to 1000 (20 is plenty)
     * @param radiusFactor admissible distance in cluster RMS radii, > 0 (3 is a good start)
     * @param minRadius smallest admissible distance in cone units, >= 0 (0.05 is a good start)
     */
    public static LearnedKitModel fit(RosterIndex roster, float[] hsv, int count, int iterations,
                                      double radiusFactor, double minRadius) {
        Objects.requireNonNull(roster, "roster");
        if (count < 1 || 3L * count > hsv.length) {
            throw new IllegalArgumentException("count must be in [1, hsv.length/3=" + hsv.length / 3 + "], was "
                    + count);
        }
        if (iterations < 1 || iterations > 1000) {
            throw new IllegalArgumentException("iterations must be in [1, 1000], was " + iterations);
        }
        if (!(radiusFactor > 0) || !(minRadius >= 0)) {
            throw new IllegalArgumentException("radiusFactor must be > 0 and minRadius >= 0, were " + radiusFactor
                    + " and " + minRadius);
        }
        KitColour[] kits = roster.distinctKits();
        int k = kits.length;
        if (k == 0) {
            throw new IllegalArgumentException("roster has no kits");
        }
        double[] logPrior = new double[k];
        double total = 0;
        for (KitColour kit : kits) {
            total += roster.countWearing(kit);
        }
        for (int j = 0; j < k; j++) {
            logPrior[j] = Math.log(roster.countWearing(kits[j]) / total);
        }
        float[] pts = new float[3 * count];
        float[] tmp = new float[3];
        for (int i = 0; i < count; i++) {
            Hsv.toCone(hsv[3 * i], hsv[3 * i + 1], hsv[3 * i + 2], tmp);
            System.arraycopy(tmp, 0, pts, 3 * i, 3);
        }
        float[] c = new float[3 * k];
        float[] kitHsv = new float[3];
        for (int j = 0; j < k; j++) {
            Hsv.fromRgb(kits[j].shirtRgb(), kitHsv);
            Hsv.toCone(kitHsv[0], kitHsv[1], kitHsv[2], tmp);
            System.arraycopy(tmp, 0, c, 3 * j, 3);
        }
        double[] sigma = new double[k];
        Arrays.fill(sigma, 0.1);
        int[] label = new int[count];
        double[] sum = new double[3 * k];
        double[] ss = new double[k];
        int[] n = new int[k];
        for (int it = 0; it < iterations; it++) {
            boolean changed = it == 0;
            for (int i = 0; i < count; i++) {
                int best = mostLikely(c, sigma, logPrior, pts, 3 * i);
                if (best != label[i]) {
                    label[i] = best;
                    changed = true;
                }
            }
            Arrays.fill(sum, 0);
            Arrays.fill(n, 0);
            for (int i = 0; i < count; i++) {
                int j = label[i];
                n[j]++;
                for (int d = 0; d < 3; d++) {
                    sum[3 * j + d] += pts[3 * i + d];
                }
            }
            for (int j = 0; j < k; j++) {
                // An empty cluster keeps its nominal centre: the kit may simply not have been seen yet.
                if (n[j] > 0) {
                    for (int d = 0; d < 3; d++) {
                        c[3 * j + d] = (float) (sum[3 * j + d] / n[j]);
                    }
                }
            }
            Arrays.fill(ss, 0);
            for (int i = 0; i < count; i++) {
                ss[label[i]] += dist2(c, 3 * label[i], pts, 3 * i);
            }
            for (int j = 0; j < k; j++) {
                if (n[j] > 1) {
                    sigma[j] = Math.max(MIN_SIGMA, Math.sqrt(ss[j] / (3.0 * n[j])));
                }
            }
            if (!changed) {
                break;
            }
        }
        float[] r = new float[k];
        for (int j = 0; j < k; j++) {
            double rms = n[j] > 0 ? Math.sqrt(ss[j] / n[j]) : 0;
            r[j] = (float) Math.max(minRadius, radiusFactor * rms);
        }
        return new LearnedKitModel(roster, kits, c, r, sigma, logPrior);
    }

    /** The cluster of highest log prior + log isotropic Gaussian density at a point. */
    private static int mostLikely(float[] c, double[] sigma, double[] logPrior, float[] p, int off) {
        int best = 0;
        double bl = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < sigma.length; j++) {
            double l = logLikelihood(c, sigma, logPrior, j, dist2(c, 3 * j, p, off));
            if (l > bl) {
                bl = l;
                best = j;
            }
        }
        return best;
    }

    private static double logLikelihood(float[] c, double[] sigma, double[] logPrior, int j, double d2) {
        return logPrior[j] - 3 * Math.log(sigma[j]) - d2 / (2 * sigma[j] * sigma[j]);
    }

    private static double dist2(float[] a, int aOff, float[] b, int bOff) {
        double s = 0;
        for (int d = 0; d < 3; d++) {
            double x = a[aOff + d] - b[bOff + d];
            s += x * x;
        }
        return s;
    }

    /** Number of clusters (distinct kits). */
    public int clusters() {
        return kits.length;
    }

    /** The learned centre of a kit's cluster in cone coordinates (x, y, z); empty if the kit is not modelled. */
    public float[] centre(KitColour kit) {
        Integer j = clusterOfKit.get(kit);
        return j == null ? new float[0] : Arrays.copyOfRange(centres, 3 * j, 3 * j + 3);
    }

    /** The admissible radius of a kit's cluster in cone units, NaN if the kit is not modelled. */
    public double radius(KitColour kit) {
        Integer j = clusterOfKit.get(kit);
        return j == null ? Double.NaN : radii[j];
    }

    /** The kit most likely to have produced a colour (prior times cluster density). */
    public KitColour nearestKit(float hueDegrees, float sat, float val) {
        float[] p = new float[3];
        Hsv.toCone(hueDegrees, sat, val, p);
        return kits[mostLikely(centres, sigmas, logPriors, p, 0)];
    }

    /**
     * The posterior probability of a kit given a torso colour, NaN if the kit is not modelled.
     *
     * @param kit the kit
     * @param hueDegrees hue in degrees
     * @param sat saturation in [0, 1]
     * @param val value in [0, 1]
     */
    public double posterior(KitColour kit, float hueDegrees, float sat, float val) {
        Integer j = clusterOfKit.get(kit);
        if (j == null) {
            return Double.NaN;
        }
        double h = Math.toRadians(hueDegrees);
        return posterior(j, sat * Math.cos(h), sat * Math.sin(h), val * 0.5);
    }

    private double posterior(int j, double x, double y, double z) {
        double own = logLikelihood(centres, sigmas, logPriors, j, d2(j, x, y, z));
        double sum = 0;
        for (int o = 0; o < kits.length; o++) {
            sum += Math.exp(logLikelihood(centres, sigmas, logPriors, o, d2(o, x, y, z)) - own);
        }
        return 1.0 / sum;
    }

    @Override
    public boolean admissible(QueryFrame frame, int query, int playerId) {
        if (!frame.hasColour(query)) {
            return true;
        }
        Integer j = roster.kit(playerId).map(clusterOfKit::get).orElse(null);
        if (j == null) {
            return true;
        }
        double h = Math.toRadians(frame.hue(query));
        double cs = frame.saturation(query);
        double x = cs * Math.cos(h);
        double y = cs * Math.sin(h);
        double z = frame.value(query) * 0.5;
        if (d2(j, x, y, z) > (double) radii[j] * radii[j]) {
            return false;
        }
        return posterior(j, x, y, z) >= MIN_POSTERIOR;
    }

    private double d2(int j, double x, double y, double z) {
        double dx = centres[3 * j] - x;
        double dy = centres[3 * j + 1] - y;
        double dz = centres[3 * j + 2] - z;
        return dx * dx + dy * dy + dz * dz;
    }
}
