package dev.touchline.cli.gps;

import picocli.CommandLine.Command;

/** {@code touchline gps}: the GNSS track container (encode, decode, stats, export-parquet, import-parquet). */
@Command(name = "gps", mixinStandardHelpOptions = true,
        description = "Compress GNSS tracks into the seekable .tlg container and back; export to and import from Parquet.",
        subcommands = {GpsEncodeCommand.class, GpsDecodeCommand.class, GpsStatsCommand.class,
            GpsExportParquetCommand.class, GpsImportParquetCommand.class})
public final class GpsCommand {
}
