package dev.touchline.cli.gps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchline.cli.BadInputException;
import dev.touchline.codec.gps.CorruptGpsDataException;
import dev.touchline.codec.gps.GpsFile;
import dev.touchline.sensor.GpsTrack;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code touchline gps stats}: size and shape of a .tlg container. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Prints fixes, bytes, bits per fix, blocks, seek windows, duration and format version of a .tlg file.")
public final class GpsStatsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", description = "The .tlg file.")
    private Path file;

    @Option(names = "--json", description = "Print JSON on stdout.")
    private boolean json;

    @Override
    public Integer call() throws BadInputException {
        long fixes;
        int bytes;
        int blocks;
        int version;
        int windows;
        long seekWindowMicros;
        double durationSeconds = 0;
        try (GpsFile f = GpsFiles.open(spec, file)) {
            fixes = f.fixCount();
            bytes = f.byteCount();
            blocks = f.blockCount();
            seekWindowMicros = f.header().keyFrameIntervalMicros();
            version = f.header().formatVersion();
            windows = f.header().windowsPerBlock();
            if (blocks > 0) {
                GpsTrack last = f.decodeBlock(blocks - 1);
                durationSeconds = (last.timeMicros(last.length() - 1) - f.keyTimeMicros(0)) / 1e6;
            }
        } catch (CorruptGpsDataException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
        double bits = fixes == 0 ? 0 : 8.0 * bytes / fixes;
        double seekWindowSeconds = seekWindowMicros / 1e6;
        if (json) {
            ObjectNode node = new ObjectMapper().createObjectNode();
            node.put("fixes", fixes);
            node.put("bytes", bytes);
            node.put("bits_per_fix", bits);
            node.put("blocks", blocks);
            node.put("duration_s", durationSeconds);
            node.put("format_version", version);
            node.put("windows_per_block", windows);
            node.put("seek_window_s", seekWindowSeconds);
            spec.commandLine().getOut().println(node.toString());
        } else {
            spec.commandLine().getOut().printf(Locale.ROOT, "%s: format version %d, %d fixes, %d bytes, %.3f bits "
                    + "per fix, %d blocks of up to %d seek windows of %.0f s, %.1f s%n", file, version, fixes, bytes,
                    bits, blocks, windows, seekWindowSeconds, durationSeconds);
        }
        return 0;
    }
}
