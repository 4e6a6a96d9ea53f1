package dev.touchline.cli.simulate;

import dev.touchline.sensor.simulation.MotionBlock;
import dev.touchline.sensor.simulation.Roster;
import dev.touchline.sensor.simulation.SimulationConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-object statistics of a simulated session, accumulated chunk by chunk from the true 25 Hz positions:
 * distance covered, top speed, and time and distance above 5.5 m/s.
 */
public final class SessionSummary {
    /** Speed above which running counts as high-speed, m/s (19.8 km/h, the common HSR threshold). */
    public static final double HIGH_SPEED_METRES_PER_SECOND = 5.5;

    private final SimulationConfig config;
    private final Roster roster;
    private final double[] distance;
    private final double[] topSpeed;
    private final double[] highSpeedDistance;
    private final double[] highSpeedSeconds;
    private final double[] lastX;
    private final double[] lastY;
    private int lastPeriod;
    private final Map<String, Long> fixedRows = new LinkedHashMap<>();

    SessionSummary(SimulationConfig config, Roster roster) {
        this.config = config;
        this.roster = roster;
        int n = roster.size();
        distance = new double[n];
        topSpeed = new double[n];
        highSpeedDistance = new double[n];
        highSpeedSeconds = new double[n];
        lastX = new double[n];
        lastY = new double[n];
    }

    void rows(String file, long rows) {
        fixedRows.put(file, rows);
    }

    Map<String, Long> fixedRows() {
        return fixedRows;
    }

    /** Adds the frames of one chunk. */
    public void add(MotionBlock m) {
        double dt = MotionBlock.FRAME_MICROS / 1e6;
        for (int o = 0; o < m.objectCount(); o++) {
            for (int f = 0; f < m.chunkFrames(); f++) {
                double x = m.x(o, f);
                double y = m.y(o, f);
                // the first frame of a period follows the half-time break: no step to count
                if (m.period() == lastPeriod || f > 0) {
                    double step = Math.hypot(x - lastX[o], y - lastY[o]);
                    distance[o] += step;
                    if (step / dt > HIGH_SPEED_METRES_PER_SECOND) {
                        highSpeedDistance[o] += step;
                        highSpeedSeconds[o] += dt;
                    }
                }
                topSpeed[o] = Math.max(topSpeed[o], m.speed(o, f));
                lastX[o] = x;
                lastY[o] = y;
            }
        }
        lastPeriod = m.period();
    }

    /** The roster the statistics refer to. */
    public Roster roster() {
        return roster;
    }

    /** The config of the session. */
    public SimulationConfig config() {
        return config;
    }

    /** Distance covered by object {@code o}, metres. */
    public double distanceMetres(int o) {
        return distance[o];
    }

    /** Top speed of object {@code o}, m/s. */
    public double topSpeedMetresPerSecond(int o) {
        return topSpeed[o];
    }

    /** Distance covered above 5.5 m/s by object {@code o}, metres. */
    public double highSpeedDistanceMetres(int o) {
        return highSpeedDistance[o];
    }

    /** Time spent above 5.5 m/s by object {@code o}, seconds. */
    public double highSpeedSeconds(int o) {
        return highSpeedSeconds[o];
    }
}
