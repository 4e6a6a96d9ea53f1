package dev.touchline.fusion.gait;

import dev.touchline.fusion.SimulatedSession;
import dev.touchline.sensor.simulation.Artefact;
import dev.touchline.sensor.simulation.ArtefactKind;
import dev.touchline.sensor.simulation.FootStrike;

/**
 * Event-level scores of a gate against the simulator's truth.
 * <ul>
 *   <li>strike retention: a true strike is kept when at least one sample in [t, t + 30 ms] is accepted; isolated
 *       retention counts only strikes with no artefact within 100 ms;</li>
 *   <li>artefact rejection: an artefact is rejected when no sample in [start, end) is accepted, ignoring samples
 *       inside a strike window [t − 5 ms, t + 60 ms] (those are the strike's);</li>
 *   <li>quiet acceptance: accepted fraction of the samples outside every strike and artefact window.</li>
 * </ul>
 */
record GateScores(double strikeRetention, double isolatedStrikeRetention, double whipRejection, double knockRejection, double quietAcceptance,
        int strikes, int whips, int knocks) {

    static GateScores of(SimulatedSession s, boolean[] accepted) {
        long[] t = s.accT;
        int n = t.length;
        boolean[] inStrike = new boolean[n];
        boolean[] inArtefact = new boolean[n];
        int kept = 0;
        int isolated = 0;
        int isolatedKept = 0;
        for (FootStrike f : s.strikes) {
            boolean alone = s.artefacts.stream().noneMatch(a -> a.startMicros() - 100_000 < f.timeMicros()
                    && a.endMicros() + 100_000 > f.timeMicros());
            boolean any = false;
            for (int i = lower(t, f.timeMicros() - 5_000); i < n && t[i] < f.timeMicros() + 60_000; i++) {
                inStrike[i] = true;
                if (t[i] >= f.timeMicros() && t[i] <= f.timeMicros() + 30_000 && accepted[i]) {
                    any = true;
                }
            }
            kept += any ? 1 : 0;
            isolated += alone ? 1 : 0;
            isolatedKept += alone && any ? 1 : 0;
        }
        int whips = 0;
        int knocks = 0;
        int whipsRejected = 0;
        int knocksRejected = 0;
        for (Artefact a : s.artefacts) {
            boolean any = false;
            for (int i = lower(t, a.startMicros()); i < n && t[i] < a.endMicros(); i++) {
                inArtefact[i] = true;
                if (accepted[i] && !inStrike[i]) {
                    any = true;
                }
            }
            if (a.kind() == ArtefactKind.CABLE_WHIP) {
                whips++;
                whipsRejected += any ? 0 : 1;
            } else {
                knocks++;
                knocksRejected += any ? 0 : 1;
            }
        }
        int quiet = 0;
        int quietAccepted = 0;
        for (int i = 0; i < n; i++) {
            if (!inStrike[i] && !inArtefact[i]) {
                quiet++;
                quietAccepted += accepted[i] ? 1 : 0;
            }
        }
        return new GateScores(kept / (double) s.strikes.size(), isolatedKept / (double) isolated, whipsRejected / (double) whips,
                knocksRejected / (double) knocks, quietAccepted / (double) quiet, s.strikes.size(), whips, knocks);
    }

    private static int lower(long[] t, long from) {
        int i = java.util.Arrays.binarySearch(t, from);
        return i >= 0 ? i : -i - 1;
    }

    @Override
    public String toString() {
        return String.format("strike retention %.1f %% (%d strikes; %.1f %% of those away from artefacts), whip rejection %.1f %% (%d), knock rejection"
                + " %.1f %% (%d), quiet samples accepted %.1f %%", 100 * strikeRetention, strikes,
                100 * isolatedStrikeRetention, 100 * whipRejection,
                whips, 100 * knockRejection, knocks, 100 * quietAcceptance);
    }
}
