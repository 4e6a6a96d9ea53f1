package dev.touchline.reid;

import dev.touchline.sensor.simulation.KitColour;
import dev.touchline.sensor.simulation.Roster;
import dev.touchline.sensor.simulation.RosterEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A harder re-identification scenario than {@link ReidEvaluation}: broadcast shots after camera cuts, where the
 * embedding of a generic appearance model carries a strong team (kit) component, only a small individual component,
 * and large view-dependent parts (shot, pose, resolution), so embeddings alone confuse team-mates and, through the
 * pose and shot terms, opponents. Nothing here is fitted to reproduce the seed's figures; the kit and individual
 * weights are swept instead of chosen (a low kit weight stands for a generic re-id network trained with colour
 * jitter, whose features are nearly colour-blind), and every other parameter is a field below.
 *
 * <h2>Generative model</h2>
 * Random unit directions in 128-D (nearly orthogonal): one per kit K (four kits: home, away, two keepers), one per
 * player P, one per broadcast shot S, and eight pose directions Z shared by everybody. An observation of player i
 * in shot s is
 * <pre>
 *   e = normalise(u·(wKit·K[kit(i)] + wId·P[i]) + wShot·S[s] + wPose·Σ_k z_k·Z_k + (noise/√128)·n)
 * </pre>
 * with {@code u ~ U(uMin, 1)} the resolution of the crop (a far, small player loses kit and identity detail),
 * {@code z_k ~ N(0, 1/8)} the pose and {@code n} standard normal. Team-mates share K, so they differ only by
 * {@code wId·P}; a gallery sample of another player in the same pose as the query can beat the true player under
 * MAX scoring. The gallery holds 150 observations per player from three pre-cut shots; each cut opens a new shot
 * showing 3 to 10 players (a random subset), each visible in each of 5 frames with probability 0.9.
 *
 * <p>Occlusion: with probability {@code occlusion} a query's embedding is mixed with another player visible in the
 * same frame (weight U(0.2, 0.5)), and its torso colour is that player's with probability equal to the weight.
 * Torso colour: the kit's shirt colour in HSV, hue shifted by the shot's white balance (N(0, 8°)) plus N(0, 4°),
 * saturation + N(0, 0.05), value times the shot's exposure U(0.65, 1) plus N(0, 0.05); with probability
 * {@code badCrop} the torso crop is mostly grass (hue N(100°, 10°), S N(0.5, 0.1), V N(0.4, 0.1)). The tracker's
 * stature estimate is the roster stature plus N(0, {@code statureSdMetres}). Each query also carries the
 * tracker's team label, wrong with probability {@code teamLabelError} (drawn from a separate random stream, so the
 * other figures do not depend on it).
 */
final class BroadcastScenario {
    static final int DIM = 128;
    static final int POSES = 8;
    static final int GALLERY_SHOTS = 3;
    static final int GALLERY_SIZE = 150;

    final double wKit;
    final double wId;
    final double wShot = 0.5;
    final double wPose = 0.8;
    final double noise = 0.5;
    final double uMin = 0.5;
    final double occlusion = 0.15;
    final double badCrop = 0.03;
    final double statureSdMetres = 0.02;
    /** Probability that the tracker's team label of a query is the wrong side (its own random stream). */
    final double teamLabelError = 0.02;
    final int cuts = 25;

    final long seed;
    final Roster roster;
    final RosterIndex index;
    final int players;
    private final SplittableRandom rnd;
    private final KitColour[] kits;
    private final int[] kitOf;
    private final float[][] kitDir;
    private final float[][] personDir;
    private final float[][] poseDir;
    private final double[] z = new double[POSES];

