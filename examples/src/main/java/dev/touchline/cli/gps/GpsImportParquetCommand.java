package dev.touchline.cli.gps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchline.cli.BadInputException;
import dev.touchline.codec.gps.CorruptGpsDataException;
import dev.touchline.codec.gps.EntropyMode;
import dev.touchline.codec.gps.GpsCodec;
import dev.touchline.codec.gps.parquet.GpsParquet;
import dev.touchline.codec.gps.parquet.PlayerTrack;
import dev.touchline.sensor.PlayerId;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code touchline gps import-parquet}: reads a Parquet track export and writes a .tlg container. */
@Command(name = "import-parquet", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Reads a Parquet file with the columns export-parquet writes (time, lat_deg, lon_deg, optional "
                + "speed_m_s and player_id) and writes one player's track as a .tlg container.")
public final class GpsImportParquetCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--in", required = true, description = "Input .parquet file.")
    private Path in;

    @Option(names = "--out", required = true, description = "Output .tlg file.")
    private Path out;

    @Option(names = "--player", description = "Player UUID to take when the file holds several players.")
    private String player;

    @Option(names = "--level", description = "zstd level 1..22 for zstd blocks (default: ${DEFAULT-VALUE}).")
    private int level = 3;

    @Option(names = "--mode", description = "Entropy stage: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private EntropyMode mode = EntropyMode.AUTO;

    @Option(names = "--json", description = "Print a machine-readable summary on stdout.")
    private boolean json;

    @Override
    public Integer call() throws BadInputException, IOException {
        if (level < 1 || level > 22) {
            throw new ParameterException(spec.commandLine(), "--level " + level + " outside 1..22");
        }
        Optional<PlayerId> wanted;
        try {
            wanted = player == null ? Optional.empty() : Optional.of(PlayerId.parse(player));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--player " + player + ": " + e.getMessage());
        }
        byte[] bytes = GpsFiles.readAll(spec, in);
        List<PlayerTrack> tracks;
        try {
            tracks = GpsParquet.defaults().readAll(bytes);
        } catch (CorruptGpsDataException e) {
            throw new BadInputException(in + ": " + e.getMessage(), e);
        }
        PlayerTrack chosen = choose(tracks, wanted);
        // Parquet keeps time to the microsecond; so does the container we write.
        GpsCodec.Builder b = GpsCodec.builder().zstdLevel(level).entropyMode(mode)
                .timeResolution(Duration.ofNanos(1000));
        chosen.player().ifPresent(b::player);
        byte[] tlg = b.build().encode(chosen.track());
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(out, tlg);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot write " + out + ": " + e.getMessage());
        }
        int fixes = chosen.track().length();
        double bits = fixes == 0 ? 0 : 8.0 * tlg.length / fixes;
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            ObjectNode node = new ObjectMapper().createObjectNode();
            node.put("fixes", fixes);
            node.put("players_in_file", tracks.size());
            node.put("bytes", tlg.length);
            node.put("bits_per_fix", bits);
            node.put("out", out.toString());
            stdout.println(node.toString());
        } else {
            stdout.printf(Locale.ROOT, "%s: %d fixes, %d bytes, %.3f bits per fix%n", out, fixes, tlg.length, bits);
        }
        return 0;
    }

    private PlayerTrack choose(List<PlayerTrack> tracks, Optional<PlayerId> wanted) throws BadInputException {
        if (wanted.isPresent()) {
            List<PlayerTrack> match = tracks.stream().filter(t -> t.player().equals(wanted)).toList();
            if (match.size() != 1) {
                throw new BadInputException(in + ": " + match.size() + " tracks of player " + wanted.get()
                        + " (expected 1)");
            }
            return match.get(0);
        }
        if (tracks.isEmpty()) {
            return PlayerTrack.anonymous(dev.touchline.sensor.GpsTrack.empty());
        }
        if (tracks.size() > 1) {
            throw new BadInputException(in + ": the file holds " + tracks.size() + " tracks; choose one with "
                    + "--player UUID");
        }
        return tracks.get(0);
    }
}
