package dev.touchline.sensor;

import java.util.Arrays;

/**
 * A GNSS track as columns: time stamps, latitude, longitude and speed of each fix. Immutable; the factories copy
 * the arrays they are given.
 *
 * <p>Checked on construction: equal column lengths; time stamps never go backwards (equal neighbours are allowed);
 * latitude in [−90, 90]°, longitude in [−180, 180]°, both finite; speed ≥ 0 and finite, or NaN where the source
 * gave no speed.
 */
public final class GpsTrack {
    private static final String NAME = "GpsTrack";
    private static final long[] NO_TIMES = new long[0];
    private static final double[] NO_DOUBLES = new double[0];
    private static final float[] NO_FLOATS = new float[0];
    private static final GpsTrack EMPTY = new GpsTrack(NO_TIMES, NO_DOUBLES, NO_DOUBLES, NO_FLOATS);

    private final long[] timeMicros;
    private final double[] latDeg;
    private final double[] lonDeg;
    private final float[] speedMetresPerSecond;

    private GpsTrack(long[] timeMicros, double[] latDeg, double[] lonDeg, float[] speedMetresPerSecond) {
        this.timeMicros = timeMicros;
        this.latDeg = latDeg;
        this.lonDeg = lonDeg;
        this.speedMetresPerSecond = speedMetresPerSecond;
    }

    /** The track with no fixes. */
    public static GpsTrack empty() {
        return EMPTY;
    }

    /**
     * A track from the first {@code length} values of each column (copied).
     *
     * @param timeMicros epoch microseconds, never decreasing
     * @param latDeg latitude in degrees
     * @param lonDeg longitude in degrees
     * @param speedMetresPerSecond speed over ground in m/s, NaN where unknown
     * @param length number of fixes; every column must hold at least this many values
     */
    public static GpsTrack of(long[] timeMicros, double[] latDeg, double[] lonDeg, float[] speedMetresPerSecond,
                              int length) {
        Columns.checkCount(NAME, length, Math.min(Math.min(timeMicros.length, latDeg.length),
                Math.min(lonDeg.length, speedMetresPerSecond.length)));
        GpsTrack track = new GpsTrack(Arrays.copyOf(timeMicros, length), Arrays.copyOf(latDeg, length),
                Arrays.copyOf(lonDeg, length), Arrays.copyOf(speedMetresPerSecond, length));
        track.validate();
        return track;
    }

    /** A track from whole columns (copied); all four must have the same length. */
    public static GpsTrack of(long[] timeMicros, double[] latDeg, double[] lonDeg, float[] speedMetresPerSecond) {
        int n = timeMicros.length;
        Columns.checkLength(NAME, "latDeg", n, latDeg.length);
        Columns.checkLength(NAME, "lonDeg", n, lonDeg.length);
        Columns.checkLength(NAME, "speedMetresPerSecond", n, speedMetresPerSecond.length);
        return of(timeMicros, latDeg, lonDeg, speedMetresPerSecond, n);
    }

    /** A builder that grows as fixes are appended and checks each fix as it arrives. */
    public static Builder builder() {
        return new Builder(64);
    }

    private void validate() {
        int n = timeMicros.length;
        Columns.checkTimeOrder(NAME, timeMicros, n);
        Columns.checkRange(NAME, "latDeg", latDeg, n, -90.0, 90.0);
        Columns.checkRange(NAME, "lonDeg", lonDeg, n, -180.0, 180.0);
        for (int i = 0; i < n; i++) {
            checkSpeed(i, speedMetresPerSecond[i]);
        }
    }

