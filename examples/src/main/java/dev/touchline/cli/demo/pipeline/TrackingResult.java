package dev.touchline.cli.demo.pipeline;

import dev.touchline.tracking.metrics.MotResult;
import java.util.List;

/**
 * Tracking and re-identification quality against the simulator's truth, each half a sequence as TrackEval scores
 * them. Track identities are the re-identified players: after every camera cut the tracker starts afresh and the
 * gallery decides who each new track is, so an identity error of the re-identification counts as an ID switch.
 *
 * @param periods MOT figures per period (identity-resolved tracks against every player and official)
 * @param seconds duration scored, s
 * @param cuts camera cuts simulated
 * @param cutSeconds length of each cut (no detections), s
 * @param segments tracker runs (one per stretch between cuts)
 * @param tracks tracks confirmed over the session
 * @param tracksIdentified tracks the gallery gave an identity
 * @param tracksIdentifiedCorrectly of those, the ones whose identity is the object most of their detections came from
 * @param queries re-identification queries made
 * @param matched queries decided "match" (score ≥ accept threshold)
 * @param uncertain queries decided "uncertain"
 * @param escalated queries below the escalation threshold (escalation to a remote model is not simulated)
 * @param detections detections offered to the tracker (after the calibration round trip)
 */
public record TrackingResult(List<MotResult> periods, double seconds, int cuts, double cutSeconds, int segments,
                             int tracks, int tracksIdentified, int tracksIdentifiedCorrectly, long queries,
                             long matched, long uncertain, long escalated, long detections) {
    /** Copies the list. */
    public TrackingResult {
        periods = List.copyOf(periods);
    }

    /** ID switches over the session. */
    public long idSwitches() {
        return periods.stream().mapToLong(MotResult::idSwitches).sum();
    }

    /** A per-period figure weighted by ground-truth detections. */
    public double weighted(java.util.function.ToDoubleFunction<MotResult> f) {
        double sum = 0;
        double w = 0;
        for (MotResult r : periods) {
            sum += f.applyAsDouble(r) * r.gtDetections();
            w += r.gtDetections();
        }
        return w == 0 ? Double.NaN : sum / w;
    }
}
