package dev.touchline.sensor.simulation;

import java.util.SplittableRandom;

/**
 * The ball and who has it: dribbled at a player's feet, in flight after a pass or a shot (straight along the
 * ground or lofted on a parabola), or loose and rolling until someone reaches it. Possession changes through
 * tackles, misplaced or intercepted passes and saved shots. Positions in pitch metres, speeds in m/s.
 */
final class BallModel {
    static final int HELD = 0;
    static final int FLIGHT = 1;
    static final int LOOSE = 2;

    /** Height of the ball's centre when it lies on the grass, m. */
    static final double RADIUS = 0.11;
    private static final double GRAVITY = 9.80665;
    /** Rolling deceleration on grass, m/s². */
    private static final double ROLL_DECEL = 2.0;
    /** Distance within which a player can play the ball, m. */
    private static final double REACH = 1.0;
    /** Distance within which an opponent can tackle, m. */
    private static final double TACKLE_REACH = 1.3;
    /** Tackle success rate while in reach, per second. */
    private static final double TACKLE_RATE = 1.2;
    /** Chance that a player within shooting range shoots rather than passes. */
    private static final double SHOT_CHANCE = 0.4;
    private static final double SHOOTING_RANGE = 24;
    private static final double DT = MotionState.DT;

    private final int[] side;
    private final boolean[] outfield;
    private final int[][] members;
    private final int[] keeperOf;
    private final double hl;
    private final double hw;
    private final double[] weights;

    int phase;
    /** The player dribbling the ball (HELD) or −1. */
    int holder = -1;
    /** The player a pass is meant for (FLIGHT) or −1. */
    int receiver = -1;
    /** Team (TeamSide ordinal) that last had the ball. */
    int team;
    double x;
    double y;
    double z = RADIUS;
    private double x0;
    private double y0;
    private double x1;
    private double y1;
    private int flightFrames;
    private int flightElapsed;
    private double apex;
    private boolean shot;
    private double rollVx;
    private double rollVy;
    private int holdLeft;
    private int protectLeft;
    private double dribbleX;
    private double dribbleY;
    /** Set when a player has just gained the ball and must decide how long to keep it and where to go. */
    boolean needsPlan;

    BallModel(Roster roster, MotionFormation formation) {
        int n = roster.size();
        side = new int[n];
        outfield = new boolean[n];
        keeperOf = new int[] {-1, -1};
        int[] count = new int[2];
        for (int o = 0; o < n; o++) {
            RosterEntry e = roster.get(o);
            side[o] = e.side().ordinal();
            outfield[o] = e.role().isOutfield();
            if (e.role().isPlayer()) {
                count[side[o]]++;
                if (e.role() == Role.GOALKEEPER) {
                    keeperOf[side[o]] = o;
                }
            }
        }
        members = new int[][] {new int[count[0]], new int[count[1]]};
        int[] k = new int[2];
        for (int o = 0; o < n; o++) {
            if (roster.get(o).role().isPlayer()) {
                members[side[o]][k[side[o]]++] = o;
            }
        }
        hl = formation.halfLength();
        hw = formation.halfWidth();
        weights = new double[n];
    }

    /** Puts the ball on the centre spot at the feet of the kick-off taker. */
    void kickOff(int taker) {
        phase = HELD;
        holder = taker;
        receiver = -1;
        team = side[taker];
        x = 0;
        y = 0;
        z = RADIUS;
        holdLeft = 1;
        protectLeft = 25;
        dribbleX = 0;
        dribbleY = 0;
    }

    /** Where the contest for the ball is: the ball itself, or where a pass will land. */
    double pointX() {
        return phase == FLIGHT ? x1 : x;
    }

    double pointY() {
        return phase == FLIGHT ? y1 : y;
    }

    /** Frames until the ball in flight lands (0 otherwise). */
    int framesToLanding() {
        return phase == FLIGHT ? flightFrames - flightElapsed : 0;
    }

    boolean shotInFlight() {
        return phase == FLIGHT && shot;
    }

    /** Where the holder wants to dribble to, m. */
    double dribbleX() {
        return dribbleX;
    }

    double dribbleY() {
        return dribbleY;
    }

