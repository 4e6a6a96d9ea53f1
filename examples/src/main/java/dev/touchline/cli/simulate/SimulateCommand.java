package dev.touchline.cli.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchline.sensor.TimeMicros;
import dev.touchline.sensor.simulation.MatchSimulation;
import dev.touchline.sensor.simulation.MatchSimulator;
import dev.touchline.sensor.simulation.RosterEntry;
import dev.touchline.sensor.simulation.Signal;
import dev.touchline.sensor.simulation.SimulationChunk;
import dev.touchline.sensor.simulation.SimulationConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code touchline simulate}: writes a simulated match with its ground truth as CSV files. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulates a football match (positions, detections, GNSS, tibia IMU, ECG, PPG, FSR) with its "
                + "ground truth and writes it as CSV files.",
            "Every time_s column is seconds since kick-off; GNSS files carry epoch microseconds (time_us)."})
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--seed", description = "Random seed; the same seed gives identical files (default: ${DEFAULT-VALUE}).")
    private long seed = 1;

    @Option(names = "--minutes", description = "Playing time in minutes, both halves together, 0.1 to 240 "
            + "(default: ${DEFAULT-VALUE}).")
    private double minutes = 90;

    @Option(names = "--players", description = "Players of both teams, even, 2 to 22 (default: ${DEFAULT-VALUE}).")
    private int players = 22;

    @Option(names = "--wearable-players", description = "Players whose high-rate signals (IMU, ECG, PPG, FSR) are "
            + "written, 0 to 22 (default: ${DEFAULT-VALUE}).")
    private int wearablePlayers = 2;

    @Option(names = "--signals", split = ",", paramLabel = "SIGNAL",
            description = "Signals to write, comma-separated: positions, detections, gnss, imu, ecg, ppg, fsr "
                    + "(default: all).")
    private List<String> signals = List.of();

    @Option(names = "--half-time-break-minutes", description = "Half-time break in minutes, 0 to 60; no samples "
            + "are written during it (default: ${DEFAULT-VALUE}).")
    private double breakMinutes = 15;

    @Option(names = "--out", required = true, description = "Output directory; created if missing.")
    private Path out;

    @Option(names = "--json", description = "Print a machine-readable summary on stdout.")
    private boolean json;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException, InterruptedException {
        SimulationConfig config = config();
        prepareOutput();
        MatchSimulator simulator = MatchSimulator.of(config);
        long started = System.nanoTime();
        Map<String, Long> rows;
        SessionSummary summary;
        try (SessionWriter writer = new SessionWriter(out, simulator)) {
            runPipeline(simulator, writer);
            rows = writer.rowsPerFile();
            summary = writer.summary();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        ObjectNode report = report(simulator, summary, rows, elapsed);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        mapper.writeValue(out.resolve("session.json").toFile(), report);
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            stdout.println(mapper.writeValueAsString(report));
        } else {
            long total = rows.values().stream().mapToLong(Long::longValue).sum();
            stdout.printf(Locale.ROOT, "Wrote %,d rows in %d files to %s in %.1f s (seed %d, %.1f minutes).%n",
                    total, rows.size(), out, elapsed, seed, config.matchDurationMicros() / 6e7);
        }
        stdout.flush();
        return 0;
    }

    private SimulationConfig config() {
        if (!(minutes >= 0.1 && minutes <= 240)) {
            throw new ParameterException(spec.commandLine(), "--minutes must be in [0.1, 240], was " + minutes);
        }
        if (!(breakMinutes >= 0 && breakMinutes <= 60)) {
            throw new ParameterException(spec.commandLine(),
                    "--half-time-break-minutes must be in [0, 60], was " + breakMinutes);
        }
        EnumSet<Signal> chosen = EnumSet.noneOf(Signal.class);
        for (String s : signals) {
            try {
                chosen.add(Signal.valueOf(s.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--signals: unknown signal '" + s
                        + "', expected positions, detections, gnss, imu, ecg, ppg or fsr");
            }
        }
        try {
            return SimulationConfig.builder()
                    .seed(seed)
                    .players(players)
                    .wearablePlayers(wearablePlayers)
                    .matchDuration(Duration.ofMillis(Math.round(minutes * 60_000)))
                    .halfTimeBreak(Duration.ofMillis(Math.round(breakMinutes * 60_000)))
                    .signals(signals.isEmpty() ? EnumSet.allOf(Signal.class) : chosen)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private void prepareOutput() {
        try {
            Files.createDirectories(out);
        } catch (IOException | SecurityException e) {
            throw new ParameterException(spec.commandLine(), "--out " + out + " cannot be created: " + e);
        }
        if (!Files.isDirectory(out) || !Files.isWritable(out)) {
            throw new ParameterException(spec.commandLine(), "--out " + out + " is not a writable directory");
        }
    }

    /**
     * Simulates on a second thread while this one writes, so both cores work: chunks pass through a small
     * bounded queue, which also keeps memory flat.
     */
    private void runPipeline(MatchSimulator simulator, SessionWriter writer) throws IOException, InterruptedException {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(16);
        Object end = new Object();
        Thread producer = new Thread(() -> {
            try (MatchSimulation run = simulator.start()) {
                while (run.hasNext()) {
                    queue.put(run.next());
                }
                queue.put(end);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                try {
                    queue.put(e);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "touchline-simulator");
        producer.setDaemon(true);
        producer.start();
        try (ProgressBar bar = progressBar(simulator)) {
            while (true) {
                Object item = queue.take();
                if (item == end) {
                    break;
                }
                if (item instanceof RuntimeException e) {
                    throw e;
                }
                if (item instanceof Error e) {
                    throw e;
                }
                SimulationChunk chunk = (SimulationChunk) item;
                writer.write(chunk);
                if (bar != null) {
                    bar.step();
                }
            }
        } finally {
            producer.interrupt();
        }
    }

    private ProgressBar progressBar(MatchSimulator simulator) {
        if (quiet) {
            return null;
        }
        return new ProgressBarBuilder()
                .setTaskName("simulate")
                .setInitialMax(simulator.chunkCount())
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUnit(" s", 1)
                .showSpeed()
                .build();
    }

    private ObjectNode report(MatchSimulator simulator, SessionSummary summary, Map<String, Long> rows,
                              double elapsedSeconds) {
        SimulationConfig c = simulator.config();
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("seed", c.seed());
        root.put("minutes", c.matchDurationMicros() / 6e7);
        root.put("kickoff", TimeMicros.toInstant(c.kickoffMicros()).toString());
        root.put("kickoff_time_us", c.kickoffMicros());
        root.put("half_time_break_s", c.halfTimeBreakMicros() / 1e6);
        root.put("pitch_length_m", c.pitch().lengthMetres());
        root.put("pitch_width_m", c.pitch().widthMetres());
        root.put("stadium_lat_deg", c.stadium().latDeg());
        root.put("stadium_lon_deg", c.stadium().lonDeg());
        root.put("stadium_bearing_deg", c.stadium().bearingDeg());
        root.put("players", c.players());
        ArrayNode sigs = root.putArray("signals");
        c.signals().stream().sorted().forEach(s -> sigs.add(s.name().toLowerCase(Locale.ROOT)));
        root.put("elapsed_s", Math.round(elapsedSeconds * 1000) / 1000.0);
        ObjectNode files = root.putObject("rows");
        rows.forEach(files::put);
        ArrayNode list = root.putArray("player_stats");
        for (RosterEntry e : simulator.roster().entries()) {
            int o = e.objectIndex();
            ObjectNode p = list.addObject();
            p.put("player_id", e.playerNumber());
            p.put("team", e.side().code());
            p.put("role", e.role().name().toLowerCase(Locale.ROOT));
            p.put("distance_m", round1(summary.distanceMetres(o)));
            p.put("top_speed_m_s", Math.round(summary.topSpeedMetresPerSecond(o) * 100) / 100.0);
            p.put("hsr_distance_m", round1(summary.highSpeedDistanceMetres(o)));
            p.put("hsr_time_s", round1(summary.highSpeedSeconds(o)));
        }
        return root;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
