package dev.touchline.cli.demo;

import dev.touchline.cli.db.Database;
import dev.touchline.cli.db.DatabaseOptions;
import dev.touchline.cli.demo.pipeline.DemoPipeline;
import dev.touchline.cli.demo.pipeline.DemoSettings;
import dev.touchline.cli.demo.pipeline.SessionReport;
import dev.touchline.cli.demo.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code touchline demo}: a simulated match through every module, into the database, out as a report. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Simulates a match and runs the whole pipeline on it: GNSS codec, wearable fusion, camera "
                + "calibration, tracking with re-identification after camera cuts, PostgreSQL, queries, and a report "
                + "(report.html, report.md, PNG plots) in --out.",
            "The default database is an embedded PostgreSQL 15 under --data-dir: nothing to install."})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--minutes", defaultValue = "90",
            description = "Playing time in minutes, 1 to 120 (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--seed", defaultValue = "1", description = "Simulator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--wearable-players", defaultValue = "" + DemoSettings.DEFAULT_WEARABLE_PLAYERS,
            description = "Players with IMU, ECG and PPG, 0 to 22 (default: ${DEFAULT-VALUE}).")
    int wearablePlayers;

    @Option(names = "--out", defaultValue = "touchline-report",
            description = "Report directory; created if missing (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("touchline-report");

    @Option(names = {"-q", "--quiet"}, description = "No progress bars.")
    boolean quiet;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Override
    public Integer call() throws Exception {
        DemoSettings settings;
        try {
            DemoSettings d = DemoSettings.defaults(seed, minutes);
            settings = new DemoSettings(seed, minutes, wearablePlayers, d.cutIntervalSeconds(), d.cutSeconds(),
                    d.halfTimeBreakMinutes());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        prepare(out);
        PrintWriter err = spec.commandLine().getErr();
        try (Database db = database.open(4)) {
            SessionReport report = DemoPipeline.run(settings, db.dataSource(), db.description(),
                    quiet ? DemoPipeline.SILENT : new BarProgress());
            ReportWriter.write(report, out);
            PrintWriter o = spec.commandLine().getOut();
            o.println(ReportWriter.summary(report));
            o.println("report: " + out.resolve("report.html").toAbsolutePath());
        }
        err.flush();
        return 0;
    }

    /** Creates the report directory or fails as bad usage. */
    void prepare(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot create --out " + dir + ": " + e);
        }
        if (!Files.isWritable(dir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + dir + " is not writable");
        }
    }
}
