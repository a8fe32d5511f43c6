package org.recworkbench.export;

import org.recworkbench.data.Dataset;
import org.recworkbench.eval.FoldResult;
import org.recworkbench.eval.RunResult;
import org.recworkbench.eval.Summary;
import org.recworkbench.job.HeavyWork;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CSV forms of evaluation results (RFC 4180 through {@link CsvWriter}: header row, stable column order, dot
 * decimals, empty cells for values that were not measured).
 */
public final class EvaluationExport {

    private EvaluationExport() {
    }

    /**
     * One row per metric and scope: run,dataset,algorithm,params,split,seed,scope,metric,value,low,high,n where
     * scope is "all" for the aggregate and "fold N" for each fold.
     */
    public static void results(List<RunResult> runs, Writer out) {
        CsvWriter csv = new CsvWriter(out);
        csv.row("run", "dataset", "algorithm", "params", "split", "seed", "scope", "metric", "value", "low", "high",
                "n");
        for (RunResult r : runs) {
            String params = params(r.params());
            for (Map.Entry<String, Summary> e : r.metrics().entrySet()) {
                prefix(csv, r, params).text("all").text(e.getKey()).number(e.getValue().value())
                        .number(e.getValue().low()).number(e.getValue().high()).number(e.getValue().n()).endRow();
            }
            for (FoldResult f : r.folds()) {
                for (Map.Entry<String, Double> e : f.values().entrySet()) {
                    prefix(csv, r, params).text("fold " + (f.index() + 1)).text(e.getKey()).number(e.getValue())
                            .number(Double.NaN).number(Double.NaN).number(f.rankedUsers()).endRow();
                }
            }
        }
    }

    private static CsvWriter prefix(CsvWriter csv, RunResult r, String params) {
        return csv.number(r.runId()).text(r.dataset()).text(r.algorithm()).text(params).text(r.split())
                .number(r.seed());
    }

    /** One row per evaluated (fold, user): fold,user_id and one column per metric with per-user values. */
    public static void perUser(RunResult run, Dataset dataset, Writer out) {
        HeavyWork.enter("EvaluationExport.perUser");
        CsvWriter csv = new CsvWriter(out);
        List<String> keys = new ArrayList<>(run.perUser().keySet());
        List<String> header = new ArrayList<>(List.of("fold", "user_id"));
        header.addAll(keys);
        csv.row(header.toArray(String[]::new));
        int users = run.users();
        int folds = run.folds().size();
        for (int f = 0; f < folds; f++) {
            for (int u = 0; u < users; u++) {
                boolean any = false;
                for (String k : keys) {
                    any |= !Double.isNaN(run.perUser().get(k)[f * users + u]);
                }
                if (!any) {
                    continue;
                }
                csv.number(f + 1).text(dataset.users().id(u));
                for (String k : keys) {
                    csv.number(run.perUser().get(k)[f * users + u]);
                }
                csv.endRow();
            }
        }
    }

    /** A sweep table: one row per point with the swept parameters, then each metric and its interval. */
    public static void sweep(List<RunResult> points, List<String> axes, Writer out) {
        CsvWriter csv = new CsvWriter(out);
        if (points.isEmpty()) {
            csv.row(axes.toArray(String[]::new));
            return;
        }
        List<String> header = new ArrayList<>(axes);
        for (String m : points.get(0).metrics().keySet()) {
            header.add(m);
            header.add(m + " low");
            header.add(m + " high");
        }
        header.add("seconds");
        header.add("run");
        csv.row(header.toArray(String[]::new));
        for (RunResult r : points) {
            for (String a : axes) {
                String v = r.params().get(a);
                if (isNumber(v)) {
                    csv.number(Double.parseDouble(v));
                } else {
                    csv.text(v);
                }
            }
            for (Summary s : r.metrics().values()) {
                csv.number(s.value()).number(s.low()).number(s.high());
            }
            csv.number(r.seconds()).number(r.runId()).endRow();
        }
    }

    private static boolean isNumber(String v) {
        try {
            Double.parseDouble(v);
            return true;
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
    }

    private static String params(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return b.toString();
    }
}
