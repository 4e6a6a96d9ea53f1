/**
 * {@code touchline demo} and {@code touchline process}: the whole Touchline pipeline in one command. A session (the
 * simulator's, or a directory of real exports) goes through the GNSS codec, wearable fusion, camera calibration,
 * tracking with re-identification after camera cuts, the PostgreSQL sink and its queries, and ends as a report
 * with plots ({@link dev.touchline.cli.demo.report}). The stages live in {@link dev.touchline.cli.demo.pipeline};
 * each returns a result value that the report and the tests read.
 */
@NullMarked
package dev.touchline.cli.demo;

import org.jspecify.annotations.NullMarked;
