package dev.touchline.formats.wfdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.formats.FormatException;
import dev.touchline.testdata.RealData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WFDB reading: files written here (seed 5) and, tagged realdata, PhysioNet's records checked by their checksums. */
class WfdbReaderTest {
    @TempDir
    Path dir;

    private static int checksum(WfdbRecord r, int signal) {
        int sum = 0;
        for (int i = 0; i < r.length(); i++) {
            sum += r.adc(signal, i);
        }
        return (short) sum; // WFDB: 16-bit two's complement sum
    }

    @Test
    void readsFormat212And16WrittenHere() throws IOException {
        Random random = new Random(5);
        int n = 1001; // odd frame count × 3 signals: the last 212 group holds one sample
        int[][] v = new int[3][n];
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < n; i++) {
                v[k][i] = random.nextInt(4096) - 2048;
            }
        }
        // format 212
        byte[] b212 = new byte[(3 * n + 1) / 2 * 3];
        int p = 0;
        for (int s = 0; s < 3 * n; s += 2) {
            int a = v[s % 3][s / 3] & 0xFFF;
            int c = s + 1 < 3 * n ? v[(s + 1) % 3][(s + 1) / 3] & 0xFFF : 0;
            b212[p++] = (byte) a;
            b212[p++] = (byte) (((a >> 8) & 0x0F) | ((c >> 4) & 0xF0));
            b212[p++] = (byte) c;
        }
        Files.write(dir.resolve("t212.dat"), b212);
        Files.writeString(dir.resolve("t212.hea"), "t212 3 500 " + n + "\nt212.dat 212 100(5)/mV 12 0 0 0 0 ECG\n"
                + "t212.dat 212 200 12 0 0 0 0 V\nt212.dat 212 0/NU 12 0 0 0 0 PLETH\n", StandardCharsets.US_ASCII);
        WfdbRecord r = WfdbReader.read(dir.resolve("t212"));
        assertEquals(500, r.samplingFrequencyHz());
        assertEquals(n, r.length());
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < n; i++) {
                assertEquals(v[k][i], r.adc(k, i), "signal " + k + " sample " + i);
            }
        }
        assertEquals((v[0][7] - 5) / 100.0, r.physical(0, 7), 1e-12);
        assertEquals("NU", r.signals().get(2).units());
        assertEquals(200, r.signals().get(2).gain());
        assertEquals(2, r.signalIndex("pleth"));
        // format 16 with a 24-byte prefix, as in the "16+24" .mat layout
        byte[] b16 = new byte[24 + 6 * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                int o = 24 + 2 * (3 * i + k);
                b16[o] = (byte) v[k][i];
                b16[o + 1] = (byte) (v[k][i] >> 8);
            }
        }
        Files.write(dir.resolve("t16.mat"), b16);
        Files.writeString(dir.resolve("t16.hea"), "t16 3 250 " + n + "\nt16.mat 16+24 1000/mV 16 0 0 0 0 II\n"
                + "t16.mat 16+24 1000/mV 16 0 0 0 0 V\nt16.mat 16+24 1000/NU 16 0 0 0 0 PLETH\n");
        WfdbRecord q = WfdbReader.read(dir.resolve("t16"));
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < n; i++) {
                assertEquals(v[k][i], q.adc(k, i));
            }
        }
    }

    @Test
    void truncatedDataAndBadHeadersAreErrors() throws IOException {
        Files.write(dir.resolve("short.dat"), new byte[30]);
        Files.writeString(dir.resolve("short.hea"), "short 2 360 1000\nshort.dat 212 200 11 0 0 0 0 A\n"
                + "short.dat 212 200 11 0 0 0 0 B\n");
        FormatException e = assertThrows(FormatException.class,
                () -> WfdbReader.read(dir.resolve("short")));
        assertTrue(e.getMessage().contains("short.dat"), e.getMessage());
        Files.writeString(dir.resolve("bad.hea"), "bad two 360\n");
        assertThrows(FormatException.class, () -> WfdbReader.read(dir.resolve("bad")));
        Files.writeString(dir.resolve("f8.hea"), "f8 1 360 10\nf8.dat 8 200 11 0 0 0 0 A\n");
        Files.write(dir.resolve("f8.dat"), new byte[10]);
        FormatException f8 = assertThrows(FormatException.class, () -> WfdbReader.read(dir.resolve("f8")));
        assertTrue(f8.getMessage().contains("format 8"), f8.getMessage());
        assertEquals(2, f8.line(), "the signal line that names the format");
    }

    @Test
    void malformedHeaderFieldsNameTheLine() throws IOException {
        Files.write(dir.resolve("p.dat"), new byte[60]);
        Files.writeString(dir.resolve("paren.hea"), "# comment\np 1 360 10\np.dat 212 200(0 11 0 0 0 0 A\n");
        FormatException paren = assertThrows(FormatException.class, () -> WfdbReader.read(dir.resolve("paren")));
        assertEquals(3, paren.line(), paren.getMessage());
        assertTrue(paren.getMessage().contains("without ')'"), paren.getMessage());
        Files.writeString(dir.resolve("fs.hea"), "p 1 -360 10\np.dat 212 200 11 0 0 0 0 A\n");
        FormatException fs = assertThrows(FormatException.class, () -> WfdbReader.read(dir.resolve("fs")));
        assertEquals(1, fs.line(), fs.getMessage());
        assertTrue(fs.getMessage().contains("sampling frequency"), fs.getMessage());
        Files.writeString(dir.resolve("off.hea"), "p 1 360 10\np.dat 16+999999 200 11 0 0 0 0 A\n");
        FormatException off = assertThrows(FormatException.class, () -> WfdbReader.read(dir.resolve("off")));
        assertTrue(off.getMessage().contains("p.dat"), off.getMessage());
        Files.writeString(dir.resolve("neg.hea"), "p 1 360 -5\np.dat 212 200 11 0 0 0 0 A\n");
        FormatException neg = assertThrows(FormatException.class, () -> WfdbReader.read(dir.resolve("neg")));
        assertEquals(1, neg.line(), neg.getMessage());
    }

    /** Seed 20261125: random headers and data never raise anything but {@link FormatException}. */
    @Test
    void randomHeadersRaiseOnlyFormatErrors() throws IOException {
        Random rnd = new Random(20261125L);
        String[] tokens = {"r", "2", "1", "360", "-1", "0", "212", "16", "16+24", "8", "200", "200(3)/mV", "(", ")",
            "x", "1e9", "NaN", "r.dat", "99999999999", "11", "A"};
        Files.write(dir.resolve("r.dat"), new byte[97]);
        for (int trial = 0; trial < 2_000; trial++) {
            StringBuilder h = new StringBuilder();
            int lines = 1 + rnd.nextInt(4);
            for (int l = 0; l < lines; l++) {
                int n = 1 + rnd.nextInt(9);
                for (int t = 0; t < n; t++) {
                    h.append(tokens[rnd.nextInt(tokens.length)]).append(t + 1 < n ? " " : "\n");
                }
            }
            Files.writeString(dir.resolve("r.hea"), h.toString());
            try {
                WfdbRecord r = WfdbReader.read(dir.resolve("r"));
                assertTrue(r.samplingFrequencyHz() > 0, h.toString());
            } catch (FormatException expected) {
                assertTrue(expected.getMessage().startsWith(expected.source()), expected.getMessage());
            } catch (RuntimeException e) {
                throw new AssertionError("header\n" + h + "raised " + e, e);
            }
        }
    }

    @Test
    @Tag("realdata")
    void mitBih100MatchesItsHeaderChecksumsAndBeatCount() throws IOException {
        Path hea = RealData.require("fusion/wfdb_sample/100.hea");
        Path record = hea.resolveSibling("100");
        WfdbRecord r = WfdbReader.read(record);
        assertEquals(360, r.samplingFrequencyHz());
        assertEquals(650_000, r.length());
        assertEquals(995, r.adc(0, 0)); // initial values from the header
        assertEquals(1011, r.adc(1, 0));
        assertEquals(-22131, checksum(r, 0));
        assertEquals(20052, checksum(r, 1));
        List<Annotation> ann = WfdbReader.readAnnotations(record, "atr");
        assertEquals(2273, ann.stream().filter(Annotation::isBeat).count());
    }

    @Test
    @Tag("realdata")
    void challengeRecordsMatchTheirChecksums() throws IOException {
        Path v = RealData.require("fusion/wfdb_sample/v102s.hea").resolveSibling("v102s");
        WfdbRecord r = WfdbReader.read(v);
        assertEquals(75_000, r.length());
        int[] sums = {-9286, 2647, -11021, 12236};
        for (int k = 0; k < 4; k++) {
            assertEquals(sums[k], checksum(r, k), "v102s signal " + k);
        }
        assertEquals(2, r.signalIndex("PLETH"));
        Path a = RealData.require("fusion/wfdb_sample/a103l.hea").resolveSibling("a103l");
        WfdbRecord m = WfdbReader.read(a);
        assertEquals(82_500, m.length());
        int[] sumsA = {-27403, -301, -17391};
        for (int k = 0; k < 3; k++) {
            assertEquals(sumsA[k], checksum(m, k), "a103l signal " + k);
        }
    }
}
