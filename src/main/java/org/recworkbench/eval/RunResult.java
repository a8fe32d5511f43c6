package org.recworkbench.eval;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A finished experiment: what was run, on what, and what it measured.
 *
 * @param params   the algorithm's parameter values as text, in spec order
 * @param metrics  the aggregate of each metric over all folds with its 95% interval, by key, in the order asked
 * @param perUser  per-user values pooled over folds (fold-major: fold f's users at f·users …), by key, for
 *                 significance tests between runs on the same split
 * @param runId    the id in the run history, or 0 while not stored
 */
public record RunResult(long runId, String dataset, String datasetChecksum, String algorithm,
                        Map<String, String> params, String split, long seed, Relevance relevance, Candidates candidates,
                        Map<String, Summary> metrics, List<FoldResult> folds, Map<String, double[]> perUser,
                        int users, double seconds, Instant startedAt, String appVersion) {

    public RunResult withRunId(long id) {
        return new RunResult(id, dataset, datasetChecksum, algorithm, params, split, seed, relevance, candidates,
                metrics, folds, perUser, users, seconds, startedAt, appVersion);
    }

    /**
     * The same run keeping only these metrics (and their per-user values), e.g. without the many cut-offs measured
     * only to draw a curve.
     */
    public RunResult only(Collection<String> keys) {
        Predicate<String> kept = keys::contains;
        Map<String, Summary> m = new LinkedHashMap<>();
        metrics.forEach((k, v) -> {
            if (kept.test(k)) {
                m.put(k, v);
            }
        });
        Map<String, double[]> users = new LinkedHashMap<>();
        perUser.forEach((k, v) -> {
            if (kept.test(k)) {
                users.put(k, v);
            }
        });
        List<FoldResult> f = folds.stream().map(r -> {
            Map<String, Double> values = new LinkedHashMap<>();
            r.values().forEach((k, v) -> {
                if (kept.test(k)) {
                    values.put(k, v);
                }
            });
            Map<String, double[]> per = new HashMap<>();
            r.perUser().forEach((k, v) -> {
                if (kept.test(k)) {
                    per.put(k, v);
                }
            });
            return new FoldResult(r.index(), values, per, r.ratingTotals(), r.rankedUsers(), r.usersWithoutRelevant(),
                    r.trainSize(), r.testSize(), r.coldUsers(), r.coldItems(), r.coldTestEntries(),
                    r.droppedTestEntries(), r.fitSeconds(), r.evaluateSeconds());
        }).toList();
        return new RunResult(runId, dataset, datasetChecksum, algorithm, params, split, seed, relevance, candidates,
                m, f, users, this.users, seconds, startedAt, appVersion);
    }

    /** The value of one metric, NaN when it was not measured. */
    /**
     * The parameters as a person reads them: the components chosen and what differs from the defaults
     * ({@link org.recworkbench.algo.ParamValues#summary()}); every stored value when the algorithm no longer accepts
     * them.
     */
    public String paramSummary() {
        if (ExternalEvaluation.isExternal(this)) {
            String sha = params.getOrDefault(ExternalEvaluation.SHA256,
                    params.getOrDefault(ExternalEvaluation.PREDICTIONS_SHA256, ""));
            return ExternalEvaluation.fileNames(this) + (sha.length() < 12 ? ""
                    : ", sha256=" + sha.substring(0, 12) + "…");
        }
        try {
            var a = org.recworkbench.algo.AlgorithmRegistry.require(algorithm);
            List<String> assignments = params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
            return a.params().isEmpty() ? "" : org.recworkbench.algo.ParamValues.parse(a.params(), assignments)
                    .summary();
        } catch (RuntimeException stale) {
            return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(java.util.stream.Collectors.joining(", "));
        }
    }

    public double value(String key) {
        Summary s = metrics.get(key);
        return s == null ? Double.NaN : s.value();
    }
}
