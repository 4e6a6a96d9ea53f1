package dev.touchline.cli.track;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchline.cli.BadInputException;
import dev.touchline.cli.io.CsvWriter;
import dev.touchline.tracking.FixedLagTracker;
import dev.touchline.tracking.TrackFrame;
import dev.touchline.tracking.TrackState;
import dev.touchline.tracking.TrackerConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code touchline track}: pitch-plane detections in, tracks out. */
@Command(name = "track", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = TrackEvalCommand.class,
        description = {"Tracks players from pitch-plane detections (CDF metres) with the 7-state Kalman tracker.",
            "Input columns frame,time_s,x_m,y_m[,height_m][,team][,confidence] (extra columns ignored; a row with "
                    + "empty x_m and y_m marks a frame without detections). team is an integer code or "
                    + "home/away/referee. Rows with NaN positions or positions more than 10 m outside the pitch "
                    + "are skipped and counted.",
            "Output columns frame,time_s,track_id,x_m,y_m,vx_m_s,vy_m_s,height_m,state "
                    + "(state: tentative, confirmed or coasting)."})
public final class TrackCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    // Not "required" in picocli's sense: that would also demand them for the eval subcommand.
    @Option(names = "--in", description = "Detections CSV (required).")
    private @Nullable Path in;

    @Option(names = "--out", description = "Tracks CSV to write (required).")
    private @Nullable Path out;

    @Option(names = "--config", description = "Tracker settings as JSON (TrackerConfig builder names).")
    private @Nullable Path config;

    @Option(names = "--lag-frames", paramLabel = "N", defaultValue = "25",
            description = "Decide each frame's identities N frames late (0 to 10000, default ${DEFAULT-VALUE}: 1 s at "
                    + "25 Hz, which covers the default 0.8 s review), so that identities exchanged when two merged "
                    + "players part are corrected in the frames already tracked. The output file is the same "
                    + "length either way; 0 gives what a live tracker would have said at each frame.")
    private int lagFrames;

    @Option(names = "--json", description = "Print a machine-readable summary on stdout.")
    private boolean json;

    @Override
    public Integer call() throws IOException, BadInputException {
        Path in = this.in;
        Path out = this.out;
        if (in == null || out == null) {
            throw new ParameterException(spec.commandLine(), "Missing required options --in and --out");
        }
        TrackerConfig cfg = config == null ? TrackerConfig.defaults() : TrackerConfigFile.read(config);
        if (lagFrames < 0 || lagFrames > 10000) {
            throw new ParameterException(spec.commandLine(), "--lag-frames must be in [0, 10000], was " + lagFrames);
        }
        FixedLagTracker tracker = new FixedLagTracker(cfg, lagFrames);
        // frame number and time of the frames not yet written, by processed-frame index modulo lag + 1
        long[] pendingFrame = new long[lagFrames + 1];
        double[] pendingTime = new double[lagFrames + 1];
        TrackFrame frame = new TrackFrame(64);
        double[] x = new double[64];
        double[] y = new double[64];
        double[] h = new double[64];
        int[] team = new int[64];
        double[] conf = new double[64];
        long frames = 0;
        long detections = 0;
        BitSet confirmedIds = new BitSet();
        try (CsvRows rows = new CsvRows(in);
             CsvWriter w = CsvWriter.create(out, "frame,time_s,track_id,x_m,y_m,vx_m_s,vy_m_s,height_m,state")) {
            int cFrame = rows.required("frame");
            int cTime = rows.required("time_s");
            int cX = rows.required("x_m");
            int cY = rows.required("y_m");
            int cH = rows.column("height_m");
            int cTeam = rows.column("team");
            int cConf = rows.column("confidence");
            long currentFrame = Long.MIN_VALUE;
            double currentTime = Double.NaN;
            long previousMicros = Long.MIN_VALUE;
            int n = 0;
            boolean more = rows.next();
            while (more) {
                long f = rows.integer(cFrame, "frame");
                double t = rows.number(cTime, "time_s", Double.NaN);
                if (!Double.isFinite(t)) {
                    throw new BadInputException(rows.where() + ": time_s must be a finite number");
                }
                if (f != currentFrame) {
                    if (currentFrame != Long.MIN_VALUE && f < currentFrame) {
                        throw new BadInputException(rows.where() + ": frame " + f + " after frame " + currentFrame
                                + " (frames out of order)");
                    }
                    currentFrame = f;
                    currentTime = t;
                    n = 0;
                    long micros = Math.round(t * 1e6);
                    if (micros <= previousMicros) {
                        throw new BadInputException(rows.where() + ": frame " + f + " at time_s " + t
                                + " is not after the previous frame (duplicate or out-of-order time)");
                    }
                    previousMicros = micros;
                } else if (t != currentTime) {
                    throw new BadInputException(rows.where() + ": frame " + f + " has two times, " + currentTime
                            + " and " + t + " s");
                }
                boolean emptyRow = rows.text(cX).isEmpty() && rows.text(cY).isEmpty();
                if (!emptyRow) {
                    if (n == x.length) {
                        x = Arrays.copyOf(x, 2 * n);
                        y = Arrays.copyOf(y, 2 * n);
                        h = Arrays.copyOf(h, 2 * n);
                        team = Arrays.copyOf(team, 2 * n);
                        conf = Arrays.copyOf(conf, 2 * n);
                    }
                    x[n] = rows.number(cX, "x_m", Double.NaN);
                    y[n] = rows.number(cY, "y_m", Double.NaN);
                    h[n] = rows.number(cH, "height_m", Double.NaN);
                    team[n] = teamCode(rows.text(cTeam));
                    double c = rows.number(cConf, "confidence", 1.0);
                    if (!(c >= 0 && c <= 1)) {
                        throw new BadInputException(rows.where() + ": confidence must be in [0, 1], was " + c);
                    }
                    conf[n] = c;
                    n++;
                    detections++;
                }
                more = rows.next();
                boolean frameEnds = !more || rows.integer(cFrame, "frame") != currentFrame;
                if (frameEnds) {
                    int slot = (int) (frames % (lagFrames + 1));
                    pendingFrame[slot] = currentFrame;
                    pendingTime[slot] = currentTime;
                    boolean ready = tracker.process(previousMicros, n, x, y, h, team, conf, frame);
                    frames++;
                    if (ready) {
                        int done = (int) ((frames - 1 - lagFrames) % (lagFrames + 1));
                        write(w, pendingFrame[done], pendingTime[done], frame, confirmedIds);
                    }
                }
            }
            for (long k = Math.max(0, frames - lagFrames); tracker.flush(frame); k++) {
                int done = (int) (k % (lagFrames + 1));
                write(w, pendingFrame[done], pendingTime[done], frame, confirmedIds);
            }
            PrintWriter o = spec.commandLine().getOut();
            if (json) {
                ObjectNode s = new ObjectMapper().createObjectNode();
                s.put("frames", frames);
                s.put("detections", detections);
                s.put("skipped_detections", tracker.tracker().skippedDetections());
                s.put("confirmed_tracks", confirmedIds.cardinality());
                s.put("rows", w.rows());
                s.put("out", out.toString());
                o.println(s);
            } else {
                o.printf(Locale.ROOT, "%d frames, %d detections (%d skipped), %d confirmed tracks, %d rows -> %s%n",
                        frames, detections, tracker.tracker().skippedDetections(), confirmedIds.cardinality(), w.rows(),
                        out);
            }
        }
        return 0;
    }

    private static void write(CsvWriter w, long frameNumber, double timeSeconds, TrackFrame frame, BitSet confirmedIds)
            throws IOException {
        for (int k = 0; k < frame.size(); k++) {
            w.integer(frameNumber).fixed(timeSeconds, 2).integer(frame.id(k)).fixed(frame.x(k), 3)
                    .fixed(frame.y(k), 3).fixed(frame.vx(k), 3).fixed(frame.vy(k), 3)
                    .fixed(frame.height(k), 3).text(frame.state(k).label());
            w.endRow();
            if (frame.state(k) != TrackState.TENTATIVE) {
                confirmedIds.set(frame.id(k));
            }
        }
    }

    /** Integer codes as they are; home/away/referee (or official) as 0/1/2; anything else unknown (−1). */
    static int teamCode(String text) {
        if (text.isEmpty()) {
            return -1;
        }
        switch (text.toLowerCase(Locale.ROOT)) {
            case "home":
                return 0;
            case "away":
                return 1;
            case "referee":
            case "official":
                return 2;
            default:
                try {
                    return Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    return -1;
                }
        }
    }
}
