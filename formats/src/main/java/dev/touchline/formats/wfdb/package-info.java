/**
 * A reader of PhysioNet WFDB records ({@code .hea} headers, formats 212 and 16 including the "16+24" {@code .mat}
 * layout, MIT {@code .atr} annotations). Errors name the file and the header line or byte offset.
 */
@NullMarked
package dev.touchline.formats.wfdb;

import org.jspecify.annotations.NullMarked;
