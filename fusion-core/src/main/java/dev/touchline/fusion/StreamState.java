package dev.touchline.fusion;

import java.util.Arrays;
import java.util.Objects;

/**
 * The plain state of a streaming component (DESIGN §2): its numbers as a {@code long[]} and a {@code double[]},
 * tagged with the component's kind, so that it can be stored (e.g. as Flink keyed state) and a component rebuilt
 * from it continues bit for bit. The configuration is not part of the state: restore into a component built with
 * the same configuration; a state of another kind or another size is refused with
 * {@link IllegalArgumentException}. The layout of the arrays belongs to the component and may change between
 * versions of the library.
 *
 * @param kind the component that wrote the state
 * @param longs integer values (counts, times, flags as 0/1, array lengths); copied
 * @param doubles floating-point values; copied
 */
public record StreamState(String kind, long[] longs, double[] doubles) {
    /** Copies the arrays. */
    public StreamState {
        Objects.requireNonNull(kind, "kind");
        longs = longs.clone();
        doubles = doubles.clone();
    }

    /** A copy of the integer values. */
    @Override
    public long[] longs() {
        return longs.clone();
    }

    /** A copy of the floating-point values. */
    @Override
    public double[] doubles() {
        return doubles.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StreamState s && kind.equals(s.kind) && Arrays.equals(longs, s.longs)
                && Arrays.equals(doubles, s.doubles);
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + Arrays.hashCode(longs)) * 31 + Arrays.hashCode(doubles);
    }

    @Override
    public String toString() {
        return "StreamState[" + kind + ", " + longs.length + " longs, " + doubles.length + " doubles]";
    }

    /** A writer for a component's snapshot. */
    public static Writer writer(String kind) {
        return new Writer(kind);
    }

    /**
     * A reader over this state for a component of the given kind.
     *
     * @throws IllegalArgumentException when the state was written by another kind of component
     */
    public Reader reader(String expectedKind) {
        if (!kind.equals(expectedKind)) {
            throw new IllegalArgumentException("state of a " + kind + ", expected a " + expectedKind);
        }
        return new Reader(this);
    }

    /** Collects values in order; used when a snapshot is taken (not on a hot path). */
    public static final class Writer {
        private final String kind;
        private long[] longs = new long[16];
        private double[] doubles = new double[16];
        private int nl;
        private int nd;

        private Writer(String kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        /** Adds an integer value. */
        public Writer add(long v) {
            if (nl == longs.length) {
                longs = Arrays.copyOf(longs, 2 * nl);
            }
            longs[nl++] = v;
            return this;
        }

        /** Adds a flag (as 0 or 1). */
        public Writer add(boolean v) {
            return add(v ? 1L : 0L);
        }

        /** Adds a floating-point value. */
        public Writer add(double v) {
            if (nd == doubles.length) {
                doubles = Arrays.copyOf(doubles, 2 * nd);
            }
            doubles[nd++] = v;
            return this;
        }

        /** Adds an array's length and values (array Not modified). */
        public Writer add(long[] values) {
            add((long) values.length);
            for (long v : values) {
                add(v);
            }
            return this;
        }

        /** Adds an array's length and values (array Not modified). */
        public Writer add(double[] values) {
            add((long) values.length);
            for (double v : values) {
                add(v);
            }
            return this;
        }

        /** Adds an array's length and values (array Not modified). */
        public Writer add(boolean[] values) {
            add((long) values.length);
            for (boolean v : values) {
                add(v);
            }
            return this;
        }

        /** The state. */
        public StreamState build() {
            return new StreamState(kind, Arrays.copyOf(longs, nl), Arrays.copyOf(doubles, nd));
        }
    }

    /** Reads values back in the order they were written; checks sizes. */
    public static final class Reader {
        private final StreamState state;
        private int il;
        private int id;

        private Reader(StreamState state) {
            this.state = state;
        }

        /** The next integer value. */
        public long nextLong() {
            if (il >= state.longs.length) {
                throw new IllegalArgumentException(state.kind + " state is too short: " + state.longs.length
                        + " integer values");
            }
            return state.longs[il++];
        }

        /** The next flag. */
        public boolean nextBoolean() {
            return nextLong() != 0;
        }

        /** The next floating-point value. */
        public double nextDouble() {
            if (id >= state.doubles.length) {
                throw new IllegalArgumentException(state.kind + " state is too short: " + state.doubles.length
                        + " floating-point values");
            }
            return state.doubles[id++];
        }

        private void length(int expected) {
            long n = nextLong();
            if (n != expected) {
                throw new IllegalArgumentException(state.kind + " state holds an array of " + n
                        + " values where this component has " + expected + " (another configuration?)");
            }
        }

        /** Reads an array into target, whose length must match; target is Modified. */
        public void next(long[] target) {
            length(target.length);
            for (int i = 0; i < target.length; i++) {
                target[i] = nextLong();
            }
        }

        /** Reads an array into target, whose length must match; target is Modified. */
        public void next(double[] target) {
            length(target.length);
            for (int i = 0; i < target.length; i++) {
                target[i] = nextDouble();
            }
        }

        /** Reads an array into target, whose length must match; target is Modified. */
        public void next(boolean[] target) {
            length(target.length);
            for (int i = 0; i < target.length; i++) {
                target[i] = nextBoolean();
            }
        }

        /** Checks that every value was read. */
        public void end() {
            if (il != state.longs.length || id != state.doubles.length) {
                throw new IllegalArgumentException(state.kind + " state has " + (state.longs.length - il)
                        + " integer and " + (state.doubles.length - id) + " floating-point values left over "
                        + "(another configuration?)");
            }
        }
    }
}