    BroadcastScenario(long seed, double wKit, double wId) {
        this.seed = seed;
        this.wKit = wKit;
        this.wId = wId;
        this.roster = Roster.generate(seed, 22, 0);
        this.index = RosterIndex.of(roster);
        this.players = roster.size();
        this.rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17);
        kits = index.distinctKits();
        kitOf = new int[players];
        for (int i = 0; i < players; i++) {
            KitColour k = roster.get(i).kit();
            for (int j = 0; j < kits.length; j++) {
                if (kits[j].equals(k)) {
                    kitOf[i] = j;
                }
            }
        }
        kitDir = directions(kits.length);
        personDir = directions(players);
        poseDir = directions(POSES);
    }

    private float[][] directions(int n) {
        float[][] out = new float[n][DIM];
        for (float[] v : out) {
            unit(v);
        }
        return out;
    }

    private void unit(float[] v) {
        for (int d = 0; d < DIM; d++) {
            v[d] = (float) rnd.nextGaussian();
        }
        Embeddings.normalise(v, 0, DIM);
    }

    /** A broadcast shot: its direction in embedding space, exposure and white-balance hue shift. */
    final class Shot {
        final float[] dir = new float[DIM];
        final double exposure = 0.65 + 0.35 * rnd.nextDouble();
        final double hueShift = 8 * rnd.nextGaussian();

        Shot() {
            unit(dir);
        }
    }

    /** One observation of player i in a shot; out modified. */
    void observe(int i, Shot shot, float[] out, int off) {
        double u = uMin + (1 - uMin) * rnd.nextDouble();
        for (int k = 0; k < POSES; k++) {
            z[k] = rnd.nextGaussian() / Math.sqrt(POSES);
        }
        double ns = noise / Math.sqrt(DIM);
        float[] kd = kitDir[kitOf[i]];
        float[] pd = personDir[i];
        for (int d = 0; d < DIM; d++) {
            double v = u * (wKit * kd[d] + wId * pd[d]) + wShot * shot.dir[d];
            for (int k = 0; k < POSES; k++) {
                v += wPose * z[k] * poseDir[k][d];
            }
            out[off + d] = (float) (v + ns * rnd.nextGaussian());
        }
        Embeddings.normalise(out, off, DIM);
    }

    /** Torso HSV of player i in a shot; out modified (3 entries). */
    void torso(int i, Shot shot, float[] out) {
        if (rnd.nextDouble() < badCrop) {
            out[0] = (float) ((100 + 10 * rnd.nextGaussian() + 360) % 360);
            out[1] = (float) clamp(0.5 + 0.1 * rnd.nextGaussian());
            out[2] = (float) clamp(0.4 + 0.1 * rnd.nextGaussian());
            return;
        }
        Hsv.fromRgb(kits[kitOf[i]].shirtRgb(), out);
        out[0] = (float) ((out[0] + shot.hueShift + 4 * rnd.nextGaussian() + 720) % 360);
        out[1] = (float) clamp(out[1] + 0.05 * rnd.nextGaussian());
        out[2] = (float) clamp(out[2] * shot.exposure + 0.05 * rnd.nextGaussian());
    }

    private static double clamp(double v) {
        return Math.min(1, Math.max(0, v));
    }

    /** The gallery before the cuts: 150 observations per player, every 0.2 s, from three shots. */
    EmbeddingGallery gallery() {
        EmbeddingGallery g = EmbeddingGallery.builder().dimension(DIM).build();
        Shot[] shots = new Shot[GALLERY_SHOTS];
        for (int s = 0; s < shots.length; s++) {
            shots[s] = new Shot();
        }
        float[] e = new float[DIM];
        for (int i = 0; i < players; i++) {
            int slot = g.add(roster.get(i).playerNumber());
            for (int k = 0; k < GALLERY_SIZE; k++) {
                observe(i, shots[rnd.nextInt(GALLERY_SHOTS)], e, 0);
                g.offer(slot, k * 200_000L, e, 0);
            }
        }
        return g;
    }

    /** A frame of queries with the true player number of each. */
    record Frame(QueryFrame queries, int[] truth, int[] truthIndex) {
    }

    /** The frames after the cuts: a new shot per cut, 3 to 10 players in it, 5 frames each. */
    List<Frame> frames() {
        List<Frame> out = new ArrayList<>();
        float[] e = new float[DIM];
        float[] other = new float[DIM];
        float[] hsv = new float[3];
        float[] hsvOther = new float[3];
        int[] order = new int[players];
        int[] present = new int[players];
        long row = 0;
        SplittableRandom teamRnd = new SplittableRandom(seed + 99);
        for (int cut = 0; cut < cuts; cut++) {
            Shot shot = new Shot();
            for (int i = 0; i < players; i++) {
                order[i] = i;
            }
            for (int i = players - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            int inShot = 3 + rnd.nextInt(8);
            for (int f = 0; f < 5; f++) {
                QueryFrame qf = new QueryFrame(DIM, players);
                int[] truth = new int[players];
                int[] truthIndex = new int[players];
                int n = 0;
                for (int k = 0; k < inShot; k++) {
                    if (rnd.nextDouble() < 0.9) {
                        present[n++] = order[k];
                    }
                }
                for (int k = 0; k < n; k++) {
                    int i = present[k];
                    observe(i, shot, e, 0);
                    torso(i, shot, hsv);
                    if (n > 1 && rnd.nextDouble() < occlusion) {
                        int j = present[(k + 1 + rnd.nextInt(n - 1)) % n];
                        observe(j, shot, other, 0);
                        double o = 0.2 + 0.3 * rnd.nextDouble();
                        for (int d = 0; d < DIM; d++) {
                            e[d] = (float) ((1 - o) * e[d] + o * other[d]);
                        }
                        Embeddings.normalise(e, 0, DIM);
                        if (rnd.nextDouble() < o) {
                            torso(j, shot, hsvOther);
                            System.arraycopy(hsvOther, 0, hsv, 0, 3);
                        }
                    }
                    int q = qf.add(e, 0, row++);
                    qf.colour(q, hsv[0], hsv[1], hsv[2]);
                    RosterEntry entry = roster.get(i);
                    qf.stature(q, (float) (entry.statureMetres() + statureSdMetres * rnd.nextGaussian()));
                    truth[q] = entry.playerNumber();
                    dev.touchline.sensor.simulation.TeamSide side = entry.side();
                    if (teamRnd.nextDouble() < teamLabelError) {
                        side = side == dev.touchline.sensor.simulation.TeamSide.HOME
                                ? dev.touchline.sensor.simulation.TeamSide.AWAY
                                : dev.touchline.sensor.simulation.TeamSide.HOME;
                    }
                    qf.team(q, side);
                    truthIndex[q] = i;
                }
                out.add(new Frame(qf, truth, truthIndex));
            }
        }
        return out;
    }

    /** The learned kit model, fitted on the unlabelled torso colours of the first frame after every cut. */
    LearnedKitModel kitModel(List<Frame> frames) {
        float[] s = new float[3 * players * frames.size()];
        int n = 0;
        for (int k = 0; k < frames.size(); k += 5) {
            QueryFrame f = frames.get(k).queries();
            for (int q = 0; q < f.size(); q++) {
                s[3 * n] = f.hue(q);
                s[3 * n + 1] = f.saturation(q);
                s[3 * n + 2] = f.value(q);
                n++;
            }
        }
        return LearnedKitModel.fit(index, s, n, 20, 3.0, 0.05);
    }

    /** Decision counts of one configuration. */
    static final class Counts {
        long queries;
        long claimed;
        long wrong;
        long wrongTeamMate;
        long wrongOpponent;
        long matched;
        long matchedWrong;
        long escalated;
        long fresh;
        long duplicates;
        long truthVetoed;

        double mismatchRate() {
            return claimed == 0 ? 0 : (double) wrong / claimed;
        }

        void add(Counts c) {
            queries += c.queries;
            claimed += c.claimed;
            wrong += c.wrong;
            wrongTeamMate += c.wrongTeamMate;
            wrongOpponent += c.wrongOpponent;
            matched += c.matched;
            matchedWrong += c.matchedWrong;
            escalated += c.escalated;
            fresh += c.fresh;
            duplicates += c.duplicates;
            truthVetoed += c.truthVetoed;
        }

        @Override
        public String toString() {
            return String.format("mismatch %5.2f%% (%d of %d claimed: team-mate %d, opponent %d; match-only %.2f%%)"
                    + " claimed %.1f%% escalate %.1f%% new %d dup %d truth vetoed %.2f%%",
                    100.0 * mismatchRate(), wrong, claimed, wrongTeamMate, wrongOpponent,
                    matched == 0 ? 0 : 100.0 * matchedWrong / matched, 100.0 * claimed / queries,
                    100.0 * escalated / queries, fresh, duplicates, 100.0 * truthVetoed / queries);
        }
    }

    /** Matches every frame with the matcher; check (may be null) is only used to count vetoes of the truth. */
    Counts run(EmbeddingGallery gallery, List<Frame> frames, FrameMatcher matcher, ConsistencyCheck check)
            throws BadReidDataException {
        Counts c = new Counts();
        MatchResults r = new MatchResults(players);
        for (Frame f : frames) {
            matcher.match(f.queries(), "broadcast scenario seed " + seed, r);
            for (int q = 0; q < r.size(); q++) {
                c.queries++;
                int truth = f.truth()[q];
                if (check != null && !check.admissible(f.queries(), q, truth)) {
                    c.truthVetoed++;
                }
                switch (r.decision(q)) {
                    case MATCH, UNCERTAIN -> {
                        c.claimed++;
                        boolean match = r.decision(q) == Decision.MATCH;
                        if (match) {
                            c.matched++;
                        }
                        if (r.playerId(q) != truth) {
                            c.wrong++;
                            if (match) {
                                c.matchedWrong++;
                            }
                            if (roster.get(f.truthIndex()[q]).side() == sideOf(r.playerId(q))) {
                                c.wrongTeamMate++;
                            } else {
                                c.wrongOpponent++;
                            }
                        }
                    }
                    case ESCALATE -> c.escalated++;
                    case NEW -> c.fresh++;
                    case DUPLICATE -> c.duplicates++;
                }
            }
        }
        return c;
    }

    private dev.touchline.sensor.simulation.TeamSide sideOf(int playerNumber) {
        for (RosterEntry e : roster.entries()) {
            if (e.playerNumber() == playerNumber) {
                return e.side();
            }
        }
        throw new IllegalArgumentException("unknown player " + playerNumber);
    }

    /** Roster index of the k-th outfield player of a side. */
    private int outfield(dev.touchline.sensor.simulation.TeamSide side, int k) {
        for (int i = 0; i < players; i++) {
            RosterEntry e = roster.get(i);
            if (e.side() == side && e.role() != dev.touchline.sensor.simulation.Role.GOALKEEPER && k-- == 0) {
                return i;
            }
        }
        throw new IllegalStateException("roster has no outfield player " + k + " on " + side);
    }

    /** Mean cosine of a query-shot observation with gallery-shot observations: same, team-mate, opponent. */
    String similarityProfile() {
        Shot a = new Shot();
        Shot b = new Shot();
        float[] x = new float[DIM];
        float[] y = new float[DIM];
        double same = 0;
        double mate = 0;
        double opp = 0;
        int n = 300;
        int i = outfield(dev.touchline.sensor.simulation.TeamSide.HOME, 0);
        int mateOf = outfield(dev.touchline.sensor.simulation.TeamSide.HOME, 1);
        int oppOf = outfield(dev.touchline.sensor.simulation.TeamSide.AWAY, 0);
        for (int k = 0; k < n; k++) {
            observe(i, a, x, 0);
            observe(i, b, y, 0);
            same += Dot.dotScalar(x, 0, y, 0, DIM);
            observe(mateOf, b, y, 0);
            mate += Dot.dotScalar(x, 0, y, 0, DIM);
            observe(oppOf, b, y, 0);
            opp += Dot.dotScalar(x, 0, y, 0, DIM);
        }
        return String.format("mean cosine across shots: same player %.2f, team-mate %.2f, opponent %.2f",
                same / n, mate / n, opp / n);
    }
}
