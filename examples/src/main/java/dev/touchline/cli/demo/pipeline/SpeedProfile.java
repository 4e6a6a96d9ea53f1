package dev.touchline.cli.demo.pipeline;

/**
 * Distance, speed zones, sprints and top speed from a stream of speed samples (GNSS Doppler speed or the
 * simulator's true speed). Distance is the integral of speed over time; a step longer than {@link #GAP_MICROS}
 * (a dropout or the half-time break) is not integrated.
 */
public final class SpeedProfile {
    /** Zone lower edges, m/s: walking, jogging, running, high-speed running, sprinting. */
    public static final double[] ZONE_EDGES = {0.0, 2.0, 4.0, 5.5, 7.0};
    /** Zone names for reports, in {@link #ZONE_EDGES} order. */
    public static final String[] ZONE_NAMES = {"0-2 m/s", "2-4 m/s", "4-5.5 m/s", "5.5-7 m/s", ">7 m/s"};
    /** A sprint: speed at or above this, m/s ... */
    public static final double SPRINT_SPEED = 7.0;
    /** ... for at least this long, µs. */
    public static final long SPRINT_MIN_MICROS = 1_000_000L;
    /** Steps longer than this are gaps, µs. */
    public static final long GAP_MICROS = 500_000L;

    private final double[] zoneMetres = new double[ZONE_EDGES.length];
    private double metres;
    private double topSpeed;
    private int sprints;
    private long lastMicros = Long.MIN_VALUE;
    private double lastSpeed;
    private long sprintStart = Long.MIN_VALUE;
    private boolean sprintCounted;

    /** Adds one sample; times must not go backwards. */
    public void accept(long timeMicros, double speedMetresPerSecond) {
        double s = Double.isFinite(speedMetresPerSecond) ? Math.max(0, speedMetresPerSecond) : 0;
        if (lastMicros != Long.MIN_VALUE) {
            long dt = timeMicros - lastMicros;
            if (dt > 0 && dt <= GAP_MICROS) {
                double d = 0.5 * (s + lastSpeed) * dt * 1e-6;
                metres += d;
                zoneMetres[zone(0.5 * (s + lastSpeed))] += d;
            } else if (dt > GAP_MICROS) {
                sprintStart = Long.MIN_VALUE;
            }
        }
        topSpeed = Math.max(topSpeed, s);
        if (s >= SPRINT_SPEED) {
            if (sprintStart == Long.MIN_VALUE) {
                sprintStart = timeMicros;
                sprintCounted = false;
            }
            if (!sprintCounted && timeMicros - sprintStart >= SPRINT_MIN_MICROS) {
                sprints++;
                sprintCounted = true;
            }
        } else {
            sprintStart = Long.MIN_VALUE;
        }
        lastMicros = timeMicros;
        lastSpeed = s;
    }

    private static int zone(double speed) {
        int z = 0;
        while (z + 1 < ZONE_EDGES.length && speed >= ZONE_EDGES[z + 1]) {
            z++;
        }
        return z;
    }

    /** The figures so far. */
    public Totals totals() {
        return new Totals(metres, zoneMetres.clone(), sprints, topSpeed);
    }

    /**
     * Totals of one player.
     *
     * @param metres distance, m
     * @param zoneMetres distance per zone, m, in {@link #ZONE_EDGES} order
     * @param sprints number of sprints
     * @param topSpeed highest speed, m/s
     */
    public record Totals(double metres, double[] zoneMetres, int sprints, double topSpeed) {
        /** Copies the array. */
        public Totals {
            zoneMetres = zoneMetres.clone();
        }

        @Override
        public double[] zoneMetres() {
            return zoneMetres.clone();
        }
    }
}
