package dev.touchline.formats.wfdb;

import dev.touchline.formats.FormatException;
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
 * {@link FormatException} naming the file and the line or byte offset.
 */
public final class WfdbReader {
    /** The highest sampling frequency accepted from a header, Hz (far above any ECG or PPG device). */
    public static final double MAX_SAMPLING_FREQUENCY_HZ = 1.0e6;

    private WfdbReader() {
    }

    /**
     * Reads a record.
     *
     * @param recordPath the path without extension (e.g. {@code data/100})
     * @throws FormatException when the header or the data are malformed
     * @throws IOException when a file cannot be read
     */
    public static WfdbRecord read(Path recordPath) throws IOException {
        Path header = sibling(recordPath, ".hea");
        String source = header.toString();
        List<String> lines = Files.readAllLines(header, StandardCharsets.US_ASCII);
        int lineNo = 0;
        String recordLine = null;
        int recordLineNo = 0;
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
                recordLineNo = lineNo;
            } else {
                signalLines.add(line.split("\\s+"));
                signalLineNumbers.add(lineNo);
            }
        }
        if (recordLine == null) {
            throw new FormatException(source, 0, "no record line");
        }
        String[] r = recordLine.split("\\s+");
        if (r[0].contains("/")) {
            throw new FormatException(source, recordLineNo, "multi-segment records are not supported (" + r[0] + ")");
        }
        int nsig = r.length > 1 ? parseInt(r[1], source, recordLineNo, "number of signals") : 0;
        double fs = r.length > 2 ? parseDouble(r[2].split("/")[0], source, recordLineNo, "sampling frequency") : 250;
        if (!(fs > 0 && fs <= MAX_SAMPLING_FREQUENCY_HZ)) {
            throw new FormatException(source, recordLineNo, "sampling frequency " + r[2]
                    + " is outside (0, " + MAX_SAMPLING_FREQUENCY_HZ + "] Hz");
        }
        long declared = r.length > 3 ? parseLong(r[3], source, recordLineNo, "number of samples") : -1;
        if (declared < -1) {
            throw new FormatException(source, recordLineNo, "number of samples " + declared + " is negative");
        }
        if (nsig < 0 || signalLines.size() != nsig) {
            throw new FormatException(source, recordLineNo, nsig + " signals declared, " + signalLines.size()
                    + " signal lines found");
        }
        List<WfdbSignal> signals = new ArrayList<>();
        for (int k = 0; k < nsig; k++) {
            signals.add(parseSignal(signalLines.get(k), source, signalLineNumbers.get(k)));
        }
        if (nsig == 0) {
            return new WfdbRecord(r[0], fs, signals, new int[0][0]);
        }
        WfdbSignal first = signals.get(0);
        for (int k = 1; k < nsig; k++) {
            WfdbSignal s = signals.get(k);
            if (!s.fileName().equals(first.fileName()) || s.format() != first.format()
                    || s.byteOffset() != first.byteOffset()) {
                throw new FormatException(source, signalLineNumbers.get(k),
                        "signals in different files or formats are not supported");
            }
        }
        Path data = recordPath.resolveSibling(first.fileName());
        if (!Files.isRegularFile(data)) {
            throw new FormatException(source, signalLineNumbers.get(0), "signal file " + data + " does not exist");
        }
        byte[] bytes = Files.readAllBytes(data);
        int[][] adc = switch (first.format()) {
            case 212 -> read212(bytes, first.byteOffset(), nsig, declared, data.toString());
            case 16 -> read16(bytes, first.byteOffset(), nsig, declared, data.toString());
            default -> throw new FormatException(source, signalLineNumbers.get(0), "format " + first.format()
                    + " is not supported (212 and 16 are)");
        };
        return new WfdbRecord(r[0], fs, signals, adc);
    }

    private static WfdbSignal parseSignal(String[] f, String source, int line) throws FormatException {
        if (f.length < 2) {
            throw new FormatException(source, line, "signal line needs a file name and a format");
        }
        String fmt = f[1];
        long offset = 0;
        int plus = fmt.indexOf('+');
        if (plus >= 0) {
            offset = parseLong(fmt.substring(plus + 1), source, line, "byte offset");
            if (offset < 0) {
                throw new FormatException(source, line, "byte offset " + offset + " is negative");
            }
            fmt = fmt.substring(0, plus);
        }
        if (fmt.contains("x") || fmt.contains(":")) {
            throw new FormatException(source, line, "samples-per-frame and skew are not supported (" + f[1] + ")");
        }
        int format = parseInt(fmt, source, line, "format");
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
                int close = g.indexOf(')', paren);
                if (close < 0) {
                    throw new FormatException(source, line, "gain field '" + f[2] + "' opens a baseline without ')'");
                }
                baselineInGain = parseInt(g.substring(paren + 1, close), source, line, "baseline");
                g = g.substring(0, paren);
            }
            double parsed = parseDouble(g, source, line, "gain");
            if (!Double.isFinite(parsed) || parsed < 0) {
                throw new FormatException(source, line, "gain " + g + " is not a finite non-negative number");
            }
            gain = parsed == 0 ? 200 : parsed;
        }
        int adcZero = f.length > 4 ? parseInt(f[4], source, line, "ADC zero") : 0;
        int baseline = baselineInGain != null ? baselineInGain : adcZero;
        String description = f.length > 8 ? String.join(" ", java.util.Arrays.copyOfRange(f, 8, f.length)) : "";
        return new WfdbSignal(f[0], format, offset, gain, baseline, units, description);
    }

    private static int[][] read212(byte[] b, long offset, int nsig, long declared, String file)
            throws FormatException {
        long available = Math.max(0, b.length - offset) * 2 / 3; // samples in total
        long frames = declared >= 0 ? declared : available / nsig;
        if (offset > b.length || frames * nsig > available) {
            throw new FormatException(file, 0, frames + " frames declared but only " + available / nsig
                    + " present after byte offset " + offset + " (" + b.length + " bytes)");
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

    private static int[][] read16(byte[] b, long offset, int nsig, long declared, String file)
            throws FormatException {
        long available = Math.max(0, b.length - offset) / 2;
        long frames = declared >= 0 ? declared : available / nsig;
        if (offset > b.length || frames * nsig > available) {
            throw new FormatException(file, 0, frames + " frames declared but only " + available / nsig
                    + " present after byte offset " + offset + " (" + b.length + " bytes)");
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
     * @throws FormatException when the stream ends mid-field
     * @throws IOException when the file cannot be read
     */
    public static List<Annotation> readAnnotations(Path recordPath, String annotator) throws IOException {
        Path file = sibling(recordPath, "." + annotator);
        String source = file.toString();
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
                        throw new FormatException(source, 0, "SKIP at byte " + (p - 2) + " is cut short");
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
                        throw new FormatException(source, 0, "AUX at byte " + (p - 2) + " is cut short");
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

    private static int parseInt(String s, String file, int line, String what) throws FormatException {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new FormatException(file, line, what + " is not an integer: '" + s + "'", e);
        }
    }

    private static long parseLong(String s, String file, int line, String what) throws FormatException {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new FormatException(file, line, what + " is not an integer: '" + s + "'", e);
        }
    }

    private static double parseDouble(String s, String file, int line, String what) throws FormatException {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new FormatException(file, line, what + " is not a number: '" + s + "'", e);
        }
    }
}