    /**
     * Moves the ball on by one frame, after the players have moved, and settles who has it.
     *
     * @param dirOfTeam attacking direction of each team, +1 or −1
     */
    void advance(MotionState s, int[] dirOfTeam, SplittableRandom random) {
        switch (phase) {
            case HELD -> dribble(s, dirOfTeam, random);
            case FLIGHT -> fly(s);
            default -> roll(s);
        }
    }

    private void dribble(MotionState s, int[] dirOfTeam, SplittableRandom random) {
        int h = holder;
        double v = s.speed(h);
        int dir = dirOfTeam[team];
        double ux = v > 0.3 ? s.vx[h] / v : dir;
        double uy = v > 0.3 ? s.vy[h] / v : 0;
        // The ball runs a little ahead of the feet and catches up smoothly when the dribbler turns.
        double fx = s.x[h] + 0.5 * ux;
        double fy = s.y[h] + 0.5 * uy;
        x += 0.35 * (fx - x);
        y += 0.35 * (fy - y);
        z = RADIUS;
        if (protectLeft > 0) {
            protectLeft--;
        } else {
            int tackler = nearest(s, 1 - team, x, y, false);
            if (tackler >= 0 && s.distance(tackler, x, y) < TACKLE_REACH
                    && Randoms.chance(random, TACKLE_RATE * DT)) {
                gain(tackler);
                return;
            }
        }
        if (--holdLeft > 0) {
            if (random.nextDouble() < 0.02) {
                chooseDribble(s, dir, random);
            }
            return;
        }
        double goalX = dir * hl;
        if (outfield[h] && MotionState.norm(goalX - x, y) < SHOOTING_RANGE && Randoms.chance(random, SHOT_CHANCE)) {
            launch(goalX, Randoms.uniform(random, -3.4, 3.4), Randoms.uniform(random, 18, 26),
                    random.nextDouble() < 0.3, true);
            receiver = keeperOf[1 - team];
            return;
        }
        pass(s, dir, random);
    }

    private void pass(MotionState s, int dir, SplittableRandom random) {
        int h = holder;
        boolean keeper = !outfield[h];
        int[] mates = members[team];
        double total = 0;
        for (int k = 0; k < mates.length; k++) {
            int m = mates[k];
            double w = 0;
            if (m != h) {
                double d = s.distance(m, x, y);
                double ahead = dir * (s.x[m] - x);
                if (d > 5 && d < (keeper ? 65 : 45)) {
                    w = Math.exp(-d / (keeper ? 35 : 18)) * (ahead > 0 ? 1.6 : 1.0) * (outfield[m] ? 1 : 0.15);
                    int marker = nearest(s, 1 - team, s.x[m], s.y[m], false);
                    if (marker >= 0 && s.distance(marker, s.x[m], s.y[m]) < 3) {
                        w *= 0.3;
                    }
                }
            }
            weights[k] = w;
            total += w;
        }
        if (total <= 0) {
            // Nobody to pass to: hoof it upfield.
            launch(x + dir * Randoms.uniform(random, 25, 45), Randoms.uniform(random, -hw + 5, hw - 5),
                    Randoms.uniform(random, 15, 20), true, false);
            receiver = -1;
            return;
        }
        double pick = random.nextDouble() * total;
        int chosen = mates[mates.length - 1];
        for (int k = 0; k < mates.length; k++) {
            pick -= weights[k];
            if (pick < 0) {
                chosen = mates[k];
                break;
            }
        }
        double d = s.distance(chosen, x, y);
        double speed = Math.max(8, Math.min(20, 7 + 0.3 * d + Randoms.gaussian(random, 0, 1.5)));
        boolean lofted = keeper || (d > 28 && random.nextDouble() < 0.7);
        if (lofted) {
            speed = Math.max(12, Math.min(20, speed));
        }
        double t = d / speed;
        // Lead the receiver, and now and then miss him.
        double tx = s.x[chosen] + s.vx[chosen] * t;
        double ty = s.y[chosen] + s.vy[chosen] * t;
        if (random.nextDouble() < 0.15) {
            tx += Randoms.gaussian(random, 0, 5);
            ty += Randoms.gaussian(random, 0, 5);
        }
        launch(tx, ty, speed, lofted, false);
        receiver = chosen;
    }

