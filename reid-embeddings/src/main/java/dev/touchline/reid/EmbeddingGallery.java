package dev.touchline.reid;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.StampedLock;
import org.jspecify.annotations.Nullable;

/**
 * A rolling gallery of appearance embeddings: per identity a ring buffer of the last {@code capacity} embeddings,
 * stored L2-normalised, filled at most once per insertion interval, with an optional exponential-moving-average
 * prototype; queries are scored by {@link Scoring#MAX} or {@link Scoring#PROTOTYPE}.
 *
 * <h2>Layout</h2>
 * All identities share one {@code float[]} per dimension: element {@code d} of ring row {@code r} of the identity
 * in slot {@code s} is at {@code columns[d][s * capacity + r]}. MAX scoring therefore runs one loop over every
 * stored vector of the gallery (22 × 150 = 3,300 rows), with no per-identity loop set-up, and the maximum per
 * identity is taken afterwards over its rows. The dot products come from a frame kernel chosen once per JVM
 * (see {@link #scoringKernel()}): with {@code --add-modules jdk.incubator.vector} a Vector API kernel that keeps
 * sixteen vector accumulators (four queries by four vectors of rows, 64 rows with 512-bit vectors) in registers over all dimensions and takes the whole
 * gallery at once; without it a portable kernel that C2 auto-vectorises ({@link Dot#dotColumns4}, four queries per
 * pass over the rows), run in tiles of whole identities (about 1,024 rows) so a tile's columns stay in the L2
 * cache while every query block reads them. Both give bit-identical scores. The Vector API kernel reads a second
 * copy of the rows in panels of 16 rows (all dimensions of a panel back to back), which the gallery then keeps
 * beside the columns, written in the same critical section: twice the memory (1.7 MB more for 22 × 150 × 128),
 * for about 0.8x the kernel's time on the per-dimension arrays. Snapshots keep one flat array per identity
 * ({@code d * capacity + r}), see {@link GallerySnapshot}.
 *
 * <h2>Concurrency (memory model)</h2>
 * Each identity has its own {@link StampedLock}. Writers ({@link #offer}, {@link #append}) take its write lock,
 * so any number of writer threads is safe, but the intended shape is one writer appending while many readers
 * score. Readers never block the writer: a frame first reads every identity of a tile under an
 * <em>optimistic</em> stamp (no lock word written, no allocation), and {@link StampedLock#validate} afterwards
 * tells, per identity, whether a write overlapped; only such an identity is re-scored under its read lock. A torn
 * read of floats during the optimistic pass is harmless because the values only feed a max or a dot product and
 * indices never depend on them; the count is bounded by the fixed capacity, so no index can leave the identity's
 * rows. The list of identities is copy-on-write behind a {@code volatile} field. When {@link #add} outgrows the
 * shared columns it copies them into larger ones while holding every identity's write lock, then publishes them
 * before the new identity list; a writer reads the columns after taking its lock, and a reader whose tile read the
 * old columns fails validation and re-reads under the read lock, so no write is lost and no stale read is kept.
 *
 * <p>Queries allocate nothing: the caller passes the query vector (any non-zero length; its norm is divided out)
 * and an output array for the scores; the kernel's accumulators are one per-thread work space, created on a
 * thread's first query and grown only when the gallery grows.
 */
public final class EmbeddingGallery {
    /** Default ring length: the last 150 embeddings (30 s at the default cadence). */
    public static final int DEFAULT_CAPACITY = 150;
    /** Default embedding dimension. */
    public static final int DEFAULT_DIMENSION = 128;
    /** Default insertion interval: one embedding every 0.2 s. */
    public static final long DEFAULT_INSERT_INTERVAL_MICROS = 200_000L;
    /** Default EMA weight of the old prototype (StrongSORT's alpha). */
    public static final double DEFAULT_PROTOTYPE_ALPHA = 0.9;

