package dev.touchline.postgres;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings a database up to date with the Flyway migrations shipped in this module. */
public final class TouchlineSchema {
    /** Where the migrations live on the class path. */
    public static final String MIGRATION_LOCATION = "classpath:db/migration/touchline";

    private TouchlineSchema() {
    }

    /**
     * Applies every pending migration.
     *
     * @param dataSource the database; its user must be allowed to create tables and functions
     * @return the number of migrations applied by this call (0 when already up to date)
     */
    public static int migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure(TouchlineSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATION_LOCATION)
                .load()
                .migrate();
        return result.migrationsExecuted;
    }
}
