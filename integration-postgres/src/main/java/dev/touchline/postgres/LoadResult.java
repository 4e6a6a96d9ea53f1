package dev.touchline.postgres;

import java.util.Objects;
import java.util.UUID;

/**
 * What one batch did.
 *
 * @param batchId the batch id
 * @param table the raw table written
 * @param rowsLoaded rows copied into the table (by this call, or by the earlier call when {@code alreadyLoaded})
 * @param rowsQuarantined rows sent to the quarantine table
 * @param attempts transactions tried by this call, 1 when nothing failed
 * @param alreadyLoaded true when the batch id was found already committed, so nothing was written
 */
public record LoadResult(UUID batchId, String table, int rowsLoaded, int rowsQuarantined, int attempts,
                         boolean alreadyLoaded) {
    /** Checks the counts. */
    public LoadResult {
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(table, "table");
        if (rowsLoaded < 0 || rowsQuarantined < 0 || attempts < 1) {
            throw new IllegalArgumentException("counts must be >= 0 and attempts >= 1, were " + rowsLoaded + ", "
                    + rowsQuarantined + ", " + attempts);
        }
    }
}
