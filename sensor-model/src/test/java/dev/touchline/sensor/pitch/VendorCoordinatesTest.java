package dev.touchline.sensor.pitch;

import static dev.touchline.sensor.pitch.VendorCoordinates.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

/** Round trips and known corners of {@link VendorCoordinates}. jqwik seed: 20261124 for every property. */
class VendorCoordinatesTest {
    private static final PitchDimensions P = PitchDimensions.STANDARD;
    private static final double EPS = 1e-9;

    @Test
    void metricaTopLeftIsMinusHalfLengthPlusHalfWidth() {
        assertEquals(-52.5, metricaToX(0, P), EPS);
        assertEquals(34.0, metricaToY(0, P), EPS);
        assertEquals(52.5, metricaToX(1, P), EPS);
        assertEquals(-34.0, metricaToY(1, P), EPS);
        assertEquals(0.0, metricaToX(0.5, P), EPS);
        assertEquals(0.0, metricaToY(0.5, P), EPS);
    }

    @Test
    void tracabIsCentimetresFromTheCentreWithYUp() {
        assertEquals(52.5, tracabToX(5250), EPS);
        assertEquals(34.0, tracabToY(3400), EPS);
        assertEquals(-1234, xToTracab(-12.34), EPS);
    }

    @Test
    void statsBombGridIsStretchedOntoThePitch() {
        PitchDimensions p = PitchDimensions.of(100, 64);
        assertEquals(-50, statsBombToX(0, p), EPS);
        assertEquals(32, statsBombToY(0, p), EPS);
        assertEquals(50, statsBombToX(120, p), EPS);
        assertEquals(-32, statsBombToY(80, p), EPS);
        assertEquals(0, statsBombToX(60, p), EPS);
        assertEquals(0, statsBombToY(40, p), EPS);
        // The penalty spot at 108 yards lands 12/120 of the length before the right goal line.
        assertEquals(40, statsBombToX(108, p), EPS);
    }

    @Test
    void lastRowOriginIsBottomLeftWithYUp() {
        assertEquals(-52.5, lastRowToX(0, P), EPS);
        assertEquals(-34, lastRowToY(0, P), EPS);
        assertEquals(52.5, lastRowToX(100, P), EPS);
        assertEquals(34, lastRowToY(100, P), EPS);
        assertEquals(0, lastRowToX(50, P), EPS);
    }

    @Test
    void centredMetresAreTheIdentity() {
        assertEquals(12.5, centredMetresToX(12.5));
        assertEquals(-3.25, centredMetresToY(-3.25));
        assertEquals(12.5, xToCentredMetres(12.5));
        assertEquals(-3.25, yToCentredMetres(-3.25));
    }

    @Property(tries = 500, seed = "20261124")
    void everyConventionRoundTrips(@ForAll @Scale(9) @DoubleRange(min = -70, max = 70) double x,
                                   @ForAll @Scale(9) @DoubleRange(min = -50, max = 50) double y,
                                   @ForAll @Scale(9) @DoubleRange(min = 20, max = 130) double length,
                                   @ForAll @Scale(9) @DoubleRange(min = 10, max = 100) double width) {
        PitchDimensions p = PitchDimensions.of(length, width);
        assertEquals(x, metricaToX(xToMetrica(x, p), p), EPS);
        assertEquals(y, metricaToY(yToMetrica(y, p), p), EPS);
        assertEquals(x, tracabToX(xToTracab(x)), EPS);
        assertEquals(y, tracabToY(yToTracab(y)), EPS);
        assertEquals(x, statsBombToX(xToStatsBomb(x, p), p), EPS);
        assertEquals(y, statsBombToY(yToStatsBomb(y, p), p), EPS);
        assertEquals(x, lastRowToX(xToLastRow(x, p), p), EPS);
        assertEquals(y, lastRowToY(yToLastRow(y, p), p), EPS);
        assertEquals(x, centredMetresToX(xToCentredMetres(x)));
        assertEquals(y, centredMetresToY(yToCentredMetres(y)));
    }

    @Property(tries = 500, seed = "20261124")
    void vendorToCdfToVendorRoundTrips(@ForAll @Scale(9) @DoubleRange(min = 0, max = 1) double u,
                                       @ForAll @Scale(9) @DoubleRange(min = 0, max = 1) double v) {
        assertEquals(u, xToMetrica(metricaToX(u, P), P), EPS);
        assertEquals(v, yToMetrica(metricaToY(v, P), P), EPS);
        assertEquals(120 * u, xToStatsBomb(statsBombToX(120 * u, P), P), EPS);
        assertEquals(80 * v, yToStatsBomb(statsBombToY(80 * v, P), P), EPS);
        assertEquals(100 * u, xToLastRow(lastRowToX(100 * u, P), P), EPS);
        assertEquals(100 * v, yToLastRow(lastRowToY(100 * v, P), P), EPS);
        assertEquals(5250 * u, xToTracab(tracabToX(5250 * u)), EPS);
    }
}