    private final int dimension;
    private final int capacity;
    private final long insertIntervalMicros;
    private final double prototypeAlpha;
    private final Scoring scoring;
    /** The frame kernel of MAX scoring, chosen once per JVM ({@link ColumnKernels}) unless a test sets one. */
    private final ColumnKernel kernel;

    private volatile Identity[] identities = new Identity[0];
    /** The shared ring storage; replaced (never modified in size) when {@link #add} needs more slots. */
    private volatile Store store;
    private volatile Map<Integer, Integer> slots = Map.of();
    /** Per-thread work space of the kernel; allocated once per thread (and on a larger frame), not per query. */
    private final ThreadLocal<Scratch> scratch;

    private EmbeddingGallery(Builder b) {
        this.dimension = b.dimension;
        this.capacity = b.capacity;
        this.insertIntervalMicros = b.insertIntervalMicros;
        this.prototypeAlpha = b.prototypeAlpha;
        this.scoring = b.scoring;
        this.kernel = b.kernel;
        this.store = new Store(new float[b.dimension][0], b.kernel.usesPanels() ? new float[0] : null, 0);
        this.scratch = ThreadLocal.withInitial(Scratch::new);
        if (scoring == Scoring.PROTOTYPE && Double.isNaN(prototypeAlpha)) {
            throw new IllegalArgumentException("scoring PROTOTYPE needs a prototypeAlpha");
        }
    }

    /** A builder with the defaults: dimension 128, capacity 150, every 0.2 s, prototype alpha 0.9, MAX. */
    public static Builder builder() {
        return new Builder();
    }

    /** Embedding dimension. */
    public int dimension() {
        return dimension;
    }

    /** Ring length per identity. */
    public int capacity() {
        return capacity;
    }

    /** Insertion interval in microseconds. */
    public long insertIntervalMicros() {
        return insertIntervalMicros;
    }

    /** The scoring rule. */
    public Scoring scoring() {
        return scoring;
    }

    /**
     * Which frame kernel MAX scoring uses in this JVM, and why: the Vector API kernel when the application runs with
     * {@code --add-modules jdk.incubator.vector} (the accumulators stay in registers), else the portable kernel
     * that C2 auto-vectorises. Both give bit-identical scores. The system property
     * {@code dev.touchline.reid.vectorKernel=false} forces the portable one.
     *
     * @return e.g. {@code "vector-api (512-bit, 16 lanes, ...) (jdk.incubator.vector is in the boot layer)"}
     */
    public static String scoringKernel() {
        return ColumnKernels.describe();
    }

    /** Whether an EMA prototype is kept. */
    public boolean hasPrototype() {
        return !Double.isNaN(prototypeAlpha);
    }

    /**
     * Adds an identity.
     *
     * @param playerId the caller's player id (e.g. the roster's player number), unique in this gallery
     * @return the identity's slot, dense from 0 in order of addition
     * @throws IllegalArgumentException if the id is already present
     */
    public synchronized int add(int playerId) {
        if (slots.containsKey(playerId)) {
            throw new IllegalArgumentException("playerId " + playerId + " is already in the gallery");
        }
        Identity[] old = identities;
        int slot = old.length;
        if (slot == store.slots) {
            grow(old);
        }
        Identity[] grown = Arrays.copyOf(old, slot + 1);
        grown[slot] = new Identity(playerId, slot, dimension, hasPrototype());
        Map<Integer, Integer> m = new HashMap<>(slots);
        m.put(playerId, slot);
        slots = Map.copyOf(m);
        // Published after the store: a reader that sees this identity list also sees columns holding its slots.
        identities = grown;
        return slot;
    }

