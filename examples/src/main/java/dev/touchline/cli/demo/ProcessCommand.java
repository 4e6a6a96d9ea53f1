package dev.touchline.cli.demo;

import dev.touchline.cli.BadInputException;
import dev.touchline.cli.db.Database;
import dev.touchline.cli.db.DatabaseOptions;
import dev.touchline.cli.demo.pipeline.DemoPipeline;
import dev.touchline.cli.demo.pipeline.ProcessPipeline;
import dev.touchline.cli.demo.pipeline.SessionDataException;
import dev.touchline.cli.demo.pipeline.SessionReport;
import dev.touchline.cli.demo.report.ReportWriter;
import dev.touchline.formats.FormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code touchline process}: the demo's pipeline on a directory of real exports; the command to run nightly. */
@Command(name = "process", mixinStandardHelpOptions = true,
        description = {"Runs the pipeline on a session directory laid out as `touchline simulate` writes it: "
                + "gps/<id>.csv|.csv.gz|.gpx|.fit (Touchline, Catapult or STATSports CSV), "
                + "imu/ gyro/ ecg/ ppg/<id>.csv, ecg/<id>.hea (WFDB record), optional session.json, roster.csv "
                + "and landmarks.csv. Stages whose input is absent are skipped; the report says why."})
public final class ProcessCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--session", required = true, paramLabel = "DIR", description = "The session directory.")
    Path session = Path.of(".");

    @Option(names = "--out", defaultValue = "touchline-report",
            description = "Report directory; created if missing (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("touchline-report");

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Day of the session's STATSports files "
            + "(their rows carry times of day only, read as UTC) when session.json gives no kick-off; without "
            + "either they fall on 1970-01-01 and the report says so.")
    @org.jspecify.annotations.Nullable LocalDate date;

    @Option(names = "--ecg-signal", paramLabel = "NAME", description = "The signal of a WFDB record ecg/<id>.hea "
            + "to read as ECG (default: the first ECG lead: ECG…, I, II, III, MLII, aVR, V1–V6, …).")
    @org.jspecify.annotations.Nullable String ecgSignal;

    @Option(names = {"-q", "--quiet"}, description = "No progress bars.")
    boolean quiet;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(session)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--session " + session
                    + " is not a directory");
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot create --out " + out + ": " + e);
        }
        try (Database db = database.open(4)) {
            SessionReport report;
            try {
                report = ProcessPipeline.run(session, db.dataSource(), db.description(),
                        quiet ? DemoPipeline.SILENT : new BarProgress(),
                        new ProcessPipeline.Options(ecgSignal, date));
            } catch (SessionDataException | FormatException e) {
                throw new BadInputException(e.getMessage());
            }
            ReportWriter.write(report, out);
            spec.commandLine().getOut().println(ReportWriter.summary(report));
            spec.commandLine().getOut().println("report: " + out.resolve("report.html").toAbsolutePath());
        }
        return 0;
    }
}
