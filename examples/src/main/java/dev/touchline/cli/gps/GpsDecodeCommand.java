package dev.touchline.cli.gps;

import dev.touchline.cli.BadInputException;
import dev.touchline.cli.io.CsvWriter;
import dev.touchline.codec.gps.CorruptGpsDataException;
import dev.touchline.codec.gps.GpsFile;
import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.TimeMicros;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code touchline gps decode}: writes the fixes of a .tlg container (or of a time range) as CSV. */
@Command(name = "decode", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes the fixes of a .tlg container as time_us,lat_deg,lon_deg,speed_m_s CSV; with "
                + "--from/--to only that range, decoding only the key-frame intervals it touches.")
public final class GpsDecodeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--in", required = true, description = "Input .tlg file.")
    private Path in;

    @Option(names = "--out", required = true, description = "Output CSV file.")
    private Path out;

    @Option(names = "--from", description = "First instant, ISO-8601 (e.g. 2026-08-15T14:00:00Z).")
    private Instant from;

    @Option(names = "--to", description = "Last instant, ISO-8601.")
    private Instant to;

    @Override
    public Integer call() throws BadInputException, IOException {
        long fromMicros = from == null ? Long.MIN_VALUE : TimeMicros.of(from);
        long toMicros = to == null ? Long.MAX_VALUE : TimeMicros.of(to);
        if (fromMicros > toMicros) {
            throw new ParameterException(spec.commandLine(), "--from " + from + " is after --to " + to);
        }
        GpsTrack track;
        try (GpsFile file = GpsFiles.open(spec, in)) {
            track = from == null && to == null ? file.decodeAll() : file.decodeRange(fromMicros, toMicros);
        } catch (CorruptGpsDataException e) {
            throw new BadInputException(in + ": " + e.getMessage(), e);
        }
        try (CsvWriter w = CsvWriter.create(out, "time_us,lat_deg,lon_deg,speed_m_s")) {
            for (int i = 0; i < track.length(); i++) {
                w.integer(track.timeMicros(i)).fixed(track.latDeg(i), 6).fixed(track.lonDeg(i), 6)
                        .fixed(track.speedMetresPerSecond(i), 2).endRow();
            }
        }
        return 0;
    }
}
