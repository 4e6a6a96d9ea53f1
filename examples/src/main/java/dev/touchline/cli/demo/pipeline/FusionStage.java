package dev.touchline.cli.demo.pipeline;

import dev.touchline.fusion.BadSensorDataException;
import dev.touchline.sensor.simulation.WearableChunk;
import java.util.ArrayList;
import java.util.List;

/** Wearable fusion for every instrumented player (see {@link WearableFusion} for what is computed). */
public final class FusionStage {
    private final List<WearableFusion> players = new ArrayList<>();

    /**
     * A stage.
     *
     * @param players the instrumented players, in the order their chunks are offered
     * @param originMicros session start (minute 0 of the per-minute series), epoch µs
     */
    public FusionStage(List<PlayerInfo> players, long originMicros) {
        for (PlayerInfo p : players) {
            this.players.add(new WearableFusion(p, originMicros));
        }
    }

    /** Number of instrumented players. */
    public int size() {
        return players.size();
    }

    /** Fuses one chunk of the player in {@code slot}. */
    public void accept(int slot, WearableChunk chunk) throws BadSensorDataException {
        players.get(slot).accept(chunk);
    }

    /** Every player's per-second load, R peaks and strikes, for the database; call after {@link #finish}. */
    public List<WearableSeries> series() {
        List<WearableSeries> out = new ArrayList<>();
        for (WearableFusion f : players) {
            out.add(f.series());
        }
        return out;
    }

    /** The figures of every player. */
    public FusionResult finish() {
        List<FusionResult.PlayerFusion> rows = new ArrayList<>();
        for (WearableFusion f : players) {
            rows.add(f.finish());
        }
        return new FusionResult(rows);
    }
}
