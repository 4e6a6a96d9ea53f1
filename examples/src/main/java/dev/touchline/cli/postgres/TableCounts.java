package dev.touchline.cli.postgres;

import dev.touchline.postgres.LoadResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** Rows loaded and quarantined per table, in the order tables were first written. */
final class TableCounts {
    private final Map<String, long[]> counts = new LinkedHashMap<>();

    void add(LoadResult r) {
        long[] c = counts.computeIfAbsent(r.table(), t -> new long[2]);
        c[0] += r.rowsLoaded();
        c[1] += r.rowsQuarantined();
    }

    void declare(String table) {
        counts.computeIfAbsent(table, t -> new long[2]);
    }

    Map<String, long[]> all() {
        return counts;
    }

    long loaded() {
        long n = 0;
        for (long[] c : counts.values()) {
            n += c[0];
        }
        return n;
    }
}
