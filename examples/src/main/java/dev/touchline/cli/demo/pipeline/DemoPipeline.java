package dev.touchline.cli.demo.pipeline;

import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.pitch.LocalTangentPlane;
import dev.touchline.sensor.simulation.MatchSimulation;
import dev.touchline.sensor.simulation.MatchSimulator;
import dev.touchline.sensor.simulation.MotionBlock;
import dev.touchline.sensor.simulation.Roster;
import dev.touchline.sensor.simulation.RosterEntry;
import dev.touchline.sensor.simulation.Signal;
import dev.touchline.sensor.simulation.SimulationChunk;
import dev.touchline.sensor.simulation.SimulationConfig;
import dev.touchline.tracking.TrackerConfig;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.sql.DataSource;

/**
 * {@code touchline demo}'s pipeline: simulate a match and take it through every module, then collect the stages'
 * results. The simulator runs on its own thread, a few chunks ahead of the stages, so the two cores of a small
 * machine both work.
 */
public final class DemoPipeline {
    /** Receives progress; the CLI draws a bar, tests pass {@link #SILENT}. */
    public interface Progress {
        /** A task with {@code max} steps begins. */
        void start(String task, long max);

        /** One step of the current task is done. */
        void step();

        /** The current task is done. */
        void done();
    }

    /** Progress that goes nowhere. */
    public static final Progress SILENT = new Progress() {
        @Override
        public void start(String task, long max) {
        }

        @Override
        public void step() {
        }

        @Override
        public void done() {
        }
    };

    private DemoPipeline() {
    }

    /** The simulation the demo runs for these settings. */
    public static SimulationConfig simulation(DemoSettings s) {
        return SimulationConfig.builder().seed(s.seed())
                .matchDuration(Duration.ofMillis(Math.round(s.minutes() * 60_000)))
                .halfTimeBreak(Duration.ofMillis(Math.round(s.halfTimeBreakMinutes() * 60_000)))
                .wearablePlayers(s.wearablePlayers())
                .chunkDuration(Duration.ofSeconds(10))
                .signals(EnumSet.of(Signal.POSITIONS, Signal.DETECTIONS, Signal.GNSS, Signal.IMU, Signal.ECG,
                        Signal.PPG, Signal.FSR))
                .build();
    }

    /** The people of a roster as report rows: {@code H7} is home's number 7, {@code R90} a referee. */
    public static List<PlayerInfo> people(Roster roster) {
        List<PlayerInfo> out = new ArrayList<>();
        for (RosterEntry e : roster.entries()) {
            String prefix = switch (e.side()) {
                case HOME -> "H";
                case AWAY -> "A";
                case OFFICIAL -> "R";
            };
            int number = e.side() == dev.touchline.sensor.simulation.TeamSide.OFFICIAL ? e.playerNumber()
                    : e.jerseyNumber();
            out.add(new PlayerInfo(e.objectIndex(), prefix + number, e.side().code(), e.id()));
        }
        return out;
    }

