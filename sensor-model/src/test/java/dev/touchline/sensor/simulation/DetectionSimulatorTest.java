package dev.touchline.sensor.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DetectionSimulatorTest {
    private static SimulationConfig.Builder detections(long seed, Duration match) {
        return SimulationConfig.builder().seed(seed).matchDuration(match)
                .signals(EnumSet.of(Signal.POSITIONS, Signal.DETECTIONS));
    }

    /** Seed 1, ten minutes: every error the detector makes happens at the configured rate. */
    @Test
    void errorsHappenAtTheConfiguredRates() {
        MatchSimulator sim = MatchSimulator.of(detections(1, Duration.ofMinutes(10)).build());
        Roster roster = sim.roster();
        int n = roster.size();
        long frames = 0;
        long alone = 0;
        long aloneSeen = 0;
        long falsePositives = 0;
        long trueRows = 0;
        long noHead = 0;
        long rightTeam = 0;
        long unknownTeam = 0;
        long merged = 0;
        long overlaps = 0;
        double sq = 0;
        long sqCount = 0;
        double heightSq = 0;
        long heightCount = 0;
        boolean[] seen = new boolean[n];
        try (MatchSimulation run = sim.start()) {
            while (run.hasNext()) {
                SimulationChunk chunk = run.next();
                MotionBlock b = chunk.motion();
                Detections d = chunk.detections();
                int row = 0;
                for (int f = 0; f < b.chunkFrames(); f++) {
                    java.util.Arrays.fill(seen, false);
                    int fn = b.frameNumber(f);
                    for (; row < d.length() && d.frame(row) == fn; row++) {
                        assertEquals(b.timeMicros(f), d.timeMicros(row));
                        int o = d.truthObject(row);
                        float c = d.confidence(row);
                        if (o < 0) {
                            falsePositives++;
                            assertTrue(c >= 0.1f && c <= 0.5f, "false positive confidence " + c);
                            continue;
                        }
                        seen[o] = true;
                        trueRows++;
                        assertTrue(c >= 0.3f && c <= 0.99f, "confidence " + c);
                        if (c < 0.45) {
                            merged++;
                        }
                        if (Float.isNaN(d.heightMetres(row))) {
                            noHead++;
                        } else {
                            double e = d.heightMetres(row) - roster.get(o).statureMetres();
                            heightSq += e * e;
                            heightCount++;
                        }
                        if (d.team(row) == roster.get(o).side().ordinal()) {
                            rightTeam++;
                        } else if (d.team(row) == Detections.TEAM_UNKNOWN) {
                            unknownTeam++;
                        }
                        if (c >= 0.6) {
                            double ex = d.x(row) - b.x(o, f);
                            double ey = d.y(row) - b.y(o, f);
                            sq += ex * ex + ey * ey;
                            sqCount += 2;
                        }
                    }
                    for (int o = 0; o < n; o++) {
                        boolean isolated = true;
                        for (int p = 0; p < n; p++) {
                            double gap = Math.hypot(b.x(o, f) - b.x(p, f), b.y(o, f) - b.y(p, f));
                            if (p != o && gap < 0.6) {
                                isolated = false;
                                if (p > o && gap < 0.3) {
                                    overlaps++;
                                }
                            }
                        }
                        if (isolated) {
                            alone++;
                            if (seen[o]) {
                                aloneSeen++;
                            }
                        }
                    }
                    frames++;
                }
                assertEquals(d.length(), row, "rows outside the chunk's frames, or out of order");
            }
        }
        double missRate = 1 - (double) aloneSeen / alone;
        double sigma = Math.sqrt(sq / sqCount);
        double fpPerFrame = (double) falsePositives / frames;
        double noHeadShare = (double) noHead / trueRows;
        double heightSigma = Math.sqrt(heightSq / heightCount);
        double rightShare = (double) rightTeam / trueRows;
        double unknownShare = (double) unknownTeam / trueRows;
        assertEquals(0.05, missRate, 0.005, "miss rate");
        assertEquals(0.15, sigma, 0.005, "position noise");
        assertEquals(1.0, fpPerFrame, 0.03, "false positives per frame");
        assertEquals(0.2, noHeadShare, 0.01, "share without height");
        assertEquals(0.03, heightSigma, 0.002, "height noise");
        assertEquals(0.93, rightShare, 0.01, "right team labels");
        assertEquals(0.05, unknownShare, 0.005, "unknown team labels");
        assertTrue(overlaps == 0 || merged > 0, overlaps + " overlaps but no merged detections");
        System.out.println(String.format(Locale.ROOT,
                "seed 1 detections: miss %.2f %%, sigma %.3f m, FP %.2f/frame, no height %.1f %%, height sigma %.3f m,"
                        + " right team %.1f %%, unknown %.1f %%, overlapping frames %d, merged rows %d",
                100 * missRate, sigma, fpPerFrame, 100 * noHeadShare, heightSigma, 100 * rightShare,
                100 * unknownShare, overlaps, merged));
    }

    /** Three objects by hand: one pair nearly touching merges, a third a little apart is hidden. */
    @Test
    void overlappingObjectsMergeOrHide() {
        DetectionConfig exact = DetectionConfig.builder().positionNoiseMetres(0).missProbability(0)
                .falsePositivesPerFrame(0).build();
        SimulationConfig config = SimulationConfig.builder().seed(3).players(2).officials(1).detections(exact)
                .build();
        Roster roster = Roster.generate(3, 2, 1);
        MotionBlock b = new MotionBlock(1, 3, 2, false);
        for (int f = 0; f < 2; f++) {
            b.timeMicros[f] = config.kickoffMicros() + f * MotionBlock.FRAME_MICROS;
            b.frameNumber[f] = f;
        }
        // Frame 0: objects 0 and 1 are 0.2 m apart (merge); object 2 is far away.
        set(b, 0, 0, 10, 5);
        set(b, 1, 0, 10.2, 5);
        set(b, 2, 0, -20, 0);
        // Frame 1: object 1 is 0.45 m in front of object 0 (nearer the camera below the bottom touchline).
        set(b, 0, 1, 10, 5);
        set(b, 1, 1, 10, 4.55);
        set(b, 2, 1, -20, 0);
        Detections d = new DetectionSimulator(config, roster).next(b);
        List<Integer> frame0 = rows(d, 0);
        List<Integer> frame1 = rows(d, 1);
        assertEquals(2, frame0.size());
        int blob = d.truthObject(frame0.get(0)) == 2 ? frame0.get(1) : frame0.get(0);
        assertEquals(10.1f, d.x(blob), 1e-5);
        assertTrue(d.confidence(blob) >= 0.3 && d.confidence(blob) < 0.6);
        assertEquals(2, frame1.size());
        for (int r : frame1) {
            assertNotEquals(0, d.truthObject(r), "the object behind should be hidden");
            if (d.truthObject(r) == 1) {
                assertTrue(d.confidence(r) >= 0.45 && d.confidence(r) < 0.8);
            } else {
                assertTrue(d.confidence(r) >= 0.6);
            }
        }
    }

    /** Seed 9: detections do not depend on the chunk length either. */
    @Test
    void streamingEqualsBatch() {
        float[] small = flatten(detections(9, Duration.ofMinutes(2)).chunkDuration(Duration.ofSeconds(1)).build());
        float[] large = flatten(detections(9, Duration.ofMinutes(2)).chunkDuration(Duration.ofSeconds(5)).build());
        assertArrayEquals(small, large);
    }

    @Test
    void builderValidatesAndValuesCompare() {
        DetectionConfig a = DetectionConfig.builder().positionNoiseMetres(0.2).missProbability(0.1).build();
        DetectionConfig b = DetectionConfig.builder().positionNoiseMetres(0.2).missProbability(0.1).build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, DetectionConfig.defaults());
        assertEquals(0.15, DetectionConfig.defaults().positionNoiseMetres());
        assertEquals(0.05, DetectionConfig.defaults().missProbability());
        assertEquals(1.0, DetectionConfig.defaults().falsePositivesPerFrame());
        assertEquals(0.8, DetectionConfig.defaults().headVisibleProbability());
        List<Consumer<DetectionConfig.Builder>> bad = List.of(
                x -> x.positionNoiseMetres(-0.1), x -> x.missProbability(1.5), x -> x.occlusionDistanceMetres(-1),
                x -> x.falsePositivesPerFrame(Double.NaN), x -> x.headVisibleProbability(2),
                x -> x.heightNoiseMetres(-0.01), x -> x.teamLabelErrorProbability(-0.5),
                x -> x.unknownTeamProbability(1.01));
        List<String> names = List.of("positionNoiseMetres", "missProbability", "occlusionDistanceMetres",
                "falsePositivesPerFrame", "headVisibleProbability", "heightNoiseMetres", "teamLabelErrorProbability",
                "unknownTeamProbability");
        for (int i = 0; i < bad.size(); i++) {
            Consumer<DetectionConfig.Builder> setter = bad.get(i);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> setter.accept(DetectionConfig.builder()));
            assertTrue(e.getMessage().startsWith(names.get(i)) && e.getMessage().contains("was"), e.getMessage());
        }
    }

    private static void set(MotionBlock b, int o, int f, double x, double y) {
        b.x[o * b.frameCount() + f] = x;
        b.y[o * b.frameCount() + f] = y;
    }

    private static List<Integer> rows(Detections d, int frame) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < d.length(); i++) {
            if (d.frame(i) == frame) {
                out.add(i);
            }
        }
        return out;
    }

    private static float[] flatten(SimulationConfig config) {
        List<Float> out = new ArrayList<>();
        try (MatchSimulation run = MatchSimulator.of(config).start()) {
            while (run.hasNext()) {
                Detections d = run.next().detections();
                for (int i = 0; i < d.length(); i++) {
                    out.add((float) d.frame(i));
                    out.add(d.x(i));
                    out.add(d.y(i));
                    out.add(d.heightMetres(i));
                    out.add((float) d.team(i));
                    out.add(d.confidence(i));
                    out.add((float) d.truthObject(i));
                }
            }
        }
        float[] a = new float[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }
}
