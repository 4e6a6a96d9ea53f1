package dev.touchline.fusion.gait;

/** Receives impacts from an {@link ImpactDetector}, in time order. Called on the feeding thread. */
@FunctionalInterface
public interface ImpactListener {
    /**
     * One impact (a foot strike when {@code consistent} is true).
     *
     * @param onsetMicros first accepted sample of the impact, µs since the epoch
     * @param peakG peak of the impact transient along the tibia, g: the raw axial acceleration's largest rise over
     *        its value just before the onset, within the peak window (gravity and slow support removed)
     * @param resultantPeakG largest low-passed resultant |a| in the peak window, g (includes gravity)
     * @param consistent whether the gyroscope agrees that this was a ground contact (always true when the
     *        consistency test is off)
     * @param clipped whether an accelerometer sample in the peak window sat at the sensor's range (peak understated)
     */
    void onImpact(long onsetMicros, double peakG, double resultantPeakG, boolean consistent, boolean clipped);
}
