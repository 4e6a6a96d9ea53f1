package dev.touchline.sensor.simulation;

import dev.touchline.sensor.GpsTrack;
import java.util.ArrayList;
import java.util.List;

/** Helpers for the GNSS tests: whole-match tracks and hand-made motion. */
final class GnssTestSupport {
    private GnssTestSupport() {
    }

    /** Every player's fixes over the whole match, indexed by object. */
    static List<GpsTrack> runMatch(SimulationConfig config) {
        MatchSimulator simulator = MatchSimulator.of(config);
        int objects = simulator.roster().size();
        List<GpsTrack.Builder> builders = new ArrayList<>();
        for (int o = 0; o < objects; o++) {
            builders.add(GpsTrack.builder());
        }
        try (MatchSimulation run = simulator.start()) {
            while (run.hasNext()) {
                SimulationChunk chunk = run.next();
                for (int o = 0; o < objects; o++) {
                    GpsTrack t = chunk.gnss().get(o);
                    for (int i = 0; i < t.length(); i++) {
                        builders.get(o).add(t.timeMicros(i), t.latDeg(i), t.lonDeg(i), t.speedMetresPerSecond(i));
                    }
                }
            }
        }
        List<GpsTrack> tracks = new ArrayList<>();
        for (GpsTrack.Builder b : builders) {
            tracks.add(b.build());
        }
        return tracks;
    }

    /**
     * Per player, the error of every fix against the true position at the fix time, in pitch metres:
     * {@code [0]} east-west along x, {@code [1]} along y, {@code [2]} the fix time in epoch microseconds.
     */
    static List<double[][]> errorsAgainstTruth(SimulationConfig config) {
        MatchSimulator simulator = MatchSimulator.of(config);
        int objects = simulator.roster().size();
        dev.touchline.sensor.pitch.LocalTangentPlane plane =
                dev.touchline.sensor.pitch.LocalTangentPlane.of(config.stadium());
        List<List<double[]>> rows = new ArrayList<>();
        for (int o = 0; o < objects; o++) {
            rows.add(new ArrayList<>());
        }
        double[] truth = new double[6];
        double[] p = new double[3];
        try (MatchSimulation run = simulator.start()) {
            while (run.hasNext()) {
                SimulationChunk chunk = run.next();
                for (int o = 0; o < objects; o++) {
                    GpsTrack t = chunk.gnss().get(o);
                    for (int i = 0; i < t.length(); i++) {
                        chunk.motion().interpolate(o, t.timeMicros(i), truth);
                        plane.toPitch(t.latDeg(i), t.lonDeg(i), 0, p);
                        rows.get(o).add(new double[] {p[0] - truth[0], p[1] - truth[1], t.timeMicros(i)});
                    }
                }
            }
        }
        List<double[][]> errors = new ArrayList<>();
        for (List<double[]> r : rows) {
            double[][] e = new double[3][r.size()];
            for (int i = 0; i < r.size(); i++) {
                for (int k = 0; k < 3; k++) {
                    e[k][i] = r.get(i)[k];
                }
            }
            errors.add(e);
        }
        return errors;
    }

    /** A player running a circle of the given radius (m) about the centre spot at the given speed (m/s). */
    static final class Circle {
        final double radius;
        final double omega;

        Circle(double radiusMetres, double speedMetresPerSecond) {
            this.radius = radiusMetres;
            this.omega = speedMetresPerSecond / radiusMetres;
        }

        double x(double t) {
            return radius * Math.cos(omega * t);
        }

        double y(double t) {
            return radius * Math.sin(omega * t);
        }

        /** A one-object block of frames from {@code startMicros}, seconds measured from {@code originMicros}. */
        MotionBlock block(int period, long originMicros, long startMicros, int chunkFrames, boolean lookahead) {
            MotionBlock b = new MotionBlock(period, 1, chunkFrames, lookahead);
            for (int f = 0; f < b.frameCount(); f++) {
                long t = startMicros + f * MotionBlock.FRAME_MICROS;
                double s = (t - originMicros) / 1e6;
                b.timeMicros[f] = t;
                b.x[f] = x(s);
                b.y[f] = y(s);
                b.vx[f] = -radius * omega * Math.sin(omega * s);
                b.vy[f] = radius * omega * Math.cos(omega * s);
                b.ax[f] = -radius * omega * omega * Math.cos(omega * s);
                b.ay[f] = -radius * omega * omega * Math.sin(omega * s);
            }
            return b;
        }

        /**
         * Feeds one simulator period 1 of the config in chunks of the given numbers of frames, cycling through
         * them, and returns the fixes.
         */
        GpsTrack run(SimulationConfig config, int... chunkFrames) {
            GnssSimulator sim = new GnssSimulator(config, 0);
            long start = config.periodStartMicros(1);
            long end = config.periodEndMicros(1);
            GpsTrack.Builder out = GpsTrack.builder();
            int k = 0;
            for (long from = start; from < end; k++) {
                long to = Math.min(end, from + chunkFrames[k % chunkFrames.length] * MotionBlock.FRAME_MICROS);
                int frames = Math.toIntExact((to - from) / MotionBlock.FRAME_MICROS);
                GpsTrack t = sim.next(block(1, start, from, frames, to < end), from, to);
                for (int i = 0; i < t.length(); i++) {
                    out.add(t.timeMicros(i), t.latDeg(i), t.lonDeg(i), t.speedMetresPerSecond(i));
                }
                from = to;
            }
            return out.build();
        }
    }
}
