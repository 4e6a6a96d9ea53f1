package dev.touchline.cli.demo.pipeline;

import dev.touchline.codec.gps.CorruptGpsDataException;
import dev.touchline.codec.gps.GpsCodec;
import dev.touchline.codec.gps.GpsFile;
import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.pitch.LocalTangentPlane;
import dev.touchline.sensor.pitch.PitchDimensions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;


/**
 * Collects every player's GNSS fixes, encodes each track with codec-gps, decodes it back and checks it is exact,
 * restores one 30 s window through the seek table, and computes distance, speed zones and sprints from the
 * restored Doppler speeds.
 */
public final class GnssStage {
    /** Length of the restored window, µs. */
    public static final long WINDOW_MICROS = 30_000_000L;
    /** Heat-map cell, m. */
    public static final double HEAT_CELL_METRES = 1.5;
    /** Length of the trajectories drawn, s. */
    public static final double TRAJECTORY_SECONDS = 60;

    private final List<PlayerInfo> players;
    private final List<GpsTrack.Builder> builders = new ArrayList<>();
    private final List<GpsTrack> restored = new ArrayList<>();
    private final List<byte[]> encoded = new ArrayList<>();

    /** A stage for these players, in the order their tracks are offered. */
    public GnssStage(List<PlayerInfo> players) {
        this.players = List.copyOf(players);
        for (int i = 0; i < players.size(); i++) {
            builders.add(GpsTrack.builder());
        }
    }

    /** The players, in slot order. */
    public List<PlayerInfo> players() {
        return players;
    }

    /** Appends fixes of the player in {@code slot}. */
    public void accept(int slot, GpsTrack piece) {
        GpsTrack.Builder b = builders.get(slot);
        for (int i = 0; i < piece.length(); i++) {
            b.add(piece.timeMicros(i), piece.latDeg(i), piece.lonDeg(i), piece.speedMetresPerSecond(i));
        }
    }

    /** Each player's {@code .tlg} container in slot order; empty before {@link #finish}. Not copied: do not modify. */
    public List<byte[]> encoded() {
        return List.copyOf(encoded);
    }

    /** The restored tracks in slot order; empty before {@link #finish}. */
    public List<GpsTrack> restored() {
        return List.copyOf(restored);
    }

    /**
     * Encodes, restores and measures.
     *
     * @param truth true totals per slot, or an empty map for real sessions
     * @param plane the stadium's tangent plane, to draw the tracks on the pitch
     * @param heatTeam team code whose positions the heat map counts
     * @param windowFromMicros start of the window to restore through the seek table
     * @param windowSlot the player whose window is restored
     */
    public GnssResult finish(Map<Integer, SpeedProfile.Totals> truth, LocalTangentPlane plane, PitchDimensions pitch,
                             String heatTeam, long windowFromMicros, int windowSlot) throws CorruptGpsDataException {
        List<GnssResult.PlayerGnss> rows = new ArrayList<>();
        long fixes = 0;
        long bytes = 0;
        boolean allExact = true;
        boolean allIdentical = true;
        double maxChange = 0;
        int windowFixes = 0;
        boolean windowExact = false;
        restored.clear();
        encoded.clear();
        for (int s = 0; s < players.size(); s++) {
            PlayerInfo p = players.get(s);
            GpsTrack track = builders.get(s).build();
            GpsCodec codec = GpsCodec.builder().player(p.id()).build();
            byte[] container = codec.encode(track);
            encoded.add(container);
            GpsTrack back = codec.decode(container);
            // The codec promises decode(encode(x)) == quantise(x): micro-degrees, 0.01 m/s, its time resolution.
            boolean exact = back.equals(codec.quantise(track));
            allExact &= exact;
            allIdentical &= back.equals(track);
            maxChange = Math.max(maxChange, maxChangeMetres(track, back));
            restored.add(back);
            if (s == windowSlot) {
                try (GpsFile file = codec.open(container)) {
                    GpsTrack window = file.decodeRange(windowFromMicros, windowFromMicros + WINDOW_MICROS - 1);
                    GpsTrack expected = codec.quantise(slice(track, windowFromMicros,
                            windowFromMicros + WINDOW_MICROS));
                    windowFixes = window.length();
                    windowExact = window.equals(expected) && windowFixes > 0;
                }
            }
            SpeedProfile measured = new SpeedProfile();
            for (int i = 0; i < back.length(); i++) {
                measured.accept(back.timeMicros(i), back.speedMetresPerSecond(i));
            }
            fixes += track.length();
            bytes += container.length;
            rows.add(new GnssResult.PlayerGnss(p, track.length(), container.length, exact, measured.totals(),
                    truth.get(s)));
        }
        return new GnssResult(rows, fixes, bytes, allExact, allIdentical, maxChange, windowFromMicros, windowFixes,
                windowExact,
                pictures(plane, pitch, heatTeam));
    }

