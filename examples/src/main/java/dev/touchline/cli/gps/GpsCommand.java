package dev.touchline.cli.gps;

import picocli.CommandLine.Command;

/** {@code touchline gps}: the GNSS track container (encode, decode, stats). */
@Command(name = "gps", mixinStandardHelpOptions = true,
        description = "Compress GNSS tracks into the seekable .tlg container and back.",
        subcommands = {GpsEncodeCommand.class, GpsDecodeCommand.class, GpsStatsCommand.class})
public final class GpsCommand {
}
