package dev.touchline.cli.demo.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.calibration.Landmark;
import dev.touchline.cli.demo.pipeline.BroadcastCamera;
import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.TriaxialSeries;
import dev.touchline.sensor.pitch.PitchDimensions;
import dev.touchline.sensor.simulation.Detections;
import dev.touchline.sensor.simulation.MatchSimulation;
import dev.touchline.sensor.simulation.MatchSimulator;
import dev.touchline.sensor.simulation.Signal;
import dev.touchline.sensor.simulation.SimulationChunk;
import dev.touchline.sensor.simulation.SimulationConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every README example is a compiled region of {@link ReadmeSnippets}; all but the PostgreSQL one (which needs a
 * database: {@code DemoEndToEndTest} covers the same calls) run here on simulated data (seed 5).
 */
class ReadmeSnippetsTest {
    private static final List<String> MODULES = List.of("sensor-model", "codec-gps", "fusion-core", "tracking-kalman",
            "calibration-dlt", "reid-embeddings", "formats", "integration-postgres");

    @Test
    void theReadmeShowsEverySnippetVerbatim() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/touchline/cli/demo/readme/ReadmeSnippets.java"));
        String readme = Files.readString(Path.of("../README.md"));
        for (String module : MODULES) {
            Matcher m = Pattern.compile("// tag::" + module + "\\[\\]\\n(.*?)\\n\\s*// end::" + module + "\\[\\]",
                    Pattern.DOTALL).matcher(source);
            assertTrue(m.find(), module + " has no tagged region");
            String block = "```java\n" + dedent(m.group(1)) + "\n```";
            assertTrue(readme.contains(block), "README.md lacks the " + module + " example exactly as compiled:\n"
                    + block);
            assertTrue(readme.contains("<artifactId>" + module + "</artifactId>"), module + " coordinates");
        }
    }

    private static String dedent(String text) {
        String[] lines = text.split("\n", -1);
        int indent = Integer.MAX_VALUE;
        for (String l : lines) {
            if (!l.isBlank()) {
                indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            sb.append(lines[i].length() >= indent ? lines[i].substring(indent) : lines[i].strip());
            if (i + 1 < lines.length) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void theExamplesRunOnSimulatedData(@TempDir Path dir) throws Exception {
        SimulationConfig config = SimulationConfig.builder().seed(5).matchDuration(Duration.ofMinutes(2))
                .wearablePlayers(1).signals(EnumSet.of(Signal.GNSS, Signal.DETECTIONS, Signal.IMU, Signal.ECG))
                .build();
        GpsTrack track = GpsTrack.empty();
        List<long[]> accT = new ArrayList<>();
        List<float[][]> acc = new ArrayList<>();
        List<float[]> ecg = new ArrayList<>();
        List<Detections> detections = new ArrayList<>();
        try (MatchSimulation run = MatchSimulator.of(config).start()) {
            for (int k = 0; k < 70 && run.hasNext(); k++) {
                SimulationChunk c = run.next();
                track = track.concat(c.gnss().get(1));
                TriaxialSeries a = c.wearables().get(0).accelerometer();
                accT.add(a.copyTimeMicros());
                acc.add(new float[][] {a.copyX(), a.copyY(), a.copyZ()});
                ecg.add(c.wearables().get(0).ecg().copyValues());
                detections.add(c.detections());
            }
        }
        long fixes = ReadmeSnippets.sensorModel();
        assertTrue(fixes > 5_900 && fixes <= 6_000, "10 minutes of one player at 10 Hz, less dropouts: " + fixes);
        // codec-gps
        GpsTrack window = ReadmeSnippets.codec(track, track.timeMicros(100));
        assertEquals(301, window.length(), "decodeRange includes both ends: 30 s at 10 Hz is 301 fixes");
        // fusion-core: one minute of PlayerLoad and the R peaks of 70 s
        int n = accT.stream().mapToInt(t -> t.length).sum();
        long[] t = new long[n];
        float[][] xyz = new float[3][n];
        int o = 0;
        for (int k = 0; k < accT.size(); k++) {
            System.arraycopy(accT.get(k), 0, t, o, accT.get(k).length);
            for (int d = 0; d < 3; d++) {
                System.arraycopy(acc.get(k)[d], 0, xyz[d], o, accT.get(k).length);
            }
            o += accT.get(k).length;
        }
        float[] ecgAll = new float[ecg.stream().mapToInt(e -> e.length).sum()];
        o = 0;
        for (float[] e : ecg) {
            System.arraycopy(e, 0, ecgAll, o, e.length);
            o += e.length;
        }
        List<Double> fused = ReadmeSnippets.fusion(t, xyz[0], xyz[1], xyz[2], n, ecgAll);
        assertEquals(3, fused.size(), "a whole minute of PlayerLoad, the 10 s flushed at the end, the beat count");
        assertTrue(fused.get(0) > 2 * fused.get(1), "60 s against 10 s: " + fused);
        assertTrue(fused.get(2) > 70, "a player's heart beats more than once a second: " + fused.get(2));
        // tracking-kalman: 10 s of detections
        trackingRuns(detections.subList(0, 10));
        // calibration-dlt
        List<Landmark> clicked = BroadcastCamera.master(PitchDimensions.STANDARD).landmarks(0.5, 5);
        double x = ReadmeSnippets.calibration(clicked);
        assertTrue(x > 0 && x < 105, "a point on the pitch, x " + x);
        // reid-embeddings: two players, the query is the second one seen again
        float[][] looks = {unit(1, 0.2f), unit(0.2f, 1)};
        assertEquals(17, ReadmeSnippets.reid(new int[] {4, 17}, looks, unit(0.25f, 1)));
        // formats: a GPX file of our own
        Path gpx = dir.resolve("run.gpx");
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"test\" "
                + "xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>");
        for (int i = 0; i < 5; i++) {
            sb.append(String.format(Locale.ROOT, "<trkpt lat=\"%.6f\" lon=\"-0.279500\"><time>2026-08-15T14:00:0%dZ"
                    + "</time></trkpt>", 51.556 + i * 1e-5, i));
        }
        Files.writeString(gpx, sb.append("</trkseg></trk></gpx>").toString());
        assertEquals(5, ReadmeSnippets.formats(gpx).length());
    }

    private static void trackingRuns(List<Detections> chunks) {
        List<Long> times = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (Detections d : chunks) {
            int i = 0;
            while (i < d.length()) {
                int frame = d.frame(i);
                long time = d.timeMicros(i);
                double[] x = new double[64];
                double[] y = new double[64];
                int c = 0;
                while (i < d.length() && d.frame(i) == frame) {
                    if (c < 64) {
                        x[c] = d.x(i);
                        y[c] = d.y(i);
                        c++;
                    }
                    i++;
                }
                times.add(time);
                counts.add(c);
                xs.add(x);
                ys.add(y);
            }
        }
        int confirmed = ReadmeSnippets.tracking(times.stream().mapToLong(Long::longValue).toArray(),
                counts.stream().mapToInt(Integer::intValue).toArray(), xs.toArray(new double[0][]),
                ys.toArray(new double[0][]));
        assertTrue(confirmed > 20 * 200, "about 25 confirmed tracks over 250 frames, was " + confirmed);
    }

    private static float[] unit(float a, float b) {
        float[] v = new float[128];
        v[0] = a;
        v[1] = b;
        double norm = Math.sqrt(a * a + b * b);
        v[0] /= (float) norm;
        v[1] /= (float) norm;
        return v;
    }
}