    /**
     * Runs the demo.
     *
     * @param settings what to simulate
     * @param db an open, migrated database
     * @param dbDescription where it is, for the report
     * @param progress receives progress
     */
    public static SessionReport run(DemoSettings settings, DataSource db, String dbDescription, Progress progress)
            throws Exception {
        SimulationConfig config = simulation(settings);
        MatchSimulator simulator = MatchSimulator.of(config);
        Roster roster = simulator.roster();
        List<PlayerInfo> people = people(roster);
        int playerCount = roster.playerCount();
        List<PlayerInfo> players = people.subList(0, playerCount);
        int[] wearables = simulator.wearableObjects();
        List<PlayerInfo> wearers = new ArrayList<>();
        for (int o : wearables) {
            wearers.add(people.get(o));
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        CalibrationStage calibration = new CalibrationStage(config.pitch(), settings.seed());
        seconds.put("calibration", (System.nanoTime() - t0) * 1e-9);

        StorageStage storage = new StorageStage(db, dbDescription);
        storage.register(settings.matchId(), "Simulated match, seed " + settings.seed(), people,
                new long[] {config.periodStartMicros(1), config.periodStartMicros(2)},
                new long[] {config.periodEndMicros(1), config.periodEndMicros(2)});
        GnssStage gnss = new GnssStage(players);
        FusionStage fusion = new FusionStage(wearers, config.kickoffMicros());
        TrackingStage tracking = new TrackingStage(roster, TrackerConfig.defaults(), settings.seed(),
                Math.round(settings.cutIntervalSeconds() * 1e6), Math.round(settings.cutSeconds() * 1e6),
                storage::writePositions);
        SpeedProfile[] truth = new SpeedProfile[playerCount];
        for (int i = 0; i < playerCount; i++) {
            truth[i] = new SpeedProfile();
        }
        long[] nanos = new long[4];
        long simulateWait = 0;
        progress.start("demo", simulator.chunkCount());
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(4);
        Object end = new Object();
        Thread producer = producer(simulator, queue, end);
        long loopStart = System.nanoTime();
        try {
            while (true) {
                long w = System.nanoTime();
                Object item = queue.take();
                simulateWait += System.nanoTime() - w;
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
                long a = System.nanoTime();
                for (int o = 0; o < playerCount; o++) {
                    GpsTrack piece = chunk.gnss().get(o);
                    if (!piece.isEmpty()) {
                        gnss.accept(o, piece);
                    }
                }
                MotionBlock motion = chunk.motion();
                for (int o = 0; o < playerCount; o++) {
                    for (int f = 0; f < motion.chunkFrames(); f++) {
                        truth[o].accept(motion.timeMicros(f), motion.speed(o, f));
                    }
                }
                long b = System.nanoTime();
                for (int k = 0; k < chunk.wearables().size(); k++) {
                    fusion.accept(k, chunk.wearables().get(k));
                }
                long c = System.nanoTime();
                tracking.accept(chunk, calibration);
                long d = System.nanoTime();
                nanos[0] += b - a;
                nanos[1] += c - b;
                nanos[2] += d - c;
                progress.step();
            }
        } finally {
            producer.interrupt();
            progress.done();
        }
        long a = System.nanoTime();
        TrackingResult trackingResult = tracking.finish();
        nanos[2] += System.nanoTime() - a;
        a = System.nanoTime();
        Map<Integer, SpeedProfile.Totals> truthTotals = new HashMap<>();
        for (int o = 0; o < playerCount; o++) {
            truthTotals.put(o, truth[o].totals());
        }
        int windowSlot = wearables.length > 0 ? wearables[0] : 0;
        long windowFrom = config.kickoffMicros() + Math.min(600_000_000L, config.halfDurationMicros() / 2);
        GnssResult gnssResult = gnss.finish(truthTotals, LocalTangentPlane.of(config.stadium()), config.pitch(),
                "home", windowFrom, windowSlot);
        long gnssNanos = nanos[0] + System.nanoTime() - a;
        a = System.nanoTime();
        FusionResult fusionResult = fusion.finish();
        long fusionNanos = nanos[1] + System.nanoTime() - a;
        long loopNanos = System.nanoTime() - loopStart;
        seconds.put("simulation (waited for)", simulateWait * 1e-9);
        seconds.put("gnss codec + totals", gnssNanos * 1e-9);
        seconds.put("wearable fusion", fusionNanos * 1e-9);
        seconds.put("calibrated projection + tracking + re-id + position load", nanos[2] * 1e-9);
        a = System.nanoTime();
        List<GpsTrack> restored = gnss.restored();
        progress.start("database", players.size());
        for (int s = 0; s < players.size(); s++) {
            storage.writeGnss(players.get(s), restored.get(s));
            progress.step();
        }
        storage.writeGnssBlocks(players, gnss.encoded());
        storage.writeWearables(fusion.series());
        progress.done();
        StorageResult storageResult = storage.finish(players, restored, windowSlot, windowFrom, List.of());
        seconds.put("gnss load + queries", (System.nanoTime() - a) * 1e-9);
        seconds.put("other (truth totals, hand-over)", Math.max(0, (loopNanos - simulateWait - nanos[0] - nanos[1]
                - nanos[2]) * 1e-9));
        a = System.nanoTime();
        ParquetResult parquet = ParquetResult.export(players, restored);
        seconds.put("parquet export", (System.nanoTime() - a) * 1e-9);
        Map<String, String> versions = versions(db);
        Map<String, String> skipped = new LinkedHashMap<>();
        return new SessionReport("Simulated match, seed " + settings.seed() + ", " + fmt(settings.minutes())
                + " minutes", settings, versions, gnssResult, fusionResult, calibration.result(), trackingResult,
                storageResult, parquet, seconds, skipped);
    }

    private static String fmt(double minutes) {
        return minutes == Math.rint(minutes) ? String.valueOf((long) minutes) : String.valueOf(minutes);
    }

    private static Thread producer(MatchSimulator simulator, BlockingQueue<Object> queue, Object end) {
        Thread t = new Thread(() -> {
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
        }, "touchline-demo-simulator");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Versions of the pieces a report depends on. */
    public static Map<String, String> versions(DataSource db) throws SQLException {
        Map<String, String> v = new LinkedHashMap<>();
        String own = DemoPipeline.class.getPackage().getImplementationVersion();
        v.put("touchline", own == null ? "development build (classes, not the jar)" : own);
        v.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            v.put("postgresql", rs.getString(1));
        }
        v.put("xchart", mavenVersion(org.knowm.xchart.XYChart.class, "org.knowm.xchart", "xchart"));
        v.put("picocli", picocli.CommandLine.VERSION);
        return v;
    }

    /** The version in a jar's Maven metadata, which survives shading; "unknown" when it is not there. */
    private static String mavenVersion(Class<?> type, String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (java.io.InputStream in = type.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
