package dev.touchline.cli.demo.pipeline;

import dev.touchline.sensor.PositionFrames;
import dev.touchline.tracking.FixedLagTracker;
import dev.touchline.tracking.TrackFrame;
import dev.touchline.tracking.TrackState;
import dev.touchline.tracking.TrackerConfig;
import dev.touchline.tracking.metrics.MotEvaluator;
import dev.touchline.tracking.metrics.MotResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The tracker on a detections file ({@code frame,time_s,x_m,y_m,height_m,team,confidence}, as
 * {@code touchline simulate} writes it), scored against a {@code positions.csv} truth
 * ({@code frame,time_s,player_id,team,x_m,y_m,...}) when there is one. There is no appearance data in these files,
 * so there is no re-identification; a gap of more than a minute (half time) starts a new sequence. A file gives
 * nothing up by waiting, so identities are decided {@value #LAG_FRAMES} frames late, as {@code touchline track}
 * does by default: exchanges the tracker decides when two merged players part are applied to those frames.
 */
final class FileTracking {
    private static final long NEW_SEQUENCE_MICROS = 60_000_000L;
    private static final int BATCH_FRAMES = 1500;
    /** Frames the output trails the input (1 s at 25 Hz, covering the tracker's 0.8 s separation review). */
    static final int LAG_FRAMES = 25;

    private FileTracking() {
    }

    static TrackingResult run(Path detections, @Nullable Path truth, long kickoffMicros,
                              TrackingStage.@Nullable PositionSink sink) throws IOException, SQLException {
        List<MotResult> periods = new ArrayList<>();
        long frames = 0;
        long rows = 0;
        double[] x = new double[512];
        double[] y = new double[512];
        double[] h = new double[512];
        int[] team = new int[512];
        double[] conf = new double[512];
        TrackFrame out = new TrackFrame(256);
        Batch batch = new Batch();
        try (BufferedReader in = Files.newBufferedReader(detections, StandardCharsets.UTF_8);
             TruthReader gt = truth == null ? null : new TruthReader(truth)) {
            Output output = new Output(gt, batch, sink);
            String header = in.readLine();
            if (header == null || !header.startsWith("frame,time_s,x_m,y_m,height_m,team,confidence")) {
                throw new SessionDataException(detections + " line 1: expected the header "
                        + "frame,time_s,x_m,y_m,height_m,team,confidence");
            }
            FixedLagTracker tracker = null;
            long lastTime = Long.MIN_VALUE;
            int lineNo = 1;
            String pending = in.readLine();
            lineNo++;
            while (pending != null) {
                String[] f = pending.split(",", -1);
                int frame = parseInt(f[0], detections, lineNo);
                long time = kickoffMicros + Math.round(parse(f[1], detections, lineNo) * 1e6);
                int n = 0;
                while (pending != null) {
                    f = pending.split(",", -1);
                    if (f.length < 7) {
                        throw new SessionDataException(detections + " line " + lineNo + ": expected 7 columns");
                    }
                    if (parseInt(f[0], detections, lineNo) != frame) {
                        break;
                    }
                    if (n < x.length) {
                        x[n] = parse(f[2], detections, lineNo);
                        y[n] = parse(f[3], detections, lineNo);
                        h[n] = f[4].isBlank() ? Double.NaN : parse(f[4], detections, lineNo);
                        team[n] = switch (f[5].strip()) {
                            case "home" -> 0;
                            case "away" -> 1;
                            case "referee" -> 2;
                            default -> -1;
                        };
                        conf[n] = parse(f[6], detections, lineNo);
                        n++;
                    }
                    pending = in.readLine();
                    lineNo++;
                }
                if (tracker == null || time - lastTime > NEW_SEQUENCE_MICROS) {
                    if (tracker != null) {
                        output.finishSequence(tracker, out, periods);
                    }
                    tracker = new FixedLagTracker(TrackerConfig.defaults(), LAG_FRAMES);
                    output.startSequence();
                }
                if (time <= lastTime) {
                    throw new SessionDataException(detections + " line " + (lineNo - 1) + ": time does not increase");
                }
                lastTime = time;
                output.pending(frame);
                if (tracker.process(time, n, x, y, h, team, conf, out)) {
                    output.emit(out);
                }
                frames++;
                rows += n;
            }
            if (tracker != null) {
                output.finishSequence(tracker, out, periods);
            }
            if (sink != null) {
                batch.flush(sink);
            }
            return new TrackingResult(periods, frames * 0.04, 0, 0, Math.max(1, periods.size()),
                    output.confirmed.size(), 0, 0, 0, 0, 0, 0, rows);
        }
    }

    /**
     * Where the lagged tracker's frames go: the database batch and the evaluation against the truth. The frame
     * numbers of the frames the tracker still holds wait in a queue, since its output trails its input.
     */
    private static final class Output {
        private final @Nullable TruthReader gt;
        private final Batch batch;
        private final TrackingStage.@Nullable PositionSink sink;
        final Set<Integer> confirmed = new HashSet<>();
        private final int[] waiting = new int[LAG_FRAMES + 1];
        private int head;
        private int size;
        private @Nullable MotEvaluator evaluator;
        private final int[] ids = new int[256];
        private final double[] tx = new double[256];
        private final double[] ty = new double[256];

        Output(@Nullable TruthReader gt, Batch batch, TrackingStage.@Nullable PositionSink sink) {
            this.gt = gt;
            this.batch = batch;
            this.sink = sink;
        }

        void startSequence() {
            evaluator = gt == null ? null : new MotEvaluator();
            head = 0;
            size = 0;
        }

        /** The frame number of the frame just given to the tracker. */
        void pending(int frame) {
            waiting[(head + size) % waiting.length] = frame;
            size++;
        }

        /** Hands the sequence's held frames out and closes its evaluation period. */
        void finishSequence(FixedLagTracker tracker, TrackFrame out, List<MotResult> periods)
                throws IOException, SQLException {
            while (tracker.flush(out)) {
                emit(out);
            }
            if (size != 0) {
                throw new IllegalStateException(size + " frame numbers left after the tracker's last frame");
            }
            MotEvaluator e = evaluator;
            if (e != null && e.frames() > 0) {
                periods.add(e.evaluate());
            }
        }

        /** One delayed frame of tracks, the oldest frame waiting. */
        void emit(TrackFrame out) throws IOException, SQLException {
            int frame = waiting[head];
            head = (head + 1) % waiting.length;
            size--;
            long time = out.timeMicros();
            int m = 0;
            for (int i = 0; i < out.size() && m < ids.length; i++) {
                if (out.state(i) == TrackState.TENTATIVE) {
                    continue;
                }
                ids[m] = out.id(i);
                tx[m] = out.x(i);
                ty[m] = out.y(i);
                confirmed.add(out.id(i));
                batch.add(frame, time, out.id(i), out.x(i), out.y(i));
                m++;
            }
            MotEvaluator e = evaluator;
            if (gt != null && e != null) {
                gt.advanceTo(frame);
                e.addFrame(gt.count, gt.ids, gt.x, gt.y, m, ids, tx, ty);
            }
            if (batch.frames++ >= BATCH_FRAMES && sink != null) {
                batch.flush(sink);
            }
        }
    }

    private static double parse(String s, Path file, int line) throws SessionDataException {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw new SessionDataException(file + " line " + line + ": '" + s + "' is not a number");
        }
    }

    private static int parseInt(String s, Path file, int line) throws SessionDataException {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new SessionDataException(file + " line " + line + ": frame '" + s + "' is not an integer");
        }
    }

    /** Positions waiting for the database. */
    private static final class Batch {
        int frames;
        int n;
        int[] frame = new int[4096];
        long[] time = new long[4096];
        int[] object = new int[4096];
        float[] x = new float[4096];
        float[] y = new float[4096];

        void add(int f, long t, int id, double px, double py) {
            if (n == frame.length) {
                frame = Arrays.copyOf(frame, n * 2);
                time = Arrays.copyOf(time, n * 2);
                object = Arrays.copyOf(object, n * 2);
                x = Arrays.copyOf(x, n * 2);
                y = Arrays.copyOf(y, n * 2);
            }
            frame[n] = f;
            time[n] = t;
            object[n] = id;
            x[n] = (float) px;
            y[n] = (float) py;
            n++;
        }

        void flush(TrackingStage.PositionSink sink) throws SQLException {
            if (n > 0) {
                sink.write(PositionFrames.of(frame, time, object, x, y, n));
            }
            n = 0;
            frames = 0;
        }
    }

    /** The true positions of each frame, read in step with the detections. */
    private static final class TruthReader implements AutoCloseable {
        private final BufferedReader in;
        private final Path file;
        private String @Nullable [] next;
        private int lineNo = 1;
        int count;
        int[] ids = new int[64];
        double[] x = new double[64];
        double[] y = new double[64];

        TruthReader(Path file) throws IOException {
            this.file = file;
            this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            String header = in.readLine();
            if (header == null || !header.startsWith("frame,time_s,player_id,team,x_m,y_m")) {
                in.close();
                throw new SessionDataException(file + " line 1: expected frame,time_s,player_id,team,x_m,y_m,...");
            }
            read();
        }

        private void read() throws IOException {
            String line = in.readLine();
            lineNo++;
            next = line == null ? null : line.split(",", -1);
        }

        /** Loads the truth of {@code frame} (none when the file has no row for it). */
        void advanceTo(int frame) throws IOException {
            count = 0;
            while (next != null && parseInt(next[0], file, lineNo) < frame) {
                read();
            }
            while (next != null && parseInt(next[0], file, lineNo) == frame) {
                if (count == ids.length) {
                    ids = Arrays.copyOf(ids, count * 2);
                    x = Arrays.copyOf(x, count * 2);
                    y = Arrays.copyOf(y, count * 2);
                }
                ids[count] = parseInt(next[2], file, lineNo);
                x[count] = parse(next[4], file, lineNo);
                y[count] = parse(next[5], file, lineNo);
                count++;
                read();
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
