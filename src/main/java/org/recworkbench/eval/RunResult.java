package org.recworkbench.eval;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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

    /** The value of one metric, NaN when it was not measured. */
    public double value(String key) {
        Summary s = metrics.get(key);
        return s == null ? Double.NaN : s.value();
    }
}
