package dev.touchline.cli.demo.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a WFDB record in format 16 (16-bit little-endian, signals interleaved frame by frame) for tests. */
public final class Wfdb16Writer {
    private Wfdb16Writer() {
    }

    /**
     * Writes {@code <dir>/<name>.hea} and {@code <dir>/<name>.dat}.
     *
     * @param names signal names (the header's description field)
     * @param units each signal's unit, e.g. "mV"
     * @param gain ADC units per physical unit, per signal
     * @param values physical values, per signal, all of the same length; not modified
     */
    public static void write(Path dir, String name, double hz, String[] names, String[] units, double[] gain,
                             double[][] values) throws IOException {
        int n = values[0].length;
        ByteBuffer b = ByteBuffer.allocate(2 * n * names.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < names.length; k++) {
                long adc = Math.round(values[k][i] * gain[k]);
                if (adc < Short.MIN_VALUE || adc > Short.MAX_VALUE) {
                    throw new IllegalArgumentException("signal " + names[k] + " sample " + i + " does not fit 16 bits");
                }
                b.putShort((short) adc);
            }
        }
        Files.write(dir.resolve(name + ".dat"), b.array());
        StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "%s %d %s %d%n", name, names.length,
                hz, n));
        for (int k = 0; k < names.length; k++) {
            h.append(String.format(Locale.ROOT, "%s.dat 16 %s/%s 16 0 0 0 0 %s%n", name, gain[k], units[k],
                    names[k]));
        }
        Files.writeString(dir.resolve(name + ".hea"), h.toString(), StandardCharsets.US_ASCII);
    }
}
