package dev.touchline.reid;

import dev.touchline.sensor.simulation.KitColour;
import dev.touchline.sensor.simulation.Role;
import dev.touchline.sensor.simulation.Roster;
import dev.touchline.sensor.simulation.RosterEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * Re-identification on the simulator's roster: 22 players in two kits (plus two keeper kits), embeddings from a
 * generative model, a gallery filled before a broadcast cut and queries after it.
 *
 * <p>An observation of player i from camera c at time t in pose z is
 * {@code normalise(wKit·K[kit] + wPerson·P[i] + wCam·C[c] + wDrift·D(t) + wPose·Σ z_k·Z_k + noise)}, with random
 * unit directions in 128-D (nearly orthogonal). Team-mates share their kit direction; look-alike pairs of
 * team-mates share 60 % of their person direction; the pose directions Z are shared by everybody (a player turning
 * the same way looks like a team-mate turning the same way); D(t) is lighting drift; the gallery comes from three
 * cameras before the cut, the queries from three other cameras after it. A query may be occluded (10 %): its
 * embedding and torso colour are mixed with another player's. Torso colour is the kit's shirt colour under the
 * camera's exposure with noise; the tracker's stature estimate is the truth plus N(0, statureSd).
 */
final class ReidEvaluation {
    static final int DIM = 128;
    final double wKit = 1.0;
    final double wPerson = 0.75;
    final double wCam = 0.45;
    final double wDrift = 0.35;
    final double wPose = 0.6;
    final double noise = 0.5;
    final double lookAlikeShare = 0.6;
    final double occlusionProbability = 0.10;
    final double statureSdMetres = 0.015;

    final long seed;
    final Roster roster;
    final RosterIndex index;
    final int players;
    private final SplittableRandom rnd;
    private final float[][] kitDir;
    private final float[][] personDir;
    private final float[][] camDir;
    private final float[][] driftDir;
    private final float[][] poseDir;
    private final int[] kitOf;
    private final KitColour[] kits;
    private final double[] camExposure;
    private final double[] camHueShift;

    ReidEvaluation(long seed) {
        this.seed = seed;
        this.roster = Roster.generate(seed, 22, 0);
        this.index = RosterIndex.of(roster);
        this.players = roster.size();
        this.rnd = new SplittableRandom(seed ^ 0x5EED_5EEDL);
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
        float[][] own = directions(players);
        float[][] shared = directions(players);
        personDir = new float[players][];
        // Look-alikes: outfield players 1&2, 3&4, ... of each team share a direction.
        for (int i = 0; i < players; i++) {
            RosterEntry e = roster.get(i);
            int partner = -1;
            if (e.role() != Role.GOALKEEPER) {
                int k = e.jerseyNumber() - 2;
                int first = i - k + (k / 2) * 2;
                partner = first;
            }
            float[] p = new float[DIM];
            double a = partner >= 0 ? Math.sqrt(1 - lookAlikeShare) : 1;
            double b = partner >= 0 ? Math.sqrt(lookAlikeShare) : 0;
            for (int d = 0; d < DIM; d++) {
                p[d] = (float) (a * own[i][d] + (partner >= 0 ? b * shared[partner][d] : 0));
            }
            personDir[i] = p;
        }
        camDir = directions(6);
        driftDir = directions(2);
        poseDir = directions(8);
        camExposure = new double[6];
        camHueShift = new double[6];
        for (int c = 0; c < 6; c++) {
            camExposure[c] = 0.65 + 0.35 * rnd.nextDouble();
            camHueShift[c] = 8 * rnd.nextGaussian();
        }
    }

    private float[][] directions(int n) {
        float[][] out = new float[n][DIM];
        for (float[] v : out) {
            for (int d = 0; d < DIM; d++) {
                v[d] = (float) rnd.nextGaussian();
            }
            Embeddings.normalise(v, 0, DIM);
        }
        return out;
    }

    /** One observation of player i; out modified. */
    void observe(int i, int cam, double tSeconds, float[] out, int off) {
        double phase = tSeconds / 600.0 * Math.PI;
        double[] z = new double[poseDir.length];
        for (int k = 0; k < z.length; k++) {
            z[k] = rnd.nextGaussian() / Math.sqrt(z.length);
        }
        double noiseScale = noise / Math.sqrt(DIM);
        for (int d = 0; d < DIM; d++) {
            double v = wKit * kitDir[kitOf[i]][d] + wPerson * personDir[i][d] + wCam * camDir[cam][d]
                    + wDrift * (Math.cos(phase) * driftDir[0][d] + Math.sin(phase) * driftDir[1][d]);
            for (int k = 0; k < z.length; k++) {
                v += wPose * z[k] * poseDir[k][d];
            }
            out[off + d] = (float) (v + noiseScale * rnd.nextGaussian());
        }
        Embeddings.normalise(out, off, DIM);
    }

