/**
 * The demo's report: {@code report.md}, {@code report.html} and PNG plots drawn with XChart, including pitch
 * pictures drawn the way mplsoccer draws pitches (markings from {@link dev.touchline.sensor.pitch.PitchDimensions},
 * CDF coordinates: origin at the centre spot, metres).
 */
@NullMarked
package dev.touchline.cli.demo.report;

import org.jspecify.annotations.NullMarked;