    /** Doubles the shared columns (at least 4 slots), holding every identity's write lock during the copy. */
    private void grow(Identity[] ids) {
        Store old = store;
        long rows = Math.max(4L, 2L * old.slots) * capacity;
        if (rows > Integer.MAX_VALUE - 8) {
            rows = (long) (old.slots + 1) * capacity;
            if (rows > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("gallery is full: " + old.slots + " identities of capacity "
                        + capacity + " fill the largest array");
            }
        }
        int newSlots = (int) (rows / capacity);
        long[] stamps = new long[ids.length];
        for (int s = 0; s < ids.length; s++) {
            stamps[s] = ids[s].lock.writeLock();
        }
        try {
            float[][] cols = new float[dimension][];
            for (int d = 0; d < dimension; d++) {
                cols[d] = Arrays.copyOf(old.columns[d], (int) rows);
            }
            float[] panels = null;
            long panelLength = (rows + Panels.WIDTH - 1) / Panels.WIDTH * Panels.WIDTH * dimension;
            // Past the largest array the panel copy is dropped and scoring falls back to the portable kernel.
            if (old.panels != null && panelLength <= Integer.MAX_VALUE - 8) {
                panels = Arrays.copyOf(old.panels, (int) panelLength);
            }
            store = new Store(cols, panels, newSlots);
        } finally {
            for (int s = ids.length - 1; s >= 0; s--) {
                ids[s].lock.unlockWrite(stamps[s]);
            }
        }
    }

    /** The slot of a player id, or -1 if the gallery does not know it. */
    public int slotOf(int playerId) {
        Integer s = slots.get(playerId);
        return s == null ? -1 : s;
    }

    /** The player id held in a slot. */
    public int playerId(int slot) {
        return identity(slot).playerId;
    }

    /** Number of identities. */
    public int size() {
        return identities.length;
    }

    /** Number of embeddings currently stored for an identity (at most {@link #capacity()}). */
    public int storedCount(int slot) {
        Identity id = identity(slot);
        long stamp = id.lock.readLock();
        try {
            return id.count;
        } finally {
            id.lock.unlockRead(stamp);
        }
    }

    /**
     * Stores an embedding if at least one insertion interval has passed since the identity's last stored one
     * (the cadence rule); updates the prototype on every stored embedding.
     *
     * @param slot identity slot
     * @param timeMicros observation time, microseconds since the epoch
     * @param v embedding storage, not modified
     * @param off start of the embedding; {@link #dimension()} floats are read
     * @return true if stored, false if skipped by the cadence rule
     * @throws IllegalArgumentException if the vector holds NaN/infinity or is all zeros
     */
    public boolean offer(int slot, long timeMicros, float[] v, int off) {
        return write(slot, timeMicros, v, off, true);
    }

    /**
     * Stores an embedding regardless of the cadence (used for the edge-cache update after an escalation answer).
     * Same contract as {@link #offer}; always returns true.
     */
    public boolean append(int slot, long timeMicros, float[] v, int off) {
        return write(slot, timeMicros, v, off, false);
    }

    private boolean write(int slot, long timeMicros, float[] v, int off, boolean cadence) {
        Identity id = identity(slot);
        double norm = checkedNorm(v, off, "v");
        long stamp = id.lock.writeLock();
        try {
            if (cadence && id.count > 0 && timeMicros - id.lastInsertMicros < insertIntervalMicros) {
                return false;
            }
            float inv = (float) (1.0 / norm);
            // Read under the write lock: a concurrent grow() cannot swap the store until we release it.
            Store st = store;
            float[][] cols = st.columns;
            int row = id.slot * capacity + id.next;
            for (int i = 0; i < dimension; i++) {
                cols[i][row] = v[off + i] * inv;
            }
            float[] panels = st.panels;
            if (panels != null) {
                for (int i = 0; i < dimension; i++) {
                    panels[Panels.index(row, i, dimension)] = cols[i][row];
                }
            }
            id.next = id.next + 1 == capacity ? 0 : id.next + 1;
            if (id.count < capacity) {
                id.count++;
            }
            id.lastInsertMicros = Math.max(id.lastInsertMicros, timeMicros);
            if (id.prototypeRaw != null) {
                updatePrototype(id, cols, row);
            }
            return true;
        } finally {
            id.lock.unlockWrite(stamp);
        }
    }

