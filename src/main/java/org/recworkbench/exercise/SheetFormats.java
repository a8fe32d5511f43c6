package org.recworkbench.exercise;

import org.recworkbench.explain.Latex;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A sheet as files: a self-contained printable HTML page (inputs as tables, each step's formula in code font, a blank
 * line per answer, one exercise per printed page) and the answers as CSV. Both depend only on the sheet, so the same
 * seed gives the same bytes.
 */
public final class SheetFormats {

    /** The answers CSV's header. */
    public static final String CSV_HEADER = "sheet_seed,exercise,kind,difficulty,exercise_seed,step,title,expected";

    private SheetFormats() {
    }

    public static String html(ExerciseSheet sheet) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Exercises, seed ").append(sheet.seed()).append("</title>\n<style>\n")
                .append("body { font-family: Georgia, 'Times New Roman', serif; margin: 2em; color: #111; }\n")
                .append("h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 0; }\n")
                .append("table { border-collapse: collapse; margin: 0.6em 0; }\n")
                .append("th, td { border: 1px solid #777; padding: 0.2em 0.6em; text-align: center; min-width: 2.2em; }\n")
                .append("caption { text-align: left; font-style: italic; }\n")
                .append("code { font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 0.9em; }\n")
                .append("ol.steps li { margin: 0.7em 0; }\n")
                .append(".answer { display: inline-block; border-bottom: 1px solid #000; width: 12em; height: 1.2em; }\n")
                .append(".meta { color: #555; font-size: 0.9em; }\n")
                .append("section.exercise { page-break-after: always; break-after: page; }\n")
                .append("section.exercise:last-of-type { page-break-after: auto; break-after: auto; }\n")
                .append("@media print { body { margin: 0; } }\n")
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>Exercises</h1>\n<p class=\"meta\">Sheet seed ").append(sheet.seed()).append(", ")
                .append(esc(sheet.difficulty().cliName()))
                .append(sheet.dataset() == null ? "" : ", dataset " + esc(sheet.dataset())).append(", ")
                .append(sheet.exercises().size()).append(sheet.exercises().size() == 1 ? " exercise" : " exercises")
                .append(". Name: <span class=\"answer\"></span></p>\n");
        int number = 1;
        for (Exercise e : sheet.exercises()) {
            h.append("<section class=\"exercise\">\n<h2>").append(number++).append(". ").append(esc(e.kind().label()))
                    .append("</h2>\n<p class=\"meta\">").append(esc(e.identity())).append("</p>\n<p>")
                    .append(esc(e.question())).append("</p>\n");
            for (InputTable t : e.tables()) {
                h.append("<table>\n<caption>").append(esc(t.caption())).append("</caption>\n<tr>");
                for (String head : t.header()) {
                    h.append("<th>").append(esc(head)).append("</th>");
                }
                h.append("</tr>\n");
                for (var row : t.rows()) {
                    h.append("<tr>");
                    for (int c = 0; c < row.size(); c++) {
                        String tag = c == 0 ? "th" : "td";
                        h.append('<').append(tag).append('>').append(esc(row.get(c))).append("</").append(tag)
                                .append('>');
                    }
                    h.append("</tr>\n");
                }
                h.append("</table>\n");
            }
            h.append("<ol class=\"steps\">\n");
            for (AnswerStep s : e.steps()) {
                h.append("<li>").append(esc(s.title())).append("<br><code>").append(esc(Latex.toPlain(s.formula())))
                        .append("</code><br>= <span class=\"answer\"></span></li>\n");
            }
            h.append("</ol>\n</section>\n");
        }
        return h.append("</body>\n</html>\n").toString();
    }

    public static String answersCsv(ExerciseSheet sheet) {
        StringBuilder c = new StringBuilder(CSV_HEADER).append("\r\n");
        int number = 1;
        for (Exercise e : sheet.exercises()) {
            for (AnswerStep s : e.steps()) {
                c.append(sheet.seed()).append(',').append(number).append(',').append(e.kind().cliName()).append(',')
                        .append(e.difficulty().cliName()).append(',').append(e.seed()).append(',')
                        .append(s.number()).append(',').append(csv(s.title())).append(',')
                        .append(number(s.expected())).append("\r\n");
            }
            number++;
        }
        return c.toString();
    }

    /** A value to eight decimals, trailing zeros dropped, dot decimals. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        String text = BigDecimal.valueOf(value).setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    private static String csv(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
