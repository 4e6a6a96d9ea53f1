package dev.touchline.sensor;

/** Validation shared by the columnar sample blocks. Messages name the column, the index and the value. */
final class Columns {
    private Columns() {
    }

    static void checkLength(String block, String column, int expected, int actual) {
        if (expected != actual) {
            throw new IllegalArgumentException(block + ": column " + column + " has " + actual
                    + " values, expected " + expected);
        }
    }

    static void checkCount(String block, int length, int capacity) {
        if (length < 0 || length > capacity) {
            throw new IllegalArgumentException(block + ": length " + length + " outside [0, " + capacity + "]");
        }
    }

    /** Time stamps never go backwards; equal neighbours are allowed (some devices repeat a stamp). */
    static void checkTimeOrder(String block, long[] timeMicros, int length) {
        for (int i = 1; i < length; i++) {
            if (timeMicros[i] < timeMicros[i - 1]) {
                throw new IllegalArgumentException(block + ": timeMicros goes backwards at index " + i + " ("
                        + timeMicros[i - 1] + " then " + timeMicros[i] + ")");
            }
        }
    }

    static void checkFinite(String block, String column, float[] values, int length) {
        for (int i = 0; i < length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException(block + ": " + column + "[" + i + "] is " + values[i]
                        + ", expected a finite value");
            }
        }
    }

    static void checkRange(String block, String column, double[] values, int length, double min, double max) {
        for (int i = 0; i < length; i++) {
            double v = values[i];
            if (!(v >= min && v <= max)) {
                throw new IllegalArgumentException(block + ": " + column + "[" + i + "] is " + v
                        + ", expected a value in [" + min + ", " + max + "]");
            }
        }
    }

    static void checkRange(String block, String column, float[] values, int length, double min, double max) {
        for (int i = 0; i < length; i++) {
            float v = values[i];
            if (!(v >= min && v <= max)) {
                throw new IllegalArgumentException(block + ": " + column + "[" + i + "] is " + v
                        + ", expected a value in [" + min + ", " + max + "]");
            }
        }
    }

    static void checkIndex(int index, int length) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + " outside [0, " + length + ")");
        }
    }
}
