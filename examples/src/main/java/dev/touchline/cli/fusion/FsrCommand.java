package dev.touchline.cli.fusion;

import picocli.CommandLine.Command;

/** {@code touchline fsr}: FSR insole processing. */
@Command(name = "fsr", mixinStandardHelpOptions = true, description = "FSR insole processing.",
        subcommands = {FsrContactsCommand.class})
public final class FsrCommand {
}
