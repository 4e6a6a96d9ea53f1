package dev.touchline.fusion.fsr;

/** Receives contacts from a {@link FootContactDetector}, each foot in time order. Called on the feeding thread. */
@FunctionalInterface
public interface FsrContactListener {
    /** One finished contact. */
    void onContact(FsrContact contact);
}