    private void updatePrototype(Identity id, float[][] columns, int row) {
        float[] raw = java.util.Objects.requireNonNull(id.prototypeRaw);
        float[] proto = id.prototype;
        if (!id.prototypeSet) {
            for (int i = 0; i < dimension; i++) {
                raw[i] = columns[i][row];
            }
            id.prototypeSet = true;
        } else {
            float a = (float) prototypeAlpha;
            float b = 1f - a;
            for (int i = 0; i < dimension; i++) {
                raw[i] = a * raw[i] + b * columns[i][row];
            }
        }
        double n = Dot.norm(raw, 0, dimension);
        // Two opposite unit vectors average to zero; keep the last embedding as the prototype then.
        if (!(n > 1e-12)) {
            for (int i = 0; i < dimension; i++) {
                raw[i] = columns[i][row];
            }
            n = 1.0;
        }
        float inv = (float) (1.0 / n);
        for (int i = 0; i < dimension; i++) {
            proto[i] = raw[i] * inv;
        }
    }

    /**
     * Scores a query against every identity with the gallery's scoring rule: cosine similarity in [-1, 1], or
     * {@link Float#NEGATIVE_INFINITY} for an identity with nothing stored yet.
     *
     * @param q query storage, not modified; any non-zero finite length (normalised here)
     * @param qOff start of the query
     * @param out scores by slot, length at least {@link #size()}; modified (entries {@code [0, size())})
     * @return the number of identities scored (the gallery size at the time of the call)
     */
    public int scores(float[] q, int qOff, float[] out) {
        return scores(q, qOff, out, 0, Integer.MAX_VALUE);
    }

    /**
     * Scores a query against the first {@code limit} identities, writing {@code out[outOff + slot]}; otherwise as
     * {@link #scores(float[], int, float[])}. Bit-identical to that query's row of {@link #scoresFrame}.
     *
     * @param out scores; modified (entries {@code [outOff, outOff + returned count)})
     * @param limit the most identities to score (a matcher passes the size it saw at the start of a frame)
     * @return the number of identities scored, {@code min(size(), limit)}
     */
    public int scores(float[] q, int qOff, float[] out, int outOff, int limit) {
        Identity[] ids = identities;
        int n = Math.min(ids.length, limit);
        if (outOff < 0 || out.length - outOff < n) {
            throw new IllegalArgumentException("out must hold " + n + " scores from offset " + outOff
                    + ", length was " + out.length);
        }
        return scoreFrame(ids, n, q, qOff, 1, out, outOff, n, false);
    }

    /**
     * {@link #scores(float[], int, float[])} computed with the scalar reference loop (one row at a time, one
     * accumulator, plain multiply and add); for tests and benchmarks. Agrees with the production kernel to float
     * rounding.
     */
    public int scoresScalar(float[] q, int qOff, float[] out) {
        Identity[] ids = identities;
        int n = ids.length;
        if (out.length < n) {
            throw new IllegalArgumentException("out must hold " + n + " scores, length was " + out.length);
        }
        return scoreFrame(ids, n, q, qOff, 1, out, 0, n, true);
    }

    /**
     * Scores several queries at once. Under MAX scoring the queries go through the gallery's rows four at a time
     * (each stored vector loaded once feeds four dot products), and every identity's scores for all queries come
     * from one consistent state of its ring. Each query's scores are bit-identical to
     * {@link #scores(float[], int, float[], int, int)}.
     *
     * @param q queries back to back ({@code k}-th at {@code qOff + k * dimension()}), not modified
     * @param count number of queries
     * @param out scores; modified (entry {@code outOff + k * stride + slot})
     * @param stride distance in {@code out} between two queries' rows, at least the count returned
     * @param limit the most identities to score
     * @return the number of identities scored, {@code min(size(), limit)}
     */
    public int scoresFrame(float[] q, int qOff, int count, float[] out, int outOff, int stride, int limit) {
        Identity[] ids = identities;
        int n = Math.min(ids.length, limit);
        if (count < 0 || stride < n || outOff < 0 || (count > 0 && out.length - outOff < (count - 1L) * stride + n)) {
            throw new IllegalArgumentException("out must hold " + count + " rows of stride " + stride + " (>= " + n
                    + ") from offset " + outOff + ", length was " + out.length);
        }
        return scoreFrame(ids, n, q, qOff, count, out, outOff, stride, false);
    }

