package dev.touchline.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process run of the {@code touchline} command: its exit code and what it printed.
 *
 * @param code the exit code {@link TouchlineCli#run} returned
 * @param out standard output
 * @param err standard error
 */
record CliResult(int code, String out, String err) {

    /** Runs the command line with captured streams; never exits the JVM. */
    static CliResult run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TouchlineCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliResult(code, out.toString(), err.toString());
    }
}
