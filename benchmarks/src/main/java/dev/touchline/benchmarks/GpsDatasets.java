package dev.touchline.benchmarks;

import dev.touchline.formats.catapult.CatapultCsvReader;
import dev.touchline.formats.statsports.StatSportsCsvReader;
import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.simulation.MatchSimulation;
import dev.touchline.sensor.simulation.MatchSimulator;
import dev.touchline.sensor.simulation.Signal;
import dev.touchline.sensor.simulation.SimulationChunk;
import dev.touchline.sensor.simulation.SimulationConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;

/**
 * The GNSS tracks the codec benchmarks run on: {@code simulated} (one player of a seeded 90-minute match, seed 1)
 * and the two real 10 Hz sets {@code statsports} and {@code catapult}, read in place from {@code TOUCHLINE_DATA}.
 */
public final class GpsDatasets {
    private GpsDatasets() {
    }

    /** The track named {@code name}; {@code minutes} applies to {@code simulated} only. */
    public static GpsTrack load(String name, int minutes) {
        try {
            return switch (name) {
                case "simulated" -> simulated(1, minutes);
                case "statsports" -> StatSportsCsvReader.onEpochDay().read(real("gps/statsports_U16_ID66.csv.gz"))
                        .track();
                case "catapult" -> CatapultCsvReader.create().read(real("gps/catapult_U18_ID1.csv.gz")).track();
                default -> throw new IllegalArgumentException("dataset must be simulated, statsports or catapult, "
                        + "was " + name);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path real(String relative) {
        String root = System.getenv("TOUCHLINE_DATA");
        if (root == null || root.isBlank()) {
            throw new IllegalStateException("set TOUCHLINE_DATA to the shared data folder to benchmark " + relative);
        }
        Path path = Path.of(root).resolve(relative);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("TOUCHLINE_DATA=" + root + " but " + relative + " is missing");
        }
        return path;
    }

    /** Player 1's 10 Hz GNSS track of a simulated match (2 players, no break). */
    public static GpsTrack simulated(long seed, int minutes) {
        SimulationConfig config = SimulationConfig.builder().seed(seed).players(2)
                .matchDuration(Duration.ofMinutes(minutes)).halfTimeBreak(Duration.ZERO)
                .signals(EnumSet.of(Signal.POSITIONS, Signal.GNSS)).build();
        GpsTrack track = GpsTrack.empty();
        try (MatchSimulation sim = MatchSimulator.of(config).start()) {
            while (sim.hasNext()) {
                SimulationChunk chunk = sim.next();
                track = track.concat(chunk.gnss().get(1));
            }
        }
        return track;
    }
}
