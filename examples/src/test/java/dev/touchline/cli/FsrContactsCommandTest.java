package dev.touchline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code touchline fsr contacts} on the insole CSV of {@code touchline simulate}, seed 7, two minutes. */
class FsrContactsCommandTest {

    @Test
    void contactsOfASimulatedSessionMatchItsTruth(@TempDir Path dir) throws IOException {
        CliResult sim = CliResult.run("simulate", "--seed", "7", "--minutes", "2", "--players", "4",
                "--wearable-players", "1", "--signals", "fsr", "--out", dir.toString(), "-q");
        assertEquals(0, sim.code(), sim.err());
        Path fsr = only(dir.resolve("fsr"));
        Path truth = only(dir.resolve("truth/contacts"));
        Path out = dir.resolve("found.csv");
        CliResult r = CliResult.run("fsr", "contacts", "--in", fsr.toString(), "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("foot,on_s,off_s,duration_ms,peak_n,impulse_n_s,loading_rate_n_s,pattern,stance,truncated",
                lines.get(0));
        List<String> truthLines = Files.readAllLines(truth);
        int trueSteps = truthLines.size() - 1;
        int found = 0;
        for (String t : truthLines.subList(1, truthLines.size())) {
            String[] tf = t.split(",");
            double on = Double.parseDouble(tf[1]);
            for (String l : lines.subList(1, lines.size())) {
                String[] f = l.split(",");
                if (f[0].equals(tf[0]) && f[8].equals("0") && Math.abs(Double.parseDouble(f[1]) - on) <= 0.06) {
                    found++;
                    break;
                }
            }
        }
        assertTrue(trueSteps > 50, "true steps " + trueSteps);
        // Steps taken while the simulator keeps a standing load on the foot merge into stance periods.
        assertTrue(found >= 0.9 * trueSteps, found + " of " + trueSteps + " true contacts found");
        JsonNode json = new ObjectMapper().readTree(r.out());
        int steps = json.get("left").get("steps").asInt() + json.get("right").get("steps").asInt();
        assertTrue(Math.abs(steps - trueSteps) <= 0.1 * trueSteps, steps + " steps against " + trueSteps);
        assertTrue(Math.abs(json.get("peak_force_symmetry_index_pct").asDouble()) < 20, r.out());
    }

    @Test
    void badDataAndBadUsageHaveTheirExitCodes(@TempDir Path dir) throws IOException {
        StringBuilder b = new StringBuilder("time_s,left_heel_n,left_mid_n,left_fore_n,right_heel_n,right_mid_n,"
                + "right_fore_n\n");
        for (int i = 0; i < 20; i++) {
            b.append(i * 0.004).append(i == 7 ? ",-50" : ",0").append(",0,0,0,0,0\n");
        }
        Path in = dir.resolve("fsr.csv");
        Files.writeString(in, b.toString().replace("-50", "0"));
        CliResult empty = CliResult.run("fsr", "contacts", "--in", in.toString(), "--out",
                dir.resolve("c.csv").toString(), "--json");
        assertEquals(0, empty.code(), empty.err());
        JsonNode none = new ObjectMapper().readTree(empty.out()); // no steps: nulls, not NaN
        assertEquals(0, none.get("left").get("steps").asInt());
        assertTrue(none.get("peak_force_symmetry_index_pct").isNull(), empty.out());
        Files.writeString(in, b);
        CliResult negative = CliResult.run("fsr", "contacts", "--in", in.toString(), "--out",
                dir.resolve("c.csv").toString());
        assertEquals(3, negative.code(), negative.err());
        assertTrue(negative.err().contains("line 9") && negative.err().contains("left_heel_n"), negative.err());
        Files.writeString(in, b.toString().replace("-50", "NaN"));
        CliResult nan = CliResult.run("fsr", "contacts", "--in", in.toString(), "--out",
                dir.resolve("c.csv").toString());
        assertEquals(3, nan.code(), nan.err());
        assertTrue(nan.err().contains("line 9"), nan.err());
        assertEquals(2, CliResult.run("fsr", "contacts", "--in", dir.resolve("missing.csv").toString()).code());
        assertEquals(2, CliResult.run("fsr", "contacts", "--in", in.toString(), "--on-threshold-n", "5",
                "--off-threshold-n", "10").code());
    }

    private static Path only(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            s.forEach(files::add);
        }
        assertEquals(1, files.size(), files.toString());
        return files.get(0);
    }
}
