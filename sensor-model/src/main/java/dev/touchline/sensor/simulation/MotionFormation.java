package dev.touchline.sensor.simulation;

import dev.touchline.sensor.pitch.PitchDimensions;

/**
 * Tactical anchors of a 4-4-2 (or the same proportions with fewer players): where each player would stand given
 * the ball's position and which team has it. The block slides with the ball, pushes up and widens in possession,
 * drops and narrows without it.
 *
 * <p>Positions are first worked out in the team's own frame (attacking towards +x) on a 105 × 68 m pitch and then
 * scaled to the actual pitch and mirrored to the side the team attacks.
 */
final class MotionFormation {
    private static final double STANDARD_HALF_LENGTH = 52.5;
    private static final double STANDARD_HALF_WIDTH = 34.0;
    /** Depth of each line with the ball on the centre spot, m (team frame). */
    private static final double DEFENCE_X = -30;
    private static final double MIDFIELD_X = -13;
    private static final double ATTACK_X = -2;
    private static final double BLOCK_CENTRE_X = -13;

    private final double hl;
    private final double hw;
    private final double sx;
    private final double sy;
    /** Base position per object in the team frame, m (for the standard pitch). */
    private final double[] baseX;
    private final double[] baseY;
    private final boolean[] keeper;

    MotionFormation(PitchDimensions pitch, Roster roster) {
        this.hl = pitch.halfLength();
        this.hw = pitch.halfWidth();
        this.sx = hl / STANDARD_HALF_LENGTH;
        this.sy = hw / STANDARD_HALF_WIDTH;
        int n = roster.size();
        baseX = new double[n];
        baseY = new double[n];
        keeper = new boolean[n];
        for (TeamSide side : new TeamSide[] {TeamSide.HOME, TeamSide.AWAY}) {
            layLine(roster, side, Role.DEFENDER, DEFENCE_X, 64);
            layLine(roster, side, Role.MIDFIELDER, MIDFIELD_X, 60);
            layLine(roster, side, Role.FORWARD, ATTACK_X, 24);
        }
        for (int o = 0; o < n; o++) {
            if (roster.get(o).role() == Role.GOALKEEPER) {
                keeper[o] = true;
                baseX[o] = -STANDARD_HALF_LENGTH + 4;
            }
        }
    }

    private void layLine(Roster roster, TeamSide side, Role role, double lineX, double width) {
        int count = 0;
        for (RosterEntry e : roster.entries()) {
            if (e.side() == side && e.role() == role) {
                count++;
            }
        }
        int k = 0;
        for (RosterEntry e : roster.entries()) {
            if (e.side() == side && e.role() == role) {
                baseX[e.objectIndex()] = lineX;
                baseY[e.objectIndex()] = width * ((k + 0.5) / count - 0.5);
                k++;
            }
        }
    }

    /**
     * The anchor of one player, written to {@code out[0], out[1]} in pitch metres.
     *
     * @param dir +1 if the player's team attacks towards +x, −1 otherwise
     * @param ballX ball x, m (pitch)
     * @param ballY ball y, m (pitch)
     * @param inPossession whether the player's team has the ball
     * @param kickOff whether the teams line up for a kick-off (everyone in the own half)
     * @param out receives the anchor. Modified.
     */
    void anchor(int o, int dir, double ballX, double ballY, boolean inPossession, boolean kickOff, double[] out) {
        // Team frame, standard pitch.
        double bx = dir * ballX / sx;
        double by = ballY / sy;
        double ax;
        double ay;
        if (keeper[o]) {
            double fromGoal = bx + STANDARD_HALF_LENGTH;
            ax = -STANDARD_HALF_LENGTH + Math.min(18, 2 + 0.12 * fromGoal);
            ay = 0.15 * by;
        } else if (kickOff) {
            ax = Math.min(baseX[o] * 0.9, inPossession ? -1.0 : -10.0);
            ay = baseY[o];
        } else {
            double shift = 0.55 * bx + (inPossession ? 6 : -4);
            double depth = inPossession ? 1.15 : 0.8;
            ax = BLOCK_CENTRE_X + shift + (baseX[o] - BLOCK_CENTRE_X) * depth;
            double widen = inPossession ? 1.05 : 0.72;
            ay = baseY[o] * widen + (inPossession ? 0.3 : 0.45) * by;
            ax = Math.max(-STANDARD_HALF_LENGTH + 7, Math.min(STANDARD_HALF_LENGTH - 6, ax));
            ay = Math.max(-STANDARD_HALF_WIDTH + 2, Math.min(STANDARD_HALF_WIDTH - 2, ay));
        }
        out[0] = dir * ax * sx;
        out[1] = ay * sy;
    }

    double halfLength() {
        return hl;
    }

    double halfWidth() {
        return hw;
    }
}
