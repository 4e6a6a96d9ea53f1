package dev.touchline.tracking;

import java.util.Objects;

/**
 * A {@link PitchTracker} whose output leaves a fixed number of frames late, so that identity exchanges decided at
 * the end of a separation review ({@link TrackerConfig#separationReviewSeconds()}) are applied to the frames
 * already produced since the two tracks became entangled, before those frames are handed out. Without the delay a
 * corrected mix-up shows as two identity switches (the mix-up and the correction); with it, as none, as long as the
 * entanglement and the review fit in the lag. Frames older than the lag are not corrected.
 *
 * <p>The buffer of {@code lagFrames + 1} frames is allocated up front; in steady state a frame allocates nothing.
 * A delayed frame's {@link TrackFrame#detection(int)} indices refer to the detections of the frame it shows, not of
 * the frame just processed. Mutable, not thread-safe.
 */
public final class FixedLagTracker {
    private final PitchTracker tracker;
    private final TrackFrame[] ring;
    private final int lagFrames;
    private int head;
    private int size;

    /**
     * @param config the tracker's settings
     * @param lagFrames how many frames the output trails the input, in [0, 10000]; choose at least the review
     *                  length plus the longest entanglement worth correcting (e.g. 50 frames = 2 s at 25 Hz)
     */
    public FixedLagTracker(TrackerConfig config, int lagFrames) {
        this.tracker = new PitchTracker(Objects.requireNonNull(config, "config"));
        Checks.inRange("lagFrames", lagFrames, 0, 10000);
        this.lagFrames = lagFrames;
        this.ring = new TrackFrame[lagFrames + 1];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = new TrackFrame(64);
        }
    }

    /** The tracker inside (its state is the newest frame's, ahead of the output). */
    public PitchTracker tracker() {
        return tracker;
    }

    /** The lag, frames. */
    public int lagFrames() {
        return lagFrames;
    }

    /**
     * Processes one frame as {@link PitchTracker#process} does and hands out the frame {@link #lagFrames()} frames
     * back, once there is one.
     *
     * @param out receives the delayed frame when this returns true; untouched otherwise. Modified.
     * @return whether {@code out} holds a frame
     * @throws IllegalArgumentException as {@link PitchTracker#process}; the tracker and buffer are then unchanged
     */
    public boolean process(long timeMicros, int count, double[] x, double[] y, double[] height, int[] team,
                           double[] confidence, TrackFrame out) {
        int newest = (head + size) % ring.length;
        tracker.process(timeMicros, count, x, y, height, team, confidence, ring[newest]);
        // the newest frame already carries the exchanged ids; correct the older ones still held
        for (int e = 0; e < tracker.identitySwaps(); e++) {
            int a = tracker.identitySwapIdA(e);
            int b = tracker.identitySwapIdB(e);
            long from = tracker.identitySwapFromMicros(e);
            for (int i = 0; i < size; i++) {
                TrackFrame f = ring[(head + i) % ring.length];
                if (f.timeMicros() >= from) {
                    f.exchangeIds(a, b);
                }
            }
        }
        size++;
        if (size > lagFrames) {
            return pop(out);
        }
        return false;
    }

    /**
     * Hands out the oldest frame still held (at the end of a sequence, call until it returns false).
     *
     * @param out receives the frame when this returns true. Modified.
     * @return whether {@code out} holds a frame
     */
    public boolean flush(TrackFrame out) {
        return size > 0 && pop(out);
    }

    private boolean pop(TrackFrame out) {
        out.copyFrom(ring[head]);
        head = (head + 1) % ring.length;
        size--;
        return true;
    }
}