    private void launch(double tx, double ty, double speed, boolean lofted, boolean isShot) {
        x0 = x;
        y0 = y;
        x1 = Math.max(-hl + 0.5, Math.min(hl - 0.5, tx));
        y1 = Math.max(-hw + 0.5, Math.min(hw - 0.5, ty));
        double d = MotionState.norm(x1 - x0, y1 - y0);
        flightFrames = Math.max(2, (int) Math.ceil(d / speed / DT));
        flightElapsed = 0;
        double t = flightFrames * DT;
        apex = lofted ? GRAVITY * t * t / 8 : 0;
        shot = isShot;
        holder = -1;
        phase = FLIGHT;
    }

    private void fly(MotionState s) {
        flightElapsed++;
        double u = (double) flightElapsed / flightFrames;
        x = x0 + u * (x1 - x0);
        y = y0 + u * (y1 - y0);
        z = RADIUS + 4 * apex * u * (1 - u);
        if (flightElapsed < flightFrames) {
            return;
        }
        z = RADIUS;
        double t = flightFrames * DT;
        // A pass arrives with some pace left; a shot is stopped dead by the keeper or the net.
        double keep = shot ? 0 : 0.35;
        rollVx = keep * (x1 - x0) / t;
        rollVy = keep * (y1 - y0) / t;
        phase = LOOSE;
        if (shot && receiver >= 0) {
            gain(receiver);
            return;
        }
        settleLoose(s);
    }

    private void roll(MotionState s) {
        double v = MotionState.norm(rollVx, rollVy);
        if (v > 0) {
            double nv = Math.max(0, v - ROLL_DECEL * DT);
            rollVx *= nv / v;
            rollVy *= nv / v;
            x += rollVx * DT;
            y += rollVy * DT;
            if (Math.abs(x) > hl - 0.3 || Math.abs(y) > hw - 0.3) {
                x = Math.max(-hl + 0.3, Math.min(hl - 0.3, x));
                y = Math.max(-hw + 0.3, Math.min(hw - 0.3, y));
                rollVx = 0;
                rollVy = 0;
            }
        }
        z = RADIUS;
        settleLoose(s);
    }

    private void settleLoose(MotionState s) {
        int best = -1;
        double bestD = REACH;
        for (int[] team : members) {
            for (int o : team) {
                double d = s.distance(o, x, y);
                // The intended receiver controls a ball that reaches him a bit further out.
                double reach = o == receiver ? REACH * 2.5 : REACH;
                if (d < reach && (best < 0 || d < bestD)) {
                    best = o;
                    bestD = d;
                }
            }
        }
        if (best >= 0) {
            gain(best);
        }
    }

    private void gain(int player) {
        phase = HELD;
        holder = player;
        receiver = -1;
        team = side[player];
        protectLeft = 20;
        holdLeft = 0;
        rollVx = 0;
        rollVy = 0;
        needsPlan = true;
    }

    /** Decides how long the new holder keeps the ball and where he dribbles. */
    void plan(MotionState s, int[] dirOfTeam, SplittableRandom random) {
        needsPlan = false;
        int h = holder;
        double mean = outfield[h] ? 1.6 : 3.5;
        holdLeft = (int) Math.round((0.4 + Randoms.exponential(random, mean)) / DT);
        chooseDribble(s, dirOfTeam[team], random);
    }

    private void chooseDribble(MotionState s, int dir, SplittableRandom random) {
        int h = holder;
        double fwd = Randoms.uniform(random, 4, 14);
        double lat = Randoms.gaussian(random, 0, 6);
        dribbleX = Math.max(-hl + 2, Math.min(hl - 2, s.x[h] + dir * fwd));
        dribbleY = Math.max(-hw + 2, Math.min(hw - 2, s.y[h] + lat));
    }

    /** The player of a team nearest to a point, outfield players only unless {@code keepers}; −1 if none. */
    int nearest(MotionState s, int ofTeam, double px, double py, boolean keepers) {
        int best = -1;
        double bestD = Double.MAX_VALUE;
        for (int o : members[ofTeam]) {
            if (!keepers && !outfield[o]) {
                continue;
            }
            double d = s.distance(o, px, py);
            if (d < bestD) {
                bestD = d;
                best = o;
            }
        }
        return best;
    }
}
