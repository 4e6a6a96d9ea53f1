package dev.touchline.reid;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Decides one frame's queries against a gallery: score every (query, identity) pair, veto pairs the consistency
 * check rules out, suppress duplicates (see {@link MatchPolicy} for exactly what that means), then assign queries
 * to identities one-to-one with the Hungarian method and classify each by the policy's thresholds.
 *
 * <p>The assignment considers only candidate pairs, those with score {@code >= escalateBelow}. It first
 * maximises the number of queries assigned, then the sum of their scores. A query left without an identity is
 * {@link Decision#ESCALATE}d (reporting its best candidate), or {@link Decision#NEW} when no identity is admissible
 * at all.
 *
 * <p>The matcher reads the gallery (safe while a writer appends) and never writes it; work space grows to the
 * largest frame and gallery seen, after which matching allocates nothing. One matcher per thread.
 */
public final class FrameMatcher {
    private static final double UNASSIGNED_COST = 3.0;

    private final EmbeddingGallery gallery;
    private final MatchPolicy policy;
    private final @Nullable ConsistencyCheck check;
    private final Hungarian hungarian = new Hungarian();
    private float[] scores = new float[0];
    private double[] cost = new double[0];
    private int[] rowToCol = new int[0];
    private int[] best = new int[0];
    private float[] bestScore = new float[0];
    private int[] order = new int[0];
    private int[] active = new int[0];
    private int[] dupOf = new int[0];
    private int[] assigned = new int[0];

    /**
     * A matcher on appearance alone.
     *
     * @param gallery the gallery to match against
     * @param policy thresholds
     */
    public FrameMatcher(EmbeddingGallery gallery, MatchPolicy policy) {
        this.gallery = Objects.requireNonNull(gallery, "gallery");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.check = null;
    }

    /**
     * A matcher with a veto.
     *
     * @param gallery the gallery to match against
     * @param policy thresholds
     * @param check veto on (query, identity) pairs (kit colour, stature)
     */
    public FrameMatcher(EmbeddingGallery gallery, MatchPolicy policy, ConsistencyCheck check) {
        this.gallery = Objects.requireNonNull(gallery, "gallery");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.check = Objects.requireNonNull(check, "check");
    }

    /** The policy. */
    public MatchPolicy policy() {
        return policy;
    }

    /**
     * Decides every query of a frame.
     *
     * @param frame queries, not modified; its dimension must equal the gallery's
     * @param source name of the data source, quoted in errors
     * @param out decisions; modified
     * @throws BadReidDataException if an embedding is NaN/infinite or all zeros (naming the query's row label)
     */
    public void match(QueryFrame frame, String source, MatchResults out) throws BadReidDataException {
        if (frame.dimension() != gallery.dimension()) {
            throw new IllegalArgumentException("frame dimension must be " + gallery.dimension() + ", was "
                    + frame.dimension());
        }
        int n = frame.size();
        if (out.capacity() < n) {
            throw new IllegalArgumentException("out.capacity() must be >= " + n + ", was " + out.capacity());
        }
        frame.validate(source);
        int g = gallery.size();
        ensure(n, g);
        float[] emb = frame.embeddings();
        out.reset(n);
        // The gallery may grow while we match; score only the g identities seen at the start.
        gallery.scoresFrame(emb, 0, n, scores, 0, g, g);
        for (int q = 0; q < n; q++) {
            int rowOff = q * g;
            int b = -1;
            float bs = Float.NEGATIVE_INFINITY;
            for (int s = 0; s < g; s++) {
                float v = scores[rowOff + s];
                if (v != Float.NEGATIVE_INFINITY && check != null
                        && !check.admissible(frame, q, gallery.playerId(s))) {
                    v = Float.NEGATIVE_INFINITY;
                    scores[rowOff + s] = v;
                }
                if (v > bs) {
                    bs = v;
                    b = s;
                }
            }
            best[q] = b;
            bestScore[q] = bs;
            dupOf[q] = -1;
            assigned[q] = -1;
        }
        suppressDuplicates(frame, n);
        assign(n, g);
        for (int q = 0; q < n; q++) {
            if (best[q] < 0) {
                out.set(q, -1, Float.NaN, Decision.NEW, -1);
            } else if (dupOf[q] >= 0) {
                continue;
            } else if (assigned[q] >= 0) {
                float s = scores[q * g + assigned[q]];
                out.set(q, gallery.playerId(assigned[q]), s, policy.classify(s), -1);
            } else {
                out.set(q, gallery.playerId(best[q]), bestScore[q], Decision.ESCALATE, -1);
            }
        }
        for (int q = 0; q < n; q++) {
            if (best[q] >= 0 && dupOf[q] >= 0) {
                int keeper = dupOf[q];
                int slot = assigned[keeper] >= 0 ? assigned[keeper] : best[keeper];
                out.set(q, gallery.playerId(slot), scores[q * g + slot], Decision.DUPLICATE, keeper);
            }
        }
    }

    private void suppressDuplicates(QueryFrame frame, int n) {
        int k = 0;
        for (int q = 0; q < n; q++) {
            if (best[q] >= 0) {
                // Insertion sort by decreasing best score; frames hold tens of queries.
                int i = k++;
                while (i > 0 && bestScore[order[i - 1]] < bestScore[q]) {
                    order[i] = order[i - 1];
                    i--;
                }
                order[i] = q;
            }
        }
        for (int i = 0; i < k; i++) {
            int a = order[i];
            if (dupOf[a] >= 0) {
                continue;
            }
            for (int j = i + 1; j < k; j++) {
                int b = order[j];
                if (dupOf[b] < 0 && best[b] == best[a] && overlaps(frame, a, b)) {
                    dupOf[b] = a;
                }
            }
        }
    }

    private boolean overlaps(QueryFrame frame, int a, int b) {
        double iou = frame.iou(a, b);
        if (iou > policy.nmsIou()) {
            return true;
        }
        double d = frame.groundDistance(a, b);
        return d < policy.nmsGroundDistanceMetres();
    }

    private void assign(int n, int g) {
        int rows = 0;
        for (int q = 0; q < n; q++) {
            if (best[q] >= 0 && dupOf[q] < 0) {
                active[rows++] = q;
            }
        }
        if (rows == 0) {
            return;
        }
        // Columns: the g identities, then one "stay unassigned" column per row, so the problem is always feasible.
        int cols = g + rows;
        double escalate = policy.escalateBelow();
        for (int r = 0; r < rows; r++) {
            int q = active[r];
            int base = r * cols;
            for (int s = 0; s < g; s++) {
                float v = scores[q * g + s];
                cost[base + s] = v >= escalate ? 1.0 - v : UNASSIGNED_COST;
            }
            for (int s = g; s < cols; s++) {
                cost[base + s] = UNASSIGNED_COST;
            }
        }
        hungarian.solve(cost, rows, cols, rowToCol);
        for (int r = 0; r < rows; r++) {
            int q = active[r];
            int c = rowToCol[r];
            if (c < g && scores[q * g + c] >= escalate) {
                assigned[q] = c;
            }
        }
    }

    private void ensure(int n, int g) {
        if (scores.length < n * g) {
            scores = new float[n * g];
        }
        int cols = g + n;
        if (cost.length < n * cols) {
            cost = new double[n * cols];
        }
        if (best.length < n) {
            rowToCol = new int[n];
            best = new int[n];
            bestScore = new float[n];
            order = new int[n];
            active = new int[n];
            dupOf = new int[n];
            assigned = new int[n];
        }
    }
}
