package dev.touchline.reid;

import dev.touchline.sensor.simulation.TeamSide;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One frame's queries as columns: embeddings in one flat array plus optional geometry (image box, ground
 * position), torso colour, stature and team per query. Reusable: {@link #clear()} and refill each frame; nothing is
 * allocated after construction. Optional values are NaN when absent. Not thread-safe.
 */
public final class QueryFrame {
    private final int dimension;
    private final int capacity;
    private int size;
    private final float[] embeddings;
    private final long[] rows;
    private final float[] boxX;
    private final float[] boxY;
    private final float[] boxW;
    private final float[] boxH;
    private final float[] groundX;
    private final float[] groundY;
    private final float[] hue;
    private final float[] saturation;
    private final float[] value;
    private final float[] stature;
    private final @Nullable TeamSide[] teams;

    /**
     * An empty frame.
     *
     * @param dimension embedding dimension, >= 1
     * @param capacity maximum number of queries, >= 1
     */
    public QueryFrame(int dimension, int capacity) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, was " + dimension);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.dimension = dimension;
        this.capacity = capacity;
        embeddings = new float[dimension * capacity];
        rows = new long[capacity];
        boxX = nan(capacity);
        boxY = nan(capacity);
        boxW = nan(capacity);
        boxH = nan(capacity);
        groundX = nan(capacity);
        groundY = nan(capacity);
        hue = nan(capacity);
        saturation = nan(capacity);
        value = nan(capacity);
        stature = nan(capacity);
        teams = new TeamSide[capacity];
    }

    private static float[] nan(int n) {
        float[] a = new float[n];
        Arrays.fill(a, Float.NaN);
        return a;
    }

    /** Removes every query. */
    public void clear() {
        for (int q = 0; q < size; q++) {
            boxX[q] = Float.NaN;
            boxY[q] = Float.NaN;
            boxW[q] = Float.NaN;
            boxH[q] = Float.NaN;
            groundX[q] = Float.NaN;
            groundY[q] = Float.NaN;
            hue[q] = Float.NaN;
            saturation[q] = Float.NaN;
            value[q] = Float.NaN;
            stature[q] = Float.NaN;
            teams[q] = null;
        }
        size = 0;
    }

    /**
     * Adds a query; the embedding is copied as given (checked by the matcher, not here).
     *
     * @param v embedding storage, not modified
     * @param off start of the embedding
     * @param row the caller's row label, quoted in error messages (e.g. the CSV line number)
     * @return the query's index in this frame
     */
    public int add(float[] v, int off, long row) {
        if (size == capacity) {
            throw new IllegalStateException("frame is full (capacity " + capacity + ")");
        }
        System.arraycopy(v, off, embeddings, size * dimension, dimension);
        rows[size] = row;
        return size++;
    }

    /** Sets the image box of a query: left, top, width, height in pixels. */
    public void box(int q, float left, float top, float width, float height) {
        check(q);
        boxX[q] = left;
        boxY[q] = top;
        boxW[q] = width;
        boxH[q] = height;
    }

    /** Sets the ground position of a query in pitch metres. */
    public void ground(int q, float xMetres, float yMetres) {
        check(q);
        groundX[q] = xMetres;
        groundY[q] = yMetres;
    }

    /** Sets the torso colour of a query: hue in degrees [0, 360), saturation and value in [0, 1]. */
    public void colour(int q, float hueDegrees, float sat, float val) {
        check(q);
        hue[q] = hueDegrees;
        saturation[q] = sat;
        value[q] = val;
    }

    /** Sets the tracker's stature estimate of a query, metres. */
    public void stature(int q, float metres) {
        check(q);
        stature[q] = metres;
    }

    /** Sets the team of a query (e.g. from the tracker's team classifier). */
    public void team(int q, TeamSide side) {
        check(q);
        teams[q] = java.util.Objects.requireNonNull(side, "side");
    }

    /** Whether a query has a team. */
    public boolean hasTeam(int q) {
        return teams[q] != null;
    }

    /**
     * The team of a query.
     *
     * @throws IllegalStateException if the query has no team (see {@link #hasTeam})
     */
    public TeamSide team(int q) {
        TeamSide t = teams[q];
        if (t == null) {
            throw new IllegalStateException("query " + q + " has no team");
        }
        return t;
    }

    private void check(int q) {
        if (q < 0 || q >= size) {
            throw new IllegalArgumentException("query must be in [0, " + size + "), was " + q);
        }
    }

    /** Embedding dimension. */
    public int dimension() {
        return dimension;
    }

    /** Maximum number of queries. */
    public int capacity() {
        return capacity;
    }

    /** Number of queries. */
    public int size() {
        return size;
    }

    /** The flat embedding storage (query {@code q} starts at {@code q * dimension()}); do not modify. */
    public float[] embeddings() {
        return embeddings;
    }

    /** The caller's row label of a query. */
    public long row(int q) {
        return rows[q];
    }

    /** Whether a query has an image box. */
    public boolean hasBox(int q) {
        return !Float.isNaN(boxW[q]);
    }

    /** Whether a query has a ground position. */
    public boolean hasGround(int q) {
        return !Float.isNaN(groundX[q]);
    }

    /** Whether a query has a torso colour. */
    public boolean hasColour(int q) {
        return !Float.isNaN(hue[q]);
    }

    /** Torso hue in degrees, NaN if absent. */
    public float hue(int q) {
        return hue[q];
    }

    /** Torso saturation in [0, 1], NaN if absent. */
    public float saturation(int q) {
        return saturation[q];
    }

    /** Torso value (brightness) in [0, 1], NaN if absent. */
    public float value(int q) {
        return value[q];
    }

    /** Tracker's stature estimate in metres, NaN if absent. */
    public float stature(int q) {
        return stature[q];
    }

    /** Box intersection over union of two queries, NaN if either has no box. */
    public double iou(int a, int b) {
        if (!hasBox(a) || !hasBox(b)) {
            return Double.NaN;
        }
        double ix = Math.min(boxX[a] + boxW[a], boxX[b] + boxW[b]) - Math.max(boxX[a], boxX[b]);
        double iy = Math.min(boxY[a] + boxH[a], boxY[b] + boxH[b]) - Math.max(boxY[a], boxY[b]);
        if (ix <= 0 || iy <= 0) {
            return 0.0;
        }
        double inter = ix * iy;
        double union = (double) boxW[a] * boxH[a] + (double) boxW[b] * boxH[b] - inter;
        return union > 0 ? inter / union : 0.0;
    }

    /** Ground distance of two queries in metres, NaN if either has no ground position. */
    public double groundDistance(int a, int b) {
        if (!hasGround(a) || !hasGround(b)) {
            return Double.NaN;
        }
        return Math.hypot(groundX[a] - groundX[b], groundY[a] - groundY[b]);
    }

    /**
     * Checks every embedding: finite values and a non-zero norm.
     *
     * @param source the name of the data source, quoted in the error
     * @throws BadReidDataException naming the source and the row label of the first bad query
     */
    public void validate(String source) throws BadReidDataException {
        for (int q = 0; q < size; q++) {
            Embeddings.check(embeddings, q * dimension, dimension, source, rows[q]);
        }
    }
}
