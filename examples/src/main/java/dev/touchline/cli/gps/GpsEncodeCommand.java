package dev.touchline.cli.gps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchline.cli.BadInputException;
import dev.touchline.codec.gps.EntropyMode;
import dev.touchline.codec.gps.GpsCodec;
import dev.touchline.formats.FormatException;
import dev.touchline.formats.GpsReadResult;
import dev.touchline.formats.catapult.CatapultCsvReader;
import dev.touchline.formats.csv.GpsCsvReader;
import dev.touchline.formats.fit.FitActivityReader;
import dev.touchline.formats.gpx.GpxReader;
import dev.touchline.formats.statsports.StatSportsCsvReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code touchline gps encode}: reads a GNSS export and writes a .tlg container. */
@Command(name = "encode", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Reads a GNSS export (STATSports CSV, Catapult CSV, GPX 1.1, FIT activity or time_us,lat_deg,lon_deg,speed_m_s CSV; "
                + "plain or .gz) and writes a .tlg container. Invalid fixes are skipped and counted.")
public final class GpsEncodeCommand implements Callable<Integer> {
    /** Input formats. */
    enum Format { statsports, catapult, gpx, fit, csv }

    @Spec
    private CommandSpec spec;

    @Option(names = "--in", required = true, description = "Input file.")
    private Path in;

    @Option(names = "--format", required = true, description = "Input format: ${COMPLETION-CANDIDATES}.")
    private Format format;

    @Option(names = "--out", required = true, description = "Output .tlg file.")
    private Path out;

    @Option(names = "--level", description = "zstd level 1..22 for zstd blocks (default: ${DEFAULT-VALUE}).")
    private int level = 3;

    @Option(names = "--mode", description = "Entropy stage: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private EntropyMode mode = EntropyMode.AUTO;

    @Option(names = "--windows-per-block", description = "30 s seek windows per entropy block, 1..64: larger is "
            + "smaller but makes a seek decode more (default: ${DEFAULT-VALUE}).")
    private int windowsPerBlock = GpsCodec.DEFAULT_WINDOWS_PER_BLOCK;

    @Option(names = "--format-version", description = "Container format version to write, 1..3: 3 codes with "
            + "static-table rANS, 2 and 1 are the older adaptive range coder, kept for older readers "
            + "(default: ${DEFAULT-VALUE}).")
    private int formatVersion = 3;

    @Option(names = "--date", description = "Date of a STATSports session (its file has times of day only), "
            + "ISO yyyy-mm-dd (default: 1970-01-01).")
    private LocalDate date = LocalDate.EPOCH;

    @Option(names = "--json", description = "Print a machine-readable summary on stdout.")
    private boolean json;

    @Override
    public Integer call() throws BadInputException, IOException {
        if (level < 1 || level > 22) {
            throw new ParameterException(spec.commandLine(), "--level " + level + " outside 1..22");
        }
        GpsReadResult read;
        try {
            read = switch (format) {
                case statsports -> StatSportsCsvReader.onDate(date).read(in);
                case catapult -> CatapultCsvReader.create().read(in);
                case gpx -> GpxReader.create().read(in);
                case fit -> FitActivityReader.create().read(in).gps();
                case csv -> GpsCsvReader.create().read(in);
            };
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "no such file: " + in);
        } catch (FormatException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        if (windowsPerBlock < 1 || windowsPerBlock > 64) {
            throw new ParameterException(spec.commandLine(), "--windows-per-block " + windowsPerBlock
                    + " outside 1..64");
        }
        if (formatVersion < 1 || formatVersion > 3) {
            throw new ParameterException(spec.commandLine(), "--format-version " + formatVersion + " outside 1..3");
        }
        GpsCodec codec = GpsCodec.builder().zstdLevel(level).entropyMode(mode).windowsPerBlock(windowsPerBlock)
                .formatVersion(formatVersion).build();
        byte[] bytes = codec.encode(read.track());
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(out, bytes);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot write " + out + ": " + e.getMessage());
        }
        int fixes = read.track().length();
        double bits = fixes == 0 ? 0 : 8.0 * bytes.length / fixes;
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            ObjectNode node = new ObjectMapper().createObjectNode();
            node.put("fixes", fixes);
            node.put("rejected", read.rejected().size());
            node.put("bytes", bytes.length);
            node.put("bits_per_fix", bits);
            node.put("out", out.toString());
            stdout.println(node.toString());
        } else {
            stdout.printf(Locale.ROOT, "%s: %d fixes (%d rejected), %d bytes, %.3f bits per fix%n", out, fixes,
                    read.rejected().size(), bytes.length, bits);
        }
        return 0;
    }
}
