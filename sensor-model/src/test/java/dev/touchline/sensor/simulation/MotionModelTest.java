package dev.touchline.sensor.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MotionModelTest {
    private static final double DT = MotionBlock.FRAME_MICROS / 1e6;

    private static SimulationConfig.Builder positions(long seed) {
        return SimulationConfig.builder().seed(seed).signals(EnumSet.of(Signal.POSITIONS));
    }

    /** Seeds 1, 2 and 3: a full 90-minute match looks like football in every figure the issue names. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void fullMatchLooksLikeFootball(long seed) {
        MatchSimulator sim = MatchSimulator.of(positions(seed).build());
        Roster roster = sim.roster();
        int n = roster.size();
        double hl = sim.config().pitch().halfLength();
        double hw = sim.config().pitch().halfWidth();
        double[] dist = new double[n];
        double[] fast = new double[n];
        double[] top = new double[n];
        long[] framesFast = new long[n];
        long[] framesSlow = new long[n];
        long frames = 0;
        double maxAccel = 0;
        double worstJump = 0;
        double worstOut = -1e9;
        double[] nearest = new double[2];
        double[] lastX = new double[n];
        double[] lastY = new double[n];
        double[] lastVx = new double[n];
        double[] lastVy = new double[n];
        double[] lastAx = new double[n];
        double[] lastAy = new double[n];
        int lastPeriod = 0;
        try (MatchSimulation run = sim.start()) {
            while (run.hasNext()) {
                MotionBlock b = run.next().motion();
                boolean continues = b.period() == lastPeriod;
                lastPeriod = b.period();
                for (int f = 0; f < b.chunkFrames(); f++) {
                    double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
                    for (int o = 0; o < n; o++) {
                        double x = b.x(o, f);
                        double y = b.y(o, f);
                        double v = b.speed(o, f);
                        worstOut = Math.max(worstOut, Math.max(Math.abs(x) - hl, Math.abs(y) - hw));
                        maxAccel = Math.max(maxAccel, Math.hypot(b.ax(o, f), b.ay(o, f)));
                        top[o] = Math.max(top[o], v);
                        if (v > 5.5) {
                            framesFast[o]++;
                        }
                        if (v < 4) {
                            framesSlow[o]++;
                        }
                        if (continues || f > 0) {
                            // Constant acceleration over each 40 ms step: the frames must agree exactly.
                            double px = lastX[o] + lastVx[o] * DT + 0.5 * lastAx[o] * DT * DT;
                            double py = lastY[o] + lastVy[o] * DT + 0.5 * lastAy[o] * DT * DT;
                            worstJump = Math.max(worstJump, Math.hypot(px - x, py - y));
                            worstJump = Math.max(worstJump, Math.hypot(lastVx[o] + lastAx[o] * DT - b.vx(o, f),
                                    lastVy[o] + lastAy[o] * DT - b.vy(o, f)));
                            double step = Math.hypot(x - lastX[o], y - lastY[o]);
                            assertTrue(step <= Math.max(v, Math.hypot(lastVx[o], lastVy[o])) * DT + 1e-9,
                                    "object " + o + " jumps " + step + " m at frame " + b.frameNumber(f));
                            dist[o] += step;
                            if (v > 5.5) {
                                fast[o] += step;
                            }
                        }
                        lastX[o] = x;
                        lastY[o] = y;
                        lastVx[o] = b.vx(o, f);
                        lastVy[o] = b.vy(o, f);
                        lastAx[o] = b.ax(o, f);
                        lastAy[o] = b.ay(o, f);
                        if (roster.get(o).role().isPlayer()) {
                            int t = roster.get(o).side().ordinal();
                            best[t] = Math.min(best[t], Math.hypot(x - b.ballX(f), y - b.ballY(f)));
                        }
                    }
                    nearest[0] += best[0];
                    nearest[1] += best[1];
                    frames++;
                    continues = true;
                }
            }
        }
        assertTrue(maxAccel <= 5 + 1e-9, "max |a| " + maxAccel);
        assertTrue(worstJump < 1e-9, "frames disagree with the integrated motion by " + worstJump);
        assertTrue(worstOut <= 3, "an object strays " + worstOut + " m off the pitch");
        double minOutfield = Double.MAX_VALUE;
        double maxOutfield = 0;
        double minTop = Double.MAX_VALUE;
        double maxTop = 0;
        double[] teamDist = new double[2];
        double[] teamFast = new double[2];
        long[] teamFastFrames = new long[2];
        long[] teamFrames = new long[2];
        for (int o = 0; o < n; o++) {
            RosterEntry e = roster.get(o);
            if (e.role().isOutfield()) {
                assertTrue(dist[o] >= 9000 && dist[o] <= 13000, "player " + o + " covers " + dist[o] + " m");
                assertTrue(top[o] >= 7.5 && top[o] <= 9.5, "player " + o + " tops out at " + top[o] + " m/s");
                assertTrue(top[o] >= 0.97 * e.maxSpeedMetresPerSecond(), "player " + o + " reaches only " + top[o]
                        + " of " + e.maxSpeedMetresPerSecond() + " m/s");
                assertTrue(framesSlow[o] > 0.8 * frames, "player " + o + " is below 4 m/s only "
                        + framesSlow[o] + " of " + frames + " frames");
                minOutfield = Math.min(minOutfield, dist[o]);
                maxOutfield = Math.max(maxOutfield, dist[o]);
                minTop = Math.min(minTop, top[o]);
                maxTop = Math.max(maxTop, top[o]);
            }
            if (e.role().isPlayer()) {
                int t = e.side().ordinal();
                teamDist[t] += dist[o];
                teamFast[t] += fast[o];
                teamFastFrames[t] += framesFast[o];
                teamFrames[t] += frames;
            }
        }
        double[] keeper = new double[2];
        for (int o = 0; o < n; o++) {
            if (roster.get(o).role() == Role.GOALKEEPER) {
                keeper[roster.get(o).side().ordinal()] = dist[o];
                assertTrue(dist[o] >= 3500 && dist[o] <= 6500, "goalkeeper " + o + " covers " + dist[o] + " m");
                assertTrue(dist[o] < minOutfield, "goalkeeper " + o + " covers more than an outfield player");
            }
        }
        for (int t = 0; t < 2; t++) {
            double share = teamFast[t] / teamDist[t];
            assertTrue(share >= 0.05 && share <= 0.10, "team " + t + " covers " + share + " of its distance > 5.5 m/s");
            assertTrue(nearest[t] / frames < 10, "team " + t + " nearest player is on average "
                    + nearest[t] / frames + " m from the ball");
        }
        System.out.println(String.format(Locale.ROOT,
                "seed %d: outfield %.1f-%.1f km, keepers %.1f/%.1f km, HSR distance %.1f/%.1f %%, HSR time %.1f/%.1f %%,"
                        + " top speed %.2f-%.2f m/s, max |a| %.2f m/s2, nearest to ball %.1f/%.1f m",
                seed, minOutfield / 1000, maxOutfield / 1000, keeper[0] / 1000, keeper[1] / 1000,
                100 * teamFast[0] / teamDist[0], 100 * teamFast[1] / teamDist[1],
                100.0 * teamFastFrames[0] / teamFrames[0], 100.0 * teamFastFrames[1] / teamFrames[1], minTop, maxTop,
                maxAccel, nearest[0] / frames, nearest[1] / frames));
    }

    /** Seed 7: the same seed gives the same truth, another seed does not. */
    @Test
    void sameSeedSameTruth() {
        SimulationConfig config = positions(7).matchDuration(Duration.ofMinutes(4)).build();
        double[] a = truth(config);
        double[] b = truth(config);
        assertArrayEquals(a, b);
        double[] c = truth(positions(8).matchDuration(Duration.ofMinutes(4)).build());
        assertFalse(Arrays.equals(a, c));
    }

    /** Seed 11: one-second and five-second chunks give the same truth frame for frame. */
    @Test
    void streamingEqualsBatch() {
        double[] small = truth(positions(11).matchDuration(Duration.ofMinutes(10))
                .chunkDuration(Duration.ofSeconds(1)).build());
        double[] large = truth(positions(11).matchDuration(Duration.ofMinutes(10))
                .chunkDuration(Duration.ofSeconds(5)).build());
        assertEquals(small.length, large.length);
        assertArrayEquals(small, large);
    }

    /** Seed 5: the look-ahead frame is exactly the next chunk's first frame. */
    @Test
    void lookAheadFrameIsNextChunksFirst() {
        MatchSimulator sim = MatchSimulator.of(positions(5).matchDuration(Duration.ofMinutes(2)).build());
        MotionBlock previous = null;
        try (MatchSimulation run = sim.start()) {
            while (run.hasNext()) {
                MotionBlock b = run.next().motion();
                if (previous != null && previous.period() == b.period()) {
                    int last = previous.frameCount() - 1;
                    assertEquals(previous.chunkFrames() + 1, previous.frameCount());
                    assertEquals(b.timeMicros(0), previous.timeMicros(last));
                    assertEquals(b.frameNumber(0), previous.frameNumber(last));
                    assertEquals(b.ballX(0), previous.ballX(last));
                    for (int o = 0; o < b.objectCount(); o++) {
                        assertEquals(b.x(o, 0), previous.x(o, last));
                        assertEquals(b.vy(o, 0), previous.vy(o, last));
                        assertEquals(b.ax(o, 0), previous.ax(o, last));
                    }
                } else if (previous != null) {
                    assertEquals(previous.chunkFrames(), previous.frameCount(), "no look-ahead at the end of a half");
                }
                previous = b;
            }
        }
        assertEquals(previous.chunkFrames(), previous.frameCount());
    }

    /** Seed 4: each half kicks off with both teams in their own half, and the teams change ends. */
    @Test
    void halvesKickOffFromOwnHalves() {
        MatchSimulator sim = MatchSimulator.of(positions(4).matchDuration(Duration.ofMinutes(4)).build());
        Roster roster = sim.roster();
        try (MatchSimulation run = sim.start()) {
            int seen = 0;
            while (run.hasNext()) {
                SimulationChunk chunk = run.next();
                MotionBlock b = chunk.motion();
                if (chunk.startMicros() != sim.config().periodStartMicros(b.period())) {
                    continue;
                }
                seen++;
                assertEquals(0, b.ballX(0));
                assertEquals(0, b.ballY(0));
                for (int o = 0; o < b.objectCount(); o++) {
                    RosterEntry e = roster.get(o);
                    if (e.role().isPlayer()) {
                        int dir = (e.side() == TeamSide.HOME) == (b.period() == 1) ? 1 : -1;
                        assertTrue(dir * b.x(o, 0) < 0, "object " + o + " starts period " + b.period() + " at x "
                                + b.x(o, 0));
                        assertEquals(0, b.speed(o, 0));
                    }
                }
            }
            assertEquals(2, seen);
        }
    }

    /** Seed 6: assistant referees run their touchline in their half; the referee stays near play. */
    @Test
    void officialsDoTheirJobs() {
        MatchSimulator sim = MatchSimulator.of(positions(6).matchDuration(Duration.ofMinutes(10)).build());
        Roster roster = sim.roster();
        double hw = sim.config().pitch().halfWidth();
        double refToBall = 0;
        long frames = 0;
        try (MatchSimulation run = sim.start()) {
            while (run.hasNext()) {
                MotionBlock b = run.next().motion();
                for (int f = 0; f < b.chunkFrames(); f++) {
                    int k = 0;
                    for (int o = 0; o < b.objectCount(); o++) {
                        Role role = roster.get(o).role();
                        if (role == Role.REFEREE) {
                            refToBall += Math.hypot(b.x(o, f) - b.ballX(f), b.y(o, f) - b.ballY(f));
                        } else if (role == Role.ASSISTANT_REFEREE) {
                            double sign = k++ == 0 ? 1 : -1;
                            assertEquals(sign * (hw + 1), b.y(o, f), 0.6, "assistant " + o + " leaves his line");
                            assertTrue(sign * b.x(o, f) > -1, "assistant " + o + " leaves his half");
                        }
                    }
                    frames++;
                }
            }
        }
        assertTrue(refToBall / frames < 25, "referee is on average " + refToBall / frames + " m from the ball");
    }

    /** Any line-up and match seed (jqwik seed 20260815): the hard limits hold over a short match. */
    @Property(tries = 15, seed = "20260815")
    void limitsHoldForAnyLineUp(@ForAll long seed, @ForAll @IntRange(min = 1, max = 11) int perTeam,
                                @ForAll @IntRange(min = 0, max = 3) int officials) {
        SimulationConfig config = positions(seed).players(2 * perTeam).officials(officials)
                .matchDuration(Duration.ofSeconds(40)).build();
        MatchSimulator sim = MatchSimulator.of(config);
        try (MatchSimulation run = sim.start()) {
            while (run.hasNext()) {
                MotionBlock b = run.next().motion();
                for (int f = 0; f < b.frameCount(); f++) {
                    assertTrue(Double.isFinite(b.ballX(f)) && Double.isFinite(b.ballZ(f)) && b.ballZ(f) > 0);
                    for (int o = 0; o < b.objectCount(); o++) {
                        assertTrue(config.pitch().contains(b.x(o, f), b.y(o, f), 3));
                        assertTrue(Math.hypot(b.ax(o, f), b.ay(o, f)) <= 5 + 1e-9);
                        assertTrue(b.speed(o, f) <= sim.roster().get(o).maxSpeedMetresPerSecond() + 0.01);
                    }
                }
            }
        }
    }

    /** Every frame's truth of a run, flattened. */
    private static double[] truth(SimulationConfig config) {
        MatchSimulator sim = MatchSimulator.of(config);
        int n = sim.roster().size();
        int total = Math.toIntExact(config.matchDurationMicros() / MotionBlock.FRAME_MICROS);
        double[] out = new double[total * (6 * n + 3)];
        int k = 0;
        try (MatchSimulation run = sim.start()) {
            while (run.hasNext()) {
                MotionBlock b = run.next().motion();
                for (int f = 0; f < b.chunkFrames(); f++) {
                    for (int o = 0; o < n; o++) {
                        out[k++] = b.x(o, f);
                        out[k++] = b.y(o, f);
                        out[k++] = b.vx(o, f);
                        out[k++] = b.vy(o, f);
                        out[k++] = b.ax(o, f);
                        out[k++] = b.ay(o, f);
                    }
                    out[k++] = b.ballX(f);
                    out[k++] = b.ballY(f);
                    out[k++] = b.ballZ(f);
                }
            }
        }
        assertEquals(out.length, k);
        return out;
    }
}