    private int scoreFrame(Identity[] ids, int n, float[] q, int qOff, int count, float[] out, int outOff,
                           int stride, boolean scalar) {
        Scratch w = scratch.get();
        float[] invNorm = w.invNorms(count);
        for (int k = 0; k < count; k++) {
            invNorm[k] = (float) (1.0 / checkedNorm(q, qOff + k * dimension, "q", count == 1 ? -1 : k));
        }
        if (count == 0 || n == 0) {
            return n;
        }
        if (scoring == Scoring.PROTOTYPE) {
            for (int s = 0; s < n; s++) {
                for (int k = 0; k < count; k++) {
                    out[outOff + k * stride + s] = prototypeScore(ids[s], q, qOff + k * dimension, scalar)
                            * invNorm[k];
                }
            }
            return n;
        }
        // Read after the identity list: this store holds at least the n slots scored (see add()).
        Store st = store;
        ColumnKernel k = kernelFor(st);
        int perTile = Math.min(n, Math.max(1, k.tileRows() / capacity));
        w.ensure(n * capacity, perTile, count);
        for (int t0 = 0; t0 < n; t0 += perTile) {
            int t1 = Math.min(n, t0 + perTile);
            for (int s = t0; s < t1; s++) {
                Identity id = ids[s];
                w.stamps[s - t0] = id.lock.tryOptimisticRead();
                w.counts[s - t0] = id.count;
            }
            scoreTile(st, k, t0, t1, w.counts, q, qOff, count, out, outOff, stride, invNorm, scalar, w);
            for (int s = t0; s < t1; s++) {
                StampedLock lock = ids[s].lock;
                long stamp = w.stamps[s - t0];
                if (stamp == 0L || !lock.validate(stamp)) {
                    rescore(ids[s], q, qOff, count, out, outOff, stride, invNorm, scalar, w);
                }
            }
        }
        return n;
    }

    /** Re-scores one identity for every query under its read lock (after a failed optimistic read). */
    private void rescore(Identity id, float[] q, int qOff, int count, float[] out, int outOff, int stride,
                         float[] invNorm, boolean scalar, Scratch w) {
        long stamp = id.lock.readLock();
        try {
            w.one[0] = id.count;
            Store st = store;
            scoreTile(st, kernelFor(st), id.slot, id.slot + 1, w.one, q, qOff, count, out, outOff, stride, invNorm,
                    scalar, w);
        } finally {
            id.lock.unlockRead(stamp);
        }
    }

    /**
     * MAX scores of every query against the identities in slots {@code [s0, s1)}, whose stored counts are
     * {@code counts[0 .. s1 - s0)}: dot products over the tile's rows, then the largest per identity.
     */
    private void scoreTile(Store st, ColumnKernel kern, int s0, int s1, int[] counts, float[] q, int qOff, int count,
                           float[] out, int outOff, int stride, float[] invNorm, boolean scalar, Scratch w) {
        float[][] cols = st.columns;
        int from = s0 * capacity;
        // Rows past the last identity's count are never read by the maximum; skip them.
        int to = (s1 - 1) * capacity + counts[s1 - s0 - 1];
        if (scalar) {
            for (int k = 0; k < count; k++) {
                Dot.dotColumnsScalar(q, qOff + k * dimension, cols, dimension, from, to, w.acc[0]);
                maxima(w.acc[0], s0, s1, counts, out, outOff + k * stride, invNorm[k]);
            }
            return;
        }
        kern.dotRows(q, qOff, count, cols, st.panels, dimension, from, to, w.acc);
        for (int j = 0; j < count; j++) {
            maxima(w.acc[j], s0, s1, counts, out, outOff + j * stride, invNorm[j]);
        }
    }

