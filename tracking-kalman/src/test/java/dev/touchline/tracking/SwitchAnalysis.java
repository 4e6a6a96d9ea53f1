package dev.touchline.tracking;

import dev.touchline.sensor.simulation.Detections;
import dev.touchline.sensor.simulation.MatchSimulation;
import dev.touchline.sensor.simulation.MatchSimulator;
import dev.touchline.sensor.simulation.MotionBlock;
import dev.touchline.sensor.simulation.SimulationChunk;
import dev.touchline.sensor.simulation.SimulationConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Diagnostic, not a test: runs the tracker over a simulated match and prints every ID switch (CLEAR's definition,
 * matches within 1 m, continuity first) with what led to it: the object's nearest neighbour, how long the object
 * had gone without a detection of its own, and which object the new track followed before. {@code [seed
 * [minutes] [config]]}, config as in {@link SimulatedMatchHarness#parse}.
 */
final class SwitchAnalysis {
    private SwitchAnalysis() {
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 5;
        int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 90;
        TrackerConfig tc = args.length > 2 ? SimulatedMatchHarness.parse(args[2]) : TrackerConfig.defaults();
        int dumpObj = Integer.getInteger("dump.obj", -1);
        int dumpPeriod = Integer.getInteger("dump.period", 1);
        double dumpTime = Double.parseDouble(System.getProperty("dump.time", "0"));
        double dumpSpan = Double.parseDouble(System.getProperty("dump.span", "2"));
        SimulationConfig config = SimulatedMatchHarness.config(seed, Duration.ofMinutes(minutes));
        double[] x = new double[256];
        double[] y = new double[256];
        double[] h = new double[256];
        int[] team = new int[256];
        double[] conf = new double[256];
        int[] truth = new int[256];
        TrackFrame out = new TrackFrame(64);
        RectangularAssignment hungarian = new RectangularAssignment(64, 64);
        int period = -1;
        int lag = Integer.getInteger("lag", 50);
        FixedLagTracker tracker = null;
        // truth of the frames not yet handed out (the output trails by the lag): x, y per object, frame number
        double[][] ringX = new double[lag + 1][64];
        double[][] ringY = new double[lag + 1][64];
        int[] ringFrame = new int[lag + 1];
        long[] ringTime = new long[lag + 1];
        int ringNext = 0;
        int[] lastTrack = new int[64];
        int[] prevStep = new int[64];
        int[] lastOwnFrame = new int[64];
        Map<Integer, Integer> trackFollowed = new HashMap<>();
        Map<Integer, Integer> trackBorn = new HashMap<>();
        int switches = 0;
        int exchanges = 0;
        int[] causeCounts = new int[4];
        try (MatchSimulation sim = MatchSimulator.of(config).start()) {
            while (sim.hasNext()) {
                SimulationChunk chunk = sim.next();
                MotionBlock m = chunk.motion();
                Detections det = chunk.detections();
                if (chunk.period() != period) {
                    period = chunk.period();
                    tracker = new FixedLagTracker(tc, lag);
                    Arrays.fill(lastTrack, -1);
                    Arrays.fill(prevStep, -1);
                    trackFollowed.clear();
                }
                int row = 0;
                for (int f = 0; f < m.chunkFrames(); f++) {
                    int fn = m.frameNumber(f);
                    int n = 0;
                    while (row < det.length() && det.frame(row) < fn) {
                        row++;
                    }
                    while (row < det.length() && det.frame(row) == fn) {
                        x[n] = det.x(row);
                        y[n] = det.y(row);
                        h[n] = det.heightMetres(row);
                        team[n] = det.team(row);
                        conf[n] = det.confidence(row);
                        truth[n] = det.truthObject(row);
                        if (truth[n] >= 0) {
                            lastOwnFrame[truth[n]] = fn;
                        }
                        n++;
                        row++;
                    }
                    int slot = ringNext++ % (lag + 1);
                    ringTime[slot] = m.timeMicros(f);
                    ringFrame[slot] = fn;
                    for (int o = 0; o < m.objectCount(); o++) {
                        ringX[slot][o] = m.x(o, f);
                        ringY[slot][o] = m.y(o, f);
                    }
                    boolean ready = tracker.process(m.timeMicros(f), n, x, y, h, team, conf, out);
                    exchanges += tracker.tracker().identitySwaps();
                    if (!ready) {
                        continue;
                    }
                    if (dumpObj >= 0 && lag == 0 && period == dumpPeriod
                            && Math.abs(fn * 0.04 - dumpTime) <= dumpSpan) {
                        dump(fn, m, f, dumpObj, n, x, y, h, team, conf, truth, out);
                    }
                    int at = -1;
                    for (int i = 0; i <= lag; i++) {
                        if (ringTime[i] == out.timeMicros()) {
                            at = i;
                        }
                    }
                    double[] gx = ringX[at];
                    double[] gy = ringY[at];
                    fn = ringFrame[at];
                    for (int k = 0; k < out.size(); k++) {
                        trackBorn.putIfAbsent(out.id(k), fn);
                    }
                    int g = m.objectCount();
                    int t = out.size();
                    double[] cost = new double[g * t];
                    for (int o = 0; o < g; o++) {
                        for (int k = 0; k < t; k++) {
                            double d = Math.hypot(gx[o] - out.x(k), gy[o] - out.y(k));
                            boolean ok = out.state(k) != TrackState.TENTATIVE && d <= 1.0;
                            // TrackEval's CLEAR: maximise 1000·[continues last frame's match] + similarity
                            cost[o * t + k] = ok ? -((prevStep[o] == out.id(k) ? 1000 : 0) + 1 - d / 2) : 0;
                        }
                    }
                    int[] match = new int[g];
                    if (t > 0) {
                        hungarian.solve(cost, g, t, match);
                    } else {
                        Arrays.fill(match, -1);
                    }
                    for (int o = 0; o < g; o++) {
                        if (match[o] < 0 || cost[o * t + match[o]] >= 0) {
                            prevStep[o] = -1;
                            continue;
                        }
                        int k = match[o];
                        int id = out.id(k);
                        if (lastTrack[o] >= 0 && lastTrack[o] != id) {
                            switches++;
                            int nearest = -1;
                            double nd = Double.MAX_VALUE;
                            for (int p = 0; p < g; p++) {
                                double d = p == o ? Double.MAX_VALUE
                                        : Math.hypot(gx[o] - gx[p], gy[o] - gy[p]);
                                if (d < nd) {
                                    nd = d;
                                    nearest = p;
                                }
                            }
                            Integer before = trackFollowed.get(id);
                            int oldAt = -1;
                            for (int q = 0; q < g; q++) {
                                if (match[q] >= 0 && out.id(match[q]) == lastTrack[o]) {
                                    oldAt = q;
                                }
                            }
                            boolean oldAlive = false;
                            for (int k2 = 0; k2 < t; k2++) {
                                oldAlive |= out.id(k2) == lastTrack[o];
                            }
                            String kind = before != null && before == nearest ? "swap-with-neighbour"
                                    : before == null ? "new-track" : "other";
                            causeCounts[before != null && before == nearest ? 0 : before == null ? 1 : 2]++;
                            System.out.printf(Locale.ROOT,
                                    "p%d t=%7.2fs obj %2d(team %d) %d->%d [%s] nearest obj %2d(team %d) %.2f m;"
                                            + " own det %.2fs ago; new track born %.1fs ago, followed %s; old"
                                            + " track %s%n",
                                    period, (fn * 0.04), o, teamOf(det, o, tc), lastTrack[o], id, kind, nearest,
                                    teamOf(det, nearest, tc), nd, (fn - lastOwnFrame[o]) * 0.04,
                                    (fn - trackBorn.get(id)) * 0.04, before, oldAlive
                                            ? "alive at obj " + oldAt + " state " + stateOf(out, lastTrack[o])
                                            : "gone");
                        }
                        lastTrack[o] = id;
                        prevStep[o] = id;
                        trackFollowed.put(id, o);
                    }
                }
            }
        }
        System.out.println("switches " + switches + " swap-with-neighbour " + causeCounts[0] + " new-track "
                + causeCounts[1] + " other " + causeCounts[2] + "; identity exchanges after separation reviews "
                + exchanges);
    }

    private static void dump(int fn, MotionBlock m, int f, int obj, int n, double[] x, double[] y, double[] h,
                             int[] team, double[] conf, int[] truth, TrackFrame out) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%8.2f", fn * 0.04));
        double ox = m.x(obj, f);
        double oy = m.y(obj, f);
        for (int o = 0; o < m.objectCount(); o++) {
            if (Math.hypot(m.x(o, f) - ox, m.y(o, f) - oy) < 3) {
                sb.append(String.format(Locale.ROOT, " O%d(%.2f,%.2f)", o, m.x(o, f) - ox, m.y(o, f) - oy));
            }
        }
        sb.append(" |");
        for (int d = 0; d < n; d++) {
            if (Math.hypot(x[d] - ox, y[d] - oy) < 3) {
                sb.append(String.format(Locale.ROOT, " D%d[o%d t%d c%.2f h%.2f](%.2f,%.2f)", d, truth[d], team[d],
                        conf[d], h[d], x[d] - ox, y[d] - oy));
            }
        }
        sb.append(" |");
        for (int k = 0; k < out.size(); k++) {
            if (Math.hypot(out.x(k) - ox, out.y(k) - oy) < 4) {
                sb.append(String.format(Locale.ROOT, " T%d[%s d%d h%.2f](%.2f,%.2f v%.1f,%.1f)", out.id(k),
                        out.state(k).toString().substring(0, 3), out.detection(k), out.height(k), out.x(k) - ox,
                        out.y(k) - oy, out.vx(k), out.vy(k)));
            }
        }
        System.out.println(sb);
    }

    private static int teamOf(Detections det, int o, TrackerConfig tc) {
        return o < 11 ? 0 : o < 22 ? 1 : 2;
    }

    private static String stateOf(TrackFrame out, int id) {
        for (int k = 0; k < out.size(); k++) {
            if (out.id(k) == id) {
                return out.state(k).toString();
            }
        }
        return "-";
    }
}
