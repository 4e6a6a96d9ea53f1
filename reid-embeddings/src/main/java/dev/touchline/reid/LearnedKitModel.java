package dev.touchline.reid;

import dev.touchline.sensor.simulation.KitColour;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A kit model learned per match: k-means (Lloyd's algorithm) on observed torso colours in an exposure-invariant
 * HSV chroma space ({@link Hsv#toCone}), one cluster per distinct kit of the roster, each seeded at its kit's nominal shirt colour
 * so a cluster keeps the meaning "this kit" while its centre moves to the colour the cameras actually see
 * (floodlights, shade, white balance). A pair is admissible when the query's torso colour is nearest to the
 * cluster of the player's kit and within {@code radiusFactor} times that cluster's RMS radius (at least
 * {@code minRadius}). A query without a torso colour, or a player without a kit, passes. Immutable.
 */
public final class LearnedKitModel implements ConsistencyCheck {
    private final RosterIndex roster;
    private final KitColour[] kits;
    private final float[] centres;
    private final float[] radii;
    private final Map<KitColour, Integer> clusterOfKit;

    private LearnedKitModel(RosterIndex roster, KitColour[] kits, float[] centres, float[] radii) {
        this.roster = roster;
        this.kits = kits;
        this.centres = centres;
        this.radii = radii;
        Map<KitColour, Integer> m = new HashMap<>();
        for (int k = 0; k < kits.length; k++) {
            m.put(kits[k], k);
        }
        this.clusterOfKit = m;
    }

    /**
     * Fits the model.
     *
     * @param roster kits by player id
     * @param hsv torso colours as (hue degrees, saturation, value) triples, unlabelled; not modified
     * @param count number of triples, >= 1
     * @param iterations Lloyd iterations, 1 to 1000 (20 is plenty)
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
        int[] label = new int[count];
        double[] sum = new double[3 * k];
        int[] n = new int[k];
        for (int it = 0; it < iterations; it++) {
            boolean changed = it == 0;
            for (int i = 0; i < count; i++) {
                int best = nearest(c, k, pts, 3 * i);
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
            if (!changed) {
                break;
            }
        }
        double[] ss = new double[k];
        for (int i = 0; i < count; i++) {
            ss[label[i]] += dist2(c, 3 * label[i], pts, 3 * i);
        }
        float[] r = new float[k];
        for (int j = 0; j < k; j++) {
            double rms = n[j] > 0 ? Math.sqrt(ss[j] / n[j]) : 0;
            r[j] = (float) Math.max(minRadius, radiusFactor * rms);
        }
        return new LearnedKitModel(roster, kits, c, r);
    }

    private static int nearest(float[] c, int k, float[] p, int off) {
        int best = 0;
        double bd = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            double d = dist2(c, 3 * j, p, off);
            if (d < bd) {
                bd = d;
                best = j;
            }
        }
        return best;
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

    /** The kit whose cluster is nearest to a colour. */
    public KitColour nearestKit(float hueDegrees, float sat, float val) {
        float[] p = new float[3];
        Hsv.toCone(hueDegrees, sat, val, p);
        return kits[nearest(centres, kits.length, p, 0)];
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
        double own = d2(j, x, y, z);
        if (own > (double) radii[j] * radii[j]) {
            return false;
        }
        for (int o = 0; o < kits.length; o++) {
            if (o != j && d2(o, x, y, z) < own) {
                return false;
            }
        }
        return true;
    }

    private double d2(int j, double x, double y, double z) {
        double dx = centres[3 * j] - x;
        double dy = centres[3 * j + 1] - y;
        double dz = centres[3 * j + 2] - z;
        return dx * dx + dy * dy + dz * dz;
    }
}
