package dev.touchline.cli.fusion;

import picocli.CommandLine.Command;

/** {@code touchline ecg}: ECG processing. */
@Command(name = "ecg", mixinStandardHelpOptions = true, description = "ECG processing.",
        subcommands = {RpeaksCommand.class})
public final class EcgCommand {
}
