/** Helpers shared inside fusion-core; not exported. */
@NullMarked
package dev.touchline.fusion.internal;

import org.jspecify.annotations.NullMarked;
