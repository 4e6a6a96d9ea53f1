package dev.touchline.postgres;

import org.jspecify.annotations.Nullable;

/** Time-sorts a batch without boxing: a stable merge sort of row indices by their time. */
final class TimeOrder {
    private TimeOrder() {
    }

    /** The row order that sorts {@code source} by time, or null when it is already sorted. */
    static int @Nullable [] of(RowSource source) {
        int n = source.length();
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = source.timeMicros(i - 1) <= source.timeMicros(i);
        }
        if (sorted) {
            return null;
        }
        long[] time = new long[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            time[i] = source.timeMicros(i);
            order[i] = i;
        }
        int[] work = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int a = lo;
                int b = mid;
                int k = lo;
                while (a < mid && b < hi) {
                    work[k++] = time[order[b]] < time[order[a]] ? order[b++] : order[a++];
                }
                while (a < mid) {
                    work[k++] = order[a++];
                }
                while (b < hi) {
                    work[k++] = order[b++];
                }
            }
            int[] swap = order;
            order = work;
            work = swap;
        }
        return order;
    }
}
