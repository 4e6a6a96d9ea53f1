package dev.touchline.cli.fusion;

import picocli.CommandLine.Command;

/** {@code touchline ppg}: PPG processing. */
@Command(name = "ppg", mixinStandardHelpOptions = true, description = "PPG processing.",
        subcommands = {PatCommand.class})
public final class PpgCommand {
}
