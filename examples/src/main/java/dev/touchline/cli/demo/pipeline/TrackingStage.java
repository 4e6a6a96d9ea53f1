package dev.touchline.cli.demo.pipeline;

import dev.touchline.reid.BadReidDataException;
import dev.touchline.reid.Decision;
import dev.touchline.reid.EmbeddingGallery;
import dev.touchline.reid.FrameMatcher;
import dev.touchline.reid.MatchPolicy;
import dev.touchline.reid.MatchResults;
import dev.touchline.reid.QueryFrame;
import dev.touchline.sensor.PositionFrames;
import dev.touchline.sensor.simulation.Detections;
import dev.touchline.sensor.simulation.MotionBlock;
import dev.touchline.sensor.simulation.Roster;
import dev.touchline.sensor.simulation.SimulationChunk;
import dev.touchline.tracking.PitchTracker;
import dev.touchline.tracking.TrackFrame;
import dev.touchline.tracking.TrackState;
import dev.touchline.tracking.TrackerConfig;
import dev.touchline.tracking.metrics.MotEvaluator;
import dev.touchline.tracking.metrics.MotResult;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tracks the calibrated detections with the Kalman tracker and re-identifies players after simulated camera cuts.
 *
 * <p>Every {@code cutInterval} of a period the broadcast cuts away for {@code cutLength} (no detections); when it
 * comes back the tracker starts afresh, as it must after a cut, and the camera angle (hence every player's
 * appearance) has changed. A cosine gallery, filled before kick-off from three camera angles, decides who each
 * new confirmed track is: its queries vote, and at the end of each stretch the votes are resolved one-to-one. The
 * resolved tracks are scored against the truth with CLEAR MOT, IDF1 and HOTA and handed on as positions for the
 * database.
 */
public final class TrackingStage {
    /** Receives resolved positions, one batch per stretch between cuts. */
    @FunctionalInterface
    public interface PositionSink {
        /** One batch of rows, time-ordered. */
        void write(PositionFrames frames) throws SQLException;
    }

    /** First id of tracks no identity was found for. */
    public static final int UNIDENTIFIED_BASE = 1000;
    private static final int QUERY_EVERY_FRAMES = 5;
    private static final int VOTES_ENOUGH = 10;
    private static final int MAX_DETECTIONS = 256;

    private final Roster roster;
    private final TrackerConfig trackerConfig;
    private final AppearanceModel appearance;
    private final EmbeddingGallery gallery;
    private final FrameMatcher matcher;
    private final Map<Integer, Integer> objectOfPlayerNumber = new HashMap<>();
    private final long cutIntervalMicros;
    private final long cutMicros;
    private final PositionSink sink;
    private final int objects;

    // per frame work space
    private final double[] x = new double[MAX_DETECTIONS];
    private final double[] y = new double[MAX_DETECTIONS];
    private final double[] h = new double[MAX_DETECTIONS];
    private final int[] team = new int[MAX_DETECTIONS];
    private final double[] conf = new double[MAX_DETECTIONS];
    private final int[] truth = new int[MAX_DETECTIONS];
    private final boolean[] keep = new boolean[MAX_DETECTIONS];
    private final TrackFrame out = new TrackFrame(128);
    private final QueryFrame queries = new QueryFrame(AppearanceModel.DIM, 128);
    private final MatchResults results = new MatchResults(128);
    private final float[] embedding = new float[AppearanceModel.DIM];
    private final int[] queryTrack = new int[128];

    // the current period and stretch
    private int period = -1;
    private @org.jspecify.annotations.Nullable MotEvaluator evaluator;
    private @org.jspecify.annotations.Nullable PitchTracker tracker;
    private long nextCutMicros;
    private boolean inCut;
    private int segment;
    private long frameIndex;
    private final Map<Integer, int[]> reidVotes = new HashMap<>();
    private final Map<Integer, int[]> truthVotes = new HashMap<>();
    private final SegmentBuffer buffer;

    // totals
    private final List<MotResult> periods = new ArrayList<>();
    private long frames;
    private int cuts;
    private int segments;
    private int tracks;
    private int identified;
    private int identifiedCorrectly;
    private long queryCount;
    private long matched;
    private long uncertain;
    private long escalated;
    private long detectionsOffered;
    private int nextUnidentified = UNIDENTIFIED_BASE;

