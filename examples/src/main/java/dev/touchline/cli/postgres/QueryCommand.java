package dev.touchline.cli.postgres;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code touchline query}: typed questions over an ingested match. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Typed questions over an ingested match (see 'touchline ingest'). Times are seconds since "
                + "kick-off; CSV on stdout, or --json.",
        subcommands = {QueryWindowCommand.class, QueryOverLimitCommand.class, QueryZonesCommand.class,
            QueryAreaCommand.class})
public final class QueryCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a query is needed: window, over-limit, zones or area");
    }
}
