package dev.touchline.reid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulator evaluation (seeds 1, 2, 3; see {@link ReidEvaluation} for the model). It prints the figures and
 * asserts what the model supports: every escalation decided by its deadline (checked inside the run), all queries
 * accounted for, and the stature check lowering confirmed-match errors on close-ups. It does NOT reproduce the
 * seed's "14 % to 2 %": in this model the cosine gallery alone mismatches under 1 % of claimed queries, and the
 * colour checks, whose false vetoes push the true player's query to a team-mate, do not lower that further.
 */
class ReidEvaluationTest {
    @Test
    void mismatchRateWithAndWithoutChecks() throws BadReidDataException {
        evaluate(false);
        evaluate(true);
    }

    private void evaluate(boolean solo) throws BadReidDataException {
        long[] seeds = {1L, 2L, 3L};
        ReidEvaluation.Counts off = new ReidEvaluation.Counts();
        ReidEvaluation.Counts fixed = new ReidEvaluation.Counts();
        ReidEvaluation.Counts learned = new ReidEvaluation.Counts();
        ReidEvaluation.Counts kitOnly = new ReidEvaluation.Counts();
        ReidEvaluation.Counts statureOnly = new ReidEvaluation.Counts();
        for (long seed : seeds) {
            ReidEvaluation ev = new ReidEvaluation(seed);
            EmbeddingGallery g = ev.gallery(Scoring.MAX);
            List<ReidEvaluation.Frame> all = ev.frames();
            LearnedKitModel kit = ev.kitModel(all);
            List<ReidEvaluation.Frame> frames = solo ? ReidEvaluation.solo(all) : all;
            StatureCheck stature = new StatureCheck(ev.index, StatureCheck.DEFAULT_TOLERANCE_METRES);
            add(off, ev.run(g, frames, new FrameMatcher(g, MatchPolicy.DEFAULT)));
            add(fixed, ev.run(g, frames, new FixedKitRule(ev.index).and(stature)));
            add(learned, ev.run(g, frames, kit.and(stature)));
            add(kitOnly, ev.run(g, frames, kit));
            add(statureOnly, ev.run(g, frames, stature));
            if (seed == 1L) {
                System.out.println("reid evaluation: " + ev.similarityProfile());
            }
        }
        System.out.println((solo ? "solo " : "frame ") + "reid evaluation seeds 1,2,3, no checks:           " + off);
        System.out.println((solo ? "solo " : "frame ") + "reid evaluation seeds 1,2,3, fixed HSV + stature:  " + fixed);
        System.out.println((solo ? "solo " : "frame ") + "reid evaluation seeds 1,2,3, learned kit + stature: " + learned);
        System.out.println((solo ? "solo " : "frame ") + "reid evaluation seeds 1,2,3, learned kit only:      " + kitOnly);
        System.out.println((solo ? "solo " : "frame ") + "reid evaluation seeds 1,2,3, stature only:          " + statureOnly);
        for (ReidEvaluation.Counts c : List.of(off, fixed, learned, kitOnly, statureOnly)) {
            assertEquals(off.queries, c.queries);
            assertEquals(c.queries, c.claimed + c.escalated + c.fresh + c.duplicates);
        }
        // The stature check costs few true matches (tracker estimate sd 1.5 cm against +-4 cm)...
        assertTrue(statureOnly.truthVetoed < 0.01 * statureOnly.queries, statureOnly.toString());
        if (solo) {
            // ...and on close-ups it removes confirmed matches to a look-alike team-mate.
            assertTrue(statureOnly.matchedWrong < off.matchedWrong, statureOnly + " vs " + off);
        }

    }

    private static void add(ReidEvaluation.Counts into, ReidEvaluation.Counts c) {
        into.queries += c.queries;
        into.claimed += c.claimed;
        into.claimedWrong += c.claimedWrong;
        into.matched += c.matched;
        into.matchedWrong += c.matchedWrong;
        into.escalated += c.escalated;
        into.fresh += c.fresh;
        into.duplicates += c.duplicates;
        into.escalationAnswered += c.escalationAnswered;
        into.escalationAnsweredWrong += c.escalationAnsweredWrong;
        into.deadlineMisses += c.deadlineMisses;
        into.truthVetoed += c.truthVetoed;
    }
}
