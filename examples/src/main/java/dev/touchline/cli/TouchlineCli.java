package dev.touchline.cli;

import dev.touchline.cli.calibration.CalibrateCommand;
import dev.touchline.cli.calibration.CalibrateIntrinsicsCommand;
import dev.touchline.cli.calibration.ChessboardCommand;
import dev.touchline.cli.calibration.ProjectCommand;
import dev.touchline.cli.demo.DemoCommand;
import dev.touchline.cli.demo.ProcessCommand;
import dev.touchline.cli.fusion.EcgCommand;
import dev.touchline.cli.fusion.FsrCommand;
import dev.touchline.cli.fusion.ImuCommand;
import dev.touchline.cli.fusion.LoadCommand;
import dev.touchline.cli.fusion.PpgCommand;
import dev.touchline.cli.gps.GpsCommand;
import dev.touchline.cli.postgres.IngestCommand;
import dev.touchline.cli.postgres.QueryCommand;
import dev.touchline.cli.reid.ReidCommand;
import dev.touchline.cli.simulate.SimulateCommand;
import dev.touchline.cli.track.TrackCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code touchline} command. Exit codes: 0 success, 1 unexpected failure, 2 bad usage (unknown option,
 * invalid value, unwritable output), 3 bad input data (the message names the file and line).
 */
@Command(name = "touchline", mixinStandardHelpOptions = true, versionProvider = TouchlineCli.Version.class,
        description = "Sports performance data: from raw wearable and camera data to trusted numbers.",
        subcommands = {SimulateCommand.class, GpsCommand.class, ReidCommand.class, CalibrateCommand.class,
            ProjectCommand.class, ChessboardCommand.class, CalibrateIntrinsicsCommand.class, TrackCommand.class,
            ImuCommand.class, LoadCommand.class, EcgCommand.class, PpgCommand.class, IngestCommand.class,
            QueryCommand.class, DemoCommand.class, ProcessCommand.class,
            FsrCommand.class,
            CommandLine.HelpCommand.class})
public final class TouchlineCli {
    /** Exit code for bad input data. */
    public static final int EXIT_BAD_INPUT = 3;
    /** Exit code for bad usage. */
    public static final int EXIT_USAGE = 2;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code; never calls {@code exit}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new TouchlineCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            String command = e.getCommandLine().getCommandName();
            err.println(("touchline".equals(command) ? "touchline" : "touchline " + command) + ": "
                    + oneLine(e.getMessage()) + " (see --help)");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String command = "touchline " + commandLine.getCommandName();
            if (e instanceof CommandLine.ParameterException) {
                err.println(command + ": " + oneLine(e.getMessage()) + " (see --help)");
                return EXIT_USAGE;
            }
            if (e instanceof BadInputException) {
                err.println(command + ": " + oneLine(e.getMessage()));
                return EXIT_BAD_INPUT;
            }
            err.println(command + ": failed: " + oneLine(String.valueOf(e)));
            return 1;
        });
        return cli.execute(args);
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = TouchlineCli.class.getPackage().getImplementationVersion();
            return new String[] {"touchline " + (v == null ? "development" : v)};
        }
    }
}
