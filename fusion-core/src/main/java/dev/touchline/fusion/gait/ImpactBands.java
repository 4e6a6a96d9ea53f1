package dev.touchline.fusion.gait;

import dev.touchline.fusion.StreamState;
import java.util.Arrays;

/**
 * Impact counts in g-bands: band k counts impacts with {@code edges[k] ≤ peak < edges[k+1]}, the last band is open
 * above, and impacts below the first edge are counted apart ({@link #belowFirstEdge()}). The edges are in g and
 * configurable; {@link #defaults()} uses 0.5, 1, 2, 3, 5, 8 and 12 g. Counting allocates nothing. Not thread-safe.
 */
public final class ImpactBands {
    private final double[] edges;
    private final long[] counts;
    private long below;

    /**
     * Bands with the given lower edges.
     *
     * @param edgesG lower band edges, g, finite, non-negative and strictly increasing, at least one; copied
     */
    public ImpactBands(double... edgesG) {
        if (edgesG.length == 0) {
            throw new IllegalArgumentException("edgesG must hold at least one edge");
        }
        for (int i = 0; i < edgesG.length; i++) {
            if (!(edgesG[i] >= 0) || !Double.isFinite(edgesG[i]) || (i > 0 && !(edgesG[i] > edgesG[i - 1]))) {
                throw new IllegalArgumentException("edgesG must be finite, non-negative and strictly increasing, got "
                        + Arrays.toString(edgesG));
            }
        }
        this.edges = edgesG.clone();
        this.counts = new long[edgesG.length];
    }

    /** Bands at 0.5, 1, 2, 3, 5, 8 and 12 g (the last open above). */
    public static ImpactBands defaults() {
        return new ImpactBands(0.5, 1, 2, 3, 5, 8, 12);
    }

    /** Counts one impact of the given peak, g; NaN is counted below the first edge. */
    public void add(double peakG) {
        int k = edges.length - 1;
        while (k >= 0 && !(peakG >= edges[k])) {
            k--;
        }
        if (k < 0) {
            below++;
        } else {
            counts[k]++;
        }
    }

    /** Number of bands. */
    public int bandCount() {
        return edges.length;
    }

    /** Lower edge of band k, g. */
    public double lowerEdgeG(int k) {
        return edges[k];
    }

    /** Upper edge of band k, g (infinity for the last band). */
    public double upperEdgeG(int k) {
        return k + 1 < edges.length ? edges[k + 1] : Double.POSITIVE_INFINITY;
    }

    /** Impacts counted in band k. */
    public long count(int k) {
        return counts[k];
    }

    /** Impacts below the first edge. */
    public long belowFirstEdge() {
        return below;
    }

    /** All impacts counted. */
    public long total() {
        long t = below;
        for (long c : counts) {
            t += c;
        }
        return t;
    }

    /** The counts as a plain value: below the first edge, then per band. */
    public StreamState snapshot() {
        return StreamState.writer("ImpactBands").add(below).add(counts).build();
    }

    /**
     * Sets the counts from a snapshot of bands with the same edges.
     *
     * @throws IllegalArgumentException when the state does not fit these bands
     */
    public void restore(StreamState state) {
        StreamState.Reader r = state.reader("ImpactBands");
        below = r.nextLong();
        r.next(counts);
        r.end();
    }

    /** An independent copy with the same edges and counts. */
    public ImpactBands copy() {
        ImpactBands c = new ImpactBands(edges);
        System.arraycopy(counts, 0, c.counts, 0, counts.length);
        c.below = below;
        return c;
    }

    /** Clears the counts. */
    public void reset() {
        Arrays.fill(counts, 0);
        below = 0;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("ImpactBands[<").append(edges[0]).append(" g: ").append(below);
        for (int k = 0; k < edges.length; k++) {
            b.append(", ").append(edges[k]).append('-').append(k + 1 < edges.length ? edges[k + 1] + " g" : "∞")
                    .append(": ").append(counts[k]);
        }
        return b.append(']').toString();
    }
}
