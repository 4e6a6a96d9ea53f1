package dev.touchline.calibration;

import java.util.List;
import java.util.Objects;

/**
 * The result of automatic model selection.
 *
 * @param camera     the chosen camera
 * @param fitRmsPx   its RMS reprojection distance on all landmarks, pixels
 * @param heldOut    its leave-one-out ground error, metres
 * @param candidates every model considered, in the order tried, with its figures or the reason it was skipped
 */
public record AutoCalibration(Camera camera, double fitRmsPx, HeldOutError heldOut, List<Candidate> candidates) {
    /** Copies the list. */
    public AutoCalibration {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(heldOut, "heldOut");
        candidates = List.copyOf(candidates);
    }

    /** The chosen model. */
    public CameraModel model() {
        return camera.model();
    }

    /**
     * One model considered.
     *
     * @param model          the model
     * @param fitRmsPx       fit RMS on all landmarks, pixels (NaN when skipped)
     * @param heldOutMedianM leave-one-out median ground error, metres (NaN when skipped)
     * @param note           why it was skipped or not chosen, or "chosen"
     */
    public record Candidate(CameraModel model, double fitRmsPx, double heldOutMedianM, String note) {
        /** Checks the fields are present. */
        public Candidate {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(note, "note");
        }
    }
}
