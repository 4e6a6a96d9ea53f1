package dev.touchline.sensor.simulation;

import java.util.SplittableRandom;

/**
 * Football motion at 25 Hz: the ground truth every other simulated signal is derived from.
 *
 * <p>A {@link BallModel} plays the ball between team-mates; each team's {@link MotionFormation} slides and
 * compresses with it; every player follows an intent ({@link MotionIntents}) towards a point near his tactical
 * anchor, except the few whom the ball calls: the dribbler, the pass receiver, the nearest opponent who presses
 * and the one who covers him. The referee follows play along a diagonal and each assistant referee keeps level
 * with the second-last defender in his half. {@link MotionState} turns targets into accelerations a runner could
 * produce (at most 5 m/s²) and integrates them.
 *
 * <p>The model steps frame by frame and draws all its randomness from one stream per match, so the truth does not
 * depend on how the match is cut into chunks. Not thread-safe.
 */
final class MotionModel {
    private final SimulationConfig config;
    private final int n;
    private final MotionFormation formation;
    private final MotionState state;
    private final MotionIntents intents;
    private final BallModel ball;
    private final SplittableRandom random;
    private final double hl;
    private final double hw;
    private final int[] side;
    private final Role[] role;
    /** Offset of each object's target from its anchor, m. */
    private final double[] offX;
    private final double[] offY;
    /** Whether the offset is a run (ends on arrival) rather than a place to loiter. */
    private final boolean[] running;
    private final double[] anchorX;
    private final double[] anchorY;
    private final double[] scratch = new double[2];
    private final int[] dirOfTeam = new int[2];
    private final int[] chaser = new int[2];
    private final int[] cover = new int[2];
    private final int firstAssistant;
    private int period;

    MotionModel(SimulationConfig config, Roster roster) {
        this.config = config;
        this.n = roster.size();
        this.formation = new MotionFormation(config.pitch(), roster);
        this.state = new MotionState(n, config.pitch().halfLength() + 2, config.pitch().halfWidth() + 2);
        this.hl = config.pitch().halfLength();
        this.hw = config.pitch().halfWidth();
        this.side = new int[n];
        this.role = new Role[n];
        int[] kind = new int[n];
        for (int o = 0; o < n; o++) {
            RosterEntry e = roster.get(o);
            side[o] = e.side().ordinal();
            role[o] = e.role();
            state.vmax[o] = e.maxSpeedMetresPerSecond();
            kind[o] = switch (e.role()) {
                case GOALKEEPER -> MotionIntents.KEEPER;
                case DEFENDER -> MotionIntents.DEFENDER;
                case MIDFIELDER -> MotionIntents.MIDFIELDER;
                case FORWARD -> MotionIntents.FORWARD;
                default -> MotionIntents.REFEREE;
            };
        }
        int assistant = -1;
        for (int o = n - 1; o >= 0; o--) {
            if (role[o] == Role.ASSISTANT_REFEREE) {
                assistant = o;
            }
        }
        this.firstAssistant = assistant;
        this.intents = new MotionIntents(kind, state.vmax);
        this.ball = new BallModel(roster, formation);
        this.random = new SplittableRandom(Seeds.derive(config.seed(), "motion", 0));
        this.offX = new double[n];
        this.offY = new double[n];
        this.running = new boolean[n];
        this.anchorX = new double[n];
        this.anchorY = new double[n];
    }

    /**
     * The next chunk of truth.
     *
     * @param period 1 or 2; the first call of a period lines everyone up for its kick-off
     * @param startMicros time of the chunk's first frame, epoch microseconds
     * @param chunkFrames frames in the chunk
     * @param lookahead whether to add the first frame of the next chunk
     */
    MotionBlock next(int period, long startMicros, int chunkFrames, boolean lookahead) {
        if (period != this.period) {
            kickOff(period);
        }
        MotionBlock block = new MotionBlock(period, n, chunkFrames, lookahead);
        int frames = block.frameCount();
        for (int f = 0; f < frames; f++) {
            long t = startMicros + f * MotionBlock.FRAME_MICROS;
            block.timeMicros[f] = t;
            block.frameNumber[f] = config.frameNumber(t);
            for (int o = 0; o < n; o++) {
                int i = o * frames + f;
                block.x[i] = state.x[o];
                block.y[i] = state.y[o];
                block.vx[i] = state.vx[o];
                block.vy[i] = state.vy[o];
                block.ax[i] = state.ax[o];
                block.ay[i] = state.ay[o];
            }
            block.ballX[f] = ball.x;
            block.ballY[f] = ball.y;
            block.ballZ[f] = ball.z;
            // The look-ahead frame is the next chunk's first: it is stored here and stepped from there.
            if (f < chunkFrames) {
                step();
            }
        }
        return block;
    }

