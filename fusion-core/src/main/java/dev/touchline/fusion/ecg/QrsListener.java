package dev.touchline.fusion.ecg;

/** Receives detected beats from a {@link QrsDetector}, in order, with a delay of at most a few hundred ms. */
@FunctionalInterface
public interface QrsListener {
    /**
     * One detected beat.
     *
     * @param sample index of the R peak (largest deflection of the QRS) in the input stream
     * @param searchBack whether it was found by search-back (a beat first missed by the main threshold)
     */
    void onBeat(long sample, boolean searchBack);
}
