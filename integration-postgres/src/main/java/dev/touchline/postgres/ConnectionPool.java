package dev.touchline.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Objects;

/** A HikariCP pool over a PostgreSQL JDBC URL, sized for one sink and a few queries. */
public final class ConnectionPool {
    private ConnectionPool() {
    }

    /**
     * Opens a pool; close it when done.
     *
     * @param jdbcUrl a {@code jdbc:postgresql:} URL, credentials included or taken from the environment
     * @param maxConnections pool size, in [1, 100]
     */
    public static HikariDataSource open(String jdbcUrl, int maxConnections) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("jdbcUrl must start with jdbc:postgresql:, was " + jdbcUrl);
        }
        if (maxConnections < 1 || maxConnections > 100) {
            throw new IllegalArgumentException("maxConnections must be in [1, 100], was " + maxConnections);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(maxConnections);
        config.setPoolName("touchline");
        // COPY batches are committed explicitly; the sink switches auto-commit off per transaction.
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }
}