    private void kickOff(int newPeriod) {
        period = newPeriod;
        dirOfTeam[TeamSide.HOME.ordinal()] = newPeriod == 1 ? 1 : -1;
        dirOfTeam[TeamSide.AWAY.ordinal()] = -dirOfTeam[TeamSide.HOME.ordinal()];
        int kicking = newPeriod == 1 ? TeamSide.HOME.ordinal() : TeamSide.AWAY.ordinal();
        intents.reset(random);
        int taker = -1;
        for (int o = 0; o < n; o++) {
            offX[o] = 0;
            offY[o] = 0;
            running[o] = false;
            if (role[o].isPlayer()) {
                formation.anchor(o, dirOfTeam[side[o]], 0, 0, side[o] == kicking, true, scratch);
                state.place(o, scratch[0], scratch[1]);
                if (side[o] == kicking && (taker < 0 || role[o].ordinal() > role[taker].ordinal()
                        || (role[o] == role[taker] && Math.abs(scratch[1]) < Math.abs(state.y[taker])))) {
                    taker = o;
                }
            }
        }
        ball.kickOff(taker);
        state.place(taker, -dirOfTeam[kicking] * 0.5, 0);
        int ar = 0;
        for (int o = 0; o < n; o++) {
            if (role[o] == Role.REFEREE) {
                state.place(o, 0, -12);
            } else if (role[o] == Role.ASSISTANT_REFEREE) {
                double sign = ar++ == 0 ? 1 : -1;
                state.place(o, sign * 0.25 * hl, sign * (hw + 1));
            }
        }
        control();
    }

    /** Moves everything on by one frame and decides the accelerations for the next. */
    private void step() {
        state.integrate();
        ball.advance(state, dirOfTeam, random);
        if (ball.needsPlan) {
            ball.plan(state, dirOfTeam, random);
        }
        control();
    }

    private void control() {
        double bx = ball.pointX();
        double by = ball.pointY();
        findCallers(bx, by);
        for (int o = 0; o < n; o++) {
            if (role[o].isPlayer()) {
                formation.anchor(o, dirOfTeam[side[o]], ball.x, ball.y, ball.team == side[o], false, scratch);
                anchorX[o] = scratch[0];
                anchorY[o] = scratch[1];
                controlPlayer(o, bx, by);
            } else if (role[o] == Role.REFEREE) {
                controlReferee(o);
            } else {
                controlAssistant(o);
            }
        }
    }

    /** Picks, per team, the player who goes for the ball and the one who covers him. */
    private void findCallers(double bx, double by) {
        for (int t = 0; t < 2; t++) {
            chaser[t] = -1;
            cover[t] = -1;
            boolean attacking = ball.team == t;
            if (ball.phase == BallModel.HELD && attacking) {
                continue;
            }
            if (ball.phase == BallModel.FLIGHT && (attacking || ball.shotInFlight())) {
                continue;
            }
            boolean keeperMay = Math.abs(by) < 20 && Math.abs(bx - (-dirOfTeam[t] * hl)) < 16.5;
            int first = ball.nearest(state, t, bx, by, keeperMay);
            chaser[t] = first;
            if (ball.phase == BallModel.FLIGHT && first >= 0 && state.distance(first, bx, by) > 25) {
                chaser[t] = -1;
            }
            if (ball.phase == BallModel.HELD && first >= 0) {
                double best = Double.MAX_VALUE;
                for (int o = 0; o < n; o++) {
                    if (o != first && side[o] == t && role[o].isOutfield()) {
                        double d = state.distance(o, bx, by);
                        if (d < best) {
                            best = d;
                            cover[t] = o;
                        }
                    }
                }
            }
        }
    }

    private void controlPlayer(int o, double bx, double by) {
        int t = side[o];
        if (state.speed(o) >= 0.985 * state.vmax[o]) {
            intents.reachedTop[o] = true;
        }
        if (intents.tick(o)) {
            intents.choose(o, random);
            newTarget(o);
        }
        double want = intents.speed[o];
        double top = state.vmax[o];
        if (ball.phase == BallModel.HELD && o == ball.holder) {
            double v = role[o] == Role.GOALKEEPER ? Math.min(want, 1.5) : Math.max(1.5, Math.min(want, 0.8 * top));
            state.steer(o, ball.dribbleX(), ball.dribbleY(), v);
            return;
        }
        if (ball.phase == BallModel.FLIGHT && o == ball.receiver) {
            double d = state.distance(o, bx, by);
            double left = Math.max(1, ball.framesToLanding()) * MotionState.DT;
            state.steer(o, bx, by, Math.max(1.5, Math.min(top, d / left)));
            return;
        }
        if (o == chaser[t]) {
            double d = state.distance(o, bx, by);
            double v = Math.max(want, Math.min(0.9 * top, 2.0 + 0.22 * d));
            state.steer(o, bx, by, v);
            return;
        }
        double tx;
        double ty;
        if (o == cover[t]) {
            tx = anchorX[o] + 0.4 * (bx - anchorX[o]);
            ty = anchorY[o] + 0.4 * (by - anchorY[o]);
            state.steer(o, tx, ty, Math.max(want, 2.5));
            return;
        }
        tx = clampX(anchorX[o] + offX[o], 0.5);
        ty = clampY(anchorY[o] + offY[o], 0.5);
        double d = state.distance(o, tx, ty);
        if (d < 1.5) {
            if (running[o]) {
                intents.expire(o);
            } else if (intents.level[o] >= MotionIntents.WALK) {
                loiter(o);
                tx = clampX(anchorX[o] + offX[o], 0.5);
                ty = clampY(anchorY[o] + offY[o], 0.5);
            }
        }
        // Far out of position, a player hurries back whatever he meant to do.
        double v = Math.max(want, Math.min(5.2, 0.2 * (d - 8)));
        state.steer(o, tx, ty, v);
    }