    private static void checkSpeed(int index, float speed) {
        if (!Float.isNaN(speed) && !(speed >= 0 && speed < Float.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(NAME + ": speedMetresPerSecond[" + index + "] is " + speed
                    + ", expected a finite value >= 0 or NaN for unknown");
        }
    }

    /** Number of fixes. */
    public int length() {
        return timeMicros.length;
    }

    /** Whether the track has no fixes. */
    public boolean isEmpty() {
        return timeMicros.length == 0;
    }

    /** Time stamp of fix {@code i}, epoch microseconds. */
    public long timeMicros(int i) {
        return timeMicros[i];
    }

    /** Latitude of fix {@code i}, degrees. */
    public double latDeg(int i) {
        return latDeg[i];
    }

    /** Longitude of fix {@code i}, degrees. */
    public double lonDeg(int i) {
        return lonDeg[i];
    }

    /** Speed over ground of fix {@code i}, m/s; NaN where the source gave none. */
    public float speedMetresPerSecond(int i) {
        return speedMetresPerSecond[i];
    }

    /** A copy of the time column. */
    public long[] copyTimeMicros() {
        return timeMicros.clone();
    }

    /** A copy of the latitude column. */
    public double[] copyLatDeg() {
        return latDeg.clone();
    }

    /** A copy of the longitude column. */
    public double[] copyLonDeg() {
        return lonDeg.clone();
    }

    /** A copy of the speed column. */
    public float[] copySpeedMetresPerSecond() {
        return speedMetresPerSecond.clone();
    }

    /** Fixes {@code from} (inclusive) to {@code to} (exclusive) as a new track. */
    public GpsTrack slice(int from, int to) {
        if (from < 0 || to > length() || from > to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of " + length() + " fixes");
        }
        return new GpsTrack(Arrays.copyOfRange(timeMicros, from, to), Arrays.copyOfRange(latDeg, from, to),
                Arrays.copyOfRange(lonDeg, from, to), Arrays.copyOfRange(speedMetresPerSecond, from, to));
    }

    /** This track followed by {@code next}, whose first fix must not be earlier than this track's last. */
    public GpsTrack concat(GpsTrack next) {
        if (next.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return next;
        }
        int n = length() + next.length();
        long[] t = Arrays.copyOf(timeMicros, n);
        double[] la = Arrays.copyOf(latDeg, n);
        double[] lo = Arrays.copyOf(lonDeg, n);
        float[] sp = Arrays.copyOf(speedMetresPerSecond, n);
        System.arraycopy(next.timeMicros, 0, t, length(), next.length());
        System.arraycopy(next.latDeg, 0, la, length(), next.length());
        System.arraycopy(next.lonDeg, 0, lo, length(), next.length());
        System.arraycopy(next.speedMetresPerSecond, 0, sp, length(), next.length());
        GpsTrack joined = new GpsTrack(t, la, lo, sp);
        Columns.checkTimeOrder(NAME, t, n);
        return joined;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GpsTrack other
                && Arrays.equals(timeMicros, other.timeMicros)
                && Arrays.equals(latDeg, other.latDeg)
                && Arrays.equals(lonDeg, other.lonDeg)
                && Arrays.equals(speedMetresPerSecond, other.speedMetresPerSecond);
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(timeMicros);
        h = 31 * h + Arrays.hashCode(latDeg);
        h = 31 * h + Arrays.hashCode(lonDeg);
        return 31 * h + Arrays.hashCode(speedMetresPerSecond);
    }

    @Override
    public String toString() {
        return isEmpty() ? "GpsTrack[0 fixes]"
                : "GpsTrack[" + length() + " fixes, " + timeMicros[0] + ".." + timeMicros[length() - 1] + " µs]";
    }

    /** Appends fixes one at a time, checking each; not thread-safe. */
    public static final class Builder {
        private long[] timeMicros;
        private double[] latDeg;
        private double[] lonDeg;
        private float[] speed;
        private int length;

        private Builder(int capacity) {
            timeMicros = new long[capacity];
            latDeg = new double[capacity];
            lonDeg = new double[capacity];
            speed = new float[capacity];
        }

        /**
         * Appends one fix.
         *
         * @throws IllegalArgumentException naming the field when the fix is invalid (non-finite or out-of-range
         *     coordinates, negative speed, a time stamp earlier than the previous fix); the builder is unchanged
         */
        public Builder add(long timeMicros, double latDeg, double lonDeg, float speedMetresPerSecond) {
            if (length > 0 && timeMicros < this.timeMicros[length - 1]) {
                throw new IllegalArgumentException("time " + timeMicros + " µs is before the previous fix ("
                        + this.timeMicros[length - 1] + " µs)");
            }
            if (!(latDeg >= -90.0 && latDeg <= 90.0)) {
                throw new IllegalArgumentException("latitude " + latDeg + "° outside [-90, 90]");
            }
            if (!(lonDeg >= -180.0 && lonDeg <= 180.0)) {
                throw new IllegalArgumentException("longitude " + lonDeg + "° outside [-180, 180]");
            }
            checkSpeed(length, speedMetresPerSecond);
            if (length == this.timeMicros.length) {
                int capacity = Math.max(16, length + (length >> 1));
                this.timeMicros = Arrays.copyOf(this.timeMicros, capacity);
                this.latDeg = Arrays.copyOf(this.latDeg, capacity);
                this.lonDeg = Arrays.copyOf(this.lonDeg, capacity);
                this.speed = Arrays.copyOf(this.speed, capacity);
            }
            this.timeMicros[length] = timeMicros;
            this.latDeg[length] = latDeg;
            this.lonDeg[length] = lonDeg;
            this.speed[length] = speedMetresPerSecond;
            length++;
            return this;
        }

        /** Number of fixes appended so far. */
        public int length() {
            return length;
        }

        /** Time stamp of the last fix appended, or {@code Long.MIN_VALUE} when there is none. */
        public long lastTimeMicros() {
            return length == 0 ? Long.MIN_VALUE : timeMicros[length - 1];
        }

        /** The track of every fix appended so far; the builder can go on appending. */
        public GpsTrack build() {
            return length == 0 ? EMPTY : new GpsTrack(Arrays.copyOf(timeMicros, length),
                    Arrays.copyOf(latDeg, length), Arrays.copyOf(lonDeg, length), Arrays.copyOf(speed, length));
        }
    }
}
