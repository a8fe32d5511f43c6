package org.recworkbench.eval;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures recommendation lists made elsewhere ({@link ExternalLists}) on a separate test dataset with the same
 * metrics, intervals and per-user values as a fitted model: the lists become a model that ranks only its own items
 * ({@link ExternalListModel}) and go through {@link FoldEvaluator}. The run is labelled algorithm
 * {@value #ALGORITHM} with the file's name, path and SHA-256 as its parameters.
 */
public final class ExternalEvaluation {

    /** The algorithm a run of an external list records. */
    public static final String ALGORITHM = "external";
    public static final String FILE = "file";
    public static final String SHA256 = "sha256";
    public static final String PATH = "path";

    private ExternalEvaluation() {
    }

    /**
     * What an evaluation of external lists measured, and how the file matched the data.
     *
     * @param usersWithoutList ranked test users (with a relevant test item) for whom the file has no list: they
     *                         count, with every metric 0, as for a model that recommends nothing
     */
    public record Outcome(RunResult run, ExternalLists lists, int usersWithoutList) {
    }

    public static boolean isExternal(RunResult run) {
        return ALGORITHM.equals(run.algorithm());
    }

    /**
     * The ranking metrics among {@code metrics}; rating metrics (RMSE, MAE, coverage) are refused because a list
     * holds no predicted ratings.
     */
    public static List<MetricSpec> checkMetrics(List<MetricSpec> metrics) {
        List<String> rating = metrics.stream().filter(m -> m.group() == MetricSpec.Group.RATING)
                .map(MetricSpec::key).toList();
        if (!rating.isEmpty()) {
            throw new InvalidInputException(String.join(", ", rating) + " needs predicted ratings, which a "
                    + "recommendation list does not have; expected ranking metrics such as precision@10, recall@10, "
                    + "ndcg@10, map@10, hit@10, mrr@10, auc or beyond-accuracy ones such as novelty@10");
        }
        return metrics;
    }

    /** The default metrics for a list: the data's defaults without the rating metrics. */
    public static List<MetricSpec> defaultMetrics(boolean explicit) {
        return MetricSpec.defaults(explicit).stream().filter(m -> m.group() != MetricSpec.Group.RATING).toList();
    }

    public static Outcome run(Dataset train, GivenTestSet split, ExternalLists lists, List<MetricSpec> metrics,
                              Relevance relevance, long seed, Progress progress, Cancellation cancellation) {
        checkMetrics(metrics);
        if (lists.lists().length != train.userCount()) {
            throw new IllegalArgumentException("the lists were read for another training dataset");
        }
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        progress.report(0, "mapping " + split.spec() + " onto " + train.name());
        Fold fold = split.split(train, seed).get(0);
        ExternalListModel model = new ExternalListModel(train, lists.lists());
        FoldEvaluator evaluator = new FoldEvaluator(metrics, relevance, Candidates.FULL, seed);
        FoldResult result = evaluator.evaluate(fold, model, 0, progress.stage(0.05, 1), cancellation);
        List<FoldResult> results = List.of(result);
        int users = train.userCount();
        Map<String, double[]> pooled = Experiment.pool(metrics, results, users);
        Map<String, Summary> summaries = Experiment.summarise(metrics, results, pooled);
        Map<String, String> params = new LinkedHashMap<>();
        params.put(FILE, lists.fileName());
        params.put(SHA256, lists.sha256());
        params.put(PATH, lists.path());
        progress.report(1, "done");
        RunResult run = new RunResult(0, train.name(), DatasetChecksum.of(train), ALGORITHM, params, split.spec(),
                seed, relevance, Candidates.FULL, summaries, results, pooled, users, (System.nanoTime() - start) / 1e9,
                startedAt, Experiment.version());
        return new Outcome(run, lists, usersWithoutList(fold, lists, relevance));
    }

    private static int usersWithoutList(Fold fold, ExternalLists lists, Relevance relevance) {
        var test = fold.test();
        int n = 0;
        for (int u = 0; u < test.userCount(); u++) {
            if (lists.lists()[u].length > 0) {
                continue;
            }
            for (int p = test.rowStart(u), end = p + test.rowLength(u); p < end; p++) {
                if (relevance.relevant(test.rowValue(p))) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    /** The metric specs of a stored run, to measure its list again. */
    public static List<MetricSpec> metricsOf(RunResult run) {
        List<MetricSpec> metrics = new ArrayList<>();
        for (String key : run.metrics().keySet()) {
            metrics.add(MetricSpec.parse(key));
        }
        return metrics;
    }
}
