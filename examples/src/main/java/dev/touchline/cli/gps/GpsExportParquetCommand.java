package dev.touchline.cli.gps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchline.cli.BadInputException;
import dev.touchline.codec.gps.CorruptGpsDataException;
import dev.touchline.codec.gps.GpsFile;
import dev.touchline.codec.gps.parquet.GpsParquet;
import dev.touchline.codec.gps.parquet.ParquetCompression;
import dev.touchline.codec.gps.parquet.PlayerTrack;
import dev.touchline.sensor.GpsTrack;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code touchline gps export-parquet}: writes the fixes of a .tlg container as a Parquet file. */
@Command(name = "export-parquet", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes the fixes of a .tlg container as Parquet: time TIMESTAMP(MICROS), lat_deg/lon_deg "
                + "INT32 micro-degrees (DECIMAL(9,6)), speed_m_s INT32 cm/s (DECIMAL(9,2)), player_id UUID; "
                + "DELTA_BINARY_PACKED on version-2 pages unless --legacy.")
public final class GpsExportParquetCommand implements Callable<Integer> {
    /** Page compression names on the command line. */
    enum Compression { snappy, zstd, none }

    @Spec
    private CommandSpec spec;

    @Option(names = "--in", required = true, description = "Input .tlg file.")
    private Path in;

    @Option(names = "--out", required = true, description = "Output .parquet file.")
    private Path out;

    @Option(names = "--compression", description = "Page compression: ${COMPLETION-CANDIDATES} "
            + "(default: ${DEFAULT-VALUE}).")
    private Compression compression = Compression.snappy;

    @Option(names = "--level", description = "zstd level 1..22 with --compression zstd (default: ${DEFAULT-VALUE}).")
    private int level = 3;

    @Option(names = "--legacy", description = "Version-1 pages with dictionary encoding, for old readers.")
    private boolean legacy;

    @Option(names = "--json", description = "Print a machine-readable summary on stdout.")
    private boolean json;

    @Override
    public Integer call() throws BadInputException, IOException {
        if (level < 1 || level > 22) {
            throw new ParameterException(spec.commandLine(), "--level " + level + " outside 1..22");
        }
        GpsTrack track;
        Optional<dev.touchline.sensor.PlayerId> player;
        try (GpsFile file = GpsFiles.open(spec, in)) {
            track = file.decodeAll();
            player = file.header().player();
        } catch (CorruptGpsDataException e) {
            throw new BadInputException(in + ": " + e.getMessage(), e);
        }
        GpsParquet parquet = GpsParquet.builder().compression(switch (compression) {
            case snappy -> ParquetCompression.SNAPPY;
            case zstd -> ParquetCompression.ZSTD;
            case none -> ParquetCompression.UNCOMPRESSED;
        }).zstdLevel(level).legacyWriter(legacy).build();
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            parquet.writeAll(List.of(new PlayerTrack(player, track)), out);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot write " + out + ": " + e.getMessage());
        }
        long bytes = Files.size(out);
        int fixes = track.length();
        double bits = fixes == 0 ? 0 : 8.0 * bytes / fixes;
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            ObjectNode node = new ObjectMapper().createObjectNode();
            node.put("fixes", fixes);
            node.put("bytes", bytes);
            node.put("bits_per_fix", bits);
            node.put("compression", compression.name());
            node.put("writer", legacy ? "v1-dictionary" : "v2-delta");
            node.put("out", out.toString());
            stdout.println(node.toString());
        } else {
            stdout.printf(Locale.ROOT, "%s: %d fixes, %d bytes, %.3f bits per fix%n", out, fixes, bytes, bits);
        }
        return 0;
    }
}
