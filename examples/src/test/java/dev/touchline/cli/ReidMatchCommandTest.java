package dev.touchline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReidMatchCommandTest {
    private static final int DIM = 128;


    /** Player p's appearance: its own random direction (seed 11) plus noise. */
    private static float[][] centres() {
        SplittableRandom r = new SplittableRandom(11);
        float[][] c = new float[4][DIM];
        for (float[] v : c) {
            for (int d = 0; d < DIM; d++) {
                v[d] = (float) r.nextGaussian();
            }
        }
        return c;
    }

    private static String embedding(float[] centre, double noise, SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        for (int d = 0; d < DIM; d++) {
            b.append(',').append(String.format(Locale.ROOT, "%.5f", centre[d] + noise * r.nextGaussian()));
        }
        return b.toString();
    }

    private static String header(String id, String extra) {
        StringBuilder b = new StringBuilder(id).append(",time_s");
        for (int d = 0; d < DIM; d++) {
            b.append(",e").append(d);
        }
        return b.append(extra).toString();
    }

    private static void write(Path dir) throws IOException {
        float[][] c = centres();
        SplittableRandom r = new SplittableRandom(12);
        StringBuilder g = new StringBuilder(header("player_id", ",h,s,v,height_m")).append('\n');
        String[] colours = {",220,0.64,0.29", ",52,1,0.96", ",220,0.64,0.29"};
        double[] heights = {1.80, 1.75, 1.90};
        for (int p = 0; p < 3; p++) {
            for (int k = 0; k < 5; k++) {
                g.append(p + 1).append(',').append(k * 0.2).append(embedding(c[p], 0.3, r)).append(colours[p])
                        .append(',').append(heights[p]).append('\n');
            }
        }
        Files.writeString(dir.resolve("gallery.csv"), g);
        StringBuilder q = new StringBuilder(header("query_id", ",h,s,v,height_m,team")).append('\n');
        // Frame at 10 s: players 3, 1, 2 and a stranger; frame at 11 s: player 1 seen at the wrong height.
        q.append("a,10").append(embedding(c[2], 0.3, r)).append(",221,0.6,0.3,1.89,home\n");
        q.append("b,10").append(embedding(c[0], 0.3, r)).append(",219,0.6,0.3,1.81,home\n");
        q.append("c,10").append(embedding(c[1], 0.3, r)).append(",50,0.95,0.9,1.76,away\n");
        q.append("d,10").append(embedding(c[3], 0.3, r)).append(",50,0.95,0.9,1.76,\n");
        q.append("e,11").append(embedding(c[0], 0.3, r)).append(",219,0.6,0.3,1.60,home\n");
        Files.writeString(dir.resolve("queries.csv"), q);
    }

    @Test
    void matchesEachQueryToItsPlayerAndWritesTheContract(@TempDir Path dir) throws IOException {
        write(dir);
        CliResult r = CliResult.run("reid", "match", "--gallery", dir.resolve("gallery.csv").toString(), "--queries",
                dir.resolve("queries.csv").toString(), "--out", dir.resolve("matches.csv").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("matches.csv"));
        assertEquals("query_id,player_id,score,decision", lines.get(0));
        assertEquals(6, lines.size());
        assertTrue(lines.get(1).startsWith("a,3,") && lines.get(1).endsWith(",match"), lines.get(1));
        assertTrue(lines.get(2).startsWith("b,1,") && lines.get(2).endsWith(",match"), lines.get(2));
        assertTrue(lines.get(3).startsWith("c,2,") && lines.get(3).endsWith(",match"), lines.get(3));
        // The stranger has no good match left: escalated (its best candidate is reported with its score).
        assertTrue(lines.get(4).startsWith("d,") && lines.get(4).endsWith(",escalate"), lines.get(4));
        // 1.60 m is more than 4 cm from every dark-kit player's height, and the colour rules out player 2.
        assertEquals("e,,,new", lines.get(5));
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(3, j.get("gallery_players").asInt());
        assertEquals(2, j.get("frames").asInt());
        assertEquals(3, j.get("decisions").get("match").asInt());
        assertEquals(1, j.get("decisions").get("new").asInt());
    }

    /**
     * Seeds 11/13: player 1 (home) and player 2 (away) in the gallery with a team column. A query that looks like
     * player 1 but is labelled away may not take player 1 (it is escalated with player 2 as the only candidate);
     * the same query unlabelled matches player 1; a gallery giving one player two teams is bad data.
     */
    @Test
    void queryTeamRestrictsCandidatesToThatTeam(@TempDir Path dir) throws IOException {
        float[][] c = centres();
        SplittableRandom r = new SplittableRandom(13);
        StringBuilder g = new StringBuilder(header("player_id", ",team")).append('\n');
        for (int p = 0; p < 2; p++) {
            for (int k = 0; k < 5; k++) {
                g.append(p + 1).append(',').append(k * 0.2).append(embedding(c[p], 0.3, r))
                        .append(p == 0 ? ",home" : ",away").append('\n');
            }
        }
        Path gallery = dir.resolve("gallery.csv");
        Files.writeString(gallery, g);
        StringBuilder q = new StringBuilder(header("query_id", ",team")).append('\n');
        q.append("x,10").append(embedding(c[0], 0.3, r)).append(",away\n");
        q.append("y,11").append(embedding(c[0], 0.3, r)).append(",\n");
        q.append("z,12").append(embedding(c[0], 0.3, r)).append(",home\n");
        Path queries = dir.resolve("queries.csv");
        Files.writeString(queries, q);
        Path out = dir.resolve("m.csv");
        CliResult res = CliResult.run("reid", "match", "--gallery", gallery.toString(), "--queries",
                queries.toString(), "--out", out.toString(), "--json");
        assertEquals(0, res.code(), res.err());
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.get(1).startsWith("x,2,") && lines.get(1).endsWith(",escalate"), lines.get(1));
        assertTrue(lines.get(2).startsWith("y,1,") && lines.get(2).endsWith(",match"), lines.get(2));
        assertTrue(lines.get(3).startsWith("z,1,") && lines.get(3).endsWith(",match"), lines.get(3));
        JsonNode j = new ObjectMapper().readTree(res.out());
        assertEquals(2, j.get("gallery_players_with_team").asInt());
        assertEquals(2, j.get("queries_with_team").asInt());

        Files.writeString(gallery, g.toString().replaceFirst("(?m)^(1,0\\.2,.*),home$", "$1,away"));
        res = CliResult.run("reid", "match", "--gallery", gallery.toString(), "--queries", queries.toString(),
                "--out", out.toString());
        assertEquals(3, res.code(), res.err());
        assertTrue(res.err().contains("gallery.csv:3") && res.err().contains("team"), res.err());
    }

    @Test
    void badDataExitsThreeNamingFileAndLine(@TempDir Path dir) throws IOException {
        write(dir);
        Path q = dir.resolve("queries.csv");
        List<String> lines = Files.readAllLines(q);
        lines.set(3, lines.get(3).replaceFirst(",10,[^,]*,", ",10,NaN,"));
        Files.write(q, lines);
        CliResult r = CliResult.run("reid", "match", "--gallery", dir.resolve("gallery.csv").toString(), "--queries",
                q.toString(),
                "--out", dir.resolve("m.csv").toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("queries.csv:4") && r.err().contains("e0"), r.err());

        Files.writeString(q, header("query_id", "") + "\nx,1,1,2\n");
        r = CliResult.run("reid", "match", "--gallery", dir.resolve("gallery.csv").toString(), "--queries",
                q.toString(),
                "--out", dir.resolve("m.csv").toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("queries.csv:2") && r.err().contains("fields"), r.err());

        Path g = dir.resolve("gallery.csv");
        Files.writeString(g, header("player_id", "") + "\n1,0" + ",0".repeat(DIM) + "\n");
        r = CliResult.run("reid", "match", "--gallery", g.toString(), "--queries", q.toString(), "--out",
                dir.resolve("m.csv").toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("gallery.csv:2") && r.err().contains("zeros"), r.err());
    }

    /** Queries of another dimension than the gallery, and a player id that is not a number: exit 3, naming the row. */
    @Test
    void wrongDimensionAndUnknownPlayerIdsAreBadData(@TempDir Path dir) throws IOException {
        write(dir);
        Path g = dir.resolve("gallery.csv");
        Path q = dir.resolve("queries.csv");
        Files.writeString(q, "query_id,time_s,e0,e1,e2\nx,1,1,2,3\n");
        CliResult r = CliResult.run("reid", "match", "--gallery", g.toString(), "--queries", q.toString(), "--out",
                dir.resolve("m.csv").toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("queries.csv:1") && r.err().contains("dimension 3")
                && r.err().contains("128"), r.err());

        write(dir);
        List<String> lines = Files.readAllLines(g);
        lines.set(4, lines.get(4).replaceFirst("^1,", "p1,"));
        Files.write(g, lines);
        r = CliResult.run("reid", "match", "--gallery", g.toString(), "--queries", q.toString(), "--out",
                dir.resolve("m.csv").toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("gallery.csv:5") && r.err().contains("'p1'"), r.err());
    }

    @Test
    void badConfigIsAUsageError(@TempDir Path dir) throws IOException {
        write(dir);
        Path cfg = dir.resolve("reid.json");
        Files.writeString(cfg, "{\"accept\": 0.5, \"escalate_below\": 0.6}");
        CliResult r = CliResult.run("reid", "match", "--gallery", dir.resolve("gallery.csv").toString(), "--queries",
                dir.resolve("queries.csv").toString(), "--out", dir.resolve("m.csv").toString(), "--config",
                cfg.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("escalateBelow"), r.err());
        Files.writeString(cfg, "{\"acept\": 0.5}");
        r = CliResult.run("reid", "match", "--gallery", dir.resolve("gallery.csv").toString(), "--queries",
                dir.resolve("queries.csv").toString(), "--out", dir.resolve("m.csv").toString(), "--config",
                cfg.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("unknown key 'acept'"), r.err());
        Files.writeString(cfg, "{\"scoring\": \"prototype\", \"accept\": 0.6}");
        r = CliResult.run("reid", "match", "--gallery", dir.resolve("gallery.csv").toString(), "--queries",
                dir.resolve("queries.csv").toString(), "--out", dir.resolve("m.csv").toString(), "--config",
                cfg.toString());
        assertEquals(0, r.code(), r.err());
    }
}