    /**
     * A stage.
     *
     * @param roster every object (players and officials), whose embeddings fill the gallery before kick-off
     * @param trackerConfig the Kalman tracker's configuration
     * @param seed appearance seed
     * @param cutIntervalMicros time between camera cuts within a period, µs (> cutMicros)
     * @param cutMicros length of a cut, µs
     * @param sink receives the resolved positions
     */
    public TrackingStage(Roster roster, TrackerConfig trackerConfig, long seed, long cutIntervalMicros,
                         long cutMicros, PositionSink sink) {
        if (cutIntervalMicros <= cutMicros || cutMicros < 0) {
            throw new IllegalArgumentException("cutIntervalMicros " + cutIntervalMicros
                    + " must exceed cutMicros " + cutMicros + " ≥ 0");
        }
        this.roster = roster;
        this.trackerConfig = trackerConfig;
        this.appearance = new AppearanceModel(roster, seed);
        this.cutIntervalMicros = cutIntervalMicros;
        this.cutMicros = cutMicros;
        this.sink = sink;
        this.objects = roster.size();
        this.buffer = new SegmentBuffer(objects);
        this.gallery = EmbeddingGallery.builder().dimension(AppearanceModel.DIM).build();
        for (int o = 0; o < objects; o++) {
            int number = roster.get(o).playerNumber();
            objectOfPlayerNumber.put(number, o);
            int slot = gallery.add(number);
            // Before kick-off: 150 looks at each player from the three match cameras, one every 0.2 s.
            for (int k = 0; k < EmbeddingGallery.DEFAULT_CAPACITY; k++) {
                appearance.observe(o, k % 3, embedding, 0);
                gallery.offer(slot, k * EmbeddingGallery.DEFAULT_INSERT_INTERVAL_MICROS, embedding, 0);
            }
        }
        this.matcher = new FrameMatcher(gallery, MatchPolicy.DEFAULT);
    }

