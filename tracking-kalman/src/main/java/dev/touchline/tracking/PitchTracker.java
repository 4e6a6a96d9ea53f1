package dev.touchline.tracking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Multi-player tracker on the pitch plane: one {@link PlayerKalmanFilter} per track, Mahalanobis (or fixed)
 * gating, optimal assignment and a track lifecycle. Mutable, not thread-safe.
 *
 * <h2>One frame</h2>
 * <ol>
 *   <li>Every track is predicted to the frame time; a track unseen for more than
 *       {@link TrackerConfig#occlusionSwitchSeconds()} uses the occlusion model (constant velocity, decaying
 *       acceleration).</li>
 *   <li>Detections with a non-finite position, or further than {@link TrackerConfig#pitchMarginMetres()} outside
 *       the pitch, are skipped and counted ({@link #skippedDetections()}); those below
 *       {@link TrackerConfig#lowConfidence()} are ignored.</li>
 *   <li>Pass 1: confirmed and coasting tracks against confident detections. Pass 2 (ByteTrack's idea): the
 *       remaining confirmed and coasting tracks against low-confidence detections. Pass 3: tentative tracks against
 *       the confident detections left. Each pass is one {@link RectangularAssignment} on the cost
 *       {@code d² + ln det S} (squared Mahalanobis distance plus the log-determinant of the innovation covariance:
 *       the negative log-likelihood up to a constant), plus the squared normalised stature difference
 *       (capped) and a team penalty when those constraints are on; in {@link GateMode#FIXED} the cost is the
 *       Euclidean distance in metres. Among all matchings of gated pairs the one with the most pairs wins, then
 *       the one with the least cost.</li>
 *   <li>Ambiguity: when a confirmed track's detection in pass 1 or 2 costs a track left without a detection less
 *       than {@link TrackerConfig#ambiguityMargin()} more, the detection is taken to show both players as one.
 *       Neither claims it: both follow it loosely (as hidden players do, below) and take no team or stature
 *       evidence from it, so that neither track's motion is pulled onto the other player's before they part.</li>
 *   <li>Re-acquisition, between passes 2 and 3: confirmed tracks still without a detection against the confident
 *       detections left, within a Euclidean gate that grows with the time since the track's own last detection
 *       ({@link TrackerConfig#reacquireSpeedMetresPerSecond()}), measured from the track's coasted position or
 *       from where it was right after its last own detection, whichever is nearer
 *       ({@link TrackerConfig#reacquireFromLastSeen()}); a detection that contradicts the track's team,
 *       or its stature by more than 4 standard deviations, is not taken. The motion state restarts from the
 *       detection; the stature and team are kept. Without it, a player reappearing from behind another further
 *       than the Kalman gate reaches starts a new track: an ID switch.</li>
 *   <li>Hidden players: a confirmed track still without a detection whose position is within
 *       {@link TrackerConfig#sharedDetectionRadiusMetres()} of a detection matched to another confirmed track is
 *       taken to be hidden by (or merged with) that player. It stays bound to that occluder, following its
 *       detection as a pseudo-measurement with noise {@link TrackerConfig#followNoiseMetres()}, until it is
 *       matched again, the occluder misses, or the two are more than twice the radius apart. Following the
 *       occluder rather than coasting keeps the track next to where the player will reappear.</li>
 *   <li>Separation review ({@link TrackerConfig#separationReviewSeconds()}): two confirmed tracks seen as one
 *       (one following the other's detection, or both sharing an ambiguous one) are entangled, and their stature
 *       and established team are remembered. Once both have detections of their own again, those detections are
 *       scored for the review length under the current and the crossed pairing; if the crossed one wins by
 *       {@link TrackerConfig#separationSwapMargin()}, the tracks exchange ids, statures and team votes. The
 *       decision comes late, so this tracker's output shows a corrected mix-up as two switches;
 *       {@link FixedLagTracker} hands the frames out late enough to correct them first.</li>
 *   <li>Confident detections left over start tentative tracks. A tentative track is confirmed after
 *       {@link TrackerConfig#confirmHits()} consecutive matches and deleted at its first miss; a confirmed track
 *       that misses coasts, and is deleted after {@link TrackerConfig#maxAgeSeconds()} unseen.</li>
 * </ol>
 * Track ids start at 1 and are never reused (two live tracks may exchange theirs after a separation review).
 * A {@link #snapshot()} does not hold entanglements and open reviews: a rebuilt tracker starts without them. In steady state a frame allocates nothing: work space grows only
 * when a frame has more tracks or detections than any before.
 *
 * <h2>Bad input</h2>
 * A frame whose time is not after the previous frame's (out of order or duplicate) is rejected with
 * {@link IllegalArgumentException} and leaves the tracker unchanged; bad detections are skipped as above.
 */
public final class PitchTracker {
    /** Team codes {@code [0, TEAM_CODES)} are counted per track; any other code means "unknown". */
    public static final int TEAM_CODES = 4;
    /**
     * Log-likelihood ratio of one team label for the team it names: labels are right about 93 % of the time and
     * wrong labels spread over the other codes, so about ln(0.93 / 0.02).
     */
    private static final double TEAM_LABEL_EVIDENCE = 3.8;

    private final TrackerConfig config;
    private final double positionVariance;
    private final double heightVariance;
    private final double followVariance;
    private final long occlusionSwitchMicros;
    private final long maxAgeMicros;

    // track pool, indexed by slot; live slots are slots[0, live)
    private PlayerKalmanFilter[] filters = new PlayerKalmanFilter[0];
    private int[] trackId = new int[0];
    private TrackState[] trackState = new TrackState[0];
    private int[] hits = new int[0];
    private long[] lastSeenMicros = new long[0];
    private int[] teamVotes = new int[0];
    private int[] slots = new int[0];
    /** Time of the last detection of the track's own (not a shared one), µs. */
    private long[] lastOwnMicros = new long[0];
    /** Position, m, of the track right after its last own detection: where a hidden player was last seen. */
    private double[] lastOwnX = new double[0];
    /** Time of the track's last confident detection, µs (see {@link TrackerConfig#lowConfidenceKeepsAlive()}). */
    private long[] lastConfidentMicros = new long[0];
    private double[] lastOwnY = new double[0];
    /** Slot of the track hiding this one (the two are seen as one detection), or −1. */
    private int[] occluderSlot = new int[0];
    /** Id of that track, to notice when its slot has been reused. */
    private int[] occluderId = new int[0];
    private boolean[] alive = new boolean[0];
    /** Slot and id of the track this one is entangled with (seen as one; see separation reviews), or −1. */
    private int[] partnerSlot = new int[0];
    private int[] partnerId = new int[0];
    /** Start of the current entanglement episode and the last frame entangled, µs. */
    private long[] entangledSinceMicros = new long[0];
    private long[] lastEntangledMicros = new long[0];
    /** End of the open separation review, µs, or {@link Long#MIN_VALUE} when none is open. */
    private long[] reviewUntilMicros = new long[0];
    /** Stature estimate (m) and its variance (m²) as they stood while entangled; established team then. */
    private double[] refStature = new double[0];
    private double[] refStatureVariance = new double[0];
    private int[] refTeam = new int[0];
    /** Log-likelihood of the track's detections during the review under its own and its partner's identity. */
    private double[] ownEvidence = new double[0];
    private double[] crossEvidence = new double[0];
    /** Each track's filter as it stood when its current entanglement began (motion evidence of the review). */
    private PlayerKalmanFilter[] motionRef = new PlayerKalmanFilter[0];
    /** Work space: the two tracks' reference filters predicted to the parting. */
    private final PlayerKalmanFilter parted0;
    private final PlayerKalmanFilter parted1;
    /** Identity exchanges decided in the last frame: ids and the time from which they apply, µs. */
    private int swapCount;
    private int[] swapIdA = new int[4];
    private int[] swapIdB = new int[4];
    private long[] swapFromMicros = new long[4];
    private int live;
    private int nextId = 1;
    private long lastFrameMicros = Long.MIN_VALUE;
    private long skipped;

    // per-frame work space
    private int[] matchedDetection = new int[0];
    /** The track's detection this frame is explained almost as well by another track left without one. */
    private boolean[] ambiguous = new boolean[0];
    /** The track left without a detection that made this track's detection ambiguous, or −1. */
    private int[] ambiguousWith = new int[0];
    /** The track was updated with a detection of its own this frame (not ambiguous, not followed). */
    private boolean[] ownMatch = new boolean[0];
    private int[] detectionOwner = new int[0];
    private int[] detectionUse = new int[0];
    private int[] rowSlot = new int[0];
    private int[] colDetection = new int[0];
    private int[] rowToCol = new int[0];
    private double[] cost = new double[0];
    private final RectangularAssignment assignment = new RectangularAssignment(32, 32);

    /** An empty tracker. */
    public PitchTracker(TrackerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.positionVariance = config.measurementNoiseMetres() * config.measurementNoiseMetres();
        this.heightVariance = config.heightNoiseMetres() * config.heightNoiseMetres();
        this.followVariance = config.followNoiseMetres() * config.followNoiseMetres();
        this.occlusionSwitchMicros = Math.round(config.occlusionSwitchSeconds() * 1e6);
        this.maxAgeMicros = Math.round(config.maxAgeSeconds() * 1e6);
        this.parted0 = new PlayerKalmanFilter(config.filter());
        this.parted1 = new PlayerKalmanFilter(config.filter());
        growTracks(32);
        growDetections(32);
    }

    /** A tracker rebuilt from a snapshot, with the given config. */
    public PitchTracker(TrackerConfig config, TrackerSnapshot snapshot) {
        this(config);
        Objects.requireNonNull(snapshot, "snapshot");
        lastFrameMicros = snapshot.lastFrameMicros();
        nextId = snapshot.nextId();
        skipped = snapshot.skippedDetections();
        growTracks(snapshot.tracks().size());
        for (TrackerSnapshot.Track t : snapshot.tracks()) {
            int s = slots[live++];
            filters[s].restore(t.filter());
            trackId[s] = t.id();
            trackState[s] = t.state();
            hits[s] = t.hits();
            lastSeenMicros[s] = t.lastSeenMicros();
            lastOwnMicros[s] = t.lastOwnMicros();
            lastConfidentMicros[s] = t.lastOwnMicros();
            // not part of the snapshot: the restored position stands in for where the player was last seen
            lastOwnX[s] = filters[s].x();
            lastOwnY[s] = filters[s].y();
            occluderId[s] = t.occluderId();
            occluderSlot[s] = -1;
            partnerSlot[s] = -1;
            reviewUntilMicros[s] = Long.MIN_VALUE;
            alive[s] = true;
            System.arraycopy(t.teamVotes(), 0, teamVotes, TEAM_CODES * s, TEAM_CODES);
        }
        // occluders are stored by id: find their slots now that every track is back
        for (int k = 0; k < live; k++) {
            int s = slots[k];
            if (occluderId[s] < 0) {
                continue;
            }
            for (int j = 0; j < live; j++) {
                if (trackId[slots[j]] == occluderId[s]) {
                    occluderSlot[s] = slots[j];
                }
            }
        }
    }

    /** The configuration. */
    public TrackerConfig config() {
        return config;
    }

    /** Detections skipped so far because of a non-finite position or a position far outside the pitch. */
    public long skippedDetections() {
        return skipped;
    }

    /** Number of live tracks (any state). */
    public int liveTracks() {
        return live;
    }

    /**
     * Processes one frame of detections given as columns (rows {@code [0, count)}).
     *
     * @param timeMicros frame time, epoch microseconds; must be after the previous frame's
     * @param count number of detections, ≥ 0 (a frame may have none)
     * @param x pitch x of each detection, m. Not modified.
     * @param y pitch y, m. Not modified.
     * @param height estimated stature, m, NaN when unknown. Not modified.
     * @param team team code in {@code [0, TEAM_CODES)} (e.g. a {@code TeamSide} ordinal), anything else unknown.
     *             Not modified.
     * @param confidence detector confidence in [0, 1]. Not modified.
     * @param out receives the tracks after this frame: every live track with its state. Modified.
     * @throws IllegalArgumentException when the frame is not after the previous one, or arrays are too short
     */
    public void process(long timeMicros, int count, double[] x, double[] y, double[] height,
                        int[] team,
                        double[] confidence, TrackFrame out) {
        if (timeMicros <= lastFrameMicros) {
            throw new IllegalArgumentException("frame time " + timeMicros + " µs is not after the previous frame's "
                    + lastFrameMicros + " µs (out of order or duplicate)");
        }
        if (count < 0 || x.length < count || y.length < count || height.length < count
                || team.length < count || confidence.length < count) {
            throw new IllegalArgumentException("count " + count + " exceeds a column's length or is negative");
        }
        double dt = lastFrameMicros == Long.MIN_VALUE ? 0 : (timeMicros - lastFrameMicros) * 1e-6;
        lastFrameMicros = timeMicros;
        growDetections(count);
        // 1. predict
        for (int k = 0; k < live; k++) {
            int s = slots[k];
            if (timeMicros - lastSeenMicros[s] > occlusionSwitchMicros) {
                filters[s].predictDecaying(dt, config.accelerationDecaySeconds());
            } else {
                filters[s].predict(dt);
            }
            matchedDetection[s] = -1;
            ambiguous[s] = false;
            ambiguousWith[s] = -1;
            ownMatch[s] = false;
        }
        swapCount = 0;
        // 2. classify detections: 0 ignored/skipped, 1 low, 2 high; 3 used
        for (int d = 0; d < count; d++) {
            double xd = x[d];
            double yd = y[d];
            if (!Double.isFinite(xd) || !Double.isFinite(yd)
                    || !config.pitch().contains(xd, yd, config.pitchMarginMetres())) {
                skipped++;
                detectionUse[d] = 0;
                continue;
            }
            double c = confidence[d];
            detectionUse[d] = c >= config.highConfidence() ? 2 : c >= config.lowConfidence() ? 1 : 0;
        }
        // 3. association passes
        associate(false, 2, count, x, y, height, team);
        associate(false, 1, count, x, y, height, team);
        if (config.reacquireSpeedMetresPerSecond() > 0) {
            reacquire(timeMicros, count, x, y, height, team);
        }
        associate(true, 2, count, x, y, height, team);
        // 4. lifecycle of existing tracks
        for (int k = 0; k < live; k++) {
            int s = slots[k];
            int d = matchedDetection[s];
            // a player stays hidden for at most the maximum age: beyond it the track is more likely a ghost
            // shadowing someone else than a player still out of sight
            int sd = d < 0 && trackState[s] != TrackState.TENTATIVE && timeMicros - lastOwnMicros[s] <= maxAgeMicros
                    ? hiddenBehind(s, count, x, y) : -1;
            if (!config.lowConfidenceKeepsAlive() && trackState[s] != TrackState.TENTATIVE && sd < 0
                    && timeMicros - lastConfidentMicros[s] > maxAgeMicros
                    && (d < 0 || (!ambiguous[s] && !(confidence[d] >= config.highConfidence())))) {
                // only low-confidence detections for longer than the maximum age: clutter keeping a ghost alive
                alive[s] = false;
                live--;
                slots[k] = slots[live];
                slots[live] = s;
                k--;
                continue;
            }
            if (d >= 0 && ambiguous[s] && trackState[s] != TrackState.TENTATIVE) {
                // one detection for two nearly equally likely tracks: follow it loosely, take no evidence from it
                filters[s].update(x[d], y[d], followVariance, followVariance, Double.NaN, heightVariance);
                lastSeenMicros[s] = timeMicros;
                trackState[s] = TrackState.COASTING;
                hits[s] = 0;
                int w = ambiguousWith[s];
                if (w >= 0 && alive[w] && trackState[w] != TrackState.TENTATIVE) {
                    entangle(s, w, timeMicros);
                }
            } else if (sd >= 0) {
                entangle(s, detectionOwner[sd], timeMicros);
                // seen as one with a neighbour: follow its detection loosely; no hit, no team or stature evidence
                filters[s].update(x[sd], y[sd], followVariance, followVariance, Double.NaN, heightVariance);
                lastSeenMicros[s] = timeMicros;
                trackState[s] = TrackState.COASTING;
                hits[s] = 0;
            } else if (d >= 0) {
                double h = height[d];
                if (!Double.isFinite(h)) {
                    h = Double.NaN;
                }
                filters[s].update(x[d], y[d], positionVariance, positionVariance, h, heightVariance);
                ownMatch[s] = true;
                if (confidence[d] >= config.highConfidence()) {
                    lastConfidentMicros[s] = timeMicros;
                }
                hits[s]++;
                lastSeenMicros[s] = timeMicros;
                lastOwnMicros[s] = timeMicros;
                lastOwnX[s] = filters[s].x();
                lastOwnY[s] = filters[s].y();
                occluderSlot[s] = -1;
                int tm = team[d];
                if (tm >= 0 && tm < TEAM_CODES) {
                    teamVotes[TEAM_CODES * s + tm]++;
                }
                if (trackState[s] == TrackState.COASTING
                        || (trackState[s] == TrackState.TENTATIVE && hits[s] >= config.confirmHits())) {
                    trackState[s] = TrackState.CONFIRMED;
                }
            } else if (trackState[s] == TrackState.TENTATIVE
                    || timeMicros - lastSeenMicros[s] > maxAgeMicros) {
                // delete: swap with the last live slot
                alive[s] = false;
                live--;
                slots[k] = slots[live];
                slots[live] = s;
                k--;
            } else {
                trackState[s] = TrackState.COASTING;
                hits[s] = 0;
            }
        }
        if (config.separationReviewSeconds() > 0) {
            reviewSeparations(timeMicros, x, y, height, team);
        }
        // 5. births from confident detections left over
        for (int d = 0; d < count; d++) {
            if (detectionUse[d] == 2) {
                if (live == slots.length) {
                    growTracks(2 * slots.length);
                }
                int s = slots[live++];
                double h = height[d];
                if (!Double.isFinite(h)) {
                    h = Double.NaN;
                }
                filters[s].initialise(x[d], y[d], positionVariance, positionVariance, h, heightVariance);
                trackId[s] = nextId++;
                trackState[s] = config.confirmHits() <= 1 ? TrackState.CONFIRMED : TrackState.TENTATIVE;
                hits[s] = 1;
                lastSeenMicros[s] = timeMicros;
                lastOwnMicros[s] = timeMicros;
                lastOwnX[s] = x[d];
                lastOwnY[s] = y[d];
                lastConfidentMicros[s] = timeMicros;
                occluderSlot[s] = -1;
                partnerSlot[s] = -1;
                reviewUntilMicros[s] = Long.MIN_VALUE;
                alive[s] = true;
                detectionOwner[d] = s;
                Arrays.fill(teamVotes, TEAM_CODES * s, TEAM_CODES * (s + 1), 0);
                int tm = team[d];
                if (tm >= 0 && tm < TEAM_CODES) {
                    teamVotes[TEAM_CODES * s + tm]++;
                }
                matchedDetection[s] = d;
                detectionUse[d] = 3;
            }
        }
        out.clear(timeMicros);
        for (int k = 0; k < live; k++) {
            int s = slots[k];
            out.add(trackId[s], filters[s], trackState[s], matchedDetection[s]);
        }
    }

    private void associate(boolean tentative, int level, int count, double[] x, double[] y,
                           double[] height,
                           int[] team) {
        int rows = 0;
        for (int k = 0; k < live; k++) {
            int s = slots[k];
            if (matchedDetection[s] < 0 && (trackState[s] == TrackState.TENTATIVE) == tentative) {
                rowSlot[rows++] = s;
            }
        }
        int cols = 0;
        for (int d = 0; d < count; d++) {
            if (detectionUse[d] == level) {
                colDetection[cols++] = d;
            }
        }
        if (rows == 0 || cols == 0) {
            return;
        }
        ensureCost(rows, cols);
        boolean fixed = config.gateMode() == GateMode.FIXED;
        double maxGate2 = config.maxGateMetres() * config.maxGateMetres();
        for (int r = 0; r < rows; r++) {
            int s = rowSlot[r];
            PlayerKalmanFilter f = filters[s];
            boolean occluded = lastFrameMicros - lastSeenMicros[s] > occlusionSwitchMicros;
            double fixedGate = occluded ? config.occlusionGateMetres() : config.fixedGateMetres();
            double logDet = f.logInnovationDeterminant(positionVariance, positionVariance);
            int trackTeam = establishedTeam(s);
            boolean statureSettled = config.statureConstraint()
                    && f.statureVariance() < 4 * heightVariance;
            for (int c = 0; c < cols; c++) {
                int d = colDetection[c];
                double ex = x[d] - f.x();
                double ey = y[d] - f.y();
                double e2 = ex * ex + ey * ey;
                double v;
                if (fixed) {
                    v = e2 <= fixedGate * fixedGate ? Math.sqrt(e2) : RectangularAssignment.FORBIDDEN;
                } else {
                    double m2 = f.mahalanobisSquared(x[d], y[d], positionVariance, positionVariance);
                    v = m2 <= config.gateChiSquare() && e2 <= maxGate2 ? m2 + logDet : RectangularAssignment.FORBIDDEN;
                }
                if (v != RectangularAssignment.FORBIDDEN) {
                    if (statureSettled && Double.isFinite(height[d])) {
                        double eh = height[d] - f.stature();
                        double z2 = eh * eh / (f.statureVariance() + heightVariance);
                        double penalty = Math.min(z2, config.statureCostCap());
                        v += fixed ? penalty * config.measurementNoiseMetres() : penalty;
                    }
                    if (config.teamConstraint() && trackTeam >= 0 && team[d] >= 0
                            && team[d] < TEAM_CODES && team[d] != trackTeam) {
                        // a low-confidence detection with another team's kit is more likely clutter than this
                        // player: taking it would pull a hidden player's track away from where they will reappear
                        v = config.teamGate() || (level == 1 && config.lowConfidenceTeamGate())
                                ? RectangularAssignment.FORBIDDEN
                                : v + (fixed ? config.teamMismatchCost() * config.measurementNoiseMetres()
                                : config.teamMismatchCost());
                    }
                }
                cost[r * cols + c] = v;
            }
        }
        assignment.solve(cost, rows, cols, rowToCol);
        double margin = config.ambiguityMargin();
        for (int r = 0; r < rows; r++) {
            int c = rowToCol[r];
            if (c >= 0) {
                int d = colDetection[c];
                int s = rowSlot[r];
                matchedDetection[s] = d;
                detectionOwner[d] = s;
                detectionUse[d] = 3;
                ambiguous[s] = false;
                if (!tentative && margin > 0) {
                    // another track left without a detection explains this one almost as well: two players seen
                    // as one. Neither gets the detection as its own; both follow it (see the lifecycle step)
                    double own = cost[r * cols + c];
                    for (int r2 = 0; r2 < rows; r2++) {
                        if (r2 != r && rowToCol[r2] < 0 && cost[r2 * cols + c] - own < margin) {
                            ambiguous[s] = true;
                            ambiguousWith[s] = rowSlot[r2];
                            break;
                        }
                    }
                }
            }
        }
    }

    /**
     * Marks tracks {@code a} and {@code b} as seen as one at {@code timeMicros}: a new episode when they were not
     * linked, and any open separation review of either is closed (a new one opens when they part again). Their
     * stature and team are remembered as they stand now, before the two can be confused.
     */
    private void entangle(int a, int b, long timeMicros) {
        if (a == b) {
            return;
        }
        boolean linked = partnerSlot[a] == b && partnerId[a] == trackId[b]
                && partnerSlot[b] == a && partnerId[b] == trackId[a];
        if (!linked) {
            unlink(a);
            unlink(b);
            partnerSlot[a] = b;
            partnerId[a] = trackId[b];
            partnerSlot[b] = a;
            partnerId[b] = trackId[a];
            entangledSinceMicros[a] = timeMicros;
            entangledSinceMicros[b] = timeMicros;
            motionRef[a].copyFrom(filters[a]);
            motionRef[b].copyFrom(filters[b]);
        }
        for (int s = a, k = 0; k < 2; s = b, k++) {
            lastEntangledMicros[s] = timeMicros;
            reviewUntilMicros[s] = Long.MIN_VALUE;
            refStature[s] = filters[s].stature();
            refStatureVariance[s] = filters[s].statureVariance();
            refTeam[s] = establishedTeam(s);
        }
    }

    /** Drops the entanglement of {@code s} and, if it points back, its partner's. */
    private void unlink(int s) {
        int p = partnerSlot[s];
        if (p >= 0 && partnerSlot[p] == s && partnerId[p] == trackId[s]) {
            partnerSlot[p] = -1;
            reviewUntilMicros[p] = Long.MIN_VALUE;
        }
        partnerSlot[s] = -1;
        reviewUntilMicros[s] = Long.MIN_VALUE;
    }

    /**
     * Separation reviews: for each entangled pair whose tracks both have a detection of their own again, scores
     * those detections for {@link TrackerConfig#separationReviewSeconds()} under the current and the crossed
     * pairing (stature likelihood with the remembered estimates, team), then keeps or exchanges the identities.
     */
    private void reviewSeparations(long timeMicros, double[] x, double[] y, double[] height, int[] team) {
        long window = Math.round(config.separationReviewSeconds() * 1e6);
        double near = config.separationProximityMetres();
        if (near > 0) {
            double near2 = near * near;
            for (int k = 0; k < live; k++) {
                int a = slots[k];
                if (trackState[a] == TrackState.TENTATIVE) {
                    continue;
                }
                PlayerKalmanFilter fa = filters[a];
                for (int j = k + 1; j < live; j++) {
                    int b = slots[j];
                    if (trackState[b] == TrackState.TENTATIVE) {
                        continue;
                    }
                    double ex = filters[b].x() - fa.x();
                    double ey = filters[b].y() - fa.y();
                    if (ex * ex + ey * ey <= near2) {
                        entangle(a, b, timeMicros);
                    }
                }
            }
        }
        for (int k = 0; k < live; k++) {
            int s = slots[k];
            int p = partnerSlot[s];
            if (p < 0) {
                continue;
            }
            if (!alive[p] || partnerId[s] != trackId[p] || partnerSlot[p] != s || partnerId[p] != trackId[s]
                    || timeMicros - lastEntangledMicros[s] > maxAgeMicros + window) {
                unlink(s);
                continue;
            }
            if (s > p || lastEntangledMicros[s] == timeMicros || lastEntangledMicros[p] == timeMicros) {
                continue;
            }
            if (reviewUntilMicros[s] == Long.MIN_VALUE) {
                if (!(ownMatch[s] && ownMatch[p])) {
                    continue;
                }
                reviewUntilMicros[s] = timeMicros + window;
                reviewUntilMicros[p] = timeMicros + window;
                ownEvidence[s] = 0;
                crossEvidence[s] = 0;
                ownEvidence[p] = 0;
                crossEvidence[p] = 0;
                if (config.separationMotionWeight() > 0) {
                    scoreMotion(s, p, timeMicros, x, y);
                }
            }
            score(s, p, height, team);
            score(p, s, height, team);
            if (timeMicros >= reviewUntilMicros[s]) {
                double crossed = crossEvidence[s] + crossEvidence[p] - ownEvidence[s] - ownEvidence[p];
                if (crossed > config.separationSwapMargin()) {
                    exchangeIdentities(s, p, config.relabelFromEntanglementStart()
                            ? Math.min(entangledSinceMicros[s], entangledSinceMicros[p])
                            : Math.max(lastEntangledMicros[s], lastEntangledMicros[p]));
                }
                unlink(s);
            }
        }
    }

    /**
     * Motion evidence at the parting of {@code s} and {@code p} (both have a detection of their own this frame):
     * each track's filter from the start of the entanglement is predicted to now with the filter's own model, and
     * each detection is scored against both predictions. The predicted covariance grows with the entanglement's
     * length, so a long entanglement contributes little.
     */
    private void scoreMotion(int s, int p, long timeMicros, double[] x, double[] y) {
        double dt = (timeMicros - entangledSinceMicros[s]) * 1e-6;
        if (dt <= 0 || entangledSinceMicros[s] != entangledSinceMicros[p]) {
            return;
        }
        parted0.copyFrom(motionRef[s]);
        parted1.copyFrom(motionRef[p]);
        parted0.predictDecaying(dt, config.accelerationDecaySeconds());
        parted1.predictDecaying(dt, config.accelerationDecaySeconds());
        double w = 0.5 * config.separationMotionWeight();
        int ds = matchedDetection[s];
        int dp = matchedDetection[p];
        ownEvidence[s] -= w * motionCost(parted0, x[ds], y[ds]);
        crossEvidence[s] -= w * motionCost(parted1, x[ds], y[ds]);
        ownEvidence[p] -= w * motionCost(parted1, x[dp], y[dp]);
        crossEvidence[p] -= w * motionCost(parted0, x[dp], y[dp]);
    }

    /** Minus twice the 2-D Gaussian log-likelihood (up to a constant) of a detection at (x, y) for filter {@code f}. */
    private double motionCost(PlayerKalmanFilter f, double x, double y) {
        return f.mahalanobisSquared(x, y, positionVariance, positionVariance)
                + f.logInnovationDeterminant(positionVariance, positionVariance);
    }

    /** Adds the evidence of track {@code s}'s own detection this frame, if any, under its and {@code p}'s identity. */
    private void score(int s, int p, double[] height, int[] team) {
        if (!ownMatch[s]) {
            return;
        }
        int d = matchedDetection[s];
        double h = height[d];
        if (config.statureConstraint() && Double.isFinite(h)) {
            double vs = refStatureVariance[s] + heightVariance;
            double vp = refStatureVariance[p] + heightVariance;
            double es = h - refStature[s];
            double ep = h - refStature[p];
            ownEvidence[s] -= 0.5 * (es * es / vs + Math.log(vs));
            crossEvidence[s] -= 0.5 * (ep * ep / vp + Math.log(vp));
        }
        int tm = team[d];
        if (config.teamConstraint() && refTeam[s] >= 0 && refTeam[p] >= 0 && refTeam[s] != refTeam[p]
                && tm >= 0 && tm < TEAM_CODES) {
            if (tm != refTeam[s]) {
                ownEvidence[s] -= TEAM_LABEL_EVIDENCE;
            }
            if (tm != refTeam[p]) {
                crossEvidence[s] -= TEAM_LABEL_EVIDENCE;
            }
        }
    }

    /** Tracks {@code a} and {@code b} exchange id, stature and team votes; the exchange is recorded. */
    private void exchangeIdentities(int a, int b, long fromMicros) {
        int id = trackId[a];
        trackId[a] = trackId[b];
        trackId[b] = id;
        filters[a].swapStature(filters[b]);
        for (int c = 0; c < TEAM_CODES; c++) {
            int v = teamVotes[TEAM_CODES * a + c];
            teamVotes[TEAM_CODES * a + c] = teamVotes[TEAM_CODES * b + c];
            teamVotes[TEAM_CODES * b + c] = v;
        }
        if (swapCount == swapIdA.length) {
            swapIdA = Arrays.copyOf(swapIdA, 2 * swapCount);
            swapIdB = Arrays.copyOf(swapIdB, 2 * swapCount);
            swapFromMicros = Arrays.copyOf(swapFromMicros, 2 * swapCount);
        }
        swapIdA[swapCount] = trackId[b];
        swapIdB[swapCount] = trackId[a];
        swapFromMicros[swapCount] = fromMicros;
        swapCount++;
    }

    /** Number of identity exchanges decided in the last frame (see {@link TrackerConfig#separationReviewSeconds()}). */
    int identitySwaps() {
        return swapCount;
    }

    /** One id of exchange {@code i} of the last frame. */
    int identitySwapIdA(int i) {
        return swapIdA[i];
    }

    /** The other id of exchange {@code i} of the last frame. */
    int identitySwapIdB(int i) {
        return swapIdB[i];
    }

    /**
     * Time, µs, from which exchange {@code i} of the last frame applies: the last frame the two were entangled, or
     * the first (see {@link TrackerConfig#relabelFromEntanglementStart()}).
     */
    long identitySwapFromMicros(int i) {
        return swapFromMicros[i];
    }

    /**
     * The detection of the track that hides track {@code s} (two players seen as one), or −1. A track keeps the
     * occluder it found until the occluder misses or the two drift more than twice the shared radius apart;
     * otherwise the occluder is the confirmed track whose detection is nearest, within the shared radius.
     */
    private int hiddenBehind(int s, int count, double[] x, double[] y) {
        double radius = config.sharedDetectionRadiusMetres();
        if (radius <= 0) {
            return -1;
        }
        PlayerKalmanFilter f = filters[s];
        int o = occluderSlot[s];
        if (o >= 0 && alive[o] && trackId[o] == occluderId[s] && matchedDetection[o] >= 0) {
            int d = matchedDetection[o];
            double ex = x[d] - f.x();
            double ey = y[d] - f.y();
            if (ex * ex + ey * ey <= 4 * radius * radius) {
                return d;
            }
        }
        occluderSlot[s] = -1;
        int best = -1;
        double bestD2 = radius * radius;
        for (int d = 0; d < count; d++) {
            if (detectionUse[d] == 3 && trackState[detectionOwner[d]] != TrackState.TENTATIVE) {
                double ex = x[d] - f.x();
                double ey = y[d] - f.y();
                double d2 = ex * ex + ey * ey;
                if (d2 <= bestD2) {
                    bestD2 = d2;
                    best = d;
                }
            }
        }
        if (best >= 0) {
            int o2 = detectionOwner[best];
            occluderSlot[s] = o2;
            occluderId[s] = trackId[o2];
        }
        return best;
    }

    /**
     * Re-acquisition: confirmed or coasting tracks still without a detection against the confident detections
     * left over, within a gate that grows with the time since the track's last own detection (a player reappearing
     * from behind another, or after a run of misses, further than the Kalman gate allows). Team must not
     * contradict the track's established team, and stature must agree within 4 standard deviations.
     */
    private void reacquire(long timeMicros, int count, double[] x, double[] y, double[] height, int[] team) {
        int rows = 0;
        for (int k = 0; k < live; k++) {
            int s = slots[k];
            if (matchedDetection[s] < 0 && trackState[s] != TrackState.TENTATIVE) {
                rowSlot[rows++] = s;
            }
        }
        int cols = 0;
        for (int d = 0; d < count; d++) {
            if (detectionUse[d] == 2) {
                colDetection[cols++] = d;
            }
        }
        if (rows == 0 || cols == 0) {
            return;
        }
        ensureCost(rows, cols);
        for (int r = 0; r < rows; r++) {
            int s = rowSlot[r];
            PlayerKalmanFilter f = filters[s];
            double unseen = (timeMicros - lastOwnMicros[s]) * 1e-6;
            double reach = Math.min(config.reacquireMaxMetres(),
                    config.reacquireBaseMetres() + config.reacquireSpeedMetresPerSecond() * unseen);
            double reach2 = reach * reach;
            int trackTeam = establishedTeam(s);
            boolean statureSettled = config.statureConstraint() && f.statureVariance() < 4 * heightVariance;
            boolean anchored = config.reacquireFromLastSeen();
            for (int c = 0; c < cols; c++) {
                int d = colDetection[c];
                double ex = x[d] - f.x();
                double ey = y[d] - f.y();
                double e2 = ex * ex + ey * ey;
                if (anchored) {
                    // a hidden player often reappears where last seen while the coasted track runs on
                    double ax = x[d] - lastOwnX[s];
                    double ay = y[d] - lastOwnY[s];
                    e2 = Math.min(e2, ax * ax + ay * ay);
                }
                double v = RectangularAssignment.FORBIDDEN;
                if (e2 <= reach2) {
                    v = e2 / reach2;
                    if (config.teamConstraint() && trackTeam >= 0 && team[d] >= 0 && team[d] < TEAM_CODES
                            && team[d] != trackTeam) {
                        v = RectangularAssignment.FORBIDDEN;
                    } else if (statureSettled && Double.isFinite(height[d])) {
                        double eh = height[d] - f.stature();
                        double z2 = eh * eh / (f.statureVariance() + heightVariance);
                        v = z2 > 16 ? RectangularAssignment.FORBIDDEN : v + z2 / 16;
                    }
                }
                cost[r * cols + c] = v;
            }
        }
        assignment.solve(cost, rows, cols, rowToCol);
        for (int r = 0; r < rows; r++) {
            int c = rowToCol[r];
            if (c >= 0) {
                int d = colDetection[c];
                int s = rowSlot[r];
                // restart the motion from the detection: the coasted velocity is stale
                filters[s].reacquire(x[d], y[d], positionVariance, positionVariance);
                matchedDetection[s] = d;
                detectionOwner[d] = s;
                detectionUse[d] = 3;
            }
        }
    }

    private void ensureCost(int rows, int cols) {
        if (cost.length < rows * cols) {
            cost = new double[Math.max(rows * cols, 2 * cost.length)];
        }
        if (rowToCol.length < rows) {
            rowToCol = new int[Math.max(rows, 2 * rowToCol.length)];
        }
    }

    /** The team code with at least 80 % of at least 5 votes, or −1. */
    private int establishedTeam(int s) {
        int total = 0;
        int best = -1;
        int bestVotes = 0;
        for (int c = 0; c < TEAM_CODES; c++) {
            int v = teamVotes[TEAM_CODES * s + c];
            total += v;
            if (v > bestVotes) {
                bestVotes = v;
                best = c;
            }
        }
        return total >= 5 && bestVotes * 5 >= total * 4 ? best : -1;
    }

    private void growTracks(int capacity) {
        int old = filters.length;
        if (capacity <= old) {
            return;
        }
        filters = Arrays.copyOf(filters, capacity);
        motionRef = Arrays.copyOf(motionRef, capacity);
        for (int s = old; s < capacity; s++) {
            filters[s] = new PlayerKalmanFilter(config.filter());
            motionRef[s] = new PlayerKalmanFilter(config.filter());
        }
        trackId = Arrays.copyOf(trackId, capacity);
        trackState = Arrays.copyOf(trackState, capacity);
        hits = Arrays.copyOf(hits, capacity);
        lastSeenMicros = Arrays.copyOf(lastSeenMicros, capacity);
        lastOwnMicros = Arrays.copyOf(lastOwnMicros, capacity);
        lastOwnX = Arrays.copyOf(lastOwnX, capacity);
        lastConfidentMicros = Arrays.copyOf(lastConfidentMicros, capacity);
        lastOwnY = Arrays.copyOf(lastOwnY, capacity);
        occluderSlot = Arrays.copyOf(occluderSlot, capacity);
        occluderId = Arrays.copyOf(occluderId, capacity);
        alive = Arrays.copyOf(alive, capacity);
        partnerSlot = Arrays.copyOf(partnerSlot, capacity);
        partnerId = Arrays.copyOf(partnerId, capacity);
        entangledSinceMicros = Arrays.copyOf(entangledSinceMicros, capacity);
        lastEntangledMicros = Arrays.copyOf(lastEntangledMicros, capacity);
        reviewUntilMicros = Arrays.copyOf(reviewUntilMicros, capacity);
        refStature = Arrays.copyOf(refStature, capacity);
        refStatureVariance = Arrays.copyOf(refStatureVariance, capacity);
        refTeam = Arrays.copyOf(refTeam, capacity);
        ownEvidence = Arrays.copyOf(ownEvidence, capacity);
        crossEvidence = Arrays.copyOf(crossEvidence, capacity);
        ambiguousWith = Arrays.copyOf(ambiguousWith, capacity);
        ownMatch = Arrays.copyOf(ownMatch, capacity);
        teamVotes = Arrays.copyOf(teamVotes, TEAM_CODES * capacity);
        matchedDetection = Arrays.copyOf(matchedDetection, capacity);
        ambiguous = Arrays.copyOf(ambiguous, capacity);
        rowSlot = Arrays.copyOf(rowSlot, capacity);
        slots = Arrays.copyOf(slots, capacity);
        for (int s = old; s < capacity; s++) {
            slots[s] = s;
            partnerSlot[s] = -1;
            reviewUntilMicros[s] = Long.MIN_VALUE;
        }
    }

    private void growDetections(int count) {
        if (detectionUse.length < count) {
            int c = Math.max(count, 2 * detectionUse.length);
            detectionUse = new int[c];
            detectionOwner = new int[c];
            colDetection = new int[c];
        }
    }

    /** The tracker's state as a plain value. */
    public TrackerSnapshot snapshot() {
        List<TrackerSnapshot.Track> tracks = new ArrayList<>(live);
        for (int k = 0; k < live; k++) {
            int s = slots[k];
            int o = occluderSlot[s];
            int occluder = o >= 0 && alive[o] && trackId[o] == occluderId[s] ? occluderId[s] : -1;
            tracks.add(new TrackerSnapshot.Track(trackId[s], trackState[s], hits[s], lastSeenMicros[s],
                    lastOwnMicros[s], occluder,
                    Arrays.copyOfRange(teamVotes, TEAM_CODES * s, TEAM_CODES * (s + 1)), filters[s].snapshot()));
        }
        return new TrackerSnapshot(lastFrameMicros, nextId, skipped, tracks);
    }
}
