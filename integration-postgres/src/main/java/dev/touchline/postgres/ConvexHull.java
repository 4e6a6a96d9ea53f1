package dev.touchline.postgres;

/**
 * Convex hull area of points in a plane (Andrew's monotone chain, O(n log n)), on primitive arrays. Collinear
 * points on an edge are not corners.
 */
final class ConvexHull {
    private final int vertices;
    private final double area;

    private ConvexHull(int vertices, double area) {
        this.vertices = vertices;
        this.area = area;
    }

    /**
     * The hull of the first {@code n} points.
     *
     * @param x x coordinates, metres; not modified
     * @param y y coordinates, metres; not modified
     */
    static ConvexHull of(double[] x, double[] y, int n) {
        if (n < 3) {
            return new ConvexHull(n, 0);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        sort(order, x, y);
        int[] hull = new int[2 * n];
        int k = 0;
        for (int s = 0; s < n; s++) {
            int p = order[s];
            while (k >= 2 && cross(x, y, hull[k - 2], hull[k - 1], p) <= 0) {
                k--;
            }
            hull[k++] = p;
        }
        int lower = k + 1;
        for (int s = n - 2; s >= 0; s--) {
            int p = order[s];
            while (k >= lower && cross(x, y, hull[k - 2], hull[k - 1], p) <= 0) {
                k--;
            }
            hull[k++] = p;
        }
        int corners = k - 1; // the last point repeats the first
        if (corners < 3) {
            return new ConvexHull(corners, 0);
        }
        double twice = 0;
        for (int i = 0; i < corners; i++) {
            int a = hull[i];
            int b = hull[i + 1];
            twice += x[a] * y[b] - x[b] * y[a];
        }
        return new ConvexHull(corners, Math.abs(twice) / 2);
    }

    int vertices() {
        return vertices;
    }

    double area() {
        return area;
    }

    private static double cross(double[] x, double[] y, int o, int a, int b) {
        return (x[a] - x[o]) * (y[b] - y[o]) - (y[a] - y[o]) * (x[b] - x[o]);
    }

    /** Sorts indices by x, then y: a bottom-up merge sort without boxing. */
    private static void sort(int[] order, double[] x, double[] y) {
        int n = order.length;
        int[] src = order;
        int[] dst = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int a = lo;
                int b = mid;
                int k = lo;
                while (a < mid && b < hi) {
                    dst[k++] = less(x, y, src[b], src[a]) ? src[b++] : src[a++];
                }
                while (a < mid) {
                    dst[k++] = src[a++];
                }
                while (b < hi) {
                    dst[k++] = src[b++];
                }
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        if (src != order) {
            System.arraycopy(src, 0, order, 0, n);
        }
    }

    private static boolean less(double[] x, double[] y, int a, int b) {
        return x[a] < x[b] || (x[a] == x[b] && y[a] < y[b]);
    }
}
