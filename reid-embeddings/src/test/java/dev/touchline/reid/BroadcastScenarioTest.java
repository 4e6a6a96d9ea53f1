package dev.touchline.reid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link BroadcastScenario} on seeds 1 to 5 for a grid of kit and individual weights and prints the mismatch
 * rates without checks, with the seed's fixed HSV rule plus stature, and with the learned kit model plus stature
 * (and each check alone), and with the tracker's team label (2 % wrong) as a candidate restriction. Asserted: every query is accounted for; the stature check vetoes the true player at the
 * rate its noise model predicts (2 P(N(0, 2 cm) > 4 cm) = 4.6 %); and where embeddings confuse opponents (at least
 * 100 opponent mismatches without checks) the learned kit model removes at least four in five of them. Not
 * asserted, because this model does not support it: the seed's "14 % to 2 %". Team-mate confusions, which only
 * the stature check can address, dominate the rest.
 */
class BroadcastScenarioTest {
    static final long[] SEEDS = {1, 2, 3, 4, 5};
    static final double[] KIT_WEIGHTS = {0.8, 0.3};
    /**
     * Individual weights of the grid: 0.6 and 0.8 by default, to keep the module's test run short; the full grid
     * of the closing note adds 0.45 with {@code -Dtouchline.reid.broadcastIdWeights=0.45,0.6,0.8}.
     */
    static final double[] ID_WEIGHTS = java.util.Arrays.stream(
            System.getProperty("touchline.reid.broadcastIdWeights", "0.6,0.8").split(","))
            .mapToDouble(Double::parseDouble).toArray();

    @Test
    void mismatchRatesWithAndWithoutChecks() throws BadReidDataException {
        for (double wKit : KIT_WEIGHTS) {
          for (double wId : ID_WEIGHTS) {
            BroadcastScenario.Counts off = new BroadcastScenario.Counts();
            BroadcastScenario.Counts fixed = new BroadcastScenario.Counts();
            BroadcastScenario.Counts learned = new BroadcastScenario.Counts();
            BroadcastScenario.Counts kitOnly = new BroadcastScenario.Counts();
            BroadcastScenario.Counts teamOnly = new BroadcastScenario.Counts();
            BroadcastScenario.Counts teamStature = new BroadcastScenario.Counts();
            BroadcastScenario.Counts statureOnly = new BroadcastScenario.Counts();
            String profile = "";
            for (long seed : SEEDS) {
                BroadcastScenario sc = new BroadcastScenario(seed, wKit, wId);
                EmbeddingGallery g = sc.gallery();
                List<BroadcastScenario.Frame> frames = sc.frames();
                LearnedKitModel kit = sc.kitModel(frames);
                StatureCheck stature = new StatureCheck(sc.index, StatureCheck.DEFAULT_TOLERANCE_METRES);
                FixedKitRule rule = new FixedKitRule(sc.index);
                off.add(sc.run(g, frames, new FrameMatcher(g, MatchPolicy.DEFAULT), null));
                fixed.add(run(sc, g, frames, rule.and(stature)));
                learned.add(run(sc, g, frames, kit.and(stature)));
                kitOnly.add(run(sc, g, frames, kit));
                TeamCheck team = TeamCheck.of(sc.roster);
                teamOnly.add(run(sc, g, frames, team));
                teamStature.add(run(sc, g, frames, team.and(stature)));
                statureOnly.add(run(sc, g, frames, stature));
                if (seed == SEEDS[0]) {
                    profile = sc.similarityProfile();
                }
            }
            String head = String.format("broadcast wKit=%.2f wId=%.2f seeds 1-5 ", wKit, wId);
            System.out.println(head + profile + ", queries " + off.queries);
            System.out.println(head + "no checks:              " + off);
            System.out.println(head + "fixed HSV + stature:    " + fixed);
            System.out.println(head + "learned kit + stature:  " + learned);
            System.out.println(head + "team label + stature:   " + teamStature);
            System.out.println(head + "team label only:        " + teamOnly);
            System.out.println(head + "learned kit only:       " + kitOnly);
            System.out.println(head + "stature only:           " + statureOnly);
            for (BroadcastScenario.Counts c : List.of(off, fixed, learned, kitOnly, teamOnly, teamStature, statureOnly)) {
                assertEquals(off.queries, c.queries);
                assertEquals(c.queries, c.claimed + c.escalated + c.fresh + c.duplicates);
                assertEquals(c.wrong, c.wrongTeamMate + c.wrongOpponent);
            }
            double statureVetoRate = (double) statureOnly.truthVetoed / statureOnly.queries;
            assertTrue(statureVetoRate > 0.03 && statureVetoRate < 0.065, "stature vetoes " + statureVetoRate);
            if (off.wrongOpponent >= 100) {
                assertTrue(5 * learned.wrongOpponent <= off.wrongOpponent, learned + " vs " + off);
                assertTrue(5 * kitOnly.wrongOpponent <= off.wrongOpponent, kitOnly + " vs " + off);
            }
          }
        }
    }

    private static BroadcastScenario.Counts run(BroadcastScenario sc, EmbeddingGallery g,
                                                List<BroadcastScenario.Frame> frames, ConsistencyCheck check)
            throws BadReidDataException {
        return sc.run(g, frames, new FrameMatcher(g, MatchPolicy.DEFAULT, check), check);
    }
}
