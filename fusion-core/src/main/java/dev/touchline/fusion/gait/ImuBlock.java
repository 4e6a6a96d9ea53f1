package dev.touchline.fusion.gait;

import dev.touchline.fusion.BadSensorDataException;

/**
 * Checks shared by the block detectors: equal lengths, increasing time stamps, finite values. The arrays are not
 * copied; callers must not modify them while a detector runs.
 */
final class ImuBlock {
    private ImuBlock() {
    }

    static void check(String name, long[] t, int n, float[]... axes) throws BadSensorDataException {
        if (n < 2 || n > t.length) {
            throw new IllegalArgumentException(name + " length must be 2.." + t.length + ", got " + n);
        }
        for (float[] a : axes) {
            if (a.length < n) {
                throw new IllegalArgumentException(name + " axis has " + a.length + " values, need " + n);
            }
        }
        for (int i = 0; i < n; i++) {
            if (i > 0 && t[i] <= t[i - 1]) {
                throw new BadSensorDataException(name + ": time stamp of sample " + i + " (" + t[i]
                        + " µs) does not increase over sample " + (i - 1));
            }
            for (float[] a : axes) {
                if (!Float.isFinite(a[i])) {
                    throw new BadSensorDataException(name + ": sample " + i + " is not finite (" + a[i] + ")");
                }
            }
        }
    }

    /**
     * The gyro value in effect at each accelerometer time (sample and hold of the last gyro sample at or before
     * it; the first gyro sample before that), which is what a slower gyro can tell about a faster accelerometer.
     *
     * @param out one value per accelerometer sample; Modified
     */
    static void holdOnto(long[] accT, int n, long[] gyrT, float[] gyr, int m, double[] out) {
        int j = 0;
        for (int i = 0; i < n; i++) {
            while (j + 1 < m && gyrT[j + 1] <= accT[i]) {
                j++;
            }
            out[i] = gyr[j];
        }
    }
}
