/** Touchline's generic GNSS CSV: {@code time_us,lat_deg,lon_deg,speed_m_s}. */
@NullMarked
package dev.touchline.formats.csv;

import org.jspecify.annotations.NullMarked;
