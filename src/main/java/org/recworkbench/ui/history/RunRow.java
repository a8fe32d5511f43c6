package org.recworkbench.ui.history;

import org.recworkbench.ui.common.I18n;
import org.recworkbench.eval.RunResult;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/** One run in the history table. */
public record RunRow(long id, String started, String dataset, String algorithm, String params, String split,
                     long seed, String metrics, double seconds, RunResult run) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    public static RunRow of(RunResult r) {
        String params = org.recworkbench.ui.common.EngineText.paramSummary(r.paramSummary());
        String metrics = r.metrics().entrySet().stream().limit(4)
                .map(e -> e.getKey() + " " + (Double.isNaN(e.getValue().value()) ? I18n.t("common.na")
                        : String.format(Locale.ROOT, "%.4f", e.getValue().value())))
                .collect(Collectors.joining(" · "));
        return new RunRow(r.runId(), TIME.format(r.startedAt()), r.dataset(), r.algorithm(), params, r.split(),
                r.seed(), metrics, r.seconds(), r);
    }

    /** Whether every word of the filter occurs (case-insensitively) in the dataset, algorithm, params or split. */
    public boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        // every stored value, not only the changed ones the table shows: "k=30" finds runs at the default k too
        String all = run.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        String text = (dataset + " " + algorithm + " " + params + " " + all + " " + split + " " + id)
                .toLowerCase(Locale.ROOT);
        for (String word : filter.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty() && !text.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
