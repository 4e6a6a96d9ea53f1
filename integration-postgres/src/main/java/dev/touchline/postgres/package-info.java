/**
 * Stores Touchline samples in PostgreSQL 15.
 *
 * <p>{@link dev.touchline.postgres.TouchlineSchema} brings a database up to date with the Flyway migrations
 * shipped in this module: catalogue tables (teams, players keyed by their 16-byte UUID, matches with periods,
 * devices, sessions), raw sample tables declaratively partitioned by {@code match_date} with one BRIN index on
 * {@code event_time} each and no B-tree, a table of loaded batches and a quarantine table.
 * {@link dev.touchline.postgres.Catalog} registers the catalogue rows with parameterised statements only.
 *
 * <p>{@link dev.touchline.postgres.PostgresSink} writes GNSS fixes, optical positions, heart rate, load per second
 * (PlayerLoad, impulse), fatigue index per second and touch events with binary {@code COPY}
 * through pgjdbc's {@code CopyManager}. Each batch carries an id recorded in the same transaction, so a batch that
 * is retried after a lost connection never duplicates rows; rows that fail validation (NaN, out-of-range
 * coordinates, time outside the match) go to the quarantine table with their reason and the rest of the batch
 * is loaded. {@link dev.touchline.postgres.GnssArchive} keeps codec-gps containers (the raw GNSS burst,
 * compressed) and restores any time range exactly, so {@link dev.touchline.postgres.GnssDownsampling} may thin what
 * goes into {@code gnss_fix}. {@link dev.touchline.postgres.SampleQueries} answers typed
 * questions: a 30 s window, players over a load limit before half-time, distance and speed zones per period, area
 * covered. Views {@code bi_player_minute*} serve BI tools per player and minute.
 *
 * <p>The migrations also create one role per {@link dev.touchline.postgres.Department}: row-level security limits
 * the academy to academy players, column privileges keep the squad column from scouting, and tables that are not
 * granted (heart rate for scouting) raise a permission error. The sink must run as the tables' owner (or a role
 * with BYPASSRLS): PostgreSQL refuses {@code COPY FROM} into tables whose row-level security applies.
 */
@NullMarked
package dev.touchline.postgres;

import org.jspecify.annotations.NullMarked;
