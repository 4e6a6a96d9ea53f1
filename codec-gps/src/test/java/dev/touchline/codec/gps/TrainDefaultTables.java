package dev.touchline.codec.gps;

import dev.touchline.codec.gps.internal.ByteSink;
import dev.touchline.codec.gps.internal.RansTables;
import dev.touchline.sensor.GpsTrack;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Base64;

/**
 * How format version 3's built-in tables ({@code internal.DefaultTables}) were made: the token counts of simulated
 * players (simulator seeds 301–303, players 0–5, 30 minutes each, default codec settings), every token of every
 * context given a non-zero weight. Prints the Base64 of the serialised tables. The built-in tables are part of format
 * version 3 and never change with the simulator: this tool is kept to document their origin, not to regenerate them.
 */
final class TrainDefaultTables {
    private TrainDefaultTables() {
    }

    public static void main(String[] args) throws IOException {
        long[] counts = new long[RansTables.CONTEXTS * RansTables.SLOTS];
        GpsCodec codec = GpsCodec.builder().formatVersion(3).build();
        for (long seed = 301; seed <= 303; seed++) {
            for (int player = 0; player < 6; player++) {
                GpsTrack track = Simulated.track(seed, Duration.ofMinutes(30), player);
                try (GpsStreamEncoder counter = new GpsStreamEncoder(OutputStream.nullOutputStream(), codec, null,
                        null, counts)) {
                    counter.addAll(track);
                }
            }
        }
        RansTables tables = RansTables.fromCounts(counts, true);
        ByteSink sink = new ByteSink(1024);
        tables.write(sink, 4);
        System.out.println(Base64.getEncoder().encodeToString(sink.toByteArray()));
    }
}
