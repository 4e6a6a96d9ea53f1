package dev.touchline.cli.demo.pipeline;

import dev.touchline.reid.Embeddings;
import dev.touchline.sensor.simulation.KitColour;
import dev.touchline.sensor.simulation.Roster;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo's stand-in for an appearance network: 128-D embeddings from a generative model, the same shape the
 * re-identification module's evaluation uses. An observation of object i from camera c is
 * {@code normalise(kit[i] + 0.75·person[i] + 0.45·camera[c] + 0.6·pose + noise)} with random, nearly orthogonal
 * unit directions; team-mates share their kit direction, so the person direction is what tells them apart.
 * A false-positive detection (clutter) gets a direction of its own each time.
 */
final class AppearanceModel {
    static final int DIM = 128;
    private static final int CAMERAS = 8;
    private static final int POSES = 8;

    private final float[][] kit;
    private final float[][] person;
    private final float[][] camera;
    private final float[][] pose;
    private final SplittableRandom random;

    AppearanceModel(Roster roster, long seed) {
        this.random = new SplittableRandom(seed ^ 0x0A99EA4A1CEL);
        List<KitColour> kits = new ArrayList<>();
        int objects = roster.size();
        int[] kitOf = new int[objects];
        for (int i = 0; i < objects; i++) {
            KitColour k = roster.get(i).kit();
            int j = kits.indexOf(k);
            if (j < 0) {
                kits.add(k);
                j = kits.size() - 1;
            }
            kitOf[i] = j;
        }
        float[][] kitDirections = directions(kits.size());
        this.kit = new float[objects][];
        for (int i = 0; i < objects; i++) {
            kit[i] = kitDirections[kitOf[i]];
        }
        this.person = directions(objects);
        this.camera = directions(CAMERAS);
        this.pose = directions(POSES);
    }

    private float[][] directions(int n) {
        float[][] out = new float[n][DIM];
        for (float[] v : out) {
            for (int d = 0; d < DIM; d++) {
                v[d] = (float) BroadcastCamera.gaussian(random);
            }
            Embeddings.normalise(v, 0, DIM);
        }
        return out;
    }

    /**
     * One observation.
     *
     * @param object the object seen, or −1 for clutter
     * @param cam camera index, any non-negative number
     * @param out receives the unit embedding at {@code off}. Modified.
     */
    void observe(int object, int cam, float[] out, int off) {
        if (object < 0) {
            for (int d = 0; d < DIM; d++) {
                out[off + d] = (float) BroadcastCamera.gaussian(random);
            }
            Embeddings.normalise(out, off, DIM);
            return;
        }
        float[] c = camera[cam % CAMERAS];
        double[] z = new double[POSES];
        for (int k = 0; k < POSES; k++) {
            z[k] = BroadcastCamera.gaussian(random) / Math.sqrt(POSES);
        }
        double noise = 0.5 / Math.sqrt(DIM);
        for (int d = 0; d < DIM; d++) {
            double v = kit[object][d] + 0.75 * person[object][d] + 0.45 * c[d];
            for (int k = 0; k < POSES; k++) {
                v += 0.6 * z[k] * pose[k][d];
            }
            out[off + d] = (float) (v + noise * BroadcastCamera.gaussian(random));
        }
        Embeddings.normalise(out, off, DIM);
    }
}
