package dev.touchline.cli.reid;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchline.cli.BadInputException;
import dev.touchline.cli.io.CsvWriter;
import dev.touchline.reid.BadReidDataException;
import dev.touchline.reid.ConsistencyCheck;
import dev.touchline.reid.Decision;
import dev.touchline.reid.EmbeddingGallery;
import dev.touchline.reid.FrameMatcher;
import dev.touchline.reid.Hsv;
import dev.touchline.reid.MatchResults;
import dev.touchline.reid.QueryFrame;
import dev.touchline.reid.TeamCheck;
import dev.touchline.sensor.simulation.TeamSide;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code touchline reid match}: matches query embeddings against a gallery. */
@Command(name = "match", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Matches query embeddings against a gallery of player embeddings (cosine similarity, "
                + "one-to-one per frame).",
            "Gallery: player_id,time_s,e0..e<D-1>[,h,s,v][,height_m][,team] (player_id an integer; stored at most "
                + "every insert_interval_s per player, the last `capacity` kept; team home|away|referee or empty, "
                + "the same on every row of a player).",
            "Queries: query_id,time_s,e0..e<D-1>[,h,s,v][,height_m][,team]; consecutive rows with the same time_s "
                + "form one frame, in which no two queries get the same player.",
            "Checks: a query with h,s,v is not matched to a player whose mean gallery torso colour is farther than "
                + "colour_tolerance in HSV chroma space; a query with height_m not to a player whose mean gallery "
                + "height_m differs by more than stature_tolerance_m; a query with a team only to players of that "
                + "team (players whose gallery rows give no team are not restricted).",
            "Output: query_id,player_id,score,decision with decision match|uncertain|escalate|new; for escalate, "
                + "player_id is the best candidate; for new it is empty."})
