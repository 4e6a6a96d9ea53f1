package dev.touchline.reid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.sensor.simulation.KitColour;
import dev.touchline.sensor.simulation.Roster;
import dev.touchline.sensor.simulation.RosterEntry;
import dev.touchline.sensor.simulation.TeamSide;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConsistencyChecksTest {
    private static final long SEED = 20261124L;
    private static final Roster ROSTER = Roster.generate(SEED, 22, 1);
    private static final RosterIndex INDEX = RosterIndex.of(ROSTER);

    private static int numberOf(TeamSide side, boolean keeper) {
        for (RosterEntry e : ROSTER.entries()) {
            if (e.side() == side && (e.role() == dev.touchline.sensor.simulation.Role.GOALKEEPER) == keeper) {
                return e.playerNumber();
            }
        }
        throw new AssertionError();
    }

    private static QueryFrame frameWithColour(int rgb, float valueScale) {
        float[] hsv = new float[3];
        Hsv.fromRgb(rgb, hsv);
        QueryFrame f = new QueryFrame(2, 1);
        f.add(new float[] {1f, 0f}, 0, 1);
        f.colour(0, hsv[0], hsv[1], hsv[2] * valueScale);
        return f;
    }

    @Test
    void hsvOfKnownColours() {
        float[] hsv = new float[3];
        Hsv.fromRgb(0xFF0000, hsv);
        assertEquals(0f, hsv[0], 1e-4);
        assertEquals(1f, hsv[1], 1e-6);
        Hsv.fromRgb(Roster.HOME_KIT.shirtRgb(), hsv);
        assertEquals(0x4A / 255f, hsv[2], 1e-6);
        assertEquals((0x4A - 0x1B) / (float) 0x4A, hsv[1], 1e-6);
        assertEquals(220f, hsv[0], 1f);
        Hsv.fromRgb(Roster.AWAY_KIT.shirtRgb(), hsv);
        assertEquals(52f, hsv[0], 1f);
        assertEquals(1f, hsv[1], 1e-6);
    }

    @Test
    void torsoColourReadsTheShirtNotTheBackground() {
        BufferedImage img = new BufferedImage(40, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x2E7D32));
        g.fillRect(0, 0, 40, 100);
        g.setColor(new Color(Roster.AWAY_KIT.shirtRgb()));
        g.fillRect(8, 18, 24, 35);
        g.dispose();
        float[] out = new float[3];
        TorsoColour.measure(img, out);
        float[] ref = new float[3];
        Hsv.fromRgb(Roster.AWAY_KIT.shirtRgb(), ref);
        assertEquals(ref[0], out[0], 1f);
        assertEquals(ref[1], out[1], 1e-3);
        assertEquals(ref[2], out[2], 1e-3);
    }

    @Test
    void fixedRuleVetoesBrightOnDarkButNotDarkOnBright() {
        FixedKitRule rule = new FixedKitRule(INDEX);
        int home = numberOf(TeamSide.HOME, false);
        int away = numberOf(TeamSide.AWAY, false);
        assertTrue(rule.isDark(Roster.HOME_KIT));
        assertFalse(rule.isDark(Roster.AWAY_KIT));
        QueryFrame yellow = frameWithColour(Roster.AWAY_KIT.shirtRgb(), 1f);
        QueryFrame navy = frameWithColour(Roster.HOME_KIT.shirtRgb(), 1f);
        assertTrue(rule.admissible(yellow, 0, away));
        assertFalse(rule.admissible(yellow, 0, home));
        assertTrue(rule.admissible(navy, 0, home));
        // The seed rule's blind spot: navy has S = 0.64 >= 0.55, so it passes as a yellow kit.
        assertTrue(rule.admissible(navy, 0, away));
    }

    @Test
    void learnedModelFollowsLightingAndClosesTheBlindSpot() {
        // Seed 20261124: 400 torso colours per kit under floodlights dimming the value by 30 %, with noise.
        KitColour[] kits = INDEX.distinctKits();
        SplittableRandom r = new SplittableRandom(SEED);
        int perKit = 400;
        float[] samples = new float[3 * perKit * kits.length];
        float[] hsv = new float[3];
        int i = 0;
        for (KitColour k : kits) {
            Hsv.fromRgb(k.shirtRgb(), hsv);
            for (int s = 0; s < perKit; s++) {
                samples[i++] = (float) ((hsv[0] + 6 * r.nextGaussian() + 360) % 360);
                samples[i++] = (float) Math.min(1, Math.max(0, hsv[1] + 0.04 * r.nextGaussian()));
                samples[i++] = (float) Math.min(1, Math.max(0, 0.7 * hsv[2] + 0.04 * r.nextGaussian()));
            }
        }
        LearnedKitModel m = LearnedKitModel.fit(INDEX, samples, perKit * kits.length, 20, 3.0, 0.05);
        assertEquals(kits.length, m.clusters());
        assertEquals(0.5 * 0.7 * (0xF5 / 255.0), m.centre(Roster.AWAY_KIT)[2], 0.02);
        int home = numberOf(TeamSide.HOME, false);
        int away = numberOf(TeamSide.AWAY, false);
        int awayKeeper = numberOf(TeamSide.AWAY, true);
        QueryFrame navy = frameWithColour(Roster.HOME_KIT.shirtRgb(), 0.7f);
        QueryFrame yellow = frameWithColour(Roster.AWAY_KIT.shirtRgb(), 0.7f);
        assertTrue(m.admissible(navy, 0, home));
        assertFalse(m.admissible(navy, 0, away));
        assertTrue(m.admissible(yellow, 0, away));
        assertFalse(m.admissible(yellow, 0, home));
        assertFalse(m.admissible(yellow, 0, awayKeeper));
        assertEquals(Roster.AWAY_KIT, m.nearestKit(52f, 1f, 0.6f));
    }

    @Test
    void statureWithinFourCentimetres() {
        int p = numberOf(TeamSide.HOME, false);
        double h = INDEX.statureMetres(p);
        StatureCheck c = new StatureCheck(INDEX, StatureCheck.DEFAULT_TOLERANCE_METRES);
        QueryFrame f = new QueryFrame(2, 1);
        f.add(new float[] {1f, 0f}, 0, 1);
        assertTrue(c.admissible(f, 0, p));
        f.stature(0, (float) (h + 0.035));
        assertTrue(c.admissible(f, 0, p));
        f.stature(0, (float) (h - 0.045));
        assertFalse(c.admissible(f, 0, p));
        assertTrue(c.admissible(f, 0, 77));
    }

    /** Seed 20261124 roster: a team-labelled query is only matched within its team; the matcher honours it. */
    @Test
    void teamRestrictsCandidatesToTheQueryTeam() throws BadReidDataException {
        int home = numberOf(TeamSide.HOME, false);
        int away = numberOf(TeamSide.AWAY, false);
        TeamCheck c = TeamCheck.of(ROSTER);
        QueryFrame f = new QueryFrame(2, 2);
        f.add(new float[] {1f, 0f}, 0, 1);
        f.add(new float[] {1f, -0.3f}, 0, 2);
        assertTrue(c.admissible(f, 0, home) && c.admissible(f, 0, away), "no team: no restriction");
        f.team(0, TeamSide.AWAY);
        f.team(1, TeamSide.AWAY);
        assertFalse(c.admissible(f, 0, home));
        assertTrue(c.admissible(f, 0, away));
        assertTrue(c.admissible(f, 0, 999), "unknown player: no restriction");
        assertEquals(TeamSide.HOME, c.side(home).orElseThrow());
        // The home player's stored view is the exact query direction, the away player's a worse one; with both
        // queries labelled away, neither may take the home player: one gets the away player, the other escalates.
        EmbeddingGallery g = EmbeddingGallery.builder().dimension(2).build();
        g.offer(g.add(home), 0, new float[] {1f, 0f}, 0);
        g.offer(g.add(away), 0, new float[] {0.8f, 0.6f}, 0);
        MatchResults r = new MatchResults(2);
        new FrameMatcher(g, MatchPolicy.DEFAULT, c).match(f, "test", r);
        assertEquals(away, r.playerId(0));
        assertEquals(Decision.MATCH, r.decision(0));
        assertEquals(away, r.playerId(1));
        assertEquals(Decision.ESCALATE, r.decision(1));
        new FrameMatcher(g, MatchPolicy.DEFAULT).match(f, "test", r);
        assertTrue(r.playerId(0) == home || r.playerId(1) == home, "without the team check a query takes the home "
                + "player on appearance");
        f.clear();
        f.add(new float[] {1f, 0f}, 0, 3);
        assertFalse(f.hasTeam(0), "clear() forgets teams");
    }

    @Test
    void unknownGalleryPlayerIsNamed() throws BadReidDataException {
        EmbeddingGallery g = EmbeddingGallery.builder().dimension(2).build();
        g.add(3);
        INDEX.requireKnown(g, "gallery.csv");
        g.add(45);
        BadReidDataException e = assertThrows(BadReidDataException.class, () -> INDEX.requireKnown(g, "g.csv"));
        assertTrue(e.getMessage().contains("45") && e.getMessage().contains("g.csv"), e.getMessage());
    }
}
