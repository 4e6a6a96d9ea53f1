package dev.touchline.cli.db;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The {@code --jdbc} and {@code --data-dir} options shared by every command that uses the database. */
public final class DatabaseOptions {
    @Option(names = "--jdbc", paramLabel = "URL",
            description = "A jdbc:postgresql: URL (credentials in the URL or the PG* environment). "
                    + "Default: an embedded PostgreSQL 15 kept under --data-dir.")
    @Nullable String jdbcUrl;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "touchline-db",
            description = "Data directory of the embedded database (default: ${DEFAULT-VALUE}); "
                    + "ignored with --jdbc.")
    Path dataDir = Path.of("touchline-db");

    /** The JDBC URL given, or {@code null} for the embedded default. */
    public @Nullable String jdbcUrl() {
        return jdbcUrl;
    }

    /** Where the embedded database keeps its files. */
    public Path dataDir() {
        return dataDir;
    }

    /** Opens the database these options name and brings its schema up to date. */
    public Database open(int maxConnections) throws java.io.IOException {
        String url = jdbcUrl;
        return url == null ? Database.embedded(dataDir, maxConnections) : Database.remote(url, maxConnections);
    }
}
