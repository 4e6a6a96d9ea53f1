package dev.touchline.cli.demo.report;

import dev.touchline.sensor.pitch.PitchDimensions;
import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A football pitch drawn as mplsoccer draws its default dark pitch: grass {@code #22312b}, lines {@code #c7d5cc},
 * no axes, CDF coordinates (origin at the centre spot, x to the right-hand goal, y up). Markings follow the Laws
 * of the Game and scale with the pitch's length and width.
 */
final class PitchChart {
    static final Color GRASS = new Color(0x22, 0x31, 0x2b);
    static final Color LINES = new Color(0xc7, 0xd5, 0xcc);
    /** Margin around the pitch, m. */
    static final double MARGIN = 4;
    /** Pixels per metre of the pictures. */
    static final double SCALE = 9;

    private PitchChart() {
    }

    /** An empty pitch chart with its markings drawn. */
    static XYChart create(PitchDimensions pitch, String title) {
        double hl = pitch.halfLength();
        double hw = pitch.halfWidth();
        // plot area plus XChart's padding and title
        int width = (int) Math.round((2 * (hl + MARGIN)) * SCALE) + 40;
        int height = (int) Math.round((2 * (hw + MARGIN)) * SCALE) + 80;
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).build();
        var s = chart.getStyler();
        s.setPlotBackgroundColor(GRASS);
        s.setChartBackgroundColor(GRASS);
        s.setChartFontColor(LINES);
        s.setPlotBorderVisible(false);
        s.setPlotGridLinesVisible(false);
        s.setAxisTicksVisible(false);
        s.setXAxisTitleVisible(false);
        s.setYAxisTitleVisible(false);
        s.setLegendVisible(false);
        s.setChartTitleBoxVisible(false);
        s.setXAxisMin(-hl - MARGIN);
        s.setXAxisMax(hl + MARGIN);
        s.setYAxisMin(-hw - MARGIN);
        s.setYAxisMax(hw + MARGIN);
        s.setPlotMargin(0);
        s.setChartPadding(10);
        return chart;
    }

    /** Draws the markings on top of whatever the chart holds (call last so the lines stay visible). */
    static void markings(XYChart chart, PitchDimensions pitch) {
        double hl = pitch.halfLength();
        double hw = pitch.halfWidth();
        line(chart, "touchlines", new double[] {-hl, hl, hl, -hl, -hl}, new double[] {-hw, -hw, hw, hw, -hw});
        line(chart, "halfway", new double[] {0, 0}, new double[] {-hw, hw});
        circle(chart, "centre circle", 0, 0, 9.15, 0, 360);
        circle(chart, "centre spot", 0, 0, 0.25, 0, 360);
        for (int side = -1; side <= 1; side += 2) {
            double goal = side * hl;
            box(chart, "penalty area " + side, goal, 16.5 * -side, 20.16);
            box(chart, "goal area " + side, goal, 5.5 * -side, 9.16);
            double spot = goal - side * 11;
            circle(chart, "penalty spot " + side, spot, 0, 0.25, 0, 360);
            // the arc outside the penalty area: the points of the circle around the spot beyond 16.5 m
            double half = Math.toDegrees(Math.acos(5.5 / 9.15));
            double centre = side > 0 ? 180 : 0;
            circle(chart, "penalty arc " + side, spot, 0, 9.15, centre - half, centre + half);
            box(chart, "goal " + side, goal, 2.0 * side, 3.66);
        }
    }

    private static void box(XYChart chart, String name, double lineX, double depth, double halfWidth) {
        line(chart, name, new double[] {lineX, lineX + depth, lineX + depth, lineX},
                new double[] {-halfWidth, -halfWidth, halfWidth, halfWidth});
    }

    private static void circle(XYChart chart, String name, double cx, double cy, double r, double fromDeg,
                               double toDeg) {
        int n = 73;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double a = Math.toRadians(fromDeg + (toDeg - fromDeg) * i / (n - 1));
            x[i] = cx + r * Math.cos(a);
            y[i] = cy + r * Math.sin(a);
        }
        line(chart, name, x, y);
    }

    static XYSeries line(XYChart chart, String name, double[] x, double[] y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(LINES);
        s.setLineStyle(new java.awt.BasicStroke(1.6f)); // solid: XChart would otherwise cycle dash patterns
        s.setShowInLegend(false);
        return s;
    }
}