    /** Chooses where the new intent leads: a run for the fast levels, a spot near the anchor otherwise. */
    private void newTarget(int o) {
        int level = intents.level[o];
        double v = intents.speed[o];
        if (level < MotionIntents.RUN || role[o] == Role.GOALKEEPER) {
            loiter(o);
            return;
        }
        double seconds = intents.framesLeft[o] * MotionState.DT;
        double length = v * seconds;
        if (level == MotionIntents.SPRINT) {
            // Long enough to reach top speed and still have room to stop.
            length = Math.max(length, 6 * v);
        }
        int dir = dirOfTeam[side[o]];
        double heading;
        double ahx = anchorX[o] - state.x[o];
        double ahy = anchorY[o] - state.y[o];
        if (MotionState.norm(ahx, ahy) > 12) {
            heading = Math.atan2(ahy, ahx);
        } else {
            boolean forward = random.nextDouble() < (ball.team == side[o] ? 0.65 : 0.35);
            heading = (forward == (dir > 0) ? 0 : Math.PI) + Randoms.gaussian(random, 0, 0.5);
        }
        double tx = state.x[o] + length * Math.cos(heading);
        double ty = state.y[o] + length * Math.sin(heading);
        if (Math.abs(tx) > hl - 2) {
            // No room that way: run the other way along the pitch.
            tx = state.x[o] - length * Math.cos(heading);
        }
        tx = clampX(tx, 2);
        ty = clampY(ty, 2);
        offX[o] = tx - anchorX[o];
        offY[o] = ty - anchorY[o];
        running[o] = true;
    }

    /** A spot near the anchor, a few metres from where the player is, to walk or jog to. */
    private void loiter(int o) {
        double spread = role[o] == Role.GOALKEEPER ? 1.5 : 5.0;
        offX[o] = Randoms.gaussian(random, 0, spread);
        offY[o] = Randoms.gaussian(random, 0, spread);
        running[o] = false;
    }

    private void controlReferee(int o) {
        if (intents.tick(o)) {
            intents.choose(o, random);
            loiter(o);
        }
        // Diagonal system: stay to one side of play, towards the corner the referee patrols.
        double tx = 0.7 * ball.x + offX[o];
        double ty = 0.45 * ball.y + 0.3 * ball.x * hw / hl - 6 + offY[o];
        tx = clampX(tx, 1);
        ty = clampY(ty, 1);
        double d = state.distance(o, tx, ty);
        double v = Math.max(intents.speed[o], Math.min(0.92 * state.vmax[o], 0.25 * (d - 6)));
        state.steer(o, tx, ty, v);
    }

    private void controlAssistant(int o) {
        // The first assistant patrols the top touchline and the +x half, the second the bottom and −x.
        double sign = o == firstAssistant ? 1 : -1;
        int defending = dirOfTeam[0] == (int) -sign ? 0 : 1;
        double first = 0;
        double second = 0;
        for (int p = 0; p < n; p++) {
            if (role[p].isPlayer() && side[p] == defending) {
                double depth = sign * state.x[p];
                if (depth > first) {
                    second = first;
                    first = depth;
                } else if (depth > second) {
                    second = depth;
                }
            }
        }
        double line = Math.max(second, sign * ball.x);
        line = Math.max(0, Math.min(hl, line));
        double tx = sign * line;
        double ty = sign * (hw + 1);
        double d = state.distance(o, tx, ty);
        double v = Math.min(0.95 * state.vmax[o], 1.2 * d);
        state.steer(o, tx, ty, v);
    }

    private double clampX(double v, double margin) {
        return Math.max(-hl + margin, Math.min(hl - margin, v));
    }

    private double clampY(double v, double margin) {
        return Math.max(-hw + margin, Math.min(hw - margin, v));
    }
}