    /** Torso HSV of player i seen from a camera; out modified (3 entries). */
    void torso(int i, int cam, float[] out) {
        Hsv.fromRgb(kits[kitOf[i]].shirtRgb(), out);
        out[0] = (float) ((out[0] + camHueShift[cam] + 4 * rnd.nextGaussian() + 720) % 360);
        out[1] = (float) clamp(out[1] + 0.05 * rnd.nextGaussian());
        out[2] = (float) clamp(out[2] * camExposure[cam] + 0.05 * rnd.nextGaussian());
    }

    private static double clamp(double v) {
        return Math.min(1, Math.max(0, v));
    }

    /** The gallery: 150 embeddings per player every 0.2 s over 30 s before the cut, from cameras 0–2. */
    EmbeddingGallery gallery(Scoring scoring) {
        EmbeddingGallery g = EmbeddingGallery.builder().dimension(DIM).scoring(scoring).build();
        float[] e = new float[DIM];
        for (int i = 0; i < players; i++) {
            int slot = g.add(roster.get(i).playerNumber());
            // Occlusion gaps: a third of the players were last seen a minute earlier.
            double end = rnd.nextDouble() < 1.0 / 3 ? 60.0 : 120.0;
            for (int k = 0; k < 150; k++) {
                double t = end - 30.0 + 0.2 * k;
                observe(i, rnd.nextInt(3), t, e, 0);
                g.offer(slot, (long) (t * 1e6), e, 0);
            }
        }
        return g;
    }

    /** Results of one run. */
    static final class Counts {
        long queries;
        long claimed;
        long claimedWrong;
        long matched;
        long matchedWrong;
        long escalated;
        long fresh;
        long duplicates;
        long escalationAnswered;
        long escalationAnsweredWrong;
        long deadlineMisses;
        long truthVetoed;

        double mismatchRate() {
            return claimed == 0 ? 0 : (double) claimedWrong / claimed;
        }

        double escalationRate() {
            return queries == 0 ? 0 : (double) escalated / queries;
        }

        @Override
        public String toString() {
            return String.format("queries=%d claimed=%d mismatch=%.2f%% (match-only %.2f%% of %d) escalate=%.2f%% "
                    + "new=%d escalation answered=%d (wrong %d) deadline misses=%d true identity vetoed=%d",
                    queries, claimed, 100.0 * mismatchRate(),
                    matched == 0 ? 0 : 100.0 * matchedWrong / matched, matched, 100.0 * escalationRate(), fresh,
                    escalationAnswered, escalationAnsweredWrong, deadlineMisses, truthVetoed);
        }
    }

    /** A frame of queries after the cut, with ground truth. */
    record Frame(QueryFrame queries, int[] truth) {
    }

    /** 10 cuts to cameras 3–5, 5 frames each, every player visible with probability 0.85. */
    List<Frame> frames() {
        List<Frame> out = new ArrayList<>();
        float[] e = new float[DIM];
        float[] other = new float[DIM];
        float[] hsv = new float[3];
        float[] hsvOther = new float[3];
        long row = 0;
        for (int cut = 0; cut < 10; cut++) {
            int cam = 3 + rnd.nextInt(3);
            for (int f = 0; f < 5; f++) {
                double t = 130 + cut * 20 + f * 0.2;
                QueryFrame qf = new QueryFrame(DIM, players);
                int[] truth = new int[players];
                for (int i = 0; i < players; i++) {
                    if (rnd.nextDouble() >= 0.85) {
                        continue;
                    }
                    observe(i, cam, t, e, 0);
                    torso(i, cam, hsv);
                    if (rnd.nextDouble() < occlusionProbability) {
                        int j = rnd.nextInt(players - 1);
                        j = j >= i ? j + 1 : j;
                        observe(j, cam, t, other, 0);
                        double o = 0.2 + 0.3 * rnd.nextDouble();
                        for (int d = 0; d < DIM; d++) {
                            e[d] = (float) ((1 - o) * e[d] + o * other[d]);
                        }
                        Embeddings.normalise(e, 0, DIM);
                        if (rnd.nextDouble() < o) {
                            torso(j, cam, hsvOther);
                            System.arraycopy(hsvOther, 0, hsv, 0, 3);
                        }
                    }
                    int q = qf.add(e, 0, row++);
                    qf.colour(q, hsv[0], hsv[1], hsv[2]);
                    qf.stature(q, (float) (roster.get(i).statureMetres() + statureSdMetres * rnd.nextGaussian()));
                    truth[q] = roster.get(i).playerNumber();
                }
                out.add(new Frame(qf, truth));
            }
        }
        return out;
    }

    /** The same queries one per frame (close-ups after a cut): no one-to-one competition helps. */
    static List<Frame> solo(List<Frame> frames) {
        List<Frame> out = new ArrayList<>();
        for (Frame f : frames) {
            QueryFrame src = f.queries();
            for (int q = 0; q < src.size(); q++) {
                QueryFrame one = new QueryFrame(DIM, 1);
                one.add(src.embeddings(), q * DIM, src.row(q));
                one.colour(0, src.hue(q), src.saturation(q), src.value(q));
                one.stature(0, src.stature(q));
                out.add(new Frame(one, new int[] {f.truth()[q]}));
            }
        }
        return out;
    }

