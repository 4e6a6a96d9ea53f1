package dev.touchline.cli.demo.pipeline;

import java.util.List;
import java.util.Map;

/**
 * What went into PostgreSQL and what the queries gave back.
 *
 * @param database where the data is (no passwords)
 * @param matchId the match's id in the catalogue
 * @param gnssRowsOffered GNSS fixes handed to the sink
 * @param gnssRowsStored GNSS rows of this match counted in the table afterwards
 * @param positionRowsOffered tracked positions handed to the sink
 * @param positionRowsStored position rows of this match counted afterwards
 * @param quarantined tracked-position rows of this match in the quarantine
 * @param batches batches written
 * @param batchesAlreadyLoaded batches found already committed (a second run of the same session writes nothing)
 * @param bytesPerTable total on-disk size per table (partitions, indexes and TOAST included) of the whole
 *                      database, bytes
 * @param distances distance per player and period from the database query
 * @param windowPlayer whose 30 s GNSS window was read back
 * @param windowRows rows the window query returned
 * @param windowExact whether they equal the restored track's fixes in that window
 * @param wearableRows rows offered, stored and quarantined per wearable table (heart rate, load per second,
 *                     impacts)
 * @param gnssBlocksOffered compressed containers handed to the archive (one per player)
 * @param gnssBlocksStored containers of this match in {@code gnss_block} afterwards
 * @param gnssBlockBytes bytes of the containers handed to the archive
 * @param notStored what this stage could not store yet, and why
 */
public record StorageResult(String database, String matchId, long gnssRowsOffered, long gnssRowsStored,
                            long positionRowsOffered, long positionRowsStored, long quarantined, int batches,
                            int batchesAlreadyLoaded, Map<String, Long> bytesPerTable, List<Distance> distances,
                            String windowPlayer, int windowRows, boolean windowExact, List<TableRows> wearableRows,
                            long gnssBlocksOffered, long gnssBlocksStored, long gnssBlockBytes,
                            List<String> notStored) {
    /** Copies the collections. */
    public StorageResult {
        bytesPerTable = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bytesPerTable));
        distances = List.copyOf(distances);
        wearableRows = List.copyOf(wearableRows);
        notStored = List.copyOf(notStored);
    }

    /**
     * Rows of one table for this match.
     *
     * @param table the table
     * @param offered rows handed to the sink
     * @param stored rows in the table afterwards
     * @param quarantined rows of the table set aside with a reason
     */
    public record TableRows(String table, long offered, long stored, long quarantined) {
    }

    /**
     * One row of the distance-per-period query.
     *
     * @param player the player's label
     * @param period 1 or 2
     * @param metres great-circle distance between consecutive stored fixes, m
     * @param fixes fixes in the period
     */
    public record Distance(String player, int period, double metres, long fixes) {
    }
}
