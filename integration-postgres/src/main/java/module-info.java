/**
 * Touchline's PostgreSQL 15 integration: Flyway migrations for the catalogue and the partitioned raw sample
 * tables, an idempotent binary COPY sink with quarantine of rejected rows, and typed queries.
 */
module dev.touchline.postgres {
    requires static org.jspecify;
    requires transitive dev.touchline.sensor;
    requires transitive dev.touchline.codec.gps;
    requires transitive java.sql;
    requires org.postgresql.jdbc;
    requires transitive com.zaxxer.hikari;
    requires flyway.core;
    requires org.slf4j;

    exports dev.touchline.postgres;
}