    /** The learned kit model fitted on the torso colours of the first frame after every cut (unlabelled). */
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

    /** Matches every frame and escalates the ESCALATE decisions against the simulated worker. */
    Counts run(EmbeddingGallery gallery, List<Frame> frames, ConsistencyCheck check) throws BadReidDataException {
        Counts c = run(gallery, frames, new FrameMatcher(gallery, MatchPolicy.DEFAULT, check));
        for (Frame f : frames) {
            for (int q = 0; q < f.queries().size(); q++) {
                if (!check.admissible(f.queries(), q, f.truth()[q])) {
                    c.truthVetoed++;
                }
            }
        }
        return c;
    }

    Counts run(EmbeddingGallery gallery, List<Frame> frames, FrameMatcher matcher) throws BadReidDataException {
        Counts c = new Counts();
        VirtualTimer timer = new VirtualTimer();
        SplittableRandom workerRnd = new SplittableRandom(seed + 1);
        List<int[]> truthOfRequest = new ArrayList<>();
        SimulatedEscalationWorker worker = new SimulatedEscalationWorker(timer, seed + 2, 120_000_000L, 0.5, 0.01,
                r -> {
                    int truth = truthOfRequest.get((int) r.queryId())[0];
                    // The heavier model is right 97 % of the time.
                    return workerRnd.nextDouble() < 0.97 ? truth : gallery.playerId(workerRnd.nextInt(gallery.size()));
                });
        Escalator esc = Escalator.builder(worker).timer(timer).deadline(Duration.ofMillis(180)).build();
        List<CompletableFuture<EscalationOutcome>> pending = new ArrayList<>();
        List<Integer> pendingTruth = new ArrayList<>();
        MatchResults r = new MatchResults(players);
        long frameIndex = 0;
        for (Frame f : frames) {
            timer.advanceTo(frameIndex++ * 200_000_000L);
            matcher.match(f.queries(), "simulation seed " + seed, r);
            for (int q = 0; q < r.size(); q++) {
                c.queries++;
                int truth = f.truth()[q];
                switch (r.decision(q)) {
                    case MATCH -> {
                        c.matched++;
                        c.claimed++;
                        if (r.playerId(q) != truth) {
                            c.matchedWrong++;
                            c.claimedWrong++;
                        }
                    }
                    case UNCERTAIN -> {
                        c.claimed++;
                        if (r.playerId(q) != truth) {
                            c.claimedWrong++;
                        }
                    }
                    case ESCALATE -> {
                        c.escalated++;
                        float[] emb = java.util.Arrays.copyOfRange(f.queries().embeddings(), q * DIM, (q + 1) * DIM);
                        truthOfRequest.add(new int[] {truth});
                        pending.add(esc.escalate(new EscalationRequest(truthOfRequest.size() - 1, 0L, emb,
                                r.playerId(q), r.score(q), "cam")));
                        pendingTruth.add(truth);
                    }
                    case NEW -> c.fresh++;
                    case DUPLICATE -> c.duplicates++;
                }
            }
        }
        timer.advanceTo(Long.MAX_VALUE / 2);
        for (int k = 0; k < pending.size(); k++) {
            EscalationOutcome o = pending.get(k).getNow(null);
            if (o == null || o.latencyNanos() > esc.deadlineNanos()) {
                throw new AssertionError("escalation " + k + " undecided by its deadline: " + o);
            }
            if (o.status() == EscalationStatus.ANSWERED) {
                c.escalationAnswered++;
                if (o.playerId() != pendingTruth.get(k)) {
                    c.escalationAnsweredWrong++;
                }
            } else if (o.status() == EscalationStatus.TIMED_OUT) {
                c.deadlineMisses++;
            }
        }
        return c;
    }

    /** Mean cosine of pairs: same player (gallery vs query camera), team-mates, look-alikes, opponents. */
    String similarityProfile() {
        float[] a = new float[DIM];
        float[] b = new float[DIM];
        double same = 0;
        double mate = 0;
        double alike = 0;
        double opp = 0;
        int n = 200;
        for (int k = 0; k < n; k++) {
            observe(1, 0, 100, a, 0);
            observe(1, 4, 150, b, 0);
            same += Dot.dotScalar(a, 0, b, 0, DIM);
            observe(4, 4, 150, b, 0);
            mate += Dot.dotScalar(a, 0, b, 0, DIM);
            observe(2, 4, 150, b, 0);
            alike += Dot.dotScalar(a, 0, b, 0, DIM);
            observe(14, 4, 150, b, 0);
            opp += Dot.dotScalar(a, 0, b, 0, DIM);
        }
        return String.format("mean cosine across cameras: same player %.2f, look-alike team-mate %.2f, "
                + "team-mate %.2f, opponent %.2f", same / n, alike / n, mate / n, opp / n);
    }
}