    /** The gallery's kernel, or the portable one when this store has no panel copy (a gallery past 2^31 floats). */
    private ColumnKernel kernelFor(Store st) {
        return kernel.usesPanels() && st.panels == null ? FmaColumnKernel.INSTANCE : kernel;
    }

    /** Per identity in {@code [s0, s1)} the largest dot product over its stored rows, scaled: {@code out[row + s]}. */
    private void maxima(float[] acc, int s0, int s1, int[] counts, float[] out, int row, float scale) {
        for (int s = s0; s < s1; s++) {
            int c = counts[s - s0];
            int base = s * capacity;
            out[row + s] = c == 0 ? Float.NEGATIVE_INFINITY : Dot.max(acc, base, base + c) * scale;
        }
    }

    private float prototypeScore(Identity id, float[] q, int qOff, boolean scalar) {
        StampedLock lock = id.lock;
        long stamp = lock.tryOptimisticRead();
        if (stamp != 0L) {
            float s = prototypeUnlocked(id, q, qOff, scalar);
            if (lock.validate(stamp)) {
                return s;
            }
        }
        stamp = lock.readLock();
        try {
            return prototypeUnlocked(id, q, qOff, scalar);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    private float prototypeUnlocked(Identity id, float[] q, int qOff, boolean scalar) {
        if (id.count == 0) {
            return Float.NEGATIVE_INFINITY;
        }
        return scalar ? Dot.dotScalar(q, qOff, id.prototype, 0, dimension)
                : Dot.dot(q, qOff, id.prototype, 0, dimension);
    }

    /**
     * Copies an identity's prototype (unit length) into {@code out}.
     *
     * @param out destination of length at least {@link #dimension()}; modified
     * @return false (and {@code out} not modified) if the gallery keeps no prototype or nothing is stored yet
     */
    public boolean prototype(int slot, float[] out) {
        Identity id = identity(slot);
        long stamp = id.lock.readLock();
        try {
            if (id.prototypeRaw == null || !id.prototypeSet) {
                return false;
            }
            System.arraycopy(id.prototype, 0, out, 0, dimension);
            return true;
        } finally {
            id.lock.unlockRead(stamp);
        }
    }

    /** The whole state as a plain value (each identity copied under its read lock). */
    public GallerySnapshot snapshot() {
        Identity[] ids = identities;
        int n = ids.length;
        int[] pids = new int[n];
        int[] counts = new int[n];
        int[] next = new int[n];
        long[] last = new long[n];
        float[][] rings = new float[n][];
        float[][] protos = new float[n][];
        boolean[] set = new boolean[n];
        for (int s = 0; s < n; s++) {
            Identity id = ids[s];
            long stamp = id.lock.readLock();
            try {
                pids[s] = id.playerId;
                counts[s] = id.count;
                next[s] = id.next;
                last[s] = id.lastInsertMicros;
                rings[s] = flatten(store.columns, s * capacity, capacity);
                protos[s] = id.prototypeRaw == null ? new float[0] : id.prototypeRaw.clone();
                set[s] = id.prototypeSet;
            } finally {
                id.lock.unlockRead(stamp);
            }
        }
        return new GallerySnapshot(dimension, capacity, insertIntervalMicros, prototypeAlpha, scoring, pids, counts,
                next, last, rings, protos, set);
    }

    /** Rebuilds a gallery from a snapshot; the result scores and inserts exactly as the original did. */
    public static EmbeddingGallery restore(GallerySnapshot snap) {
        Builder b = builder().dimension(snap.dimension()).capacity(snap.capacity())
                .insertIntervalMicros(snap.insertIntervalMicros()).scoring(snap.scoring());
        if (Double.isNaN(snap.prototypeAlpha())) {
            b.noPrototype();
        } else {
            b.prototypeAlpha(snap.prototypeAlpha());
        }
        EmbeddingGallery g = b.build();
        for (int s = 0; s < snap.playerIds().length; s++) {
            int slot = g.add(snap.playerIds()[s]);
            Identity id = g.identity(slot);
            long stamp = id.lock.writeLock();
            try {
                float[] flat = snap.rings()[s];
                float[][] cols = g.store.columns;
                for (int d = 0; d < g.dimension; d++) {
                    System.arraycopy(flat, d * g.capacity, cols[d], slot * g.capacity, g.capacity);
                }
                float[] panels = g.store.panels;
                if (panels != null) {
                    Panels.copyRows(cols, g.dimension, slot * g.capacity, (slot + 1) * g.capacity, panels);
                }
                id.count = snap.counts()[s];
                id.next = snap.next()[s];
                id.lastInsertMicros = snap.lastInsertMicros()[s];
                id.prototypeSet = snap.prototypeSet()[s];
                if (id.prototypeRaw != null) {
                    float[] raw = snap.prototypes()[s];
                    if (raw.length != g.dimension) {
                        throw new IllegalArgumentException("prototypes[" + s + "] must hold " + g.dimension
                                + " floats, held " + raw.length);
                    }
                    System.arraycopy(raw, 0, id.prototypeRaw, 0, g.dimension);
                    double norm = Dot.norm(raw, 0, g.dimension);
                    if (id.prototypeSet && norm > 0) {
                        for (int i = 0; i < g.dimension; i++) {
                            id.prototype[i] = (float) (raw[i] / norm);
                        }
                    }
                }
            } finally {
                id.lock.unlockWrite(stamp);
            }
        }
        return g;
    }

    /** One identity's ring in the snapshot's flat layout, element {@code d} of row {@code r} at {@code d * capacity + r}. */
    private static float[] flatten(float[][] columns, int base, int capacity) {
        float[] flat = new float[columns.length * capacity];
        for (int d = 0; d < columns.length; d++) {
            System.arraycopy(columns[d], base, flat, d * capacity, capacity);
        }
        return flat;
    }

    private Identity identity(int slot) {
        Identity[] ids = identities;
        if (slot < 0 || slot >= ids.length) {
            throw new IllegalArgumentException("slot must be in [0, " + ids.length + "), was " + slot);
        }
        return ids[slot];
    }

    private double checkedNorm(float[] v, int off, String name) {
        return checkedNorm(v, off, name, -1);
    }

    /** Checks a vector; {@code index} >= 0 names the query in a batch (messages are built only on failure). */
    private double checkedNorm(float[] v, int off, String name, int index) {
        if (off < 0 || off + dimension > v.length) {
            throw new IllegalArgumentException(label(name, index) + " must hold " + dimension
                    + " floats from offset " + off + ", length was " + v.length);
        }
        double n = Dot.norm(v, off, dimension);
        if (!Double.isFinite(n) || n == 0.0) {
            throw new IllegalArgumentException(label(name, index) + " must be finite and non-zero, norm was " + n);
        }
        return n;
    }

    private static String label(String name, int index) {
        return index < 0 ? name : name + "[" + index + "]";
    }

    /**
     * The shared ring storage: one array per dimension, {@code slots * capacity} rows each, and for a kernel that
     * reads them the same rows again in the {@link Panels} layout (written together under the identity's lock).
     */
    private static final class Store {
        final float[][] columns;
        final float @Nullable [] panels;
        final int slots;

        Store(float[][] columns, float @Nullable [] panels, int slots) {
            this.columns = columns;
            this.panels = panels;
            this.slots = slots;
        }
    }

    /** One thread's work space: one row-accumulator array per query of the largest frame so far, a tile's stamps and counts, inverse query norms. */
    private static final class Scratch {
        float[][] acc = new float[4][0];
        long[] stamps = new long[0];
        int[] counts = new int[0];
        final int[] one = new int[1];
        private float[] invNorms = new float[32];

        /** Grows (allocating) only when the gallery or the frame has grown since this thread's last frame. */
        void ensure(int rows, int tileIdentities, int queries) {
            if (acc.length < queries || acc[0].length < rows) {
                int n = Math.max(acc.length, queries);
                int len = Math.max(acc[0].length, rows);
                float[][] grown = new float[n][];
                for (int j = 0; j < n; j++) {
                    grown[j] = new float[len];
                }
                acc = grown;
            }
            if (stamps.length < tileIdentities) {
                stamps = new long[tileIdentities];
                counts = new int[tileIdentities];
            }
        }

        /** An array of at least {@code count} floats, grown (allocating) only when a frame has more queries. */
        float[] invNorms(int count) {
            if (invNorms.length < count) {
                invNorms = new float[Math.max(count, 2 * invNorms.length)];
            }
            return invNorms;
        }
    }

    /** One identity's ring state (its rows live in the shared {@link Store}); all fields guarded by {@link #lock}. */
    private static final class Identity {
        final int playerId;
        final int slot;
        final StampedLock lock = new StampedLock();
        final float @Nullable [] prototypeRaw;
        final float[] prototype;
        boolean prototypeSet;
        int count;
        int next;
        long lastInsertMicros = Long.MIN_VALUE;

        Identity(int playerId, int slot, int dimension, boolean prototype) {
            this.playerId = playerId;
            this.slot = slot;
            this.prototypeRaw = prototype ? new float[dimension] : null;
            this.prototype = prototype ? new float[dimension] : new float[0];
        }
    }

    /** Configuration of a gallery. */
    public static final class Builder {
        private int dimension = DEFAULT_DIMENSION;
        private int capacity = DEFAULT_CAPACITY;
        private long insertIntervalMicros = DEFAULT_INSERT_INTERVAL_MICROS;
        private double prototypeAlpha = DEFAULT_PROTOTYPE_ALPHA;
        private Scoring scoring = Scoring.MAX;
        private ColumnKernel kernel = ColumnKernels.active();

        private Builder() {
        }

        /** The frame kernel (tests compare kernels in one JVM); default the one {@link ColumnKernels} chose. */
        Builder kernel(ColumnKernel value) {
            kernel = java.util.Objects.requireNonNull(value, "kernel");
            return this;
        }

        /** Embedding dimension, 1 to 4096 (default 128). */
        public Builder dimension(int value) {
            if (value < 1 || value > 4096) {
                throw new IllegalArgumentException("dimension must be in [1, 4096], was " + value);
            }
            dimension = value;
            return this;
        }

        /** Embeddings kept per identity, 1 to 100 000 (default 150). */
        public Builder capacity(int value) {
            if (value < 1 || value > 100_000) {
                throw new IllegalArgumentException("capacity must be in [1, 100000], was " + value);
            }
            capacity = value;
            return this;
        }

        /** Minimum time between two stored embeddings of one identity, microseconds, >= 0 (default 200 000). */
        public Builder insertIntervalMicros(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("insertIntervalMicros must be >= 0, was " + value);
            }
            insertIntervalMicros = value;
            return this;
        }

        /** EMA weight of the old prototype, in [0, 1) (default 0.9). */
        public Builder prototypeAlpha(double value) {
            if (!(value >= 0 && value < 1)) {
                throw new IllegalArgumentException("prototypeAlpha must be in [0, 1), was " + value);
            }
            prototypeAlpha = value;
            return this;
        }

        /** Keeps no prototype (saves one update per stored embedding); incompatible with PROTOTYPE scoring. */
        public Builder noPrototype() {
            prototypeAlpha = Double.NaN;
            return this;
        }

        /** Scoring rule (default {@link Scoring#MAX}). */
        public Builder scoring(Scoring value) {
            scoring = java.util.Objects.requireNonNull(value, "scoring");
            return this;
        }

        /** Builds an empty gallery. */
        public EmbeddingGallery build() {
            return new EmbeddingGallery(this);
        }
    }
}
