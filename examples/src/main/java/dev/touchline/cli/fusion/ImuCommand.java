package dev.touchline.cli.fusion;

import picocli.CommandLine.Command;

/** {@code touchline imu}: inertial sensor processing. */
@Command(name = "imu", mixinStandardHelpOptions = true, description = "Inertial sensor processing.",
        subcommands = {OrientationCommand.class, StrikesCommand.class})
public final class ImuCommand {
}
