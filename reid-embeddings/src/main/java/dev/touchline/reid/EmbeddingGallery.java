package dev.touchline.reid;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.StampedLock;
import org.jspecify.annotations.Nullable;

/**
 * A rolling gallery of appearance embeddings: per identity a ring buffer of the last {@code capacity} embeddings,
 * stored L2-normalised column by column (one {@code float[capacity]} per dimension: element {@code d} of ring row
 * {@code r} at {@code columns[d][r]}, so the scoring loop runs over rows and C2 vectorises it, see
 * {@link Dot#maxDotColumns}; snapshots flatten it to {@code d * capacity + r}), filled at most once per insertion interval, with an optional
 * exponential-moving-average prototype; queries are scored by {@link Scoring#MAX} or {@link Scoring#PROTOTYPE}.
 *
 * <h2>Concurrency (memory model)</h2>
 * Each identity has its own {@link StampedLock}. Writers ({@link #offer}, {@link #append}) take its write lock,
 * so any number of writer threads is safe, but the intended shape is one writer appending while many readers
 * score. Readers never block the writer: a query first reads under an <em>optimistic</em> stamp (no lock word
 * written, no allocation), and {@link StampedLock#validate} afterwards tells whether a write overlapped; only then
 * does it re-read under the read lock. A torn read of floats during the optimistic pass is harmless because the
 * values only feed a max or a dot product and indices never depend on them; the count is bounded by the fixed
 * capacity, so no index can leave the array. The list of identities is copy-on-write behind a {@code volatile}
 * field: {@link #add} publishes a new array, and a query reads the field once.
 *
 * <p>Queries allocate nothing: the caller passes the query vector (any non-zero length; its norm is divided out)
 * and an output array for the scores; the kernel's row accumulators are one per-thread array, created on a
 * thread's first query.
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
    private volatile Identity[] identities = new Identity[0];
    private volatile Map<Integer, Integer> slots = Map.of();
    /** Per-thread work space of the kernel; allocated once per thread (and on a larger frame), not per query. */
    private final ThreadLocal<Scratch> scratch;

    private EmbeddingGallery(Builder b) {
        this.dimension = b.dimension;
        this.capacity = b.capacity;
        this.insertIntervalMicros = b.insertIntervalMicros;
        this.prototypeAlpha = b.prototypeAlpha;
        this.scoring = b.scoring;
        int cap = b.capacity;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(cap));
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
        Identity[] grown = Arrays.copyOf(old, old.length + 1);
        grown[old.length] = new Identity(playerId, capacity, dimension, hasPrototype());
        Map<Integer, Integer> m = new HashMap<>(slots);
        m.put(playerId, old.length);
        slots = Map.copyOf(m);
        identities = grown;
        return old.length;
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
            int row = id.next;
            float[][] cols = id.columns;
            for (int i = 0; i < dimension; i++) {
                cols[i][row] = v[off + i] * inv;
            }
            id.next = id.next + 1 == capacity ? 0 : id.next + 1;
            if (id.count < capacity) {
                id.count++;
            }
            id.lastInsertMicros = Math.max(id.lastInsertMicros, timeMicros);
            if (id.prototypeRaw != null) {
                updatePrototype(id, row);
            }
            return true;
        } finally {
            id.lock.unlockWrite(stamp);
        }
    }

    private void updatePrototype(Identity id, int row) {
        float[] raw = java.util.Objects.requireNonNull(id.prototypeRaw);
        float[] proto = id.prototype;
        if (!id.prototypeSet) {
            for (int i = 0; i < dimension; i++) {
                raw[i] = id.columns[i][row];
            }
            id.prototypeSet = true;
        } else {
            float a = (float) prototypeAlpha;
            float b = 1f - a;
            for (int i = 0; i < dimension; i++) {
                raw[i] = a * raw[i] + b * id.columns[i][row];
            }
        }
        double n = Dot.norm(raw, 0, dimension);
        // Two opposite unit vectors average to zero; keep the last embedding as the prototype then.
        if (!(n > 1e-12)) {
            for (int i = 0; i < dimension; i++) {
                raw[i] = id.columns[i][row];
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
        return scores(q, qOff, out, 0, Integer.MAX_VALUE, false);
    }

    /**
     * Scores a query against the first {@code limit} identities, writing {@code out[outOff + slot]}; otherwise as
     * {@link #scores(float[], int, float[])}.
     *
     * @param out scores; modified (entries {@code [outOff, outOff + returned count)})
     * @param limit the most identities to score (a matcher passes the size it saw at the start of a frame)
     * @return the number of identities scored, {@code min(size(), limit)}
     */
    public int scores(float[] q, int qOff, float[] out, int outOff, int limit) {
        return scores(q, qOff, out, outOff, limit, false);
    }

    /** {@link #scores(float[], int, float[])} computed with the scalar reference loop; for tests and benchmarks. */
    public int scoresScalar(float[] q, int qOff, float[] out) {
        return scores(q, qOff, out, 0, Integer.MAX_VALUE, true);
    }

    /**
     * Scores several queries at once, identity by identity, so each identity's ring is read from cache by every
     * query in turn instead of streaming the whole gallery once per query. Same scores as
     * {@link #scores(float[], int, float[], int, int)} for each query.
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
        Scratch w = scratch.get();
        float[] invNorm = w.invNorms(count);
        for (int k = 0; k < count; k++) {
            invNorm[k] = (float) (1.0 / checkedNorm(q, qOff + k * dimension, "q", k));
        }
        float[] acc = w.acc;
        for (int s = 0; s < n; s++) {
            Identity id = ids[s];
            int k = 0;
            if (scoring == Scoring.MAX) {
                // Two queries per pass over the ring: every column element loaded feeds both.
                for (; k + 1 < count; k += 2) {
                    int off = qOff + k * dimension;
                    scorePair(id, q, off, off + dimension, w);
                    out[outOff + k * stride + s] = w.pair[0] * invNorm[k];
                    out[outOff + (k + 1) * stride + s] = w.pair[1] * invNorm[k + 1];
                }
            }
            for (; k < count; k++) {
                out[outOff + k * stride + s] = score(id, q, qOff + k * dimension, false, acc) * invNorm[k];
            }
        }
        return n;
    }

    private int scores(float[] q, int qOff, float[] out, int outOff, int limit, boolean scalar) {
        Identity[] ids = identities;
        int n = Math.min(ids.length, limit);
        if (outOff < 0 || out.length - outOff < n) {
            throw new IllegalArgumentException("out must hold " + n + " scores from offset " + outOff
                    + ", length was " + out.length);
        }
        float inv = (float) (1.0 / checkedNorm(q, qOff, "q"));
        float[] acc = scratch.get().acc;
        for (int s = 0; s < n; s++) {
            out[outOff + s] = score(ids[s], q, qOff, scalar, acc) * inv;
        }
        return n;
    }

    private float score(Identity id, float[] q, int qOff, boolean scalar, float[] acc) {
        StampedLock lock = id.lock;
        long stamp = lock.tryOptimisticRead();
        if (stamp != 0L) {
            float s = scoreUnlocked(id, q, qOff, scalar, acc);
            if (lock.validate(stamp)) {
                return s;
            }
        }
        stamp = lock.readLock();
        try {
            return scoreUnlocked(id, q, qOff, scalar, acc);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** MAX scores of two queries against one identity into {@code w.pair}, read as {@link #score} reads. */
    private void scorePair(Identity id, float[] q, int offA, int offB, Scratch w) {
        StampedLock lock = id.lock;
        long stamp = lock.tryOptimisticRead();
        if (stamp != 0L) {
            pairUnlocked(id, q, offA, offB, w);
            if (lock.validate(stamp)) {
                return;
            }
        }
        stamp = lock.readLock();
        try {
            pairUnlocked(id, q, offA, offB, w);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    private void pairUnlocked(Identity id, float[] q, int offA, int offB, Scratch w) {
        int n = id.count;
        if (n == 0) {
            w.pair[0] = Float.NEGATIVE_INFINITY;
            w.pair[1] = Float.NEGATIVE_INFINITY;
            return;
        }
        Dot.maxDotColumnsPair(q, offA, offB, id.columns, n, dimension, w.acc, w.acc2, w.pair);
    }

    private float scoreUnlocked(Identity id, float[] q, int qOff, boolean scalar, float[] acc) {
        int n = id.count;
        if (n == 0) {
            return Float.NEGATIVE_INFINITY;
        }
        if (scoring == Scoring.PROTOTYPE) {
            return scalar ? Dot.dotScalar(q, qOff, id.prototype, 0, dimension)
                    : Dot.dot(q, qOff, id.prototype, 0, dimension);
        }
        return scalar ? Dot.maxDotColumnsScalar(q, qOff, id.columns, n, dimension)
                : Dot.maxDotColumns(q, qOff, id.columns, n, dimension, acc);
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
                rings[s] = flatten(id.columns, capacity);
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
                for (int d = 0; d < g.dimension; d++) {
                    System.arraycopy(flat, d * g.capacity, id.columns[d], 0, g.capacity);
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

    /** The ring in the snapshot's flat layout, element {@code d} of row {@code r} at {@code d * capacity + r}. */
    private static float[] flatten(float[][] columns, int capacity) {
        float[] flat = new float[columns.length * capacity];
        for (int d = 0; d < columns.length; d++) {
            System.arraycopy(columns[d], 0, flat, d * capacity, capacity);
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

    /** One thread's work space: the kernel's row accumulators and a frame's inverse query norms. */
    private static final class Scratch {
        final float[] acc;
        final float[] acc2;
        final float[] pair = new float[2];
        private float[] invNorms = new float[32];

        Scratch(int capacity) {
            acc = new float[capacity];
            acc2 = new float[capacity];
        }

        /** An array of at least {@code count} floats, grown (allocating) only when a frame has more queries. */
        float[] invNorms(int count) {
            if (invNorms.length < count) {
                invNorms = new float[Math.max(count, 2 * invNorms.length)];
            }
            return invNorms;
        }
    }

    /** One identity's storage; all fields guarded by {@link #lock}. */
    private static final class Identity {
        final int playerId;
        final StampedLock lock = new StampedLock();
        /** The ring, one array per dimension ({@code columns[d][row]}); see {@link Dot#maxDotColumns} for why. */
        final float[][] columns;
        final float @Nullable [] prototypeRaw;
        final float[] prototype;
        boolean prototypeSet;
        int count;
        int next;
        long lastInsertMicros = Long.MIN_VALUE;

        Identity(int playerId, int capacity, int dimension, boolean prototype) {
            this.playerId = playerId;
            this.columns = new float[dimension][capacity];
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

        private Builder() {
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
