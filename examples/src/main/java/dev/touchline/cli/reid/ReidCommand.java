package dev.touchline.cli.reid;

import picocli.CommandLine.Command;

/** {@code touchline reid}: player re-identification on appearance embeddings. */
@Command(name = "reid", mixinStandardHelpOptions = true,
        description = "Player re-identification on appearance embeddings.",
        subcommands = {ReidMatchCommand.class})
public final class ReidCommand {
}
