/**
 * A reader of PhysioNet WFDB records ({@code .hea} headers, formats 212 and 16 including the "16+24" {@code .mat}
 * layout, MIT {@code .atr} annotations). It lives here until the {@code formats} module takes it over.
 */
@NullMarked
package dev.touchline.fusion.wfdb;

import org.jspecify.annotations.NullMarked;
