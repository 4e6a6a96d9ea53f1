/**
 * The database the CLI writes to and reads from: any PostgreSQL JDBC URL, or by default an embedded PostgreSQL 15
 * server whose data directory persists between commands, so that {@code touchline ingest} and a later
 * {@code touchline query} see the same rows.
 */
@NullMarked
package dev.touchline.cli.db;

import org.jspecify.annotations.NullMarked;
