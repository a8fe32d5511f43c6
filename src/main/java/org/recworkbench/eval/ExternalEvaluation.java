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
 * Measures recommendation lists ({@link ExternalLists}) and/or predicted ratings ({@link ExternalPredictions}) made
 * elsewhere on a separate test dataset with the same metrics, intervals and per-user values as a fitted model: the
 * files become a model that ranks only its listed items and predicts only the file's pairs
 * ({@link ExternalListModel}) and go through {@link FoldEvaluator}. The run is labelled algorithm
 * {@value #ALGORITHM} with each file's name, path and SHA-256 as its parameters.
 */
public final class ExternalEvaluation {

    /** The algorithm a run of an external list records. */
    public static final String ALGORITHM = "external";
    public static final String FILE = "file";
    public static final String SHA256 = "sha256";
    public static final String PATH = "path";
    public static final String PREDICTIONS_FILE = "predictions-file";
    public static final String PREDICTIONS_SHA256 = "predictions-sha256";
    public static final String PREDICTIONS_PATH = "predictions-path";

    private ExternalEvaluation() {
    }

    /**
     * What an evaluation of external lists and/or predictions measured, and how the files matched the data.
     *
     * @param lists            null when only predictions were given
     * @param predictions      null when only lists were given
     * @param usersWithoutList ranked test users (with a relevant test item) for whom the file has no list: they
     *                         count, with every metric 0, as for a model that recommends nothing
     */
    public record Outcome(RunResult run, ExternalLists lists, ExternalPredictions predictions, int usersWithoutList) {

        public Outcome withRun(RunResult saved) {
            return new Outcome(saved, lists, predictions, usersWithoutList);
        }
    }

    public static boolean isExternal(RunResult run) {
        return ALGORITHM.equals(run.algorithm());
    }

    /** The file names a stored external run measured, for the history ("recs.csv + preds.csv"). */
    public static String fileNames(RunResult run) {
        List<String> names = new ArrayList<>();
        if (run.params().containsKey(FILE)) {
            names.add(run.params().get(FILE));
        }
        if (run.params().containsKey(PREDICTIONS_FILE)) {
            names.add(run.params().get(PREDICTIONS_FILE));
        }
        return names.isEmpty() ? "?" : String.join(" + ", names);
    }

    /**
     * Refuses the metrics the given files cannot answer: rating metrics (RMSE, MAE, coverage) without predictions,
     * ranking, AUC and beyond-accuracy metrics without lists.
     */
    public static List<MetricSpec> checkMetrics(List<MetricSpec> metrics, boolean lists, boolean predictions) {
        List<String> rating = metrics.stream().filter(m -> m.group() == MetricSpec.Group.RATING)
                .map(MetricSpec::key).toList();
        if (!predictions && !rating.isEmpty()) {
            throw new InvalidInputException(String.join(", ", rating) + " needs predicted ratings, which a "
                    + "recommendation list does not have; expected ranking metrics such as precision@10, recall@10, "
                    + "ndcg@10, map@10, hit@10, mrr@10, auc or beyond-accuracy ones such as novelty@10 (or give the "
                    + "predicted ratings with --predictions FILE.csv)");
        }
        List<String> ranking = metrics.stream().filter(m -> m.group() != MetricSpec.Group.RATING)
                .map(MetricSpec::key).toList();
        if (!lists && !ranking.isEmpty()) {
            throw new InvalidInputException(String.join(", ", ranking) + " needs recommendation lists, which "
                    + "predictions for the test pairs are not; expected rating metrics (rmse, mae, user-rmse, "
                    + "user-mae, coverage) or give the lists with --recommendations FILE.csv");
        }
        return metrics;
    }

    /**
     * The default metrics: the data's defaults without the rating metrics for lists, RMSE, MAE and coverage for
     * predictions; both for both.
     */
    public static List<MetricSpec> defaultMetrics(boolean explicit, boolean lists, boolean predictions) {
        List<MetricSpec> metrics = new ArrayList<>();
        if (predictions) {
            metrics.addAll(MetricSpec.parseList("rmse,mae,coverage"));
        }
        if (lists) {
            MetricSpec.defaults(explicit).stream().filter(m -> m.group() != MetricSpec.Group.RATING)
                    .forEach(metrics::add);
        }
        return metrics;
    }

    /** Measures lists only. */
    public static Outcome run(Dataset train, GivenTestSet split, ExternalLists lists, List<MetricSpec> metrics,
                              Relevance relevance, long seed, Progress progress, Cancellation cancellation) {
        return run(train, split, lists, null, metrics, relevance, seed, progress, cancellation);
    }

    /** Measures lists, predictions or both (at least one is not null) as one model. */
    public static Outcome run(Dataset train, GivenTestSet split, ExternalLists lists, ExternalPredictions predictions,
                              List<MetricSpec> metrics, Relevance relevance, long seed, Progress progress,
                              Cancellation cancellation) {
        if (lists == null && predictions == null) {
            throw new IllegalArgumentException("no lists and no predictions to measure");
        }
        checkMetrics(metrics, lists != null, predictions != null);
        if (lists != null && lists.lists().length != train.userCount()) {
            throw new IllegalArgumentException("the lists were read for another training dataset");
        }
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        progress.report(0, "mapping " + split.spec() + " onto " + train.name());
        Fold fold = split.split(train, seed).get(0);
        int[][] listed = lists != null ? lists.lists() : new int[train.userCount()][0];
        ExternalListModel model = new ExternalListModel(train, listed, predictions);
        FoldEvaluator evaluator = new FoldEvaluator(metrics, relevance, Candidates.FULL, seed);
        FoldResult result = evaluator.evaluate(fold, model, 0, progress.stage(0.05, 1), cancellation);
        List<FoldResult> results = List.of(result);
        int users = train.userCount();
        Map<String, double[]> pooled = Experiment.pool(metrics, results, users);
        Map<String, Summary> summaries = Experiment.summarise(metrics, results, pooled);
        Map<String, String> params = new LinkedHashMap<>();
        if (lists != null) {
            params.put(FILE, lists.fileName());
            params.put(SHA256, lists.sha256());
            params.put(PATH, lists.path());
        }
        if (predictions != null) {
            params.put(PREDICTIONS_FILE, predictions.fileName());
            params.put(PREDICTIONS_SHA256, predictions.sha256());
            params.put(PREDICTIONS_PATH, predictions.path());
        }
        progress.report(1, "done");
        RunResult run = new RunResult(0, train.name(), DatasetChecksum.of(train), ALGORITHM, params, split.spec(),
                seed, relevance, Candidates.FULL, summaries, results, pooled, users, (System.nanoTime() - start) / 1e9,
                startedAt, Experiment.version());
        return new Outcome(run, lists, predictions, lists == null ? 0 : usersWithoutList(fold, lists, relevance));
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
