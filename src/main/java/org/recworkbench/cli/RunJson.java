package org.recworkbench.cli;

import org.recworkbench.eval.FoldResult;
import org.recworkbench.eval.RunResult;
import org.recworkbench.eval.Summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON and text forms of a run, shared by evaluate, sweep and runs. */
final class RunJson {

    private RunJson() {
    }

    static Map<String, Object> of(RunResult r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dataset", r.dataset());
        json.put("algorithm", r.algorithm());
        json.put("params", typed(r.params()));
        json.put("split", r.split());
        json.put("seed", r.seed());
        json.put("relevance", r.relevance().describe());
        json.put("candidates", r.candidates().describe());
        json.put("metrics", values(r.metrics()));
        json.put("intervals", intervals(r.metrics()));
        List<Map<String, Object>> folds = new ArrayList<>();
        for (FoldResult f : r.folds()) {
            Map<String, Object> fold = new LinkedHashMap<>();
            fold.put("fold", f.index() + 1);
            fold.put("train", f.trainSize());
            fold.put("test", f.testSize());
            fold.put("cold_users", f.coldUsers());
            fold.put("cold_items", f.coldItems());
            fold.put("cold_test_entries", f.coldTestEntries());
            fold.put("dropped_test_entries", f.droppedTestEntries());
            fold.put("ranked_users", f.rankedUsers());
            fold.put("users_without_relevant", f.usersWithoutRelevant());
            Map<String, Object> m = new LinkedHashMap<>();
            f.values().forEach((k, v) -> m.put(k, Output.finite(v)));
            fold.put("metrics", m);
            fold.put("fit_seconds", round(f.fitSeconds()));
            fold.put("evaluate_seconds", round(f.evaluateSeconds()));
            folds.add(fold);
        }
        json.put("folds", folds);
        json.put("seconds", round(r.seconds()));
        json.put("run", r.runId() == 0 ? null : r.runId());
        return json;
    }

    /** Parameter values as JSON numbers and booleans where they are, strings otherwise. */
    static Map<String, Object> typed(Map<String, String> params) {
        Map<String, Object> m = new LinkedHashMap<>();
        params.forEach((k, v) -> m.put(k, typed(v)));
        return m;
    }

    private static Object typed(String v) {
        if (v.equals("true") || v.equals("false")) {
            return Boolean.valueOf(v);
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d) && !v.isBlank() && Character.isDigit(v.charAt(v.length() - 1))) {
                return d == Math.rint(d) && !v.contains(".") ? (Object) Long.valueOf((long) d) : (Object) d;
            }
        } catch (NumberFormatException e) {
            // not a number: kept as text
        }
        return v;
    }

    static Map<String, Object> values(Map<String, Summary> metrics) {
        Map<String, Object> m = new LinkedHashMap<>();
        metrics.forEach((k, s) -> m.put(k, Output.finite(s.value())));
        return m;
    }

    private static Map<String, Object> intervals(Map<String, Summary> metrics) {
        Map<String, Object> m = new LinkedHashMap<>();
        metrics.forEach((k, s) -> m.put(k, Double.isNaN(s.low()) ? null
                : List.of(Output.finite(s.low()), Output.finite(s.high()))));
        return m;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    /** A metric table: name, value, 95% interval, n. */
    static String table(Map<String, Summary> metrics) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(java.util.Locale.ROOT, "%-24s %12s   %-25s %8s%n", "metric", "value", "95% interval",
                "n"));
        metrics.forEach((k, s) -> b.append(String.format(java.util.Locale.ROOT, "%-24s %12s   %-25s %8d%n", k,
                format(s.value()), Double.isNaN(s.low()) ? "" : "[" + format(s.low()) + ", " + format(s.high()) + "]",
                s.n())));
        return b.toString();
    }

    static String format(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(java.util.Locale.ROOT, "%.4f", v);
    }
}