    /**
     * Tracks one chunk.
     *
     * @param calibration takes each detection through the picture and back
     */
    public void accept(SimulationChunk chunk, CalibrationStage calibration) throws SQLException, BadReidDataException {
        MotionBlock motion = chunk.motion();
        Detections det = chunk.detections();
        if (chunk.period() != period) {
            endPeriod();
            period = chunk.period();
            evaluator = new MotEvaluator();
            nextCutMicros = motion.timeMicros(0) + cutIntervalMicros;
            inCut = false;
            startStretch();
        }
        int row = 0;
        for (int f = 0; f < motion.chunkFrames(); f++) {
            int frameNumber = motion.frameNumber(f);
            long t = motion.timeMicros(f);
            int n = 0;
            while (row < det.length() && det.frame(row) < frameNumber) {
                row++;
            }
            while (row < det.length() && det.frame(row) == frameNumber) {
                if (n < MAX_DETECTIONS) {
                    x[n] = det.x(row);
                    y[n] = det.y(row);
                    h[n] = det.heightMetres(row);
                    team[n] = det.team(row);
                    conf[n] = det.confidence(row);
                    truth[n] = det.truthObject(row);
                    n++;
                }
                row++;
            }
            if (!inCut && t >= nextCutMicros) {
                flush();
                inCut = true;
                cuts++;
            }
            if (inCut && t >= nextCutMicros + cutMicros) {
                flush();
                inCut = false;
                nextCutMicros += cutIntervalMicros;
                startStretch();
            }
            buffer.startFrame(frameNumber, t);
            for (int o = 0; o < motion.objectCount(); o++) {
                buffer.truth(o, motion.x(o, f), motion.y(o, f));
            }
            frames++;
            if (inCut) {
                continue;
            }
            calibration.project(x, y, keep, n);
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (keep[i]) {
                    x[m] = x[i];
                    y[m] = y[i];
                    h[m] = h[i];
                    team[m] = team[i];
                    conf[m] = conf[i];
                    truth[m] = truth[i];
                    m++;
                }
            }
            detectionsOffered += m;
            PitchTracker tr = java.util.Objects.requireNonNull(tracker);
            tr.process(t, m, x, y, h, team, conf, out);
            int q = 0;
            boolean query = frameIndex++ % QUERY_EVERY_FRAMES == 0;
            queries.clear();
            for (int i = 0; i < out.size(); i++) {
                TrackState state = out.state(i);
                if (state == TrackState.TENTATIVE) {
                    continue;
                }
                int id = out.id(i);
                buffer.track(id, out.x(i), out.y(i));
                int d = out.detection(i);
                if (d < 0) {
                    continue;
                }
                int[] tv = truthVotes.computeIfAbsent(id, k -> new int[objects + 1]);
                tv[truth[d] + 1]++;
                int[] rv = reidVotes.computeIfAbsent(id, k -> new int[objects]);
                if (query && state == TrackState.CONFIRMED && max(rv) < VOTES_ENOUGH && q < queryTrack.length) {
                    appearance.observe(truth[d], segment, embedding, 0);
                    int qi = queries.add(embedding, 0, id);
                    queries.ground(qi, (float) out.x(i), (float) out.y(i));
                    queryTrack[q++] = id;
                }
            }
            if (q > 0) {
                matcher.match(queries, "demo", results);
                for (int k = 0; k < q; k++) {
                    queryCount++;
                    Decision decision = results.decision(k);
                    if (decision == Decision.MATCH) {
                        matched++;
                        Integer o = objectOfPlayerNumber.get(results.playerId(k));
                        if (o != null) {
                            reidVotes.get(queryTrack[k])[o]++;
                        }
                    } else if (decision == Decision.UNCERTAIN) {
                        uncertain++;
                    } else if (decision == Decision.ESCALATE) {
                        escalated++;
                    }
                }
            }
        }
    }

    private static int max(int[] v) {
        int m = 0;
        for (int a : v) {
            m = Math.max(m, a);
        }
        return m;
    }

    private void startStretch() {
        tracker = new PitchTracker(trackerConfig);
        segment++;
        segments++;
        reidVotes.clear();
        truthVotes.clear();
    }

    /** Resolves the buffered stretch's identities, scores it and hands its positions on. */
    private void flush() throws SQLException {
        Map<Integer, Integer> identity = resolve();
        MotEvaluator ev = evaluator;
        int[] gtIds = new int[objects];
        for (int o = 0; o < objects; o++) {
            gtIds[o] = o;
        }
        int rows = buffer.trackRows();
        int[] frame = new int[rows];
        long[] time = new long[rows];
        int[] object = new int[rows];
        float[] px = new float[rows];
        float[] py = new float[rows];
        int r = 0;
        int[] ids = new int[256];
        double[] tx = new double[256];
        double[] ty = new double[256];
        for (int f = 0; f < buffer.frames(); f++) {
            int a = buffer.trackStart(f);
            int b = buffer.trackEnd(f);
            int m = 0;
            for (int k = a; k < b && m < ids.length; k++) {
                int id = identity.get(buffer.trackId(k));
                ids[m] = id;
                tx[m] = buffer.trackX(k);
                ty[m] = buffer.trackY(k);
                m++;
                frame[r] = buffer.frameNumber(f);
                time[r] = buffer.time(f);
                object[r] = id;
                px[r] = (float) buffer.trackX(k);
                py[r] = (float) buffer.trackY(k);
                r++;
            }
            if (ev != null) {
                ev.addFrame(objects, gtIds, buffer.truthX(f), buffer.truthY(f), m, ids, tx, ty);
            }
        }
        if (r > 0) {
            sink.write(PositionFrames.of(frame, time, object, px, py, r));
        }
        buffer.clear();
    }

    /** One identity per track: strongest votes first, each identity once; the rest get ids of their own. */
    private Map<Integer, Integer> resolve() {
        Map<Integer, Integer> identity = new HashMap<>();
        List<int[]> claims = new ArrayList<>(); // {track, object, votes}
        for (int id : buffer.trackIds()) {
            int[] v = reidVotes.get(id);
            if (v == null) {
                continue;
            }
            for (int o = 0; o < v.length; o++) {
                if (v[o] >= 2) {
                    claims.add(new int[] {id, o, v[o]});
                }
            }
        }
        claims.sort((p, q) -> Integer.compare(q[2], p[2]));
        boolean[] taken = new boolean[objects];
        for (int[] c : claims) {
            if (identity.containsKey(c[0]) || taken[c[1]]) {
                continue;
            }
            identity.put(c[0], c[1]);
            taken[c[1]] = true;
        }
        for (int id : buffer.trackIds()) {
            tracks++;
            Integer o = identity.get(id);
            if (o == null) {
                identity.put(id, nextUnidentified++);
                continue;
            }
            identified++;
            int[] tv = truthVotes.get(id);
            if (tv != null && argmax(tv, 1) - 1 == o) {
                identifiedCorrectly++;
            }
        }
        return identity;
    }

    private static int argmax(int[] v, int from) {
        int best = from;
        for (int i = from; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private void endPeriod() throws SQLException {
        if (evaluator == null) {
            return;
        }
        flush();
        periods.add(evaluator.evaluate());
        evaluator = null;
    }

    /** Scores the last period and returns the session's figures. */
    public TrackingResult finish() throws SQLException {
        endPeriod();
        return new TrackingResult(periods, frames * MotionBlock.FRAME_MICROS * 1e-6, cuts, cutMicros * 1e-6,
                segments, tracks, identified, identifiedCorrectly, queryCount, matched, uncertain, escalated,
                detectionsOffered);
    }

    /** Frames of one stretch: truth of every object and the tracks' outputs, in columns. */
    private static final class SegmentBuffer {
        private final int objects;
        private int frames;
        private int[] frameNumber = new int[1024];
        private long[] time = new long[1024];
        private double[] gtX;
        private double[] gtY;
        private int[] trackStart = new int[1025];
        private int rows;
        private int[] ids = new int[8192];
        private double[] tx = new double[8192];
        private double[] ty = new double[8192];
        private final java.util.LinkedHashSet<Integer> distinct = new java.util.LinkedHashSet<>();

        SegmentBuffer(int objects) {
            this.objects = objects;
            this.gtX = new double[1024 * objects];
            this.gtY = new double[1024 * objects];
        }

        void startFrame(int number, long t) {
            if (frames == frameNumber.length) {
                int c = frames * 2;
                frameNumber = Arrays.copyOf(frameNumber, c);
                time = Arrays.copyOf(time, c);
                gtX = Arrays.copyOf(gtX, c * objects);
                gtY = Arrays.copyOf(gtY, c * objects);
                trackStart = Arrays.copyOf(trackStart, c + 1);
            }
            frameNumber[frames] = number;
            time[frames] = t;
            trackStart[frames] = rows;
            trackStart[frames + 1] = rows;
            frames++;
        }

        void truth(int o, double x, double y) {
            gtX[(frames - 1) * objects + o] = x;
            gtY[(frames - 1) * objects + o] = y;
        }

        void track(int id, double x, double y) {
            if (rows == ids.length) {
                ids = Arrays.copyOf(ids, rows * 2);
                tx = Arrays.copyOf(tx, rows * 2);
                ty = Arrays.copyOf(ty, rows * 2);
            }
            ids[rows] = id;
            tx[rows] = x;
            ty[rows] = y;
            rows++;
            trackStart[frames] = rows;
            distinct.add(id);
        }

        int frames() {
            return frames;
        }

        int frameNumber(int f) {
            return frameNumber[f];
        }

        long time(int f) {
            return time[f];
        }

        double[] truthX(int f) {
            return Arrays.copyOfRange(gtX, f * objects, (f + 1) * objects);
        }

        double[] truthY(int f) {
            return Arrays.copyOfRange(gtY, f * objects, (f + 1) * objects);
        }

        int trackStart(int f) {
            return trackStart[f];
        }

        int trackEnd(int f) {
            return trackStart[f + 1];
        }

        int trackRows() {
            return rows;
        }

        int trackId(int k) {
            return ids[k];
        }

        double trackX(int k) {
            return tx[k];
        }

        double trackY(int k) {
            return ty[k];
        }

        List<Integer> trackIds() {
            return new ArrayList<>(distinct);
        }

        void clear() {
            frames = 0;
            rows = 0;
            trackStart[0] = 0;
            distinct.clear();
        }
    }
}