public final class ReidMatchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--gallery", required = true, description = "Gallery CSV.")
    private Path galleryFile;

    @Option(names = "--queries", required = true, description = "Queries CSV.")
    private Path queriesFile;

    @Option(names = "--out", required = true, description = "Output CSV (created or replaced).")
    private Path out;

    @Option(names = "--config", description = "Optional reid.json: capacity, insert_interval_s, scoring "
            + "(max|prototype), prototype_alpha, accept, escalate_below, stature_tolerance_m, colour_tolerance.")
    private Path config;

    @Option(names = "--json", description = "Print a machine-readable summary on stdout.")
    private boolean json;

    @Override
    public Integer call() throws IOException, BadInputException {
        ReidConfig cfg = config();
        for (Path p : new Path[] {galleryFile, queriesFile}) {
            if (!Files.isReadable(p)) {
                throw new ParameterException(spec.commandLine(), p + " is not a readable file");
            }
        }
        ReidCsv.Table gal = ReidCsv.read(galleryFile, "player_id", false);
        ReidCsv.Table qs = ReidCsv.read(queriesFile, "query_id", true);
        if (gal.dimension() != qs.dimension()) {
            throw new BadInputException(queriesFile + ":1: embedding dimension " + qs.dimension()
                    + " differs from the gallery's " + gal.dimension());
        }
        int dim = gal.dimension();
        EmbeddingGallery gallery = cfg.gallery(dim);
        Map<Integer, double[]> colour = new HashMap<>();
        Map<Integer, double[]> height = new HashMap<>();
        Map<Integer, TeamSide> teams = new HashMap<>();
        float[] cone = new float[3];
        for (ReidCsv.Row r : gal.rows()) {
            int pid;
            try {
                pid = Integer.parseInt(r.id());
            } catch (NumberFormatException e) {
                throw new BadInputException(galleryFile + ":" + r.line() + ": player_id must be an integer, was '"
                        + r.id() + "'");
            }
            int slot = gallery.slotOf(pid);
            if (slot < 0) {
                slot = gallery.add(pid);
            }
            gallery.offer(slot, Math.round(r.timeSeconds() * 1e6), r.embedding(), 0);
            TeamSide side = side(r.team());
            if (side != null) {
                TeamSide before = teams.putIfAbsent(pid, side);
                if (before != null && before != side) {
                    throw new BadInputException(galleryFile + ":" + r.line() + ": player_id " + pid + " has team '"
                            + r.team() + "' but an earlier row gave '" + before.code() + "'");
                }
            }
            if (!Float.isNaN(r.hue())) {
                Hsv.toCone(r.hue(), r.sat(), r.val(), cone);
                double[] a = colour.computeIfAbsent(pid, k -> new double[4]);
                a[0] += cone[0];
                a[1] += cone[1];
                a[2] += cone[2];
                a[3]++;
            }
            if (!Float.isNaN(r.heightMetres())) {
                double[] a = height.computeIfAbsent(pid, k -> new double[2]);
                a[0] += r.heightMetres();
                a[1]++;
            }
        }
        ConsistencyCheck check = TeamCheck.of(teams).and(checks(cfg, colour, height));
        FrameMatcher matcher = new FrameMatcher(gallery, cfg.policy(), check);
        Map<Decision, Long> counts = new EnumMap<>(Decision.class);
        List<ReidCsv.Row> rows = qs.rows();
        int frames = 0;
        long teamLabelled = 0;
        try (CsvWriter w = CsvWriter.create(out, "query_id,player_id,score,decision")) {
            int i = 0;
            while (i < rows.size()) {
                int j = i;
                while (j < rows.size() && rows.get(j).timeSeconds() == rows.get(i).timeSeconds()) {
                    j++;
                }
                QueryFrame f = new QueryFrame(dim, j - i);
                for (int k = i; k < j; k++) {
                    ReidCsv.Row r = rows.get(k);
                    int q = f.add(r.embedding(), 0, r.line());
                    if (!Float.isNaN(r.hue())) {
                        f.colour(q, r.hue(), r.sat(), r.val());
                    }
                    if (!Float.isNaN(r.heightMetres())) {
                        f.stature(q, r.heightMetres());
                    }
                    TeamSide side = side(r.team());
                    if (side != null) {
                        f.team(q, side);
                        teamLabelled++;
                    }
                }
                MatchResults res = new MatchResults(j - i);
                try {
                    matcher.match(f, queriesFile.toString(), res);
                } catch (BadReidDataException e) {
                    throw new BadInputException(e.getMessage(), e);
                }
                for (int k = i; k < j; k++) {
                    int q = k - i;
                    Decision d = res.decision(q);
                    counts.merge(d, 1L, Long::sum);
                    w.text(rows.get(k).id());
                    if (res.playerId(q) >= 0 && d != Decision.NEW) {
                        w.integer(res.playerId(q));
                    } else {
                        w.empty();
                    }
                    if (Float.isNaN(res.score(q))) {
                        w.empty();
                    } else {
                        w.fixed(res.score(q), 4);
                    }
                    w.text(d.code());
                    w.endRow();
                }
                frames++;
                i = j;
            }
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            ObjectMapper m = new ObjectMapper();
            ObjectNode o = m.createObjectNode();
            o.put("gallery_players", gallery.size());
            o.put("gallery_rows", gal.rows().size());
            o.put("dimension", dim);
            o.put("queries", rows.size());
            o.put("frames", frames);
            o.put("gallery_players_with_team", teams.size());
            o.put("queries_with_team", teamLabelled);
            ObjectNode d = o.putObject("decisions");
            for (Decision x : Decision.values()) {
                d.put(x.code(), counts.getOrDefault(x, 0L));
            }
            o.put("out", out.toString());
            stdout.println(m.writeValueAsString(o));
        } else {
            stdout.printf(Locale.ROOT, "Matched %d queries in %d frames against %d players: %d match, %d uncertain, "
                    + "%d escalate, %d new. Wrote %s.%n", rows.size(), frames, gallery.size(),
                    counts.getOrDefault(Decision.MATCH, 0L), counts.getOrDefault(Decision.UNCERTAIN, 0L),
                    counts.getOrDefault(Decision.ESCALATE, 0L), counts.getOrDefault(Decision.NEW, 0L), out);
        }
        return 0;
    }

    /** The side of a CSV team code ({@link ReidCsv} has validated it), null when empty. */
    private static @Nullable TeamSide side(String code) {
        for (TeamSide s : TeamSide.values()) {
            if (s.code().equals(code)) {
                return s;
            }
        }
        return null;
    }

    private static ConsistencyCheck checks(ReidConfig cfg, Map<Integer, double[]> colour,
                                           Map<Integer, double[]> height) {
        double tol2 = cfg.colourTolerance() * cfg.colourTolerance();
        float[] c = new float[3];
        return (f, q, pid) -> {
            double[] col = colour.get(pid);
            if (col != null && f.hasColour(q)) {
                Hsv.toCone(f.hue(q), f.saturation(q), f.value(q), c);
                double dx = c[0] - col[0] / col[3];
                double dy = c[1] - col[1] / col[3];
                double dz = c[2] - col[2] / col[3];
                if (dx * dx + dy * dy + dz * dz > tol2) {
                    return false;
                }
            }
            double[] h = height.get(pid);
            return h == null || Float.isNaN(f.stature(q))
                    || Math.abs(f.stature(q) - h[0] / h[1]) <= cfg.statureToleranceMetres();
        };
    }

    private ReidConfig config() throws IOException {
        if (config == null) {
            return ReidConfig.DEFAULT;
        }
        try {
            return ReidConfig.read(config);
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ParameterException(spec.commandLine(), "--config " + oneLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--config " + config + " cannot be read: " + e, e);
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ");
    }
}