    private PitchPictures pictures(LocalTangentPlane plane, PitchDimensions pitch, String heatTeam) {
        int cols = (int) Math.ceil(pitch.lengthMetres() / HEAT_CELL_METRES);
        int rows = (int) Math.ceil(pitch.widthMetres() / HEAT_CELL_METRES);
        double[] heat = new double[cols * rows];
        List<PitchPictures.Trajectory> paths = new ArrayList<>();
        double[] xyz = new double[3];
        for (int s = 0; s < players.size(); s++) {
            PlayerInfo p = players.get(s);
            GpsTrack t = restored.get(s);
            if (t.isEmpty()) {
                continue;
            }
            boolean counted = p.team().equals(heatTeam);
            long start = t.timeMicros(0);
            long pathEnd = start + Math.round(TRAJECTORY_SECONDS * 1e6);
            double[] px = new double[t.length()];
            double[] py = new double[t.length()];
            int n = 0;
            for (int i = 0; i < t.length(); i++) {
                plane.toPitch(t.latDeg(i), t.lonDeg(i), plane.anchor().heightMetres(), xyz);
                if (counted && i + 1 < t.length()) {
                    long dt = t.timeMicros(i + 1) - t.timeMicros(i);
                    int c = (int) Math.floor((xyz[0] + pitch.halfLength()) / HEAT_CELL_METRES);
                    int r = (int) Math.floor((xyz[1] + pitch.halfWidth()) / HEAT_CELL_METRES);
                    if (dt > 0 && dt <= SpeedProfile.GAP_MICROS && c >= 0 && c < cols && r >= 0 && r < rows) {
                        heat[r * cols + c] += dt * 1e-6;
                    }
                }
                if (t.timeMicros(i) < pathEnd) {
                    px[n] = xyz[0];
                    py[n] = xyz[1];
                    n++;
                }
            }
            paths.add(new PitchPictures.Trajectory(p.label(), p.team(), java.util.Arrays.copyOf(px, n),
                    java.util.Arrays.copyOf(py, n)));
        }
        return new PitchPictures(pitch.lengthMetres(), pitch.widthMetres(), HEAT_CELL_METRES, heatTeam, heat, cols,
                rows, paths, TRAJECTORY_SECONDS);
    }

    /** Largest horizontal distance between a fix and its restored copy, m (same length assumed). */
    static double maxChangeMetres(GpsTrack a, GpsTrack b) {
        double max = 0;
        for (int i = 0; i < Math.min(a.length(), b.length()); i++) {
            double dLat = Math.toRadians(b.latDeg(i) - a.latDeg(i)) * 6_371_008.8;
            double dLon = Math.toRadians(b.lonDeg(i) - a.lonDeg(i)) * 6_371_008.8 * Math.cos(Math.toRadians(a.latDeg(i)));
            max = Math.max(max, Math.hypot(dLat, dLon));
        }
        return max;
    }

    /** Fixes with {@code from <= t < to}. */
    static GpsTrack slice(GpsTrack track, long from, long to) {
        int a = 0;
        while (a < track.length() && track.timeMicros(a) < from) {
            a++;
        }
        int b = a;
        while (b < track.length() && track.timeMicros(b) < to) {
            b++;
        }
        return track.slice(a, b);
    }

}
