package dev.touchline.codec.gps.internal;

/**
 * Format version 2's context for the time column: how many steps ago the last long step was. Devices that drop a
 * fix almost periodically (the Catapult set drops one about every eighth step) make a long step likely at a fixed
 * distance from the previous one, which the previous residual alone cannot see. A step is long when it is more
 * than 1.5 × the last step that was not long. Encoder and decoder feed it the same time deltas in order.
 */
final class TimePhase {
    private int normal;
    private int since;

    /** Back to the start of a block. */
    void reset() {
        normal = 0;
        since = 0;
    }

    /**
     * The context value for the next step, passed to {@link ResidualModel} as its cross residual: 0 for up to five
     * steps since the last long one, 1 for six, 2 for seven, 4 (its top class) for eight or more.
     */
    int context() {
        return since <= 5 ? 0 : since == 6 ? 1 : since == 7 ? 2 : 4;
    }

    /** The last step that was not long, in resolution units (0 at the start of a block). */
    int normal() {
        return normal;
    }

    /** Records the next time delta. */
    void observe(int delta) {
        if (normal > 0 && delta > normal + (normal >> 1)) {
            since = 0;
        } else {
            normal = delta;
            since = Math.min(since + 1, 64);
        }
    }
}
