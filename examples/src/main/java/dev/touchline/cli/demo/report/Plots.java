package dev.touchline.cli.demo.report;

import dev.touchline.cli.demo.pipeline.FusionResult;
import dev.touchline.cli.demo.pipeline.GnssResult;
import dev.touchline.cli.demo.pipeline.PitchPictures;
import dev.touchline.cli.demo.pipeline.SpeedProfile;
import dev.touchline.sensor.pitch.PitchDimensions;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's PNG plots, drawn with XChart. Each method returns the chart; {@link #save} writes it. */
public final class Plots {
    private static final int W = 1100;
    private static final int H = 520;
    private static final Color HOME = new Color(0x1f, 0x77, 0xb4);
    private static final Color AWAY = new Color(0xff, 0x7f, 0x0e);
    /** matplotlib's tab10, so each wearable player keeps one colour across plots. */
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22),
        new Color(0x17becf), new Color(0xff7f0e)};

    private Plots() {
    }

    /** Every plot the report has for these results, by file name. */
    public static Map<String, Chart<?, ?>> all(GnssResult gnss, FusionResult fusion) {
        Map<String, Chart<?, ?>> out = new LinkedHashMap<>();
        out.put("distance.png", distance(gnss));
        out.put("speed_zones.png", speedZones(gnss));
        out.put("sprints.png", sprints(gnss));
        PitchPictures p = gnss.pitch();
        PitchDimensions pitch = PitchDimensions.of(p.lengthMetres(), p.widthMetres());
        out.put("heatmap.png", heatMap(p, pitch));
        out.put("trajectories.png", trajectories(p, pitch));
        if (!fusion.players().isEmpty()) {
            out.put("playerload.png", playerLoad(fusion));
            out.put("impacts.png", impacts(fusion));
            out.put("heart_rate.png", heartRate(fusion));
        }
        return out;
    }

    /** Writes a chart as PNG. */
    public static void save(Chart<?, ?> chart, Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static List<String> labels(GnssResult g) {
        List<String> l = new ArrayList<>();
        for (GnssResult.PlayerGnss p : g.players()) {
            l.add(p.player().label());
        }
        return l;
    }

    private static CategoryChart bars(String title, String y) {
        CategoryChart c = new CategoryChartBuilder().width(W).height(H).title(title).xAxisTitle("player")
                .yAxisTitle(y).build();
        c.getStyler().setXAxisLabelRotation(90);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        c.getStyler().setAvailableSpaceFill(0.8);
        return c;
    }

    static CategoryChart distance(GnssResult g) {
        CategoryChart c = bars("Distance per player", "km");
        List<Double> measured = new ArrayList<>();
        List<Double> truth = new ArrayList<>();
        boolean hasTruth = true;
        for (GnssResult.PlayerGnss p : g.players()) {
            measured.add(p.measured().metres() / 1000);
            SpeedProfile.Totals t = p.truth();
            hasTruth &= t != null;
            truth.add(t == null ? 0.0 : t.metres() / 1000);
        }
        c.addSeries("GNSS (restored, Doppler speed)", labels(g), measured);
        if (hasTruth) {
            c.addSeries("simulator truth", labels(g), truth);
        }
        return c;
    }

    static CategoryChart speedZones(GnssResult g) {
        CategoryChart c = bars("Distance per speed zone (GNSS)", "km");
        c.getStyler().setStacked(true);
        for (int z = 0; z < SpeedProfile.ZONE_NAMES.length; z++) {
            List<Double> v = new ArrayList<>();
            for (GnssResult.PlayerGnss p : g.players()) {
                v.add(p.measured().zoneMetres()[z] / 1000);
            }
            c.addSeries(SpeedProfile.ZONE_NAMES[z], labels(g), v);
        }
        return c;
    }

    static CategoryChart sprints(GnssResult g) {
        CategoryChart c = bars("Sprints (≥ 7 m/s for ≥ 1 s)", "sprints");
        List<Integer> measured = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        boolean hasTruth = true;
        for (GnssResult.PlayerGnss p : g.players()) {
            measured.add(p.measured().sprints());
            SpeedProfile.Totals t = p.truth();
            hasTruth &= t != null;
            truth.add(t == null ? 0 : t.sprints());
        }
        c.addSeries("GNSS", labels(g), measured);
        if (hasTruth) {
            c.addSeries("simulator truth", labels(g), truth);
        }
        return c;
    }

    private static XYChart lines(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(W).height(H).title(title).xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        c.getStyler().setMarkerSize(4);
        return c;
    }

    static XYChart playerLoad(FusionResult f) {
        XYChart c = lines("PlayerLoad per minute (tibia IMU)", "minute since the first sample",
                "PlayerLoad (a.u.)");
        int k = 0;
        for (FusionResult.PlayerFusion p : f.players()) {
            double[] starts = p.minuteStartSeconds();
            double[] pl = p.playerLoadPerMinute();
            // a NaN point breaks the line across gaps such as the half-time break
            double[] x = new double[2 * starts.length];
            double[] y = new double[2 * starts.length];
            int n = 0;
            for (int i = 0; i < starts.length; i++) {
                if (i > 0 && starts[i] - starts[i - 1] > 90) {
                    x[n] = (starts[i - 1] + 60) / 60;
                    y[n++] = Double.NaN;
                }
                x[n] = starts[i] / 60;
                y[n++] = pl[i];
            }
            if (n > 0) {
                XYSeries s = c.addSeries(p.player().label(), java.util.Arrays.copyOf(x, n),
                        java.util.Arrays.copyOf(y, n));
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(PALETTE[k++ % PALETTE.length]);
                s.setLineStyle(new BasicStroke(1.4f));
            }
        }
        return c;
    }

    static CategoryChart impacts(FusionResult f) {
        CategoryChart c = new CategoryChartBuilder().width(W).height(H).title("Tibial impacts at foot strikes")
                .xAxisTitle("peak acceleration").yAxisTitle("strikes").build();
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        int k = 0;
        List<String> bands = new ArrayList<>();
        double[] e = FusionResult.IMPACT_BAND_EDGES_G;
        for (int i = 0; i < e.length; i++) {
            bands.add(i + 1 < e.length ? (int) e[i] + "-" + (int) e[i + 1] + " g" : "≥ " + (int) e[i] + " g");
        }
        for (FusionResult.PlayerFusion p : f.players()) {
            List<Integer> v = new ArrayList<>();
            for (int n : p.impactsPerBand()) {
                v.add(n);
            }
            c.addSeries(p.player().label(), bands, v).setFillColor(PALETTE[k++ % PALETTE.length]);
        }
        return c;
    }

    static XYChart heartRate(FusionResult f) {
        XYChart c = lines("Heart rate per minute: ECG R peaks (solid) and truth (dashed)",
                "minute since kick-off (no data in the half-time break)", "bpm");
        int k = 0;
        for (FusionResult.PlayerFusion p : f.players()) {
            double[] hr = p.heartRatePerMinute();
            double[] x = new double[hr.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i;
            }
            Color colour = PALETTE[k++ % PALETTE.length];
            XYSeries s = c.addSeries(p.player().label() + " ECG", x, hr);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(colour);
            s.setLineStyle(new BasicStroke(1.4f));
            double[] truth = p.trueHeartRatePerMinute();
            boolean any = false;
            for (double v : truth) {
                any |= Double.isFinite(v);
            }
            if (any) {
                XYSeries t = c.addSeries(p.player().label() + " truth", x, truth);
                t.setMarker(SeriesMarkers.NONE);
                t.setLineColor(colour.darker());
                t.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                        new float[] {5, 4}, 0));
            }
        }
        return c;
    }

    static XYChart heatMap(PitchPictures p, PitchDimensions pitch) {
        XYChart c = PitchChart.create(pitch, "Where the " + p.heatTeam() + " team spent its time (GNSS)");
        double[] heat = p.heatSeconds();
        double max = 0;
        for (double v : heat) {
            max = Math.max(max, v);
        }
        int levels = 9;
        List<List<double[]>> perLevel = new ArrayList<>();
        for (int i = 0; i < levels; i++) {
            perLevel.add(new ArrayList<>());
        }
        for (int r = 0; r < p.heatRows(); r++) {
            for (int col = 0; col < p.heatColumns(); col++) {
                double v = heat[r * p.heatColumns() + col];
                if (v <= 0 || max <= 0) {
                    continue;
                }
                // square-root scale: a few crowded cells should not wash out the rest
                int level = Math.min(levels - 1, (int) (Math.sqrt(v / max) * levels));
                perLevel.get(level).add(new double[] {-pitch.halfLength() + (col + 0.5) * p.heatCellMetres(),
                        -pitch.halfWidth() + (r + 0.5) * p.heatCellMetres()});
            }
        }
        c.getStyler().setMarkerSize((int) Math.ceil(p.heatCellMetres() * PitchChart.SCALE) + 1);
        for (int i = 0; i < levels; i++) {
            List<double[]> cells = perLevel.get(i);
            if (cells.isEmpty()) {
                continue;
            }
            double[] x = new double[cells.size()];
            double[] y = new double[cells.size()];
            for (int k = 0; k < x.length; k++) {
                x[k] = cells.get(k)[0];
                y[k] = cells.get(k)[1];
            }
            XYSeries s = c.addSeries("level " + i, x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.SQUARE);
            s.setMarkerColor(heatColour((i + 0.5) / levels));
            s.setShowInLegend(false);
        }
        PitchChart.markings(c, pitch);
        return c;
    }

    /** A dark-to-hot ramp close to matplotlib's "hot" over the grass colour. */
    static Color heatColour(double f) {
        double t = Math.max(0, Math.min(1, f));
        int r = (int) Math.round(60 + 195 * Math.min(1, t * 1.6));
        int g = (int) Math.round(40 + 215 * Math.max(0, Math.min(1, (t - 0.35) * 1.6)));
        int b = (int) Math.round(30 + 200 * Math.max(0, (t - 0.8) * 5));
        return new Color(r, g, Math.min(255, b));
    }

    static XYChart trajectories(PitchPictures p, PitchDimensions pitch) {
        XYChart c = PitchChart.create(pitch, "Every player's path, first " + Math.round(p.trajectorySeconds())
                + " s (GNSS; home blue, away orange)");
        for (PitchPictures.Trajectory t : p.trajectories()) {
            if (t.x().length < 2) {
                continue;
            }
            XYSeries s = c.addSeries(t.label(), t.x(), t.y());
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(t.team().equals("home") ? HOME : AWAY);
            s.setLineWidth(1.4f);
            s.setShowInLegend(false);
        }
        PitchChart.markings(c, pitch);
        return c;
    }
}
