package dev.touchline.fusion.wfdb;

import dev.touchline.fusion.BadSensorDataException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads PhysioNet WFDB records: the {@code .hea} header, signal files in formats 212 (two 12-bit samples in three
 * bytes) and 16 (16-bit little-endian), including a byte offset as in the "16+24" {@code .mat} layout, and MIT
 * annotation files ({@code .atr}). Signals of one file are interleaved frame by frame; every signal of a record must
 * be in the same file (true of the records used here). Multi-segment records, other formats and samples-per-frame
 * above 1 are rejected with a clear error rather than read wrongly.
 *
 * <p>Contract for untrusted input: every length is checked against the file size; a header that does not parse, a
 * file shorter than the header promises or an annotation stream that ends mid-field raises
 * {@link BadSensorDataException} naming the file and the line or byte offset.
 */
public final class WfdbReader {
    private WfdbReader() {
    }

    /**
     * Reads a record.
     *
     * @param recordPath the path without extension (e.g. {@code data/100})
     * @throws BadSensorDataException when the header or the data are malformed
     * @throws IOException when a file cannot be read
     */
    public static WfdbRecord read(Path recordPath) throws IOException {
        Path header = sibling(recordPath, ".hea");
        List<String> lines = Files.readAllLines(header, StandardCharsets.US_ASCII);
        int lineNo = 0;
        String recordLine = null;
        List<String[]> signalLines = new ArrayList<>();
        List<Integer> signalLineNumbers = new ArrayList<>();
        for (String raw : lines) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (recordLine == null) {
                recordLine = line;
            } else {
                signalLines.add(line.split("\\s+"));
                signalLineNumbers.add(lineNo);
            }
        }
        if (recordLine == null) {
            throw new BadSensorDataException(header + ": no record line");
        }
        String[] r = recordLine.split("\\s+");
        if (r[0].contains("/")) {
            throw new BadSensorDataException(header + ": multi-segment records are not supported (" + r[0] + ")");
        }
        int nsig = r.length > 1 ? parseInt(r[1], header, "number of signals") : 0;
        double fs = r.length > 2 ? parseDouble(r[2].split("/")[0], header, "sampling frequency") : 250;
        long declared = r.length > 3 ? parseLong(r[3], header, "number of samples") : -1;
        if (signalLines.size() != nsig) {
            throw new BadSensorDataException(header + ": " + nsig + " signals declared, " + signalLines.size()
                    + " signal lines found");
        }
        List<WfdbSignal> signals = new ArrayList<>();
        for (int k = 0; k < nsig; k++) {
            signals.add(parseSignal(signalLines.get(k), header, signalLineNumbers.get(k)));
        }
        if (nsig == 0) {
            return new WfdbRecord(r[0], fs, signals, new int[0][0]);
        }
        WfdbSignal first = signals.get(0);
        for (WfdbSignal s : signals) {
            if (!s.fileName().equals(first.fileName()) || s.format() != first.format()
                    || s.byteOffset() != first.byteOffset()) {
                throw new BadSensorDataException(header + ": signals in different files or formats are not supported");
            }
        }
        Path data = recordPath.resolveSibling(first.fileName());
        byte[] bytes = Files.readAllBytes(data);
        int[][] adc = switch (first.format()) {
            case 212 -> read212(bytes, first.byteOffset(), nsig, declared, data);
            case 16 -> read16(bytes, first.byteOffset(), nsig, declared, data);
            default -> throw new BadSensorDataException(header + ": format " + first.format()
                    + " is not supported (212 and 16 are)");
        };
        return new WfdbRecord(r[0], fs, signals, adc);
    }

    private static WfdbSignal parseSignal(String[] f, Path header, int line) throws BadSensorDataException {
        String where = header + " line " + line;
        if (f.length < 2) {
            throw new BadSensorDataException(where + ": signal line needs a file name and a format");
        }
        String fmt = f[1];
        long offset = 0;
        int plus = fmt.indexOf('+');
        if (plus >= 0) {
            offset = parseLong(fmt.substring(plus + 1), header, "byte offset at line " + line);
            fmt = fmt.substring(0, plus);
        }
        if (fmt.contains("x") || fmt.contains(":")) {
            throw new BadSensorDataException(where + ": samples-per-frame and skew are not supported (" + f[1] + ")");
        }
        int format = parseInt(fmt, header, "format at line " + line);
        double gain = 200;
        String units = "mV";
        Integer baselineInGain = null;
        if (f.length > 2) {
            String g = f[2];
            int slash = g.indexOf('/');
            if (slash >= 0) {
                units = g.substring(slash + 1);
                g = g.substring(0, slash);
            }
            int paren = g.indexOf('(');
            if (paren >= 0) {
                baselineInGain = parseInt(g.substring(paren + 1, g.indexOf(')')), header, "baseline at line " + line);
                g = g.substring(0, paren);
            }
            double parsed = parseDouble(g, header, "gain at line " + line);
            gain = parsed == 0 ? 200 : parsed;
        }
        int adcZero = f.length > 4 ? parseInt(f[4], header, "ADC zero at line " + line) : 0;
        int baseline = baselineInGain != null ? baselineInGain : adcZero;
        String description = f.length > 8 ? String.join(" ", java.util.Arrays.copyOfRange(f, 8, f.length)) : "";
        return new WfdbSignal(f[0], format, offset, gain, baseline, units, description);
    }

    private static int[][] read212(byte[] b, long offset, int nsig, long declared, Path file)
            throws BadSensorDataException {
        long available = (b.length - offset) * 2 / 3; // samples in total
        long frames = declared >= 0 ? declared : available / nsig;
        if (frames * nsig > available) {
            throw new BadSensorDataException(file + ": " + frames + " frames declared but only " + available / nsig
                    + " present (" + b.length + " bytes)");
        }
        int[][] out = new int[nsig][(int) frames];
        long total = frames * nsig;
        int p = (int) offset;
        for (long s = 0; s < total; s += 2) {
            int b0 = b[p] & 0xFF;
            int b1 = b[p + 1] & 0xFF;
            int v0 = b0 | ((b1 & 0x0F) << 8);
            out[(int) (s % nsig)][(int) (s / nsig)] = v0 >= 2048 ? v0 - 4096 : v0;
            if (s + 1 < total) {
                int b2 = b[p + 2] & 0xFF;
                int v1 = b2 | ((b1 & 0xF0) << 4);
                out[(int) ((s + 1) % nsig)][(int) ((s + 1) / nsig)] = v1 >= 2048 ? v1 - 4096 : v1;
            }
            p += 3;
        }
        return out;
    }

    private static int[][] read16(byte[] b, long offset, int nsig, long declared, Path file)
            throws BadSensorDataException {
        long available = (b.length - offset) / 2;
        long frames = declared >= 0 ? declared : available / nsig;
        if (offset > b.length || frames * nsig > available) {
            throw new BadSensorDataException(file + ": " + frames + " frames declared but only "
                    + Math.max(0, available) / nsig + " present after byte offset " + offset);
        }
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        buf.position((int) offset);
        int[][] out = new int[nsig][(int) frames];
        for (int i = 0; i < frames; i++) {
            for (int k = 0; k < nsig; k++) {
                out[k][i] = buf.getShort();
            }
        }
        return out;
    }

    /**
     * Reads an MIT-format annotation file.
     *
     * @param recordPath the path without extension
     * @param annotator the extension, e.g. "atr"
     * @throws BadSensorDataException when the stream ends mid-field
     * @throws IOException when the file cannot be read
     */
    public static List<Annotation> readAnnotations(Path recordPath, String annotator) throws IOException {
        Path file = sibling(recordPath, "." + annotator);
        byte[] b = Files.readAllBytes(file);
        List<Annotation> out = new ArrayList<>();
        long time = 0;
        int p = 0;
        int sub = 0;
        int chan = 0;
        int pendingCode = -1;
        long pendingTime = 0;
        String aux = "";
        while (true) {
            if (p + 2 > b.length) {
                break; // files may end without the 0 word
            }
            int word = (b[p] & 0xFF) | ((b[p + 1] & 0xFF) << 8);
            p += 2;
            int code = word >> 10;
            int value = word & 0x3FF;
            if (code == 0 && value == 0) {
                break;
            }
            switch (code) {
                case 59 -> { // SKIP: a 32-bit interval follows, high 16 bits first, each little-endian
                    if (p + 4 > b.length) {
                        throw new BadSensorDataException(file + ": SKIP at byte " + (p - 2) + " is cut short");
                    }
                    int hi = (b[p] & 0xFF) | ((b[p + 1] & 0xFF) << 8);
                    int lo = (b[p + 2] & 0xFF) | ((b[p + 3] & 0xFF) << 8);
                    time += (long) ((hi << 16) | lo);
                    p += 4;
                }
                case 60 -> { } // NUM: not kept
                case 61 -> sub = value;
                case 62 -> chan = value;
                case 63 -> {
                    if (p + value > b.length) {
                        throw new BadSensorDataException(file + ": AUX at byte " + (p - 2) + " is cut short");
                    }
                    aux = new String(b, p, value, StandardCharsets.US_ASCII).replace("\0", "");
                    p += value + (value & 1);
                }
                default -> {
                    if (pendingCode >= 0) {
                        out.add(new Annotation(pendingTime, pendingCode, sub, chan, aux));
                    }
                    sub = 0;
                    aux = "";
                    time += value;
                    pendingCode = code;
                    pendingTime = time;
                }
            }
        }
        if (pendingCode >= 0) {
            out.add(new Annotation(pendingTime, pendingCode, sub, chan, aux));
        }
        return out;
    }

    private static Path sibling(Path recordPath, String extension) {
        return recordPath.resolveSibling(recordPath.getFileName() + extension);
    }

    private static int parseInt(String s, Path file, String what) throws BadSensorDataException {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new BadSensorDataException(file + ": " + what + " is not an integer: '" + s + "'", e);
        }
    }

    private static long parseLong(String s, Path file, String what) throws BadSensorDataException {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new BadSensorDataException(file + ": " + what + " is not an integer: '" + s + "'", e);
        }
    }

    private static double parseDouble(String s, Path file, String what) throws BadSensorDataException {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new BadSensorDataException(file + ": " + what + " is not a number: '" + s + "'", e);
        }
    }
}
