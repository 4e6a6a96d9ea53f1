package dev.touchline.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Convex hull area on known shapes and a property over random interior points (jqwik seed 8). */
class ConvexHullTest {
    @Test
    void squareWithInteriorAndEdgePoints() {
        double[] x = {0, 10, 10, 0, 5, 3, 10, 5};
        double[] y = {0, 0, 10, 10, 5, 7, 5, 0};
        ConvexHull h = ConvexHull.of(x, y, x.length);
        assertEquals(100.0, h.area(), 1e-12);
        assertEquals(4, h.vertices(), "points on edges are not corners");
    }

    @Test
    void degenerateInputsSpanNoArea() {
        assertEquals(0.0, ConvexHull.of(new double[] {1, 2}, new double[] {1, 2}, 2).area());
        assertEquals(0.0, ConvexHull.of(new double[] {0, 1, 2, 3}, new double[] {0, 1, 2, 3}, 4).area());
        assertEquals(0.0, ConvexHull.of(new double[] {4, 4, 4}, new double[] {1, 1, 1}, 3).area());
    }

    @Property(seed = "8", tries = 200)
    void interiorPointsNeverChangeATrianglesArea(@ForAll @IntRange(min = 0, max = 200) int inside,
                                                 @ForAll @DoubleRange(min = 1, max = 100) double w,
                                                 @ForAll @DoubleRange(min = 1, max = 100) double h,
                                                 @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        int n = inside + 3;
        double[] x = new double[n];
        double[] y = new double[n];
        // the triangle (0,0), (w,0), (0,h), its corners at random positions in the arrays
        for (int i = 0; i < inside; i++) {
            double u = r.nextDouble();
            double v = r.nextDouble() * (1 - u);
            x[i] = u * w * 0.999;
            y[i] = v * h * 0.999;
        }
        x[inside] = 0;
        y[inside] = 0;
        x[inside + 1] = w;
        y[inside + 1] = 0;
        x[inside + 2] = 0;
        y[inside + 2] = h;
        int k = r.nextInt(n);
        swap(x, y, k, inside);
        ConvexHull hull = ConvexHull.of(x, y, n);
        assertEquals(w * h / 2, hull.area(), 1e-9 * w * h);
        assertEquals(3, hull.vertices());
    }

    private static void swap(double[] x, double[] y, int a, int b) {
        double t = x[a];
        x[a] = x[b];
        x[b] = t;
        t = y[a];
        y[a] = y[b];
        y[b] = t;
    }
}
