package dev.touchline.cli.postgres;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A query result printed as CSV (header with units in the column names, one row per line) or as a JSON array of
 * objects. Numbers print with up to 6 decimals; an empty CSV field (JSON null) means "none".
 */
final class QueryTable {
    /** A number printed in the shortest form that reads back to the identical double (coordinates). */
    record Exact(double value) {
    }

    private final String[] columns;
    private final List<@Nullable Object[]> rows = new ArrayList<>();

    QueryTable(String... columns) {
        this.columns = columns;
    }

    void row(@Nullable Object... values) {
        if (values.length != columns.length) {
            throw new IllegalArgumentException("row has " + values.length + " values for " + columns.length
                    + " columns");
        }
        rows.add(values);
    }

    int size() {
        return rows.size();
    }

    void print(PrintWriter out, boolean json) throws IOException {
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode array = mapper.createArrayNode();
            for (@Nullable Object[] r : rows) {
                ObjectNode o = array.addObject();
                for (int c = 0; c < columns.length; c++) {
                    Object v = r[c];
                    if (v == null) {
                        o.putNull(columns[c]);
                    } else if (v instanceof Long l) {
                        o.put(columns[c], l);
                    } else if (v instanceof Integer i) {
                        o.put(columns[c], i);
                    } else if (v instanceof Double d) {
                        o.put(columns[c], d);
                    } else if (v instanceof Exact e) {
                        o.put(columns[c], e.value());
                    } else {
                        o.put(columns[c], v.toString());
                    }
                }
            }
            out.println(mapper.writeValueAsString(array));
        } else {
            out.println(String.join(",", columns));
            StringBuilder line = new StringBuilder();
            for (@Nullable Object[] r : rows) {
                line.setLength(0);
                for (int c = 0; c < columns.length; c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    Object v = r[c];
                    if (v instanceof Double d) {
                        line.append(decimal(d));
                    } else if (v instanceof Exact e) {
                        line.append(e.value());
                    } else if (v != null) {
                        line.append(csvText(v.toString()));
                    }
                }
                out.println(line);
            }
        }
        out.flush();
    }

    private static String decimal(double d) {
        if (!Double.isFinite(d)) {
            return Double.toString(d);
        }
        String s = String.format(Locale.ROOT, "%.6f", d);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String csvText(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
