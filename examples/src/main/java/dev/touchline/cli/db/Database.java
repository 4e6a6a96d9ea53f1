package dev.touchline.cli.db;

import com.zaxxer.hikari.HikariDataSource;
import dev.touchline.postgres.ConnectionPool;
import dev.touchline.postgres.TouchlineSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * An open, migrated Touchline database: a connection pool and, for the embedded default, the server behind it.
 *
 * <p>The embedded server keeps its data directory between runs. PostgreSQL's write-ahead log makes every
 * committed batch durable and every interrupted one vanish, so a run stopped with Ctrl-C (the JVM's shutdown hook
 * closes the pool, then stops the server with a fast shutdown) or even killed leaves a database the next run
 * opens as it was after the last committed batch.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final @Nullable EmbeddedPostgres server;
    private final String description;
    private final @Nullable Thread shutdownHook;

    private Database(HikariDataSource pool, @Nullable EmbeddedPostgres server, String description) {
        this.pool = pool;
        this.server = server;
        this.description = description;
        if (server != null) {
            Thread hook = new Thread(this::closeQuietly, "touchline-db-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            this.shutdownHook = hook;
        } else {
            this.shutdownHook = null;
        }
    }

    /**
     * Starts (or reopens) an embedded PostgreSQL 15 whose files live in {@code dataDir}, and migrates it.
     *
     * @param dataDir created when missing; an existing Touchline data directory is reused as it is
     * @param maxConnections pool size, in [1, 100]
     */
    public static Database embedded(Path dataDir, int maxConnections) throws IOException {
        Objects.requireNonNull(dataDir, "dataDir");
        Path dir = dataDir.toAbsolutePath();
        Files.createDirectories(dir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .start();
        HikariDataSource pool;
        try {
            pool = ConnectionPool.open(pg.getJdbcUrl("postgres", "postgres"), maxConnections);
            TouchlineSchema.migrate(pool);
        } catch (RuntimeException e) {
            pg.close();
            throw e;
        }
        return new Database(pool, pg, "embedded PostgreSQL in " + dir);
    }

    /** Connects to {@code jdbcUrl} and migrates the schema there. */
    public static Database remote(String jdbcUrl, int maxConnections) {
        HikariDataSource pool = ConnectionPool.open(jdbcUrl, maxConnections);
        try {
            TouchlineSchema.migrate(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool, null, redact(jdbcUrl));
    }

    /** The pooled data source. */
    public DataSource dataSource() {
        return pool;
    }

    /** Where the data is, for messages (passwords are never included). */
    public String description() {
        return description;
    }

    @Override
    public void close() throws IOException {
        Thread hook = shutdownHook;
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook itself is closing the database; nothing more to do here.
                return;
            }
        }
        pool.close();
        EmbeddedPostgres pg = server;
        if (pg != null) {
            pg.close();
        }
    }

    private void closeQuietly() {
        pool.close();
        EmbeddedPostgres pg = server;
        if (pg != null) {
            try {
                pg.close();
            } catch (IOException e) {
                // The JVM is exiting; PostgreSQL recovers from its write-ahead log on the next start.
            }
        }
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
