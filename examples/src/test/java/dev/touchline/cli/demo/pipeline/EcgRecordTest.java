package dev.touchline.cli.demo.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The channel rule and units of {@link EcgRecord} on records written by {@link Wfdb16Writer}; no randomness. */
class EcgRecordTest {
    private static double[][] signals(int n) {
        double[][] v = new double[3][n];
        for (int i = 0; i < n; i++) {
            v[0][i] = Math.sin(i * 0.01); // respiration, arbitrary units
            v[1][i] = 0.5 * Math.sin(i * 0.3); // the ECG, mV
            v[2][i] = 100 + 10 * Math.cos(i * 0.1); // PPG
        }
        return v;
    }

    @Test
    void picksTheFirstEcgLeadNotTheFirstSignalAndThePleth(@TempDir Path dir) throws Exception {
        double[][] v = signals(500);
        Wfdb16Writer.write(dir, "p7", 250, new String[] {"RESP", "II", "PLETH"}, new String[] {"NU", "uV", "NU"},
                new double[] {1000, 10, 100}, new double[][] {v[0], scale(v[1], 1000), v[2]});
        EcgRecord r = EcgRecord.read(dir.resolve("p7.hea"), null);
        assertNotNull(r);
        assertEquals("II at 250 Hz, PPG PLETH", r.description);
        assertEquals(500, r.ecg.rows);
        assertEquals(499 / 250.0, r.ecg.columns[0][499], 1e-12);
        for (int i = 0; i < 500; i++) {
            // µV in the file, mV out, to the 0.1 µV step of gain 10/µV
            assertEquals(v[1][i], r.ecg.columns[1][i], 0.5e-4, "sample " + i);
        }
        assertNotNull(r.ppg);
        assertEquals(v[2][250], r.ppg.columns[1][250], 0.01);
    }

    @Test
    void aNamedSignalWinsAndAMissingNameIsBadInput(@TempDir Path dir) throws Exception {
        double[][] v = signals(100);
        Wfdb16Writer.write(dir, "r", 360, new String[] {"MLII", "V5"}, new String[] {"mV", "mV"},
                new double[] {200, 200}, new double[][] {v[1], v[0]});
        EcgRecord first = EcgRecord.read(dir.resolve("r.hea"), null);
        assertNotNull(first);
        assertEquals("MLII at 360 Hz", first.description);
        EcgRecord named = EcgRecord.read(dir.resolve("r.hea"), "v5");
        assertNotNull(named);
        assertEquals(v[0][40], named.ecg.columns[1][40], 0.5 / 200);
        SessionDataException e = assertThrows(SessionDataException.class,
                () -> EcgRecord.read(dir.resolve("r.hea"), "aVF"));
        assertTrue(e.getMessage().contains("MLII, V5"), e.getMessage());
    }

    @Test
    void aRecordWithoutAnEcgLeadGivesNothing(@TempDir Path dir) throws Exception {
        double[][] v = signals(100);
        Wfdb16Writer.write(dir, "x", 125, new String[] {"ABP", "PLETH"}, new String[] {"mmHg", "NU"},
                new double[] {100, 100}, new double[][] {v[2], v[2]});
        assertNull(EcgRecord.read(dir.resolve("x.hea"), null));
    }

    @Test
    void theLeadPatternKnowsCommonLeadsAndRejectsOtherSignals() {
        for (String lead : List.of("ECG", "ecg1", "EKG", "I", "II", "III", "MLII", "aVR", "avf", "V", "V1", "V5",
                "MCL1", "CM5")) {
            assertTrue(EcgRecord.ECG_LEAD.matcher(lead).matches(), lead);
        }
        for (String other : List.of("PLETH", "RESP", "ABP", "IV", "V7", "SpO2", "")) {
            assertTrue(!EcgRecord.ECG_LEAD.matcher(other).matches(), other);
        }
    }

    @Test
    void anEcgInUnknownUnitsIsBadInput(@TempDir Path dir) throws Exception {
        double[][] v = signals(10);
        Wfdb16Writer.write(dir, "u", 250, new String[] {"II"}, new String[] {"mmHg"}, new double[] {100},
                new double[][] {v[1]});
        SessionDataException e = assertThrows(SessionDataException.class, () -> EcgRecord.read(dir.resolve("u.hea"),
                null));
        assertTrue(e.getMessage().contains("'mmHg'"), e.getMessage());
    }

    private static double[] scale(double[] v, double k) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * k;
        }
        return out;
    }
}
