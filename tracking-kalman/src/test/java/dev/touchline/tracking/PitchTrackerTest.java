package dev.touchline.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PitchTrackerTest {
    private static final long T0 = 1_800_000_000_000_000L;
    private static final long FRAME = 40_000L;

    private final double[] x = new double[16];
    private final double[] y = new double[16];
    private final double[] h = new double[16];
    private final int[] team = new int[16];
    private final double[] conf = new double[16];

    private void det(int i, double px, double py, double height, int t, double c) {
        x[i] = px;
        y[i] = py;
        h[i] = height;
        team[i] = t;
        conf[i] = c;
    }

    private static int rowOf(TrackFrame out, int id) {
        for (int k = 0; k < out.size(); k++) {
            if (out.id(k) == id) {
                return k;
            }
        }
        return -1;
    }

    @Test
    void lifecycleTentativeConfirmedCoastingDeleted() {
        PitchTracker tracker = new PitchTracker(TrackerConfig.builder().maxAgeSeconds(1.0).build());
        TrackFrame out = new TrackFrame(4);
        for (int f = 0; f < 3; f++) {
            det(0, 1.0 + 0.1 * f, 2.0, Double.NaN, -1, 0.9);
            tracker.process(T0 + f * FRAME, 1, x, y, h, team, conf, out);
            assertEquals(1, out.size());
            assertEquals(1, out.id(0));
            assertEquals(f < 2 ? TrackState.TENTATIVE : TrackState.CONFIRMED, out.state(0), "frame " + f);
        }
        // unseen for 1 s: coasting; after that: deleted
        for (int f = 3; f <= 27; f++) {
            tracker.process(T0 + f * FRAME, 0, x, y, h, team, conf, out);
            assertEquals(1, out.size(), "frame " + f);
            assertEquals(TrackState.COASTING, out.state(0));
            assertEquals(-1, out.detection(0));
        }
        tracker.process(T0 + 28 * FRAME, 0, x, y, h, team, conf, out);
        assertEquals(0, out.size());
        // a new detection gets a new id
        det(0, 0, 0, Double.NaN, -1, 0.9);
        tracker.process(T0 + 29 * FRAME, 1, x, y, h, team, conf, out);
        assertEquals(2, out.id(0));
    }

    @Test
    void tentativeTrackDiesAtItsFirstMissAndLowConfidenceStartsNothing() {
        PitchTracker tracker = new PitchTracker(TrackerConfig.defaults());
        TrackFrame out = new TrackFrame(4);
        det(0, 5, 5, Double.NaN, -1, 0.9);
        det(1, -5, -5, Double.NaN, -1, 0.3);
        tracker.process(T0, 2, x, y, h, team, conf, out);
        assertEquals(1, out.size(), "only the confident detection starts a track");
        tracker.process(T0 + FRAME, 0, x, y, h, team, conf, out);
        assertEquals(0, out.size());
    }

    @Test
    void lowConfidenceDetectionsExtendConfirmedTracks() {
        PitchTracker tracker = new PitchTracker(TrackerConfig.defaults());
        TrackFrame out = new TrackFrame(4);
        for (int f = 0; f < 5; f++) {
            det(0, 0.2 * f, 0, Double.NaN, -1, 0.9);
            tracker.process(T0 + f * FRAME, 1, x, y, h, team, conf, out);
        }
        for (int f = 5; f < 10; f++) {
            det(0, 0.2 * f, 0, Double.NaN, -1, 0.2);
            tracker.process(T0 + f * FRAME, 1, x, y, h, team, conf, out);
            assertEquals(1, out.size());
            assertEquals(TrackState.CONFIRMED, out.state(0), "frame " + f);
            assertEquals(0, out.detection(0));
        }
        assertEquals(5.0, out.vx(0), 0.5);
    }

    @Test
    void twoPlayersPassingCloseKeepTheirIds() {
        // two players of different teams and statures run past each other 0.5 m apart, seed 3
        Random rnd = new Random(3);
        PitchTracker tracker = new PitchTracker(TrackerConfig.defaults());
        TrackFrame out = new TrackFrame(4);
        int idA = -1;
        int idB = -1;
        for (int f = 0; f < 150; f++) {
            double t = f * 0.04;
            double ax = -10 + 5 * t;
            double bx = 10 - 5 * t;
            det(0, ax + 0.15 * rnd.nextGaussian(), 0.25 + 0.15 * rnd.nextGaussian(),
                    1.70 + 0.03 * rnd.nextGaussian(), 0, 0.9);
            det(1, bx + 0.15 * rnd.nextGaussian(), -0.25 + 0.15 * rnd.nextGaussian(),
                    1.90 + 0.03 * rnd.nextGaussian(), 1, 0.9);
            tracker.process(T0 + f * FRAME, 2, x, y, h, team, conf, out);
            if (f == 10) {
                idA = out.id(out.x(0) < out.x(1) ? 0 : 1);
                idB = out.id(out.x(0) < out.x(1) ? 1 : 0);
            }
            if (f > 10) {
                assertEquals(2, out.size(), "frame " + f + " tracks " + out.id(0) + " " + out.id(1) + " "
                        + out.id(out.size() - 1) + " at " + out.x(out.size() - 1) + ", " + out.y(out.size() - 1));
                int a = rowOf(out, idA);
                int b = rowOf(out, idB);
                assertTrue(Math.abs(out.x(a) - ax) < 0.5, "frame " + f + " track A at " + out.x(a) + " not " + ax);
                assertTrue(Math.abs(out.x(b) - bx) < 0.5, "frame " + f + " track B at " + out.x(b) + " not " + bx);
            }
        }
        assertEquals(1.70, out.height(rowOf(out, idA)), 0.02);
        assertEquals(1.90, out.height(rowOf(out, idB)), 0.02);
    }

    @Test
    void mergedPlayersKeepTheirIdsWhenTheySeparate() {
        // two players of different teams run together 0.2 m apart for 2 s and are seen as one merged detection,
        // then part; seed 9
        Random rnd = new Random(9);
        for (double radius : new double[] {1.0}) {
            PitchTracker tracker = new PitchTracker(TrackerConfig.builder().sharedDetectionRadiusMetres(radius)
                    .build());
            TrackFrame out = new TrackFrame(4);
            int idA = -1;
            int idB = -1;
            for (int f = 0; f < 200; f++) {
                double t = f * 0.04;
                double ax = 3 * t;
                double ay = f < 50 ? 2 - 0.036 * f : f < 100 ? 0.2 : 0.2 + 0.036 * (f - 100);
                double by = -ay;
                int n;
                if (f >= 50 && f < 100) {
                    det(0, ax + 0.1 * rnd.nextGaussian(), 0.1 * rnd.nextGaussian(), Double.NaN, 0, 0.5);
                    n = 1;
                } else {
                    det(0, ax + 0.1 * rnd.nextGaussian(), ay + 0.1 * rnd.nextGaussian(), Double.NaN, 0, 0.9);
                    det(1, ax + 0.1 * rnd.nextGaussian(), by + 0.1 * rnd.nextGaussian(), Double.NaN, 1, 0.9);
                    n = 2;
                }
                tracker.process(T0 + f * FRAME, n, x, y, h, team, conf, out);
                if (f == 40) {
                    idA = out.id(out.y(0) > out.y(1) ? 0 : 1);
                    idB = out.id(out.y(0) > out.y(1) ? 1 : 0);
                }
            }
            int a = rowOf(out, idA);
            int b = rowOf(out, idB);
            assertTrue(a >= 0 && b >= 0, "both tracks alive");
            assertTrue(out.y(a) > 1.5 && out.y(b) < -1.5, "A at " + out.y(a) + ", B at " + out.y(b));
        }
    }

    /**
     * Two team-mates (statures 1.70 m and 1.90 m) run at each other at 2 m/s, are seen as one detection for 0.6 s
     * and then part the way they came (they bounced off each other). Motion says they crossed; their statures say
     * they did not. The first frames after parting carry no height, so the assignment goes by motion alone.
     * Returns, per processed frame, the id of the right-hand track (NaN-free: −1 when no confirmed track is right
     * of the centre), as seen in the output of {@code lagFrames}-late tracking (0 = plain {@link PitchTracker}).
     */
    private int[] rightHandIds(TrackerConfig config, int lagFrames) {
        FixedLagTracker tracker = new FixedLagTracker(config, lagFrames);
        TrackFrame out = new TrackFrame(4);
        int frames = 110;
        int[] ids = new int[frames];
        int produced = 0;
        for (int f = 0; f < frames + lagFrames; f++) {
            int n = 0;
            if (f < frames) {
                double t = f * 0.04;
                double sep = f < 30 ? 3 - 2 * t : f < 45 ? 0 : 0.3 + 2 * (t - 1.8);
                boolean heads = f < 30 || f >= 49;
                if (f >= 30 && f < 45) {
                    det(0, 0, 0, Double.NaN, 0, 0.45);
                    n = 1;
                } else {
                    det(0, -sep, 0, heads ? 1.70 : Double.NaN, 0, 0.9);
                    det(1, sep, 0, heads ? 1.90 : Double.NaN, 0, 0.9);
                    n = 2;
                }
            }
            boolean ready = f < frames ? tracker.process(T0 + f * FRAME, n, x, y, h, team, conf, out)
                    : tracker.flush(out);
            if (ready) {
                int id = -1;
                for (int k = 0; k < out.size(); k++) {
                    if (out.state(k) != TrackState.TENTATIVE && out.x(k) > 0.25) {
                        id = out.id(k);
                    }
                }
                ids[produced++] = id;
            }
        }
        assertEquals(frames, produced, "every frame comes out once");
        return ids;
    }

    @Test
    void separationReviewGivesBackTheIdentitiesThatStatureSupports() {
        // frame 20: before the merge; frame 100: well after the parting and the 0.8 s review
        int[] plain = rightHandIds(TrackerConfig.builder().separationReviewSeconds(0).build(), 0);
        assertTrue(plain[20] > 0 && plain[100] > 0 && plain[100] != plain[20],
                "without the review motion hands the right-hand player the other id: " + plain[20] + " then "
                        + plain[100]);
        int[] reviewed = rightHandIds(TrackerConfig.defaults(), 0);
        assertEquals(reviewed[20], reviewed[100], "after the review the right-hand player has their id back");
        // with the output 1 s late, the exchange reaches the frames before it: no switch in the output at all
        int[] lagged = rightHandIds(TrackerConfig.defaults(), 25);
        for (int f = 20; f < 110; f++) {
            if (f < 28 || f > 47) {
                assertEquals(lagged[20], lagged[f], "frame " + f);
            }
        }
    }

    /**
     * Two team-mates of the same stature (1.80 m) run through each other at 2 m/s along y = 0, are seen as one
     * detection for 0.6 s and carry on the way they were going. Neither stature nor team tells them apart; motion
     * does. Returns, per frame, the id of A's track as seen in the output of {@code lagFrames}-late tracking: the
     * confirmed track left of x = −0.25 before frame 60, right of x = 0.25 from then on (−1 when none).
     */
    private int[] crossingRightHandIds(TrackerConfig config, int lagFrames) {
        FixedLagTracker tracker = new FixedLagTracker(config, lagFrames);
        TrackFrame out = new TrackFrame(4);
        int frames = 110;
        int[] ids = new int[frames];
        int produced = 0;
        for (int f = 0; f < frames + lagFrames; f++) {
            int n = 0;
            if (f < frames) {
                double t = f * 0.04;
                // A (from the left) is at -pos, B (from the right) at +pos; they meet at t = 1.5 s
                double pos = 3 - 2 * t;
                if (Math.abs(pos) < 1.0) {
                    det(0, 0, 0, Double.NaN, 0, 0.45);
                    n = 1;
                } else {
                    // after the crossing the detections come in the other order, so that a tie in the assignment
                    // does not fall the right way by luck
                    int a = pos > 0 ? 0 : 1;
                    det(a, -pos, 0, 1.80, 0, 0.9);
                    det(1 - a, pos, 0, 1.80, 0, 0.9);
                    n = 2;
                }
            }
            boolean ready = f < frames ? tracker.process(T0 + f * FRAME, n, x, y, h, team, conf, out)
                    : tracker.flush(out);
            if (ready) {
                int id = -1;
                int leftId = -1;
                for (int k = 0; k < out.size(); k++) {
                    if (out.state(k) != TrackState.TENTATIVE && out.x(k) > 0.25) {
                        id = out.id(k);
                    } else if (out.state(k) != TrackState.TENTATIVE && out.x(k) < -0.25) {
                        leftId = out.id(k);
                    }
                }
                // frames after the crossing: report the id of the track on the right that came from the left
                ids[produced++] = f >= 60 ? id : leftId;
            }
        }
        assertEquals(frames, produced, "every frame comes out once");
        return ids;
    }

    @Test
    void separationReviewMotionEvidenceSupportsTheCrossingThePlayersMade() {
        // frame 20: A on the left before the crossing; frame 100: A on the right, well after the 0.8 s review.
        // The motion term alone decides this review (same stature, same team): scored the wrong way round it
        // exchanges the ids
        TrackerConfig motion = TrackerConfig.builder().separationMotionWeight(1).build();
        for (int lag : new int[] {0, 25}) {
            int[] ids = crossingRightHandIds(motion, lag);
            assertTrue(ids[20] > 0, "A is tracked before the crossing");
            assertEquals(ids[20], ids[100], "A keeps its id through the crossing, lag " + lag);
        }
        assertEquals(0.0, TrackerConfig.defaults().separationMotionWeight(), "off by default");
        assertThrows(IllegalArgumentException.class, () -> TrackerConfig.builder().separationMotionWeight(-1));
    }

    @Test
    void fixedLagTrackerHandsOutThePlainTrackersFramesLate() {
        Random rnd = new Random(13);
        double[][] truth = startPositions();
        PitchTracker plain = new PitchTracker(TrackerConfig.defaults());
        FixedLagTracker lagged = new FixedLagTracker(TrackerConfig.defaults(), 7);
        java.util.List<TrackFrame> history = new java.util.ArrayList<>();
        TrackFrame delayed = new TrackFrame(2);
        int checked = 0;
        for (int f = 0; f < 300; f++) {
            randomFrame(rnd, f, truth);
            int n = rnd.nextInt(10) == 0 ? 5 : 8;
            TrackFrame now = new TrackFrame(2);
            plain.process(T0 + f * FRAME, n, x, y, h, team, conf, now);
            history.add(now);
            boolean ready = lagged.process(T0 + f * FRAME, n, x, y, h, team, conf, delayed);
            assertEquals(f >= 7, ready, "frame " + f);
            if (ready) {
                assertSameFrame(history.get(f - 7), delayed);
                checked++;
            }
        }
        while (lagged.flush(delayed)) {
            assertSameFrame(history.get(checked), delayed);
            checked++;
        }
        assertEquals(300, checked);
    }

    private static void assertSameFrame(TrackFrame expected, TrackFrame actual) {
        assertEquals(expected.timeMicros(), actual.timeMicros());
        assertEquals(expected.size(), actual.size());
        for (int k = 0; k < expected.size(); k++) {
            assertEquals(expected.id(k), actual.id(k));
            assertEquals(expected.x(k), actual.x(k), 0.0);
            assertEquals(expected.vy(k), actual.vy(k), 0.0);
            assertEquals(expected.state(k), actual.state(k));
        }
    }

    @Test
    void lowConfidenceClutterDoesNotKeepAGhostAlive() {
        // a player seen confidently for 1 s, then only a low-confidence detection where they were, for 4 s
        TrackFrame out = new TrackFrame(4);
        for (boolean keepAlive : new boolean[] {false, true}) {
            PitchTracker tracker = new PitchTracker(TrackerConfig.builder().maxAgeSeconds(1.0)
                    .lowConfidenceKeepsAlive(keepAlive).build());
            for (int f = 0; f < 150; f++) {
                det(0, 10, 5, Double.NaN, -1, f < 25 ? 0.9 : 0.2);
                tracker.process(T0 + f * FRAME, 1, x, y, h, team, conf, out);
            }
            assertEquals(keepAlive ? 1 : 0, out.size(), "keepAlive " + keepAlive);
        }
    }

    /** A player runs along x at 4 m/s, is unseen for 1 s while turning to run along y, and reappears. */
    private int idsAfterATurnUnseen(TrackerConfig config) {
        PitchTracker tracker = new PitchTracker(config);
        TrackFrame out = new TrackFrame(4);
        java.util.Set<Integer> ids = new java.util.HashSet<>();
        for (int f = 0; f < 150; f++) {
            double t = f * 0.04;
            double px = Math.min(t, 2.0) * 4;
            double py = Math.max(0, t - 2.0) * 2.5;
            int n = f >= 50 && f < 75 ? 0 : 1;
            det(0, px, py, 1.80, 0, 0.9);
            tracker.process(T0 + f * FRAME, n, x, y, h, team, conf, out);
            for (int k = 0; k < out.size(); k++) {
                if (out.state(k) != TrackState.TENTATIVE) {
                    ids.add(out.id(k));
                }
            }
        }
        return ids.size();
    }

    @Test
    void reacquisitionKeepsTheIdOfAPlayerWhoTurnedWhileUnseen() {
        assertEquals(1, idsAfterATurnUnseen(TrackerConfig.defaults()));
        // without re-acquisition the motion model's gate misses the turned player: a second id
        assertEquals(2, idsAfterATurnUnseen(TrackerConfig.builder().reacquireSpeedMetresPerSecond(0).build()));
    }

    @Test
    void reacquisitionDoesNotTakeAPlayerOfTheOtherTeam() {
        // track of team 0 (stature 1.80) lost; 0.4 s later a team-1 player appears 2.2 m away: a new track
        PitchTracker tracker = new PitchTracker(TrackerConfig.defaults());
        TrackFrame out = new TrackFrame(4);
        for (int f = 0; f < 40; f++) {
            det(0, 0, 0, 1.80, 0, 0.9);
            tracker.process(T0 + f * FRAME, 1, x, y, h, team, conf, out);
        }
        int first = out.id(0);
        for (int f = 40; f < 50; f++) {
            tracker.process(T0 + f * FRAME, 0, x, y, h, team, conf, out);
        }
        det(0, 2.2, 0, 1.80, 1, 0.9);
        tracker.process(T0 + 50 * FRAME, 1, x, y, h, team, conf, out);
        int row = rowOf(out, first);
        assertTrue(row >= 0, "the lost track is still coasting");
        assertEquals(TrackState.COASTING, out.state(row));
        assertEquals(2, out.size());
    }

    /** Two standing players 0.6 m apart, then one detection between them; the states of the two tracks after it. */
    private TrackState[] statesAfterOneDetectionForTwo(TrackerConfig config) {
        PitchTracker tracker = new PitchTracker(config);
        TrackFrame out = new TrackFrame(4);
        for (int f = 0; f < 20; f++) {
            det(0, 10, 0.3, Double.NaN, -1, 0.9);
            det(1, 10, -0.3, Double.NaN, -1, 0.9);
            tracker.process(T0 + f * FRAME, 2, x, y, h, team, conf, out);
        }
        det(0, 10, 0.02, Double.NaN, -1, 0.9);
        tracker.process(T0 + 20 * FRAME, 1, x, y, h, team, conf, out);
        assertEquals(2, out.size());
        return new TrackState[] {out.state(0), out.state(1)};
    }

    @Test
    void oneDetectionForTwoEquallyLikelyTracksIsClaimedByNeither() {
        TrackState[] ambiguous = statesAfterOneDetectionForTwo(TrackerConfig.defaults());
        assertEquals(TrackState.COASTING, ambiguous[0]);
        assertEquals(TrackState.COASTING, ambiguous[1]);
        TrackState[] off = statesAfterOneDetectionForTwo(TrackerConfig.builder().ambiguityMargin(0).build());
        assertTrue(off[0] == TrackState.CONFIRMED || off[1] == TrackState.CONFIRMED, java.util.Arrays.toString(off));
    }

    @Test
    void fixedGateModeTracksAPlayer() {
        PitchTracker tracker = new PitchTracker(TrackerConfig.builder().gateMode(GateMode.FIXED).build());
        TrackFrame out = new TrackFrame(4);
        for (int f = 0; f < 50; f++) {
            det(0, 0.2 * f, 1, Double.NaN, -1, 0.9);
            tracker.process(T0 + f * FRAME, 1, x, y, h, team, conf, out);
            assertEquals(1, out.size());
            assertEquals(1, out.id(0));
        }
        assertEquals(TrackState.CONFIRMED, out.state(0));
    }

    @Test
    void badFramesAreRejectedAndBadDetectionsSkipped() {
        PitchTracker tracker = new PitchTracker(TrackerConfig.defaults());
        TrackFrame out = new TrackFrame(4);
        det(0, Double.NaN, 0, Double.NaN, -1, 0.9);
        det(1, 500, 0, Double.NaN, -1, 0.9);
        det(2, 1, 1, Double.NaN, -1, 0.9);
        tracker.process(T0, 3, x, y, h, team, conf, out);
        assertEquals(2, tracker.skippedDetections());
        assertEquals(1, out.size());
        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
                () -> tracker.process(T0, 0, x, y, h, team, conf, out));
        assertTrue(duplicate.getMessage().contains("duplicate"), duplicate.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tracker.process(T0 - FRAME, 0, x, y, h, team, conf, out));
        // the tracker is unchanged by the rejected frames
        det(0, 1, 1, Double.NaN, -1, 0.9);
        tracker.process(T0 + FRAME, 1, x, y, h, team, conf, out);
        assertEquals(1, out.size());
        assertEquals(1, out.id(0));
    }

    private void randomFrame(Random rnd, int f, double[][] truth) {
        for (int i = 0; i < 8; i++) {
            truth[i][0] += 0.1 * Math.cos(0.01 * f + i);
            truth[i][1] += 0.1 * Math.sin(0.013 * f + 2 * i);
            det(i, truth[i][0] + 0.15 * rnd.nextGaussian(), truth[i][1] + 0.15 * rnd.nextGaussian(),
                    rnd.nextBoolean() ? 1.8 + 0.03 * rnd.nextGaussian() : Double.NaN, i % 2,
                    0.3 + 0.7 * rnd.nextDouble());
        }
    }

    private static double[][] startPositions() {
        double[][] truth = new double[8][2];
        for (int i = 0; i < 8; i++) {
            truth[i][0] = -30 + 8 * i;
            truth[i][1] = (i % 3) * 10 - 10;
        }
        return truth;
    }

    @Test
    void snapshotRebuildsAnEquivalentTracker() {
        Random rnd = new Random(11);
        double[][] truth = startPositions();
        PitchTracker a = new PitchTracker(TrackerConfig.defaults());
        TrackFrame outA = new TrackFrame(16);
        for (int f = 0; f < 200; f++) {
            randomFrame(rnd, f, truth);
            a.process(T0 + f * FRAME, rnd.nextInt(10) == 0 ? 5 : 8, x, y, h, team, conf, outA);
        }
        TrackerSnapshot snap = a.snapshot();
        PitchTracker b = new PitchTracker(TrackerConfig.defaults(), snap);
        assertEquals(snap, b.snapshot());
        TrackFrame outB = new TrackFrame(16);
        for (int f = 200; f < 300; f++) {
            randomFrame(rnd, f, truth);
            int n = rnd.nextInt(10) == 0 ? 5 : 8;
            a.process(T0 + f * FRAME, n, x, y, h, team, conf, outA);
            b.process(T0 + f * FRAME, n, x, y, h, team, conf, outB);
            assertEquals(outA.size(), outB.size());
            for (int k = 0; k < outA.size(); k++) {
                assertEquals(outA.id(k), outB.id(k));
                assertEquals(outA.x(k), outB.x(k), 0.0);
                assertEquals(outA.state(k), outB.state(k));
            }
        }
        assertEquals(a.snapshot(), b.snapshot());
    }

    /**
     * The tests run on the class path while compiling against the module, which does not read java.management, so
     * the allocation counter is reached by reflection; its own boxing is measured and subtracted.
     */
    @Test
    void steadyStateFramesAllocateNothing() throws ReflectiveOperationException {
        Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                .invoke(null);
        Method allocated = Class.forName("com.sun.management.ThreadMXBean")
                .getMethod("getThreadAllocatedBytes", long.class);
        Random rnd = new Random(5);
        double[][] truth = startPositions();
        PitchTracker tracker = new PitchTracker(TrackerConfig.defaults());
        TrackFrame out = new TrackFrame(64);
        for (int f = 0; f < 2000; f++) {
            randomFrame(rnd, f, truth);
            tracker.process(T0 + f * FRAME, 8, x, y, h, team, conf, out);
        }
        long thread = Thread.currentThread().getId();
        long overhead = Long.MAX_VALUE;
        // past reflection's inflation threshold first, so that the accessor is generated before measuring
        for (int k = 0; k < 100; k++) {
            allocated.invoke(bean, thread);
        }
        for (int k = 0; k < 5; k++) {
            long a = (Long) allocated.invoke(bean, thread);
            long b = (Long) allocated.invoke(bean, thread);
            overhead = Math.min(overhead, b - a);
        }
        long before = (Long) allocated.invoke(bean, thread);
        for (int f = 2000; f < 7000; f++) {
            // the same frame content each time, so the random source allocates nothing either
            tracker.process(T0 + f * FRAME, 8, x, y, h, team, conf, out);
        }
        long after = (Long) allocated.invoke(bean, thread);
        // one object per frame would be at least 16 B × 5000 = 80 kB; allow a few hundred bytes that the JVM itself
        // (compilation, deoptimisation) charges to the thread now and then
        long bytes = after - before - overhead;
        assertTrue(bytes < 2000, "bytes allocated over 5000 frames: " + bytes);
    }

    @Test
    void fixedLagTrackerAllocatesNothingInSteadyState() throws ReflectiveOperationException {
        Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                .invoke(null);
        Method allocated = Class.forName("com.sun.management.ThreadMXBean")
                .getMethod("getThreadAllocatedBytes", long.class);
        Random rnd = new Random(5);
        double[][] truth = startPositions();
        FixedLagTracker tracker = new FixedLagTracker(TrackerConfig.defaults(), 25);
        TrackFrame out = new TrackFrame(64);
        for (int f = 0; f < 2000; f++) {
            randomFrame(rnd, f, truth);
            tracker.process(T0 + f * FRAME, 8, x, y, h, team, conf, out);
        }
        long thread = Thread.currentThread().getId();
        long overhead = Long.MAX_VALUE;
        for (int k = 0; k < 100; k++) {
            allocated.invoke(bean, thread);
        }
        for (int k = 0; k < 5; k++) {
            long a = (Long) allocated.invoke(bean, thread);
            long b = (Long) allocated.invoke(bean, thread);
            overhead = Math.min(overhead, b - a);
        }
        long before = (Long) allocated.invoke(bean, thread);
        for (int f = 2000; f < 7000; f++) {
            tracker.process(T0 + f * FRAME, 8, x, y, h, team, conf, out);
        }
        long after = (Long) allocated.invoke(bean, thread);
        long bytes = after - before - overhead;
        assertTrue(bytes < 2000, "bytes allocated over 5000 frames: " + bytes);
    }
}
