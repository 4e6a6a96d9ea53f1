package dev.touchline.cli.fusion;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchline.cli.BadInputException;
import dev.touchline.cli.io.CsvWriter;
import dev.touchline.cli.io.NumericCsv;
import dev.touchline.fusion.BadSensorDataException;
import dev.touchline.fusion.fsr.ContactSummary;
import dev.touchline.fusion.fsr.FootContactDetector;
import dev.touchline.fusion.fsr.FsrContact;
import dev.touchline.fusion.fsr.Strike;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code touchline fsr contacts}: foot contacts from a six-channel insole CSV. */
@Command(name = "contacts", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Detects foot contacts in an FSR insole CSV (time_s,left_heel_n,left_mid_n,left_fore_n,"
                + "right_heel_n,right_mid_n,right_fore_n; extra columns ignored), as written by touchline simulate.",
            "Output: foot,on_s,off_s,duration_ms,peak_n,impulse_n_s,loading_rate_n_s,pattern,stance,truncated "
                + "(stance 1: the foot stayed loaded longer than a step, the player stood; truncated 1: cut by a "
                + "gap or the end of the file; loading_rate_n_s empty when it could not be measured)."})
public final class FsrContactsCommand implements Callable<Integer> {
    private static final String[] COLUMNS = {"time_s", "left_heel_n", "left_mid_n", "left_fore_n", "right_heel_n",
        "right_mid_n", "right_fore_n"};

    @Spec
    private CommandSpec spec;

    @Option(names = "--in", required = true, description = "Insole CSV.")
    private Path in;

    @Option(names = "--out", description = "Output CSV file (default: contacts.csv next to the input).")
    private Path out;

    @Option(names = "--on-threshold-n", description = "Contact starts above this summed force, N "
            + "(default: ${DEFAULT-VALUE}).")
    private double onNewtons = 20;

    @Option(names = "--off-threshold-n", description = "Contact ends below this summed force, N "
            + "(default: ${DEFAULT-VALUE}).")
    private double offNewtons = 10;

    @Option(names = "--json", description = "Print a machine-readable summary on stdout.")
    private boolean json;

    @Override
    public Integer call() throws IOException, BadInputException {
        if (!Files.isRegularFile(in)) {
            throw new ParameterException(spec.commandLine(), "--in: no such file " + in);
        }
        FootContactDetector.Builder builder = FootContactDetector.builder();
        try {
            builder.thresholdsNewtons(onNewtons, offNewtons);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        NumericCsv csv = NumericCsv.readSeries(in, COLUMNS);
        List<FsrContact> contacts = new ArrayList<>();
        FootContactDetector detector = builder.build(contacts::add);
        double[][] c = csv.columns;
        for (int i = 0; i < csv.rows; i++) {
            try {
                detector.accept(Math.round(c[0][i] * 1e6), c[1][i], c[2][i], c[3][i], c[4][i], c[5][i], c[6][i]);
            } catch (BadSensorDataException e) {
                throw new BadInputException(in + " line " + (i + 2) + ": " + e.getMessage(), e);
            }
        }
        detector.flush();
        contacts.sort((a, b) -> Long.compare(a.onMicros(), b.onMicros()));
        Path target = out != null ? out : in.resolveSibling("contacts.csv");
        try (CsvWriter w = CsvWriter.create(target, "foot,on_s,off_s,duration_ms,peak_n,impulse_n_s,"
                + "loading_rate_n_s,pattern,stance,truncated")) {
            for (FsrContact k : contacts) {
                w.text(k.left() ? "left" : "right").fixed(k.onMicros() / 1e6, 4).fixed(k.offMicros() / 1e6, 4)
                        .fixed(k.durationMicros() / 1e3, 1).fixed(k.peakNewtons(), 1)
                        .fixed(k.impulseNewtonSeconds(), 2);
                if (Double.isNaN(k.loadingRateNewtonsPerSecond())) {
                    w.empty();
                } else {
                    w.fixed(k.loadingRateNewtonsPerSecond(), 0);
                }
                w.text(k.strike().name().toLowerCase(Locale.ROOT)).integer(k.stance() ? 1 : 0)
                        .integer(k.truncated() ? 1 : 0);
                w.endRow();
            }
        }
        if (json) {
            spec.commandLine().getOut().println(summary(contacts, detector, target).toString());
        }
        return 0;
    }

    private ObjectNode summary(List<FsrContact> contacts, FootContactDetector detector, Path target) {
        ContactSummary sum = new ContactSummary();
        contacts.forEach(sum::onContact);
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("input", in.toString());
        node.put("output", target.toString());
        node.put("samples", detector.samples());
        node.put("gaps", detector.gaps());
        node.put("short_contacts_dropped", detector.rejectedShortContacts());
        for (boolean left : new boolean[] {true, false}) {
            ObjectNode f = node.putObject(left ? "left" : "right");
            f.put("steps", sum.steps(left));
            f.put("stance_periods", sum.stancePeriods(left));
            f.put("truncated_contacts", sum.truncatedContacts(left));
            number(f, "mean_contact_ms", sum.meanContactMillis(left));
            number(f, "mean_peak_n", sum.meanPeakNewtons(left));
            number(f, "mean_impulse_n_s", sum.meanImpulseNewtonSeconds(left));
            number(f, "mean_loading_rate_n_s", sum.meanLoadingRateNewtonsPerSecond(left));
            number(f, "rearfoot_share", sum.strikeShare(left, Strike.REARFOOT));
            number(f, "forefoot_share", sum.strikeShare(left, Strike.FOREFOOT));
        }
        // Robinson's symmetry index, %: 0 is symmetric, positive means the left foot's figure is larger.
        number(node, "peak_force_symmetry_index_pct", sum.peakForceSymmetryPercent());
        number(node, "impulse_symmetry_index_pct", sum.impulseSymmetryPercent());
        number(node, "contact_time_symmetry_index_pct", sum.contactTimeSymmetryPercent());
        number(node, "rearfoot_share_difference_points", sum.rearfootShareDifferencePoints());
        return node;
    }

    /** JSON has no NaN: a figure that cannot be computed (no steps on a foot) is null. */
    private static void number(ObjectNode node, String name, double value) {
        if (Double.isNaN(value)) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }
}
