package org.recworkbench.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.io.PrintWriter;

/** Stdout for results (text or one JSON object), stderr for progress; nothing else is printed. */
final class Output {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().serializeSpecialFloatingPointValues()
            .create();

    private Output() {
    }

    static void json(PrintWriter out, Object value) {
        out.println(GSON.toJson(value));
        out.flush();
    }

    /** NaN and infinities become null: JSON has no such numbers. */
    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** A derivation's steps as JSON objects {title, latex, substituted, value}. */
    static java.util.List<java.util.Map<String, Object>> steps(org.recworkbench.explain.Derivation d) {
        return d.steps().stream().map(s -> {
            java.util.Map<String, Object> step = new java.util.LinkedHashMap<>();
            step.put("title", s.title());
            step.put("latex", s.latex());
            step.put("substituted", s.substituted());
            step.put("value", finite(s.value()));
            return step;
        }).toList();
    }

    static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.2f%%", 100 * share);
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
