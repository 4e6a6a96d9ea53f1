package dev.touchline.cli.track;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchline.cli.BadInputException;
import dev.touchline.tracking.metrics.MotEvaluator;
import dev.touchline.tracking.metrics.MotResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code touchline track eval}: scores tracks against ground truth. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scores tracks against ground-truth positions with CLEAR MOT, IDF1 and HOTA (TrackEval's "
                + "definitions, similarity max(0, 1 - d / 2 m)).",
            "Truth columns frame,time_s,player_id,x_m,y_m (the simulator's positions.csv works as is); track "
                    + "columns frame,time_s,track_id,x_m,y_m[,state]; tentative tracks are not scored. Frames are "
                    + "matched by number; the files are scored as one sequence."})
public final class TrackEvalCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--truth", required = true, description = "Ground-truth CSV.")
    private Path truth;

    @Option(names = "--tracks", required = true, description = "Tracks CSV (as written by touchline track).")
    private Path tracks;

    @Option(names = "--json", description = "Print the metrics as JSON on stdout.")
    private boolean json;

    /** Rows of one file, ordered by frame. */
    private static final class Table {
        long[] frame = new long[1024];
        double[] time = new double[1024];
        int[] id = new int[1024];
        double[] x = new double[1024];
        double[] y = new double[1024];
        int size;

        void add(long f, double t, int i, double px, double py) {
            if (size == frame.length) {
                int c = 2 * size;
                frame = Arrays.copyOf(frame, c);
                time = Arrays.copyOf(time, c);
                id = Arrays.copyOf(id, c);
                x = Arrays.copyOf(x, c);
                y = Arrays.copyOf(y, c);
            }
            frame[size] = f;
            time[size] = t;
            id[size] = i;
            x[size] = px;
            y[size] = py;
            size++;
        }
    }

    private static Table read(Path path, String idColumn, boolean skipTentative) throws IOException, BadInputException {
        Table t = new Table();
        try (CsvRows rows = new CsvRows(path)) {
            int cFrame = rows.required("frame");
            int cTime = rows.required("time_s");
            int cId = rows.required(idColumn);
            int cX = rows.required("x_m");
            int cY = rows.required("y_m");
            int cState = rows.column("state");
            long last = Long.MIN_VALUE;
            while (rows.next()) {
                long f = rows.integer(cFrame, "frame");
                if (f < last) {
                    throw new BadInputException(rows.where() + ": frame " + f + " after frame " + last
                            + " (frames out of order)");
                }
                last = f;
                if (skipTentative && rows.text(cState).equals("tentative")) {
                    continue;
                }
                double x = rows.number(cX, "x_m", Double.NaN);
                double y = rows.number(cY, "y_m", Double.NaN);
                if (!Double.isFinite(x) || !Double.isFinite(y)) {
                    throw new BadInputException(rows.where() + ": x_m and y_m must be finite numbers");
                }
                long id = rows.integer(cId, idColumn);
                if (id < Integer.MIN_VALUE || id > Integer.MAX_VALUE) {
                    throw new BadInputException(rows.where() + ": " + idColumn + " out of range: " + id);
                }
                t.add(f, rows.number(cTime, "time_s", Double.NaN), (int) id, x, y);
            }
        }
        return t;
    }

    @Override
    public Integer call() throws IOException, BadInputException {
        Table gt = read(truth, "player_id", false);
        Table tr = read(tracks, "track_id", true);
        MotEvaluator ev = new MotEvaluator();
        int i = 0;
        int j = 0;
        int[] gi = new int[64];
        double[] gx = new double[64];
        double[] gy = new double[64];
        int[] ti = new int[64];
        double[] tx = new double[64];
        double[] ty = new double[64];
        long truthFrames = 0;
        double firstTime = Double.NaN;
        double lastTime = Double.NaN;
        double[] steps = new double[1024];
        int stepCount = 0;
        while (i < gt.size || j < tr.size) {
            long f = Math.min(i < gt.size ? gt.frame[i] : Long.MAX_VALUE, j < tr.size ? tr.frame[j] : Long.MAX_VALUE);
            int n = 0;
            if (i < gt.size && gt.frame[i] == f) {
                truthFrames++;
                if (!Double.isNaN(lastTime) && stepCount < steps.length) {
                    steps[stepCount++] = gt.time[i] - lastTime;
                }
                if (Double.isNaN(firstTime)) {
                    firstTime = gt.time[i];
                }
                lastTime = gt.time[i];
            }
            while (i < gt.size && gt.frame[i] == f) {
                if (n == gi.length) {
                    gi = Arrays.copyOf(gi, 2 * n);
                    gx = Arrays.copyOf(gx, 2 * n);
                    gy = Arrays.copyOf(gy, 2 * n);
                }
                gi[n] = gt.id[i];
                gx[n] = gt.x[i];
                gy[n] = gt.y[i];
                n++;
                i++;
            }
            int m = 0;
            while (j < tr.size && tr.frame[j] == f) {
                if (m == ti.length) {
                    ti = Arrays.copyOf(ti, 2 * m);
                    tx = Arrays.copyOf(tx, 2 * m);
                    ty = Arrays.copyOf(ty, 2 * m);
                }
                ti[m] = tr.id[j];
                tx[m] = tr.x[j];
                ty[m] = tr.y[j];
                m++;
                j++;
            }
            try {
                ev.addFrame(n, gi, gx, gy, m, ti, tx, ty);
            } catch (IllegalArgumentException e) {
                throw new BadInputException((n > 0 ? truth : tracks) + ": frame " + f + ": " + e.getMessage(), e);
            }
        }
        MotResult r = ev.evaluate();
        Arrays.sort(steps, 0, stepCount);
        double frameSeconds = stepCount == 0 ? 0.04 : steps[stepCount / 2];
        double seconds = truthFrames * frameSeconds;
        double per90 = seconds > 0 ? r.idSwitchesPer90Minutes(seconds) : Double.NaN;
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            ObjectNode s = new ObjectMapper().createObjectNode();
            s.put("frames", r.frames());
            s.put("seconds", seconds);
            s.put("mota", r.mota());
            s.put("motp", r.motp());
            s.put("motp_m", r.motpMetres());
            s.put("idf1", r.idf1());
            s.put("idp", r.idp());
            s.put("idr", r.idr());
            s.put("hota", r.hota());
            s.put("deta", r.detA());
            s.put("assa", r.assA());
            s.put("loca", r.locA());
            s.put("idsw", r.idSwitches());
            s.put("idsw_per_90_min", per90);
            s.put("fragmentations", r.fragmentations());
            s.put("rmse_m", r.rmseMetres());
            s.put("true_positives", r.truePositives());
            s.put("false_positives", r.falsePositives());
            s.put("false_negatives", r.falseNegatives());
            o.println(s);
        } else {
            o.printf(Locale.ROOT, "MOTA %.4f  MOTP %.4f (%.3f m)  IDF1 %.4f  HOTA %.4f  DetA %.4f  AssA %.4f%n",
                    r.mota(), r.motp(), r.motpMetres(), r.idf1(), r.hota(), r.detA(), r.assA());
            o.printf(Locale.ROOT, "IDSW %d (%.1f per 90 min over %.1f s)  Frag %d  RMSE %.3f m%n", r.idSwitches(),
                    per90, seconds, r.fragmentations(), r.rmseMetres());
        }
        return 0;
    }
}
