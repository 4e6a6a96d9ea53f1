package dev.touchline.cli.demo.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The report as a list of blocks, rendered once to Markdown and once to HTML so the two never disagree.
 */
final class ReportDocument {
    sealed interface Block permits Heading, Paragraph, Table, Image {
    }

    record Heading(int level, String text) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    record Table(List<String> header, List<List<String>> rows) implements Block {
        Table {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }
    }

    record Image(String file, String alt) implements Block {
    }

    private final List<Block> blocks = new ArrayList<>();

    ReportDocument heading(int level, String text) {
        blocks.add(new Heading(level, text));
        return this;
    }

    ReportDocument paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    ReportDocument table(List<String> header, List<List<String>> rows) {
        blocks.add(new Table(header, rows));
        return this;
    }

    ReportDocument image(String file, String alt) {
        blocks.add(new Image(file, alt));
        return this;
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                sb.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
            } else if (b instanceof Paragraph p) {
                sb.append(p.text()).append("\n\n");
            } else if (b instanceof Table t) {
                sb.append("| ").append(String.join(" | ", t.header())).append(" |\n|");
                for (int i = 0; i < t.header().size(); i++) {
                    sb.append("---|");
                }
                sb.append('\n');
                for (List<String> r : t.rows()) {
                    sb.append("| ").append(String.join(" | ", r)).append(" |\n");
                }
                sb.append('\n');
            } else if (b instanceof Image i) {
                sb.append("![").append(i.alt()).append("](").append(i.file()).append(")\n\n");
            }
        }
        return sb.toString();
    }

    String html(String title) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title>\n<style>body{font-family:sans-serif;max-width:1150px;margin:2em auto;color:#222}"
                        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;"
                        + "text-align:right}th{background:#f3f3f3}td:first-child{text-align:left}"
                        + "img{max-width:100%;border:1px solid #ddd;margin:0.5em 0}</style></head><body>\n");
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                sb.append("<h").append(h.level()).append('>').append(esc(h.text())).append("</h").append(h.level())
                        .append(">\n");
            } else if (b instanceof Paragraph p) {
                sb.append("<p>").append(inline(p.text())).append("</p>\n");
            } else if (b instanceof Table t) {
                sb.append("<table><tr>");
                for (String c : t.header()) {
                    sb.append("<th>").append(inline(c)).append("</th>");
                }
                sb.append("</tr>\n");
                for (List<String> r : t.rows()) {
                    sb.append("<tr>");
                    for (String c : r) {
                        sb.append("<td>").append(inline(c)).append("</td>");
                    }
                    sb.append("</tr>\n");
                }
                sb.append("</table>\n");
            } else if (b instanceof Image i) {
                sb.append("<p><img src=\"").append(esc(i.file())).append("\" alt=\"").append(esc(i.alt()))
                        .append("\"></p>\n");
            }
        }
        return sb.append("</body></html>\n").toString();
    }

    /** Escapes and turns Markdown's {@code `code`} and {@code **bold**} into tags. */
    private static String inline(String s) {
        return esc(s).replaceAll("`([^`]*)`", "<code>$1</code>").replaceAll("\\*\\*([^*]*)\\*\\*", "<b>$1</b>");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
