/**
 * The database commands: {@code touchline ingest} loads a {@code touchline simulate} output directory (and GNSS
 * exports the formats module reads) into PostgreSQL through the integration-postgres sink, and
 * {@code touchline query} answers the typed questions (a 30 s window, players over a load limit before half-time,
 * speed zones per period, area covered). Both use {@code --jdbc URL} or the embedded database under
 * {@code --data-dir}, so an ingest and later queries see the same rows.
 */
@NullMarked
package dev.touchline.cli.postgres;

import org.jspecify.annotations.NullMarked;
