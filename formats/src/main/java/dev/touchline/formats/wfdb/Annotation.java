package dev.touchline.formats.wfdb;

/**
 * One annotation of a WFDB annotation file (MIT format).
 *
 * @param sample sample index the annotation refers to
 * @param code annotation code (1 = normal beat, 5 = PVC, ...; see {@link #isBeat()})
 * @param subtype the SUB field, 0 when absent
 * @param channel the CHN field, 0 when absent
 * @param aux the AUX string, empty when absent (rhythm labels such as "(N")
 */
public record Annotation(long sample, int code, int subtype, int channel, String aux) {
    /**
     * Whether the code labels a beat (the set WFDB's {@code isqrs} accepts: N, L, R, a, V, F, J, A, S, E, j, /, Q, B,
     * ?, e, n, f, r and the like), i.e. the reference for beat-by-beat evaluation.
     */
    public boolean isBeat() {
        return (code >= 1 && code <= 13) || code == 25 || code == 30 || code == 34 || code == 35 || code == 37
                || code == 38 || code == 41;
    }
}
